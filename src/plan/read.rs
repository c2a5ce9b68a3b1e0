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
        Some(f) => {
            if let Some(k) = crate::json_read::format_problem(f, PLAN_FORMAT, Doc::Plan) {
                return Err(vec![Problem::new("format", k)]);
            }
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
    match shape(&value) {
        Ok(plan) => Ok(plan),
        Err(first) => Err(every_problem(value, first)),
    }
}

/// At most this many problems are looked for: each is one more pass of serde over the
/// plan, and a plan broken that often is not worth reading further.
const MAX_PROBLEMS: usize = 50;

/// The plan by its derived shape, or serde's first problem with its path.
fn shape(value: &Value) -> Result<Plan, Found> {
    serde_path_to_error::deserialize(value).map_err(|e: serde_path_to_error::Error<_>| {
        use serde_path_to_error::Segment;
        Found {
            segs: e
                .path()
                .iter()
                .map(|s| match s {
                    Segment::Seq { index } => Seg::Index(*index),
                    Segment::Map { key } => Seg::Key(key.clone()),
                    Segment::Enum { variant } => Seg::Key(variant.clone()),
                    Segment::Unknown => Seg::Unknown,
                })
                .collect(),
            detail: e.into_inner().to_string(),
        }
    })
}

/// One shape problem: where serde was in the plan it read, and what it said.
struct Found {
    segs: Vec<Seg>,
    detail: String,
}

/// One step of a path into the plan.
#[derive(Debug, Clone, PartialEq)]
enum Seg {
    Key(String),
    Index(usize),
    /// A map key that is not text (none in a plan; kept so a path never lies).
    Unknown,
}

/// The path as the messages write it: `steps[2].start`, `totals.steps`.
fn path_text(path: &[Seg]) -> String {
    path.iter().fold(String::new(), |out, seg| match seg {
        Seg::Key(k) => crate::json_read::join(&out, k),
        Seg::Index(i) => crate::json_read::index(&out, *i),
        Seg::Unknown => crate::json_read::join(&out, "?"),
    })
}

/// Every shape problem, not only serde's first: the part with the problem is set
/// aside (the innermost list item removed, else the top-level field replaced by the
/// one of [`minimal_plan`], or a missing one added) and serde runs again, until the
/// plan reads or nothing more can be set aside. Removed items are remembered, so a
/// later problem is named at its index in the file (two broken steps: `steps[1]` and
/// `steps[3]`). Driven by the derived types alone: a field added to `Plan` or `Step`
/// is read, and its problems found, with no change here.
fn every_problem(mut value: Value, first: Found) -> Vec<Problem> {
    let mut removed = Removed::default();
    let mut problems: Vec<Problem> = Vec::new();
    let mut next = Some(first);
    while let Some(found) = next.take() {
        let detail = found.detail;
        let p = Problem::new(
            path_text(&removed.original(&found.segs)),
            Text::new(
                format!("계획 파일의 형식에 맞지 않습니다: {detail}"),
                detail.clone(),
            ),
        );
        // The same problem again means setting aside did not get past it.
        if problems.contains(&p) || problems.len() == MAX_PROBLEMS {
            break;
        }
        problems.push(p);
        if !set_aside(&mut value, &found.segs, &detail, &mut removed) {
            break;
        }
        next = shape(&value).err();
    }
    problems
}

/// The list items taken out so far, by the list's path in the file and their index
/// in the file: to name later problems where the file has them.
#[derive(Default)]
struct Removed(Vec<(String, usize)>);

impl Removed {
    /// A path in the plan being repaired as a path in the file.
    fn original(&self, segs: &[Seg]) -> Vec<Seg> {
        let mut out: Vec<Seg> = Vec::with_capacity(segs.len());
        for seg in segs {
            let seg = match seg {
                Seg::Index(now) => {
                    let list = path_text(&out);
                    let gone = |i: &usize| self.0.iter().any(|(l, j)| *l == list && j == i);
                    // The `now`-th index of the file that is still there.
                    Seg::Index((0..).filter(|i| !gone(i)).nth(*now).unwrap_or(*now))
                }
                other => other.clone(),
            };
            out.push(seg);
        }
        out
    }
}

/// Sets aside the part of `value` that serde stopped at; false when there is none.
fn set_aside(value: &mut Value, segs: &[Seg], detail: &str, removed: &mut Removed) -> bool {
    // The innermost list item: the items of a list are read one by one, so the others
    // are still read.
    if let Some(at) = segs.iter().rposition(|s| matches!(s, Seg::Index(_)))
        && let Seg::Index(i) = segs[at]
        && let Some(Value::Array(items)) = walk(value, &segs[..at])
        && i < items.len()
    {
        items.remove(i);
        let original = removed.original(&segs[..=at]);
        if let Some((Seg::Index(o), list)) = original.split_last() {
            removed.0.push((path_text(list), *o));
        }
        return true;
    }
    let minimal = minimal_plan();
    let Value::Object(fields) = value else {
        return false;
    };
    match segs.first() {
        // A field of the plan: the minimal plan's, or none when it may be absent.
        Some(Seg::Key(k)) => {
            match minimal.get(k) {
                Some(v) => fields.insert(k.clone(), v.clone()),
                None => fields.remove(k),
            };
            true
        }
        // The plan itself, i.e. a missing field ("missing field `as_of`").
        None => {
            let named = detail
                .strip_prefix("missing field `")
                .and_then(|r| r.split('`').next());
            let missing: Vec<(&String, &Value)> = minimal
                .as_object()
                .into_iter()
                .flatten()
                .filter(|(k, _)| !fields.contains_key(*k) && named.is_none_or(|n| n == *k))
                .collect();
            for (k, v) in &missing {
                fields.insert((*k).clone(), (*v).clone());
            }
            !missing.is_empty()
        }
        Some(_) => false,
    }
}

/// The value at `segs`, when the path leads somewhere.
fn walk<'v>(value: &'v mut Value, segs: &[Seg]) -> Option<&'v mut Value> {
    segs.iter().try_fold(value, |v, seg| match seg {
        Seg::Key(k) => v.get_mut(k.as_str()),
        Seg::Index(i) => v.get_mut(*i),
        Seg::Unknown => None,
    })
}

/// The smallest plan that reads: every required field, nothing else. Its fields stand
/// in for broken ones while the other problems are looked for.
fn minimal_plan() -> Value {
    serde_json::json!({
        "format": PLAN_FORMAT,
        "generated_by": "",
        "as_of": "2026-01",
        "catalogue": {"id": "", "version": "", "sha256": ""},
        "profile": {},
        "size_class": "unknown",
        "steps": [],
        "not_eligible": [],
        "totals": {"steps": 0, "max_support_krw": 0, "cross_ministry_links": 0},
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    #[test]
    fn the_minimal_plan_reads() {
        let v = minimal_plan();
        assert!(shape(&v).is_ok(), "{:?}", shape(&v).err().map(|f| f.detail));
    }

    fn paths(doc: &Value) -> Vec<String> {
        let e = parse_plan(doc.to_string().as_bytes())
            .map(|_| ())
            .expect_err("refused");
        e.iter().map(|p| p.in_lang(Lang::En)).collect()
    }

    #[test]
    fn missing_fields_are_each_named() {
        let mut v = minimal_plan();
        let m = v.as_object_mut().expect("object");
        m.remove("as_of");
        m.remove("totals");
        let got = paths(&v);
        assert_eq!(got.len(), 2, "{got:#?}");
        assert!(got[0].contains("missing field `as_of`"), "{got:#?}");
        assert!(got[1].contains("missing field `totals`"), "{got:#?}");
    }

    #[test]
    fn a_plan_broken_everywhere_stops_at_the_cap() {
        let mut v = minimal_plan();
        let bad: Vec<Value> = (0..200).map(|_| Value::from(1)).collect();
        v["steps"] = Value::Array(bad);
        assert_eq!(paths(&v).len(), MAX_PROBLEMS);
    }
}
