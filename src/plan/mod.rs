//! The `gachi-plan/1` contract (spec/formats.md §2): what the app exports and the
//! command line prints. Fields beyond the contract are additions, never renames.

use crate::catalogue::Call;
use crate::codes::{Goal, SizeClass};
mod freshness;
mod read;
mod unlock;
mod verdict;
mod window;

pub use freshness::Freshness;
pub use read::parse_plan;
pub use unlock::{Change, Unlock};
pub use verdict::{Eligibility, Outcome, Reason};
pub use window::WindowState;

use crate::month::YearMonth;
use crate::profile::{Application, SizeFacts};
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
    /// Added (2026-11): for each legal class whether the firm certainly is (true),
    /// certainly is not (false) or may be (null), by the law in force at `as_of`.
    #[serde(default)]
    pub size_facts: SizeFacts,
    pub steps: Vec<Step>,
    /// Added: programmes the firm may use that the pathway did not pick, with why.
    #[serde(default)]
    pub also_eligible: Vec<AlsoEligible>,
    pub not_eligible: Vec<NotEligible>,
    /// Added: programmes in the profile's `received`, found in the catalogue.
    #[serde(default)]
    pub received: Vec<String>,
    pub totals: Totals,
    /// Added (2026-11): the firm's funding need against the loan and guarantee limits
    /// of the plan; absent when the profile gives no need.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funding: Option<Funding>,
    /// Added (2026-11): goals of the profile that no step serves, because no
    /// programme of that kind suits the firm (a weak or mismatched one is not offered
    /// just to fill the goal); the app and the report say so.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals_without_step: Vec<Goal>,
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
    /// Added (2026-11): the ministry's name at the plan month (MOTIE: 산업통상부 from
    /// 2025-10-01).
    #[serde(default)]
    pub ministry_name: Text,
    pub agency: String,
    /// Added (2026-11): the agency in English, when the catalogue gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency_en: Option<String>,
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
    /// Added (2026-11): the dated call behind `start` — the call itself when
    /// confirmed, the newest call when forecast from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call: Option<Call>,
    /// Added (2026-11): the call takes applications in the plan month.
    #[serde(default)]
    pub open_now: bool,
    /// Added (2026-11): when the entry was checked, its newest call, and whether it
    /// is outdated (no call in the last 18 months).
    #[serde(default)]
    pub freshness: Freshness,
    /// Added (2026-12): where the firm stands with this programme (the last record of
    /// the profile's `applications`); absent when it has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application: Option<Application>,
    /// Added (2026-12): the programme's earlier records, oldest first (e.g. a rejection
    /// before the present try); absent when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Application>,
    /// Added (2026-12): after a rejection, programmes of the same purpose the firm may
    /// use instead (best fit first); absent when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<Alternative>,
    /// Added (2026-12): the application documents the notice lists, each marked ready
    /// when the consultant ticked it (`applications[].documents_ready`); absent when the
    /// catalogue lists none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<StepDocument>,
    /// Added (2026-12): where the document list comes from (`url`, and `date` when the
    /// page carries one); absent without documents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documents_source: Option<DocumentsSource>,
    /// Added (2026-12): the official application page, when the catalogue gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apply_url: Option<String>,
}

/// The source of a step's document list: `{"url", "date"}` (`date` absent when the
/// page is undated: "확인 필요").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentsSource {
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// A same-purpose programme offered after a rejection (`steps[].alternatives`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alternative {
    pub programme_id: String,
    pub name: Text,
    pub eligibility: Eligibility,
}

/// One application document of a step: `{"ko", "en", "ready"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepDocument {
    pub ko: String,
    pub en: String,
    /// Ticked as ready in the client's file.
    #[serde(default)]
    pub ready: bool,
    /// In the notice's list (false: a document the client's file ticks that the
    /// catalogue does not list, kept and shown rather than dropped).
    #[serde(default = "listed_default", skip_serializing_if = "is_listed")]
    pub listed: bool,
}

fn listed_default() -> bool {
    true
}

fn is_listed(l: &bool) -> bool {
    *l
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
    /// Added (2026-11): the programme's name, so a report names programmes that only
    /// an imported catalogue knows (trial 2026-11: "(이름 없는 사업)").
    #[serde(default)]
    pub name: Text,
    pub eligibility: Eligibility,
    pub why_not_chosen: Text,
    /// What is left to verify (the unknown reasons); the rest passed.
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NotEligible {
    pub programme_id: String,
    /// Added (2026-11): the programme's name (see `AlsoEligible::name`).
    #[serde(default)]
    pub name: Text,
    /// The failing reasons.
    pub reasons: Vec<Reason>,
    /// Added: the profile changes that would make it eligible (all of them together);
    /// absent when a failure cannot be changed (e.g. business age going down).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unlock: Vec<Unlock>,
    /// Added (2026-11): the changes that would make it eligible when one of them is a
    /// major change (moving the head office, changing industry): never in `unlock`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub major_change: Vec<Unlock>,
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
    /// Added (2026-11): sum of the sourced maximums of grants, vouchers, R&D and
    /// consulting (money the firm does not repay), in won.
    #[serde(default)]
    pub max_grant_krw: u64,
    /// Added (2026-11): sum of the sourced limits of loans and guarantees, in won.
    /// `max_support_krw` stays `max_grant_krw + max_loan_krw` for older readers.
    #[serde(default)]
    pub max_loan_krw: u64,
    /// Added (2026-11): grant-type steps with no sourced amount.
    #[serde(default)]
    pub grant_steps_without_amount: usize,
    /// Added (2026-11): loan and guarantee steps with no sourced limit.
    #[serde(default)]
    pub loan_steps_without_amount: usize,
    /// Added (2026-11): steps of category `rnd` (R&D projects).
    #[serde(default)]
    pub rnd_steps: usize,
    /// Added (2026-11): the largest sourced maximum of one R&D step, in won. R&D
    /// programmes are alternatives a firm runs one project at a time (and their
    /// notices limit concurrent projects), so their maximums are not added up for the
    /// headline (fresh-user trial 2026-11: 119억 for a 120억 firm).
    #[serde(default)]
    pub max_rnd_project_krw: u64,
    /// Added (2026-11): `max_grant_krw` without the R&D steps, in won.
    #[serde(default)]
    pub max_grant_non_rnd_krw: u64,
    /// Added (2026-11): `max_grant_non_rnd_krw` over the steps whose every condition
    /// is met (eligibility `eligible`), in won: the headline figure, since a step
    /// "to verify" may not be open to the firm at all (trial 2026-11: 15억 of
    /// to-verify steps read as what the firm could get).
    #[serde(default)]
    pub max_grant_eligible_krw: u64,
    /// Added (2026-11): `max_grant_non_rnd_krw` without the steps of which no
    /// condition could be checked (every condition is one to read in the notice), in
    /// won: what "with the steps to verify, up to" shows (trial 2026-11: a robot SI
    /// firm's 15억 counted a 10억 consortium project for robot buyers of which
    /// nothing was known to fit).
    #[serde(default)]
    pub max_grant_checked_krw: u64,
    /// Added (2026-11): grant steps (outside R&D) with a sourced amount left out of
    /// `max_grant_checked_krw` because none of their conditions could be checked.
    #[serde(default)]
    pub grant_steps_unchecked: usize,
    /// Added (2026-11): steps counted in `max_grant_eligible_krw` whose source is not
    /// marked `confirmed` (a blog or an older notice): the headline says so (trial
    /// 2026-11: a 4,200만 headline resting on a consultant's blog, unmarked).
    #[serde(default)]
    pub grant_eligible_unsure_steps: usize,
}

impl Step {
    /// The agency in `lang`: English when the catalogue gives it, else the Korean name.
    pub fn agency_in(&self, lang: crate::text::Lang) -> &str {
        match (&self.agency_en, lang) {
            (Some(en), crate::text::Lang::En) => en,
            _ => &self.agency,
        }
    }
}

/// Whether a kind of support is repaid (loans, guarantees) or not (grants, vouchers,
/// R&D, consulting); designations and events carry no money.
pub fn money_side(kind: &str) -> Option<MoneySide> {
    match kind {
        "grant" | "voucher" | "consulting" => Some(MoneySide::Grant),
        "loan" | "guarantee" => Some(MoneySide::Loan),
        _ => None,
    }
}

/// The two kinds of money a plan sums apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneySide {
    Grant,
    Loan,
}

/// The firm's funding need (`funding_need_krw`, won) against the loan and guarantee
/// steps of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Funding {
    pub need_krw: u64,
    /// Loan and guarantee steps, in plan order, with their sourced limit.
    pub loan_steps: Vec<FundingStep>,
    /// true: one step's limit alone covers the need; false: every step has a
    /// sourced limit and none does; null: cannot tell (limits not sourced, or no
    /// loan step).
    pub covered: Option<bool>,
}

/// One loan or guarantee step and whether its limit covers the need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FundingStep {
    pub order: usize,
    pub programme_id: String,
    pub max_krw: Option<u64>,
    pub covers: Option<bool>,
}

impl Funding {
    /// From the plan's steps.
    pub fn of(need_krw: u64, steps: &[Step]) -> Funding {
        let loan_steps: Vec<FundingStep> = steps
            .iter()
            .filter(|s| money_side(&s.support.kind) == Some(MoneySide::Loan))
            .map(|s| FundingStep {
                order: s.order,
                programme_id: s.programme_id.clone(),
                max_krw: s.support.max_krw,
                covers: s.support.max_krw.map(|m| m >= need_krw),
            })
            .collect();
        let covered = if loan_steps.iter().any(|s| s.covers == Some(true)) {
            Some(true)
        } else if !loan_steps.is_empty() && loan_steps.iter().all(|s| s.covers == Some(false)) {
            Some(false)
        } else {
            None
        };
        Funding {
            need_krw,
            loan_steps,
            covered,
        }
    }

    /// "필요 자금 5억원 — ③ 한도 안 (최대 100억원)" in both languages.
    pub fn describe(&self) -> Text {
        let need = crate::text::krw(self.need_krw);
        let circled = |n: usize| crate::text::circled(n);
        let first_cover = self.loan_steps.iter().find(|s| s.covers == Some(true));
        match (self.covered, first_cover) {
            (Some(true), Some(s)) => {
                let max = crate::text::krw(s.max_krw.unwrap_or_default());
                Text::new(
                    format!(
                        "필요 자금 {} — {} 한도 안 (최대 {})",
                        need.ko,
                        circled(s.order),
                        max.ko
                    ),
                    format!(
                        "Funding need {} — within the limit of step {} (up to {})",
                        need.en, s.order, max.en
                    ),
                )
            }
            (Some(false), _) => Text::new(
                format!("필요 자금 {} — 융자·보증 한도 초과", need.ko),
                format!("Funding need {} — above the loan limits", need.en),
            ),
            _ if self.loan_steps.is_empty() => Text::new(
                format!("필요 자금 {} — 계획에 융자·보증 없음", need.ko),
                format!("Funding need {} — no loan step in the plan", need.en),
            ),
            _ => Text::new(
                format!("필요 자금 {} — 한도 확인 필요", need.ko),
                format!("Funding need {} — limits to verify", need.en),
            ),
        }
    }
}

impl Plan {
    /// The goals no step serves, as a list in the language asked ("디지털 전환, 수출").
    pub fn goals_without_step_text(&self, lang: crate::text::Lang) -> String {
        let names: Vec<&str> = self
            .goals_without_step
            .iter()
            .map(|g| g.label(lang))
            .collect();
        names.join(", ")
    }

    pub fn to_pretty_json(&self) -> String {
        // The plan holds only strings, numbers and lists: serialising cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.programme_id == id)
    }
}
