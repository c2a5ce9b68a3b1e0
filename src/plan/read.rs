//! Reading a saved `gachi-plan/1` back: the format check, then the shape by serde.

use super::{PLAN_FORMAT, Plan};
use crate::json_read::{Doc, JsonType, Problem, ProblemKind, parse_json};
use crate::text::Text;
use serde_json::Value;

/// Reads a plan back from bytes.
pub fn parse_plan(bytes: &[u8]) -> Result<Plan, Vec<Problem>> {
    let value = parse_json(bytes).map_err(|p| vec![p])?;
    if !value.is_object() {
        return Err(vec![Problem::whole(ProblemKind::WrongType {
            expected: Text::new("계획 파일(JSON 객체)", "a plan (a JSON object)"),
            found: JsonType::of(&value),
        })]);
    }
    match value.get("format").and_then(Value::as_str) {
        Some(PLAN_FORMAT) => {}
        Some(f) if f.starts_with("gachi-plan/") => {
            return Err(vec![Problem::new(
                "format",
                ProblemKind::NewerFormat {
                    found: f.to_string(),
                    reads: PLAN_FORMAT.to_string(),
                },
            )]);
        }
        Some(f) => {
            return Err(vec![Problem::new(
                "format",
                ProblemKind::NotFormat {
                    found: f.to_string(),
                    doc: Doc::Plan,
                    expected: PLAN_FORMAT.to_string(),
                },
            )]);
        }
        None => {
            return Err(vec![Problem::new(
                "format",
                Text::new(
                    format!("필수 항목입니다; \"{PLAN_FORMAT}\"이어야 합니다"),
                    format!("is required; expected \"{PLAN_FORMAT}\""),
                ),
            )]);
        }
    }
    let plan: Plan = serde_path_to_error::deserialize(value).map_err(|e| {
        let detail = e.inner().to_string();
        vec![Problem::new(
            e.path().to_string().trim_start_matches('.').to_string(),
            Text::new(
                format!("계획 파일의 형식에 맞지 않습니다: {detail}"),
                detail,
            ),
        )]
    })?;
    Ok(plan)
}
