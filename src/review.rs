//! What changed for each client (issue 15, item 5): after an import or a fetch, every
//! client of the workspace is planned again against the new catalogue, and four lists
//! say what the consultant should look at:
//!
//! - **new**: programmes the client may now use (a step of its plan or an eligible /
//!   to-verify programme the plan did not pick) that it could not use with the old
//!   catalogue (absent there, or not eligible under its rules). Without an old
//!   catalogue, every usable programme whose call came from a feed notice (a feed
//!   programme, tagged `bizinfo` or `kstartup`, or a curated programme that took a
//!   notice as its current call: both carry `feed`).
//! - **opening**: dated calls of usable programmes whose opening day is within
//!   [`OPENING_DAYS`] (60) days of the first day of the plan month.
//! - **closing**: dated calls of usable programmes whose closing day is within
//!   [`CLOSING_DAYS`] (14) days of the first day of the plan month.
//! - **changed**: steps of the new plan whose per-firm maximum (`support.max_krw`) or
//!   rules (`criteria`) differ between the old and the new catalogue.
//!
//! The 60- and 14-day horizons are issue 15's ("calls opening in the next 60 days,
//! calls closing in the next 14 days"), counted from the first day of the plan month
//! because the engine's unit of time is the month. A date given as a month only
//! (`"2027-01"`, and a feed call whose notice text gives no day) counts when any day
//! of that month is inside the horizon, and its distance in days is then not given.
//!
//! Pure: profiles, catalogues and a month in, values out; no files, no clock. The
//! command line (`gachi review`) reads the workspace and prints [`review_text`] or the
//! `gachi-review/1` JSON (docs/formats.md).

use crate::bizinfo::{Period, parse_period};
use crate::catalogue::{Call, CallDate, Catalogue, Programme, days_in_month};
use crate::matcher::{FirmFacts, build_plan, evaluate};
use crate::month::YearMonth;
use crate::plan::{Eligibility, Outcome, Plan, Reason};
use crate::profile::FirmProfile;
use crate::text::{Lang, Text, krw_in, printable};
use serde::Serialize;
use std::collections::HashMap;

/// The format tag of the JSON form of a review.
pub const REVIEW_FORMAT: &str = "gachi-review/1";

/// Calls opening within this many days of the first of the plan month are listed
/// (issue 15: "calls opening in the next 60 days").
pub const OPENING_DAYS: i64 = 60;

/// Calls closing within this many days of the first of the plan month are listed
/// (issue 15: "calls closing in the next 14 days").
pub const CLOSING_DAYS: i64 = 14;

/// A catalogue as the review names it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CatalogueName {
    pub id: String,
    pub version: String,
}

impl CatalogueName {
    /// The id and version of a catalogue.
    pub fn of(c: &Catalogue) -> Self {
        CatalogueName {
            id: c.id.clone(),
            version: c.version.clone(),
        }
    }
}

/// The review of every client: `gachi-review/1`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Review {
    pub format: &'static str,
    /// The plan month; the horizons count from its first day.
    pub as_of: YearMonth,
    /// The new catalogue.
    pub catalogue: CatalogueName,
    /// The old catalogue (`--since`), or null when the review has none.
    pub since: Option<CatalogueName>,
    /// One entry per client, in the order given (the command line: by file name).
    pub clients: Vec<ClientReview>,
    /// Client files that could not be read, with their problems (set by the caller,
    /// which reads the files); absent when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<SkippedClient>,
}

/// What changed for one client.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClientReview {
    /// The client's file name in the workspace.
    pub file: String,
    /// The firm's name from the profile.
    pub name: String,
    /// Programmes newly usable, in the new plan's order (steps, then the others).
    pub new: Vec<NewItem>,
    /// Calls opening within [`OPENING_DAYS`], by opening date.
    pub opening: Vec<CallItem>,
    /// Calls closing within [`CLOSING_DAYS`], by closing date.
    pub closing: Vec<CallItem>,
    /// Steps whose amount or rules changed, in step order.
    pub changed: Vec<ChangedItem>,
}

impl ClientReview {
    /// Nothing to tell this client.
    pub fn is_empty(&self) -> bool {
        self.new.is_empty()
            && self.opening.is_empty()
            && self.closing.is_empty()
            && self.changed.is_empty()
    }
}

/// A client file that was not reviewed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkippedClient {
    pub file: String,
    /// One line per problem, in the message language.
    pub problems: Vec<String>,
}

/// Why a programme matters to the client: where it stands in the new plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Standing {
    /// `eligible` (every condition met) or `verify` (none failed, some to check).
    pub eligibility: Eligibility,
    /// The step number in the new plan; null when the plan did not pick it.
    pub step: Option<usize>,
    /// The step's start month; null when not a step.
    pub start: Option<YearMonth>,
    /// The conditions left to verify (the unknown reasons), as sentences.
    pub to_verify: Vec<Text>,
}

/// A dated call as the review shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CallDates {
    /// `YYYY-MM-DD`, or `YYYY-MM` when only the month is known.
    pub open: CallDate,
    /// Null when open until the budget is used or when no source gives it.
    pub close: Option<CallDate>,
    pub until_budget: bool,
    pub round: Option<String>,
    /// Where the call was announced (the notice's address for a feed call).
    pub source: String,
}

/// Why a programme is new to the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NewBecause {
    /// The old catalogue did not have it.
    Added,
    /// The old catalogue had it, and the client did not meet its rules then.
    NowEligible,
    /// No old catalogue: its call came from a feed notice.
    Feed,
}

/// A programme newly usable by the client.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewItem {
    pub programme_id: String,
    pub name: Text,
    #[serde(flatten)]
    pub standing: Standing,
    pub because: NewBecause,
    /// With `now_eligible`: the condition the client failed under the old catalogue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub was_failing: Option<Text>,
    /// The feed notice behind it (`source`: `bizinfo` or `kstartup`), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<NoticeRef>,
    /// Its current or next dated call (not closed before the plan month), if any.
    pub call: Option<CallDates>,
}

/// A feed notice, by source and id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoticeRef {
    pub source: String,
    pub notice_id: String,
}

/// A call opening or closing soon.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CallItem {
    pub programme_id: String,
    pub name: Text,
    #[serde(flatten)]
    pub standing: Standing,
    pub call: CallDates,
    /// Days from the first of the plan month to the opening (in `opening`) or the
    /// closing (in `closing`) day; null when that date is a month only.
    pub days: Option<i64>,
}

/// An amount before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AmountChange {
    pub before: Option<u64>,
    pub after: Option<u64>,
}

/// A step whose amount or rules changed between the catalogues.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangedItem {
    pub programme_id: String,
    pub name: Text,
    #[serde(flatten)]
    pub standing: Standing,
    /// Under the old catalogue: `eligible`, `verify` or `not_eligible` (null when
    /// the old plan had it nowhere, e.g. received).
    pub eligibility_before: Option<Eligibility>,
    /// `support.max_krw` (won) before and after; absent when unchanged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_krw: Option<AmountChange>,
    /// Criteria of the old catalogue that the new one no longer has, each judged for
    /// this client.
    pub rules_removed: Vec<Reason>,
    /// Criteria the new catalogue added or changed, each judged for this client.
    pub rules_added: Vec<Reason>,
}

/// Reviews every client `(file, profile)` against `new` (and `old`, when given) at
/// the plan month `as_of`. Two plans per client with an old catalogue, one without.
pub fn review(
    clients: &[(String, FirmProfile)],
    new: &Catalogue,
    old: Option<&Catalogue>,
    as_of: YearMonth,
) -> Review {
    Review {
        format: REVIEW_FORMAT,
        as_of,
        catalogue: CatalogueName::of(new),
        since: old.map(CatalogueName::of),
        clients: clients
            .iter()
            .map(|(file, p)| review_client(file, p, new, old, as_of))
            .collect(),
        skipped: Vec::new(),
    }
}

/// Where each usable programme stands in a plan: steps first, then the others.
fn usable(plan: &Plan) -> Vec<(&str, Standing)> {
    let unknown = |rs: &[Reason]| {
        rs.iter()
            .filter(|r| r.outcome == Outcome::Unknown)
            .map(Reason::text)
            .collect::<Vec<_>>()
    };
    // A programme the firm applied to or was selected for is under way: its calls and
    // changes are no news for the firm (issue 17); a planned or rejected one is.
    let under_way = |s: &&crate::plan::Step| {
        s.application
            .as_ref()
            .is_some_and(|a| a.status.is_running())
    };
    let steps = plan.steps.iter().filter(|s| !under_way(s)).map(|s| {
        (
            s.programme_id.as_str(),
            Standing {
                eligibility: s.eligibility,
                step: Some(s.order),
                start: Some(s.start),
                to_verify: unknown(&s.reasons),
            },
        )
    });
    let others = plan.also_eligible.iter().map(|a| {
        (
            a.programme_id.as_str(),
            Standing {
                eligibility: a.eligibility,
                step: None,
                start: None,
                to_verify: unknown(&a.reasons),
            },
        )
    });
    steps.chain(others).collect()
}

/// The review of one client.
pub fn review_client(
    file: &str,
    profile: &FirmProfile,
    new: &Catalogue,
    old: Option<&Catalogue>,
    as_of: YearMonth,
) -> ClientReview {
    let plan = build_plan(new, profile, as_of, crate::GENERATED_BY);
    let now = usable(&plan);
    let old_plan = old.map(|c| build_plan(c, profile, as_of, crate::GENERATED_BY));
    let before: HashMap<&str, Eligibility> = old_plan
        .iter()
        .flat_map(|p| {
            usable(p)
                .into_iter()
                .map(|(id, s)| (id, s.eligibility))
                .chain(
                    p.not_eligible
                        .iter()
                        .map(|n| (n.programme_id.as_str(), Eligibility::NotEligible)),
                )
        })
        .collect();
    let day0 = day_number(as_of, 1);

    let mut new_items = Vec::new();
    let mut opening = Vec::new();
    let mut closing = Vec::new();
    for (id, standing) in &now {
        let Some(p) = new.get(id) else { continue };
        let calls = calls_of(p);
        // A notice whose every call closed before the plan month is no news: one-off
        // notices do not come back (trial 2026-11: four October notices listed as
        // new on 2026-11-30). Curated programmes recur, so their old calls do not count.
        let closed =
            p.feed.is_some() && !calls.is_empty() && calls.iter().all(|c| last_day(c) < day0);
        let because = match (old, before.get(id)) {
            (Some(_), Some(Eligibility::Eligible | Eligibility::Verify)) => None,
            (Some(_), Some(Eligibility::NotEligible)) => Some(NewBecause::NowEligible),
            (Some(o), None) if o.get(id).is_none() => Some(NewBecause::Added),
            // In the old catalogue but nowhere in its plan (received): not new.
            (Some(_), None) => None,
            (None, _) => p.feed.is_some().then_some(NewBecause::Feed),
        };
        if let Some(because) = because.filter(|_| !closed) {
            let was_failing = match (because, &old_plan) {
                (NewBecause::NowEligible, Some(op)) => op
                    .not_eligible
                    .iter()
                    .find(|n| n.programme_id == *id)
                    .and_then(|n| n.reasons.iter().find(|r| r.outcome == Outcome::Fail))
                    .map(Reason::text),
                _ => None,
            };
            let call = calls
                .iter()
                .filter(|c| last_day(c) >= day0)
                .min_by_key(|c| c.open)
                .cloned();
            new_items.push(NewItem {
                programme_id: id.to_string(),
                name: p.name.clone(),
                standing: standing.clone(),
                because,
                was_failing,
                notice: p.feed.as_ref().map(|f| NoticeRef {
                    source: f.source.clone(),
                    notice_id: f.notice_id.clone(),
                }),
                call,
            });
        }
        for c in &calls {
            let item = |days| CallItem {
                programme_id: id.to_string(),
                name: p.name.clone(),
                standing: standing.clone(),
                call: c.clone(),
                days,
            };
            if let Some(days) = within(c.open, day0, OPENING_DAYS) {
                opening.push(item(days));
            }
            if let Some(close) = c.close
                && let Some(days) = within(close, day0, CLOSING_DAYS)
            {
                closing.push(item(days));
            }
        }
    }
    // Stable sorts: equal dates keep the plan's order.
    opening.sort_by_key(|c| c.call.open);
    closing.sort_by_key(|c| c.call.close);

    let mut changed = Vec::new();
    if let Some(old) = old {
        let facts = FirmFacts::new(profile, as_of);
        for s in &plan.steps {
            let (Some(p), Some(q)) = (new.get(&s.programme_id), old.get(&s.programme_id)) else {
                continue;
            };
            let max_krw = (p.support.max_krw != q.support.max_krw).then_some(AmountChange {
                before: q.support.max_krw,
                after: p.support.max_krw,
            });
            let judged = |from: &Programme, other: &Programme| {
                from.criteria
                    .iter()
                    .filter(|c| !other.criteria.contains(c))
                    .map(|c| evaluate(c, &facts))
                    .collect::<Vec<_>>()
            };
            let rules_removed = judged(q, p);
            let rules_added = judged(p, q);
            if max_krw.is_some() || !rules_removed.is_empty() || !rules_added.is_empty() {
                let standing = now
                    .iter()
                    .find(|(id, _)| *id == s.programme_id)
                    .map(|(_, st)| st.clone());
                let Some(standing) = standing else { continue };
                changed.push(ChangedItem {
                    programme_id: s.programme_id.clone(),
                    name: p.name.clone(),
                    standing,
                    eligibility_before: before.get(s.programme_id.as_str()).copied(),
                    max_krw,
                    rules_removed,
                    rules_added,
                });
            }
        }
    }

    ClientReview {
        file: file.to_string(),
        name: profile.name.clone(),
        new: new_items,
        opening,
        closing,
        changed,
    }
}

/// The dated calls of a programme: its `windows.calls`, and the current call a feed
/// notice gave it (`windows.current`, in months), with the days read again from the
/// notice's period as written when they agree with those months.
pub fn calls_of(p: &Programme) -> Vec<CallDates> {
    let mut out: Vec<CallDates> = p.windows.calls.iter().map(call_dates).collect();
    if let Some(cur) = p.windows.current {
        let month_only = |m| CallDate {
            month: m,
            day: None,
        };
        let (open, close) = match p.feed.as_ref().map(|f| parse_period(&f.period_text)) {
            Some(Period::Dated { from, to })
                if from.year_month() == cur.from && to.year_month() == cur.to =>
            {
                (
                    CallDate {
                        month: cur.from,
                        day: Some(from.day),
                    },
                    CallDate {
                        month: cur.to,
                        day: Some(to.day),
                    },
                )
            }
            _ => (month_only(cur.from), month_only(cur.to)),
        };
        if !out.iter().any(|c| c.open == open && c.close == Some(close)) {
            let source = p
                .feed
                .as_ref()
                .and_then(|f| f.url.clone())
                .unwrap_or_else(|| p.provenance.url.clone());
            out.push(CallDates {
                open,
                close: Some(close),
                until_budget: false,
                round: None,
                source,
            });
        }
    }
    out
}

fn call_dates(c: &Call) -> CallDates {
    CallDates {
        open: c.open,
        close: c.close,
        until_budget: c.until_budget,
        round: c.round.clone(),
        source: c.source.clone(),
    }
}

/// Days since 1970-01-01 of a day of the Gregorian calendar (Hinnant's algorithm).
fn day_number(m: YearMonth, day: u8) -> i64 {
    let (mut y, mo, d) = (i64::from(m.year), i64::from(m.month), i64::from(day));
    if mo <= 2 {
        y -= 1;
    }
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (mo + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The first and last day a date can be: the day itself, or its month's first and
/// last days.
fn span(d: CallDate) -> (i64, i64) {
    match d.day {
        Some(day) => {
            let n = day_number(d.month, day);
            (n, n)
        }
        None => (
            day_number(d.month, 1),
            day_number(d.month, days_in_month(d.month)),
        ),
    }
}

/// The last day a call may take applications (its opening day when it has no
/// close; open until the budget is used: the end of its budget half-year).
fn last_day(c: &CallDates) -> i64 {
    match (c.close, c.until_budget) {
        (Some(close), _) => span(close).1,
        (None, true) => {
            let half_end = YearMonth {
                year: c.open.month.year,
                month: if c.open.month.month <= 6 { 6 } else { 12 },
            };
            day_number(half_end, days_in_month(half_end))
        }
        (None, false) => span(c.open).1,
    }
}

/// `Some(days from day0)` when `d` can fall within `horizon` days from `day0` (from
/// day0 through day0 + horizon); the inner `None` when `d` is a month only.
fn within(d: CallDate, day0: i64, horizon: i64) -> Option<Option<i64>> {
    let (first, last) = span(d);
    (first <= day0 + horizon && last >= day0).then(|| d.day.map(|_| first - day0))
}

fn eligibility_label(e: Eligibility) -> Text {
    match e {
        Eligibility::Eligible => Text::new("자격 충족", "eligible"),
        Eligibility::Verify => Text::new("확인 필요", "to verify"),
        Eligibility::NotEligible => Text::new("해당 없음", "not eligible"),
    }
}

/// "자격 충족 · 계획 2단계 (2027-01)" / "to verify: <first question> · not in the plan".
fn standing_text(s: &Standing, lang: Lang) -> String {
    let mut out = eligibility_label(s.eligibility).get(lang).to_string();
    if let Some(q) = s.to_verify.first() {
        out.push_str(&format!(": {}", printable(q.get(lang))));
        if s.to_verify.len() > 1 {
            out.push_str(&match lang {
                Lang::Ko => format!(" 외 {}건", s.to_verify.len() - 1),
                Lang::En => format!(" and {} more", s.to_verify.len() - 1),
            });
        }
    }
    out.push_str(" · ");
    out.push_str(&match (s.step, s.start, lang) {
        (Some(n), Some(m), Lang::Ko) => format!("계획 {n}단계 ({m})"),
        (Some(n), Some(m), Lang::En) => format!("step {n} of the plan ({m})"),
        (_, _, Lang::Ko) => "계획에 넣지 않은 사업".to_string(),
        (_, _, Lang::En) => "not a step of the plan".to_string(),
    });
    out
}

fn name_text(name: &Text, id: &str, lang: Lang) -> String {
    let n = name.get(lang);
    let n = if n.is_empty() { &name.ko } else { n };
    format!("{} ({id})", printable(n))
}

fn call_text(c: &CallDates, lang: Lang) -> String {
    let close = match (c.close, c.until_budget, lang) {
        (Some(d), _, Lang::Ko) => format!("{d} 마감"),
        (Some(d), _, Lang::En) => format!("closes {d}"),
        (None, true, Lang::Ko) => "예산 소진 시 마감".to_string(),
        (None, true, Lang::En) => "until the budget is used".to_string(),
        (None, false, Lang::Ko) => "마감일 미상".to_string(),
        (None, false, Lang::En) => "closing date unknown".to_string(),
    };
    match lang {
        Lang::Ko => format!("{} 접수 시작, {close}", c.open),
        Lang::En => format!("opens {}, {close}", c.open),
    }
}

fn days_text(days: Option<i64>, lang: Lang) -> String {
    match (days, lang) {
        (Some(0), Lang::Ko) => " (이달 1일)".to_string(),
        (Some(0), Lang::En) => " (on the 1st)".to_string(),
        (Some(d), Lang::Ko) => format!(" ({d}일 후)"),
        (Some(d), Lang::En) => format!(" (in {d} days)"),
        (None, Lang::Ko) => " (날짜는 월까지만 알려짐)".to_string(),
        (None, Lang::En) => " (month only)".to_string(),
    }
}

fn amount(v: Option<u64>, lang: Lang) -> String {
    match (v, lang) {
        (Some(w), _) => krw_in(w, lang),
        (None, Lang::Ko) => "금액 미상".to_string(),
        (None, Lang::En) => "no sourced amount".to_string(),
    }
}

/// The review as text for a terminal: one block per client, in `lang`.
pub fn review_text(r: &Review, lang: Lang) -> String {
    let mut out = String::new();
    let cat = format!(
        "{} {}",
        printable(&r.catalogue.id),
        printable(&r.catalogue.version)
    );
    out.push_str(&match (&r.since, lang) {
        (Some(s), Lang::Ko) => format!(
            "고객별 변경 사항 — {} 기준, 카탈로그 {cat} (이전: {} {})\n",
            r.as_of,
            printable(&s.id),
            printable(&s.version)
        ),
        (Some(s), Lang::En) => format!(
            "What changed for each client — as of {}, catalogue {cat} (since {} {})\n",
            r.as_of,
            printable(&s.id),
            printable(&s.version)
        ),
        (None, Lang::Ko) => format!(
            "고객별 변경 사항 — {} 기준, 카탈로그 {cat} (이전 카탈로그 없음: 공고에서 온 사업을 새 사업으로 봅니다)\n",
            r.as_of
        ),
        (None, Lang::En) => format!(
            "What changed for each client — as of {}, catalogue {cat} (no earlier catalogue: programmes from feed notices count as new)\n",
            r.as_of
        ),
    });
    if r.clients.is_empty() {
        out.push_str(match lang {
            Lang::Ko => "검토할 고객이 없습니다.\n",
            Lang::En => "No client to review.\n",
        });
    }
    for c in &r.clients {
        out.push_str(&format!(
            "\n■ {} ({})\n",
            printable(&c.name),
            printable(&c.file)
        ));
        if c.is_empty() {
            out.push_str(match lang {
                Lang::Ko => "  바뀐 것 없음\n",
                Lang::En => "  nothing changed\n",
            });
            continue;
        }
        if !c.new.is_empty() {
            out.push_str(&match lang {
                Lang::Ko => format!("  새로 해당하는 사업 {}건\n", c.new.len()),
                Lang::En => format!("  newly eligible or to verify: {}\n", c.new.len()),
            });
            for n in &c.new {
                let because = match (n.because, lang) {
                    (NewBecause::Added, Lang::Ko) => "새로 들어온 사업".to_string(),
                    (NewBecause::Added, Lang::En) => "new in the catalogue".to_string(),
                    (NewBecause::NowEligible, Lang::Ko) => match &n.was_failing {
                        Some(t) => format!("전에는 해당 안 됨: {}", printable(&t.ko)),
                        None => "전에는 해당 안 됨".to_string(),
                    },
                    (NewBecause::NowEligible, Lang::En) => match &n.was_failing {
                        Some(t) => format!("not eligible before: {}", printable(&t.en)),
                        None => "not eligible before".to_string(),
                    },
                    (NewBecause::Feed, Lang::Ko) => "공고에서 온 사업".to_string(),
                    (NewBecause::Feed, Lang::En) => "from a feed notice".to_string(),
                };
                out.push_str(&format!(
                    "    - {} — {} · {because}\n",
                    name_text(&n.name, &n.programme_id, lang),
                    standing_text(&n.standing, lang)
                ));
                if let Some(call) = &n.call {
                    out.push_str(&format!("      {}\n", call_text(call, lang)));
                }
            }
        }
        for (items, ko, en, opening) in [
            (
                &c.opening,
                "60일 안에 접수 시작",
                "opening within 60 days",
                true,
            ),
            (
                &c.closing,
                "14일 안에 마감",
                "closing within 14 days",
                false,
            ),
        ] {
            if items.is_empty() {
                continue;
            }
            out.push_str(&match lang {
                Lang::Ko => format!("  {ko} {}건\n", items.len()),
                Lang::En => format!("  {en}: {}\n", items.len()),
            });
            for i in items {
                let date = match (opening, lang) {
                    (true, Lang::Ko) => format!("{} 접수 시작", i.call.open),
                    (true, Lang::En) => format!("opens {}", i.call.open),
                    (false, Lang::Ko) => {
                        format!(
                            "{} 마감",
                            i.call.close.map(|d| d.to_string()).unwrap_or_default()
                        )
                    }
                    (false, Lang::En) => {
                        format!(
                            "closes {}",
                            i.call.close.map(|d| d.to_string()).unwrap_or_default()
                        )
                    }
                };
                out.push_str(&format!(
                    "    - {} — {date}{} · {}\n      {}\n",
                    name_text(&i.name, &i.programme_id, lang),
                    days_text(i.days, lang),
                    standing_text(&i.standing, lang),
                    call_text(&i.call, lang)
                ));
            }
        }
        if !c.changed.is_empty() {
            out.push_str(&match lang {
                Lang::Ko => format!("  금액·요건이 바뀐 단계 {}건\n", c.changed.len()),
                Lang::En => format!(
                    "  steps whose amount or rules changed: {}\n",
                    c.changed.len()
                ),
            });
            for ch in &c.changed {
                out.push_str(&format!(
                    "    - {} — {}\n",
                    name_text(&ch.name, &ch.programme_id, lang),
                    standing_text(&ch.standing, lang)
                ));
                if let Some(m) = &ch.max_krw {
                    out.push_str(&match lang {
                        Lang::Ko => format!(
                            "      최대 지원 {} → {}\n",
                            amount(m.before, lang),
                            amount(m.after, lang)
                        ),
                        Lang::En => format!(
                            "      maximum {} → {}\n",
                            amount(m.before, lang),
                            amount(m.after, lang)
                        ),
                    });
                }
                for (rules, ko, en) in [
                    (&ch.rules_removed, "이전 요건", "rule before"),
                    (&ch.rules_added, "새 요건", "rule now"),
                ] {
                    for r in rules {
                        let label = match lang {
                            Lang::Ko => ko,
                            Lang::En => en,
                        };
                        out.push_str(&format!(
                            "      {label}: {}\n",
                            printable(r.text().get(lang))
                        ));
                    }
                }
            }
        }
    }
    if !r.skipped.is_empty() {
        let files: Vec<String> = r.skipped.iter().map(|s| printable(&s.file)).collect();
        out.push_str(&match lang {
            Lang::Ko => format!(
                "\n읽지 못해 건너뛴 고객 파일: {} (이유는 표준 오류에)\n",
                files.join(", ")
            ),
            Lang::En => format!(
                "\nclient files skipped, unreadable: {} (reasons on standard error)\n",
                files.join(", ")
            ),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(s: &str) -> YearMonth {
        YearMonth::parse(s).unwrap()
    }

    fn date(s: &str) -> CallDate {
        CallDate::parse(s).unwrap()
    }

    #[test]
    fn day_numbers_count_days_across_months_and_leap_years() {
        assert_eq!(day_number(ym("1970-01"), 1), 0);
        assert_eq!(
            day_number(ym("2026-12"), 31) - day_number(ym("2026-12"), 1),
            30
        );
        assert_eq!(
            day_number(ym("2027-01"), 30) - day_number(ym("2026-12"), 1),
            60
        );
        assert_eq!(
            day_number(ym("2028-03"), 1) - day_number(ym("2028-02"), 1),
            29
        );
        assert_eq!(
            day_number(ym("2027-03"), 1) - day_number(ym("2027-02"), 1),
            28
        );
    }

    #[test]
    fn the_horizons_include_both_ends_and_month_only_dates_overlap() {
        let day0 = day_number(ym("2026-12"), 1);
        assert_eq!(within(date("2026-12-01"), day0, 14), Some(Some(0)));
        assert_eq!(within(date("2026-12-15"), day0, 14), Some(Some(14)));
        assert_eq!(within(date("2026-12-16"), day0, 14), None);
        assert_eq!(within(date("2026-11-30"), day0, 14), None);
        assert_eq!(within(date("2027-01-30"), day0, 60), Some(Some(60)));
        assert_eq!(within(date("2027-01-31"), day0, 60), None);
        // A month only: any of its days may be the one.
        assert_eq!(within(date("2026-12"), day0, 14), Some(None));
        assert_eq!(within(date("2027-01"), day0, 60), Some(None));
        assert_eq!(within(date("2027-02"), day0, 60), None);
        assert_eq!(within(date("2026-11"), day0, 60), None);
    }
}
