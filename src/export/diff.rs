//! Comparing two plans: what a consultant wants to know after the firm's answers, the
//! month or the catalogue changed.

use super::{S, krw, text_or};
use crate::codes::SizeClass;
use crate::facts::ministry_short;
use crate::matcher::{Eligibility, Outcome, WindowState};
use crate::month::YearMonth;
use crate::plan::{CatalogueRef, Plan, Step, Totals};
use crate::strings::*;
use crate::text::printable;
use crate::text::{Lang, Text};
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};

/// The format tag written into the JSON form of a diff.
pub const DIFF_FORMAT: &str = "gachi-plan-diff/1";

/// One value in plan A (`before`) and plan B (`after`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair<T> {
    pub before: T,
    pub after: T,
}

impl<T: PartialEq> Pair<T> {
    fn new(before: T, after: T) -> Self {
        Pair { before, after }
    }

    pub fn changed(&self) -> bool {
        self.before != self.after
    }
}

/// A top-level profile field that differs (absent and null count as the same:
/// both mean "unknown").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    pub field: String,
    pub before: Value,
    pub after: Value,
}

/// A step found in only one of the plans, and where the programme stands in the other.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepBrief {
    pub programme_id: String,
    pub name: Text,
    pub ministry: String,
    pub order: usize,
    pub start: YearMonth,
    /// Added (2026-11): how sure `start` is; with `to_verify` the month is only the
    /// earliest possible and is not printed.
    pub window: WindowState,
    /// In the other plan: `also_eligible`, `not_eligible`, `received` or `absent`.
    pub other_plan: String,
    /// Why, in the other plan: the first failing reason, or why it was not chosen.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_note: Option<Text>,
}

/// A step in both plans whose place relative to the other shared steps changed
/// (steps merely renumbered by an addition or removal are not listed).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Moved {
    pub programme_id: String,
    pub name: Text,
    pub order: Pair<usize>,
}

/// A step in both plans whose months or window changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateChange {
    pub programme_id: String,
    pub name: Text,
    pub start: Pair<YearMonth>,
    pub end: Pair<YearMonth>,
    pub window: Pair<WindowState>,
    pub end_assumed: Pair<bool>,
}

/// One criterion whose outcome changed; `None` when the other plan has no such reason.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReasonChange {
    pub criterion: String,
    pub before: Option<Outcome>,
    pub after: Option<Outcome>,
    /// The reason's text in plan B, or in plan A when B has none.
    pub text: Text,
}

/// A step in both plans whose eligibility or criterion outcomes changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EligibilityChange {
    pub programme_id: String,
    pub name: Text,
    pub eligibility: Pair<Eligibility>,
    pub reasons: Vec<ReasonChange>,
}

/// A step in both plans whose support changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SupportChange {
    pub programme_id: String,
    pub name: Text,
    pub max_krw: Pair<Option<u64>>,
    pub self_share_pct: Pair<Option<u8>>,
    pub kind: Pair<String>,
}

/// Everything that differs from plan A (`before`) to plan B (`after`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanDiff {
    pub format: &'static str,
    /// Nothing listed below differs.
    pub unchanged: bool,
    pub firm: Pair<String>,
    pub as_of: Pair<YearMonth>,
    pub month_changed: bool,
    pub catalogue: Pair<CatalogueRef>,
    /// The catalogues' SHA-256 differ (a different file, even with the same version).
    pub catalogue_changed: bool,
    pub profile_changed: bool,
    pub profile_fields: Vec<FieldChange>,
    pub size_class: Pair<String>,
    pub size_class_changed: bool,
    /// Steps in B only, in B's order.
    pub added: Vec<StepBrief>,
    /// Steps in A only, in A's order.
    pub removed: Vec<StepBrief>,
    pub moved: Vec<Moved>,
    pub dates: Vec<DateChange>,
    pub eligibility: Vec<EligibilityChange>,
    pub support: Vec<SupportChange>,
    pub totals: Pair<Totals>,
    pub totals_changed: bool,
}

/// Compares plan `a` (before) with plan `b` (after).
pub fn diff_plans(a: &Plan, b: &Plan) -> PlanDiff {
    let firm = Pair::new(
        super::firm_name(a).to_string(),
        super::firm_name(b).to_string(),
    );
    let as_of = Pair::new(a.as_of, b.as_of);
    let catalogue = Pair::new(a.catalogue.clone(), b.catalogue.clone());
    let catalogue_changed = !a.catalogue.sha256.eq_ignore_ascii_case(&b.catalogue.sha256);
    let profile_fields = profile_changes(&a.profile, &b.profile);
    let profile_changed = !profile_fields.is_empty() || !same_profile(&a.profile, &b.profile);
    let size_class = Pair::new(a.size_class.clone(), b.size_class.clone());

    let in_b: HashMap<&str, &Step> = b
        .steps
        .iter()
        .map(|s| (s.programme_id.as_str(), s))
        .collect();
    let in_a: HashMap<&str, &Step> = a
        .steps
        .iter()
        .map(|s| (s.programme_id.as_str(), s))
        .collect();
    let added: Vec<StepBrief> = b
        .steps
        .iter()
        .filter(|s| !in_a.contains_key(s.programme_id.as_str()))
        .map(|s| brief(s, a))
        .collect();
    let removed: Vec<StepBrief> = a
        .steps
        .iter()
        .filter(|s| !in_b.contains_key(s.programme_id.as_str()))
        .map(|s| brief(s, b))
        .collect();

    // Shared steps in A's order and in B's order; those outside a longest common
    // subsequence are the ones that moved.
    let shared_a: Vec<&str> = a
        .steps
        .iter()
        .map(|s| s.programme_id.as_str())
        .filter(|id| in_b.contains_key(id))
        .collect();
    let shared_b: Vec<&str> = b
        .steps
        .iter()
        .map(|s| s.programme_id.as_str())
        .filter(|id| in_a.contains_key(id))
        .collect();
    let kept = lcs(&shared_a, &shared_b);
    let mut moved = Vec::new();
    let mut dates = Vec::new();
    let mut eligibility = Vec::new();
    let mut support = Vec::new();
    for id in &shared_b {
        let (Some(sa), Some(sb)) = (in_a.get(id), in_b.get(id)) else {
            continue;
        };
        if !kept.contains(id) {
            moved.push(Moved {
                programme_id: id.to_string(),
                name: sb.name.clone(),
                order: Pair::new(sa.order, sb.order),
            });
        }
        let dc = DateChange {
            programme_id: id.to_string(),
            name: sb.name.clone(),
            start: Pair::new(sa.start, sb.start),
            end: Pair::new(sa.end, sb.end),
            window: Pair::new(sa.window, sb.window),
            end_assumed: Pair::new(sa.end_assumed, sb.end_assumed),
        };
        // Two guesses of an unknown window are not a change of date (trial 2026-11:
        // "시작 2027-07 → 2028-07" for a programme with no known call).
        let both_unknown = sa.window == WindowState::ToVerify && sb.window == WindowState::ToVerify;
        if !both_unknown
            && (dc.start.changed()
                || dc.end.changed()
                || dc.window.changed()
                || dc.end_assumed.changed())
        {
            dates.push(dc);
        }
        let reasons = reason_changes(sa, sb);
        if sa.eligibility != sb.eligibility || !reasons.is_empty() {
            eligibility.push(EligibilityChange {
                programme_id: id.to_string(),
                name: sb.name.clone(),
                eligibility: Pair::new(sa.eligibility, sb.eligibility),
                reasons,
            });
        }
        let sc = SupportChange {
            programme_id: id.to_string(),
            name: sb.name.clone(),
            max_krw: Pair::new(sa.support.max_krw, sb.support.max_krw),
            self_share_pct: Pair::new(sa.support.self_share_pct, sb.support.self_share_pct),
            kind: Pair::new(sa.support.kind.clone(), sb.support.kind.clone()),
        };
        if sc.max_krw.changed() || sc.self_share_pct.changed() || sc.kind.changed() {
            support.push(sc);
        }
    }
    let totals = Pair::new(a.totals.clone(), b.totals.clone());
    let totals_changed = totals.changed();
    let month_changed = as_of.changed();
    let size_class_changed = size_class.changed();
    let unchanged = !month_changed
        && !catalogue_changed
        && !profile_changed
        && !size_class_changed
        && added.is_empty()
        && removed.is_empty()
        && moved.is_empty()
        && dates.is_empty()
        && eligibility.is_empty()
        && support.is_empty()
        && !totals_changed;
    PlanDiff {
        format: DIFF_FORMAT,
        unchanged,
        firm,
        as_of,
        month_changed,
        catalogue,
        catalogue_changed,
        profile_changed,
        profile_fields,
        size_class,
        size_class_changed,
        added,
        removed,
        moved,
        dates,
        eligibility,
        support,
        totals,
        totals_changed,
    }
}

/// Where a programme stands in `other`, with the reason to show.
fn brief(s: &Step, other: &Plan) -> StepBrief {
    let id = s.programme_id.as_str();
    let (where_, note) = if let Some(x) = other.also_eligible.iter().find(|x| x.programme_id == id)
    {
        ("also_eligible", Some(x.why_not_chosen.clone()))
    } else if let Some(x) = other.not_eligible.iter().find(|x| x.programme_id == id) {
        let first = x
            .reasons
            .iter()
            .find(|r| r.outcome == Outcome::Fail)
            .or(x.reasons.first())
            .map(|r| r.text());
        ("not_eligible", first)
    } else if other.received.iter().any(|r| r == id) {
        ("received", None)
    } else {
        ("absent", None)
    };
    StepBrief {
        programme_id: s.programme_id.clone(),
        name: s.name.clone(),
        ministry: s.ministry.clone(),
        order: s.order,
        start: s.start,
        window: s.window,
        other_plan: where_.to_string(),
        other_note: note.filter(|t| !t.ko.trim().is_empty() || !t.en.trim().is_empty()),
    }
}

/// Criterion outcomes that differ, matching reasons by criterion and occurrence.
fn reason_changes(a: &Step, b: &Step) -> Vec<ReasonChange> {
    let key = |rs: &[crate::matcher::Reason]| {
        let mut seen: HashMap<String, usize> = HashMap::new();
        rs.iter()
            .map(|r| {
                let n = seen.entry(r.criterion.clone()).or_insert(0);
                *n += 1;
                ((r.criterion.clone(), *n), r.clone())
            })
            .collect::<Vec<_>>()
    };
    let ka = key(&a.reasons);
    let kb = key(&b.reasons);
    let map_a: HashMap<_, _> = ka.iter().cloned().collect();
    let map_b: HashMap<_, _> = kb.iter().cloned().collect();
    let mut out = Vec::new();
    // B's order first, then reasons only A had.
    for (k, rb) in &kb {
        let before = map_a.get(k).map(|r| r.outcome);
        if before != Some(rb.outcome) {
            out.push(ReasonChange {
                criterion: rb.criterion.clone(),
                before,
                after: Some(rb.outcome),
                text: rb.text(),
            });
        }
    }
    for (k, ra) in &ka {
        if !map_b.contains_key(k) {
            out.push(ReasonChange {
                criterion: ra.criterion.clone(),
                before: Some(ra.outcome),
                after: None,
                text: ra.text(),
            });
        }
    }
    out
}

/// Longest common subsequence of two id lists (both hold the same ids).
fn lcs<'a>(a: &[&'a str], b: &[&'a str]) -> BTreeSet<&'a str> {
    let (n, m) = (a.len(), b.len());
    let mut t = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i][j] = if a[i] == b[j] {
                t[i + 1][j + 1] + 1
            } else {
                t[i + 1][j].max(t[i][j + 1])
            };
        }
    }
    let mut out = BTreeSet::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i] == b[j] {
            out.insert(a[i]);
            i += 1;
            j += 1;
        } else if t[i + 1][j] >= t[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

fn is_null(v: Option<&Value>) -> bool {
    v.is_none_or(Value::is_null)
}

fn profile_changes(a: &Value, b: &Value) -> Vec<FieldChange> {
    let (Some(oa), Some(ob)) = (a.as_object(), b.as_object()) else {
        return Vec::new();
    };
    let keys: BTreeSet<&String> = oa.keys().chain(ob.keys()).collect();
    keys.into_iter()
        .filter_map(|k| {
            let (va, vb) = (oa.get(k), ob.get(k));
            if va == vb || (is_null(va) && is_null(vb)) {
                return None;
            }
            Some(FieldChange {
                field: k.clone(),
                before: va.cloned().unwrap_or(Value::Null),
                after: vb.cloned().unwrap_or(Value::Null),
            })
        })
        .collect()
}

fn same_profile(a: &Value, b: &Value) -> bool {
    match (a.as_object(), b.as_object()) {
        (Some(_), Some(_)) => profile_changes(a, b).is_empty(),
        _ => a == b,
    }
}

fn elig_label(e: Eligibility, lang: Lang) -> &'static str {
    match e {
        Eligibility::Eligible => S::new("조건 충족", "eligible"),
        Eligibility::Verify => S::new("확인 필요", "to verify"),
        Eligibility::NotEligible => S::new("자격 미달", "not eligible"),
    }
    .get(lang)
}

fn outcome_mark(o: Option<Outcome>) -> &'static str {
    match o {
        Some(Outcome::Pass) => "○",
        Some(Outcome::Fail) => "×",
        Some(Outcome::Unknown) => "?",
        None => "–",
    }
}

fn window_short(w: WindowState, lang: Lang) -> &'static str {
    match w {
        WindowState::Confirmed => S::new("확정", "confirmed"),
        WindowState::Forecast => S::new("예상", "forecast"),
        WindowState::Rolling => S::new("상시", "rolling"),
        WindowState::ToVerify => S::new("확인 필요", "to verify"),
    }
    .get(lang)
}

/// The loan limits, or "금액 확인 필요" when the plan's loans state no amount (never
/// "0원" for a plan that has a loan).
fn loans(t: &crate::plan::Totals, lang: Lang) -> String {
    if t.max_loan_krw == 0 && t.loan_steps_without_amount > 0 {
        AMOUNT_TO_VERIFY.get(lang).to_string()
    } else {
        krw(t.max_loan_krw, lang)
    }
}

/// A step's month, or "신청 시기 미정" when its window is unknown (its month is only
/// the earliest possible).
fn month_or_undated(m: YearMonth, w: WindowState, lang: Lang) -> String {
    if w == WindowState::ToVerify {
        super::APPLY_UNKNOWN.get(lang).to_string()
    } else {
        m.to_string()
    }
}

fn size_label(code: &str, lang: Lang) -> String {
    SizeClass::from_code(code)
        .map(|c| c.label(lang).to_string())
        .unwrap_or_else(|| code.to_string())
}

fn amount(v: Option<u64>, lang: Lang) -> String {
    v.map(|w| krw(w, lang))
        .unwrap_or_else(|| LIVE_VERIFY.get(lang).to_string())
}

/// A profile value, shortened for one line.
fn short_value(v: &Value, lang: Lang) -> String {
    let s = match v {
        Value::Null => DIFF_NONE.get(lang).to_string(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(39).collect::<String>())
    } else {
        s
    }
}

/// The diff as lines a person reads, in `lang`; programme names from their `lang`
/// text. Control characters from the plans are shown as `\u{…}` escapes.
pub fn diff_text(d: &PlanDiff, lang: Lang) -> String {
    let mut lines: Vec<String> = Vec::new();
    let arrow = "→";
    if d.unchanged {
        lines.push(SAME.get(lang).to_string());
    }
    if d.month_changed {
        lines.push(format!(
            "{}: {} {arrow} {}",
            MONTH.get(lang),
            d.as_of.before,
            d.as_of.after
        ));
    }
    if d.catalogue_changed {
        let c = |r: &CatalogueRef| {
            format!(
                "{} {} ({})",
                r.id,
                r.version,
                r.sha256.chars().take(12).collect::<String>()
            )
        };
        lines.push(format!(
            "{}: {} {arrow} {}",
            CATALOGUE.get(lang),
            c(&d.catalogue.before),
            c(&d.catalogue.after)
        ));
    }
    if d.profile_changed {
        if d.profile_fields.is_empty() {
            lines.push(PROFILE_OTHER.get(lang).to_string());
        } else {
            let fields: Vec<String> = d
                .profile_fields
                .iter()
                .map(|f| {
                    format!(
                        "{} ({} {arrow} {})",
                        f.field,
                        short_value(&f.before, lang),
                        short_value(&f.after, lang)
                    )
                })
                .collect();
            lines.push(format!("{}: {}", PROFILE.get(lang), fields.join(", ")));
        }
    }
    if d.size_class_changed {
        lines.push(format!(
            "{}: {} {arrow} {}",
            LIVE_SIZE.get(lang),
            size_label(&d.size_class.before, lang),
            size_label(&d.size_class.after, lang)
        ));
    }
    let where_label = |w: &str| match w {
        "also_eligible" => ALSO.get(lang),
        "not_eligible" => NOT_ELIGIBLE.get(lang),
        "received" => RECEIVED.get(lang),
        _ => ABSENT.get(lang),
    };
    // Added and removed steps read alike: sign, label, the step, and where it stands
    // in the other plan.
    let brief = |sign: &str, label: &str, other: &str, s: &StepBrief| {
        let mut l = format!(
            "{sign} {label} {}. {} ({}, {}) — {other}: {}",
            s.order,
            text_or(&s.name, lang, &s.programme_id),
            ministry_short(&s.ministry, lang),
            month_or_undated(s.start, s.window, lang),
            where_label(&s.other_plan)
        );
        if let Some(n) = &s.other_note {
            l.push_str(&format!(" ({})", text_or(n, lang, "")));
        }
        l
    };
    for s in &d.added {
        lines.push(brief("+", ADDED.get(lang), BEFORE_WAS.get(lang), s));
    }
    for s in &d.removed {
        lines.push(brief("-", REMOVED.get(lang), NOW_IS.get(lang), s));
    }
    for m in &d.moved {
        lines.push(format!(
            "↕ {} {}: {} {arrow} {}",
            MOVED.get(lang),
            text_or(&m.name, lang, &m.programme_id),
            m.order.before,
            m.order.after
        ));
    }
    for c in &d.dates {
        let mut parts = Vec::new();
        let (unknown_before, unknown_after) = (
            c.window.before == WindowState::ToVerify,
            c.window.after == WindowState::ToVerify,
        );
        if c.start.changed() || unknown_before != unknown_after {
            parts.push(format!(
                "{} {} {arrow} {}",
                START.get(lang),
                month_or_undated(c.start.before, c.window.before, lang),
                month_or_undated(c.start.after, c.window.after, lang)
            ));
        }
        // An unknown window's end is a guess as well.
        if c.end.changed() && !unknown_before && !unknown_after {
            parts.push(format!(
                "{} {} {arrow} {}",
                END.get(lang),
                c.end.before,
                c.end.after
            ));
        }
        if c.window.changed() {
            parts.push(format!(
                "{} {} {arrow} {}",
                WINDOW.get(lang),
                window_short(c.window.before, lang),
                window_short(c.window.after, lang)
            ));
        }
        if c.end_assumed.changed() {
            let yn = |b: bool| {
                if b {
                    DIFF_YES.get(lang)
                } else {
                    DIFF_NO.get(lang)
                }
            };
            parts.push(format!(
                "{} {} {arrow} {}",
                DIFF_ASSUMED.get(lang),
                yn(c.end_assumed.before),
                yn(c.end_assumed.after)
            ));
        }
        lines.push(format!(
            "~ {} {}: {}",
            DATES.get(lang),
            text_or(&c.name, lang, &c.programme_id),
            parts.join(", ")
        ));
    }
    for e in &d.eligibility {
        let mut l = format!(
            "~ {} {}: {} {arrow} {}",
            ELIG.get(lang),
            text_or(&e.name, lang, &e.programme_id),
            elig_label(e.eligibility.before, lang),
            elig_label(e.eligibility.after, lang)
        );
        for r in &e.reasons {
            l.push_str(&format!(
                "; {} {}{arrow}{} {}",
                r.criterion,
                outcome_mark(r.before),
                outcome_mark(r.after),
                text_or(&r.text, lang, "")
            ));
        }
        lines.push(l);
    }
    for s in &d.support {
        let mut parts = Vec::new();
        if s.max_krw.changed() {
            parts.push(format!(
                "{} {arrow} {}",
                amount(s.max_krw.before, lang),
                amount(s.max_krw.after, lang)
            ));
        }
        if s.self_share_pct.changed() {
            let p = |v: Option<u8>| {
                v.map(|p| format!("{p}%"))
                    .unwrap_or_else(|| LIVE_VERIFY.get(lang).to_string())
            };
            parts.push(format!(
                "{} {} {arrow} {}",
                SELF_SHARE.get(lang),
                p(s.self_share_pct.before),
                p(s.self_share_pct.after)
            ));
        }
        if s.kind.changed() {
            parts.push(format!(
                "{} {} {arrow} {}",
                KIND.get(lang),
                super::support_kind_label(&s.kind.before, lang),
                super::support_kind_label(&s.kind.after, lang)
            ));
        }
        lines.push(format!(
            "~ {} {}: {}",
            SUPPORT.get(lang),
            text_or(&s.name, lang, &s.programme_id),
            parts.join(", ")
        ));
    }
    let (ta, tb) = (&d.totals.before, &d.totals.after);
    let pair = |x: String, y: String| {
        if x == y {
            x
        } else {
            format!("{x} {arrow} {y}")
        }
    };
    // The same figures as the app's header and the report: grants of steps whose
    // conditions are met, then with the checked to-verify steps, loans apart (trial
    // 2026-11: the diff said "최대 지원 15억" where the app said 0 and 5억).
    lines.push(format!(
        "{}: {} {}, {} {}, {} {}, {} {}, {} {}, {} {}",
        TOTALS.get(lang),
        TOTAL_STEPS.get(lang),
        pair(ta.steps.to_string(), tb.steps.to_string()),
        GRANTS_MET.get(lang),
        pair(
            krw(ta.max_grant_eligible_krw, lang),
            krw(tb.max_grant_eligible_krw, lang)
        ),
        GRANTS_IF_VERIFIED.get(lang),
        pair(
            krw(ta.max_grant_checked_krw, lang),
            krw(tb.max_grant_checked_krw, lang)
        ),
        LOANS.get(lang),
        pair(loans(ta, lang), loans(tb, lang)),
        AMOUNT_TO_VERIFY.get(lang),
        pair(
            ta.steps_amount_to_verify.to_string(),
            tb.steps_amount_to_verify.to_string()
        ),
        TOTAL_CROSS.get(lang),
        pair(
            ta.cross_ministry_links.to_string(),
            tb.cross_ministry_links.to_string()
        ),
    ));
    let mut out = String::new();
    for l in lines {
        out.push_str(&printable(&l));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lcs_finds_the_moved_step() {
        let a = ["x", "y", "z"];
        let b = ["y", "z", "x"];
        let kept = lcs(&a, &b);
        assert_eq!(kept.len(), 2);
        assert!(!kept.contains("x"));
    }
}
