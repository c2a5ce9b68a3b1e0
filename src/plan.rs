//! The `gachi-plan/1` contract (spec/formats.md §2): what the app exports and the
//! command line prints. Fields beyond the contract are additions, never renames.

use crate::catalogue::parse_json;
use crate::codes::{Goal, SizeClass};
use crate::json_read::Problem;
use crate::matcher::{Eligibility, Reason, WindowState};
use crate::month::YearMonth;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub const PLAN_FORMAT: &str = "gachi-plan/1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub format: String,
    pub generated_by: String,
    pub as_of: YearMonth,
    pub catalogue: CatalogueRef,
    /// The input profile, echoed whole.
    pub profile: Value,
    pub size_class: String,
    /// Added: every class still possible when `size_class` is "unknown".
    #[serde(default)]
    pub size_class_candidates: Vec<SizeClass>,
    /// Added: how the size class was derived.
    #[serde(default)]
    pub size_class_reason: Text,
    pub steps: Vec<Step>,
    /// Added: programmes the firm may use that the pathway did not pick, with why.
    #[serde(default)]
    pub also_eligible: Vec<AlsoEligible>,
    pub not_eligible: Vec<NotEligible>,
    /// Added: programmes in the profile's `received`, found in the catalogue.
    #[serde(default)]
    pub received: Vec<String>,
    pub totals: Totals,
    /// Added: the catalogue's "confirm at the official notice" text.
    #[serde(default)]
    pub notice: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogueRef {
    pub id: String,
    pub version: String,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub order: usize,
    pub programme_id: String,
    pub name: Text,
    pub ministry: String,
    pub agency: String,
    pub category: Goal,
    pub tags: Vec<String>,
    pub eligibility: Eligibility,
    pub start: YearMonth,
    pub end: YearMonth,
    pub after: Vec<String>,
    pub links: Vec<StepLink>,
    pub reasons: Vec<Reason>,
    pub support: StepSupport,
    pub url: String,
    /// Added: how sure the start month is (confirmed, forecast, rolling, to_verify).
    #[serde(default = "default_window")]
    pub window: WindowState,
    /// Added: the catalogue gives no duration, so `end` is a planning default.
    #[serde(default)]
    pub end_assumed: bool,
    /// Added: why this programme is in the plan.
    #[serde(default)]
    pub why: Vec<Text>,
    /// Added: the source's confidence and date.
    #[serde(default)]
    pub confidence: String,
    #[serde(default)]
    pub source_date: String,
}

fn default_window() -> WindowState {
    WindowState::ToVerify
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepLink {
    pub programme_id: String,
    pub kind: crate::catalogue::LinkKind,
    pub source: String,
    /// Added: the other programme is a step of this plan.
    #[serde(default)]
    pub in_plan: bool,
    /// Added: the two programmes belong to different ministries (a joint pathway).
    #[serde(default)]
    pub cross_ministry: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepSupport {
    pub max_krw: Option<u64>,
    pub self_share_pct: Option<u8>,
    /// Added: grant, loan, guarantee, voucher, consulting, designation or event.
    #[serde(default)]
    pub kind: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlsoEligible {
    pub programme_id: String,
    pub eligibility: Eligibility,
    pub why_not_chosen: Text,
    /// What is left to verify (the unknown reasons); the rest passed.
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NotEligible {
    pub programme_id: String,
    /// The failing reasons.
    pub reasons: Vec<Reason>,
    /// Added: the profile changes that would make it eligible (all of them together);
    /// absent when a failure cannot be changed (e.g. business age going down).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unlock: Vec<crate::matcher::Unlock>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Totals {
    pub steps: usize,
    /// Sum of the steps' sourced maximums; steps without one are counted below.
    pub max_support_krw: u64,
    pub cross_ministry_links: usize,
    /// Added: steps whose amount is not sourced ("확인 필요").
    #[serde(default)]
    pub steps_amount_to_verify: usize,
}

impl Plan {
    pub fn to_pretty_json(&self) -> String {
        // The plan holds only strings, numbers and lists: serialising cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.programme_id == id)
    }
}

/// Reads a plan back from bytes.
pub fn parse_plan(bytes: &[u8]) -> Result<Plan, Vec<Problem>> {
    let value = parse_json(bytes).map_err(|p| vec![p])?;
    if !value.is_object() {
        return Err(vec![Problem {
            path: String::new(),
            message: format!(
                "expected a plan (a JSON object), found {}",
                crate::json_read::type_name(&value)
            ),
        }]);
    }
    match value.get("format").and_then(Value::as_str) {
        Some(PLAN_FORMAT) => {}
        Some(f) if f.starts_with("gachi-plan/") => {
            return Err(vec![Problem {
                path: "format".into(),
                message: format!(
                    "\"{f}\" was made by a newer version of Gachi; this version reads \"{PLAN_FORMAT}\""
                ),
            }]);
        }
        Some(f) => {
            return Err(vec![Problem {
                path: "format".into(),
                message: format!("\"{f}\" is not a Gachi plan; expected \"{PLAN_FORMAT}\""),
            }]);
        }
        None => {
            return Err(vec![Problem {
                path: "format".into(),
                message: format!("is required; expected \"{PLAN_FORMAT}\""),
            }]);
        }
    }
    let plan: Plan = serde_path_to_error::deserialize(value).map_err(|e| {
        vec![Problem {
            path: e.path().to_string().trim_start_matches('.').to_string(),
            message: e.inner().to_string(),
        }]
    })?;
    Ok(plan)
}
