//! What the firm's applications do to a plan (issue 17; docs/formats.md §1
//! `applications`, §2 `steps[].application`):
//! - received, or selected: done for what follows (prerequisites, follow-ons,
//!   `needs_investment`); never proposed as a new application. A selected programme
//!   stays in the plan as the running step it is, from the month of selection.
//! - applied: a step fixed at the month of the application, waiting for the result;
//!   what follows it waits for it as for any step.
//! - rejected or withdrawn: proposed again only at a call after that month.
//! - 중복수혜 limits (`excludes` links): a programme excluded by one the firm was
//!   selected for or received is closed (`ever`) or moved past the limit (`same_year`,
//!   `concurrent`, `within_years`), with the reason in both languages.

use super::eligibility::{Outcome, Reason};
use super::schedule::period_end;
use crate::catalogue::{Catalogue, ExclusionPeriod, Link, LinkKind, Programme};
use crate::codes::ApplicationStatus;
use crate::month::YearMonth;
use crate::profile::{Application, FirmProfile};
use crate::text::{Text, josa};

/// The criterion name of reasons written here (`reasons[].criterion`).
pub const EXCLUDES: &str = "excludes";

/// The firm's standing in one programme, as the plan uses it.
#[derive(Debug, Clone, Default)]
pub struct Standing {
    /// The last record (profile `applications`, or `received`); `None` without one.
    pub record: Option<Application>,
    /// A 중복수혜 limit ends only at this month: the step starts no earlier.
    pub not_before: Option<YearMonth>,
    /// Why `not_before` (one sentence per limit).
    pub why: Vec<Text>,
}

/// What one 중복수혜 limit does to a programme for this firm at the plan month.
#[derive(Debug, Clone, PartialEq)]
pub enum Limit {
    /// Not open to the firm (`ever`): a failing reason.
    Closed(Reason),
    /// Open from that month on (`same_year`, `concurrent`, `within_years`), with why.
    NotBefore(YearMonth, Text),
    /// The limit binds, but the record gives no month to tell until when: to verify.
    Unsure(Reason),
}

/// Whether the firm's standing in a programme makes it done for what follows.
pub fn is_done(a: Option<&Application>) -> bool {
    matches!(
        a.map(|a| a.status),
        Some(ApplicationStatus::Received | ApplicationStatus::Selected)
    )
}

/// Whether a programme with this standing is kept in the plan whatever the choice
/// among programmes of its purpose (the firm is in it or means to be).
pub fn is_kept(a: Option<&Application>) -> bool {
    matches!(
        a.map(|a| a.status),
        Some(
            ApplicationStatus::Selected
                | ApplicationStatus::Applied
                | ApplicationStatus::Planned
                | ApplicationStatus::Rejected
        )
    )
}

/// The last month of a programme the firm was selected for in `from`: its duration,
/// or the planning default of its kind of support.
fn runs_until(p: &Programme, from: YearMonth) -> YearMonth {
    period_end(p.duration_months, p.support.kind, from)
}

/// The `excludes` link from `held` to `target`: having `held` limits `target`. A
/// limit binds one way (the smart-service notice shuts out smart-factory firms, not
/// the reverse); a mutual limit is two links.
fn excludes_link<'a>(held: &'a Programme, target: &Programme) -> Option<&'a Link> {
    held.links
        .iter()
        .find(|l| l.kind == LinkKind::Excludes && l.to == target.id)
}

/// Every limit on programme `j` from the programmes the firm was selected for or
/// received (`standing`), at the plan month. A limit on reapplying to the programme
/// itself does not apply here: a received programme is never proposed again.
pub fn limits(
    cat: &Catalogue,
    j: usize,
    standing: &[Option<Application>],
    as_of: YearMonth,
) -> Vec<Limit> {
    let target = &cat.programmes[j];
    let partners = cat.incoming[j]
        .iter()
        .filter(|&&(i, kind)| kind == LinkKind::Excludes && i != j)
        .map(|&(i, _)| i);
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for i in partners {
        if seen.contains(&i) {
            continue;
        }
        seen.push(i);
        let Some(rec) = standing[i].as_ref().filter(|a| is_done(Some(a))) else {
            continue;
        };
        let held = &cat.programmes[i];
        let Some(link) = excludes_link(held, target) else {
            continue;
        };
        if let Some(l) = limit(held, target, link, rec, as_of) {
            out.push(l);
        }
    }
    out
}

fn limit(
    held: &Programme,
    target: &Programme,
    link: &Link,
    rec: &Application,
    as_of: YearMonth,
) -> Option<Limit> {
    let (a, b) = (&held.name, &target.name);
    let (had_ko, had_en) = match rec.status {
        ApplicationStatus::Selected => ("선정된", "selected for"),
        _ => ("지원받은", "having received"),
    };
    let unsure = |ko: String, en: String| {
        Some(Limit::Unsure(Reason::new(
            EXCLUDES,
            Outcome::Unknown,
            ko,
            en,
        )))
    };
    match link.period? {
        ExclusionPeriod::Ever => Some(Limit::Closed(Reason::new(
            EXCLUDES,
            Outcome::Fail,
            format!(
                "'{}'에 {had_ko} 기업은 '{}'을(를) 받을 수 없습니다 (중복수혜 제한).",
                a.ko, b.ko
            ),
            format!(
                "A firm {had_en} '{}' cannot receive '{}' (duplicate-support limit).",
                a.en, b.en
            ),
        ))),
        ExclusionPeriod::SameYear => match rec.month {
            Some(m) if m.year < as_of.year => None,
            Some(m) => Some(Limit::NotBefore(
                YearMonth {
                    year: m.year + 1,
                    month: 1,
                },
                Text::new(
                    josa(&format!(
                        "'{}'에 {had_ko} 해({}년)에는 받을 수 없어 {}년 1월 이후로 두었습니다 (중복수혜 제한).",
                        a.ko,
                        m.year,
                        m.year + 1
                    )),
                    format!(
                        "Not in the year of '{}' ({}), so placed from January {} (duplicate-support limit).",
                        a.en,
                        m.year,
                        m.year + 1
                    ),
                ),
            )),
            None => unsure(
                format!(
                    "'{}'을(를) 받은 해에는 신청할 수 없습니다 (중복수혜 제한): 그 연도 확인 필요.",
                    a.ko
                ),
                format!(
                    "Not in the year the firm had '{}' (duplicate-support limit): which year is to verify.",
                    a.en
                ),
            ),
        },
        ExclusionPeriod::Concurrent => match (rec.status, rec.month) {
            (ApplicationStatus::Received, _) => None,
            (_, Some(m)) => {
                let last = runs_until(held, m);
                (last >= as_of).then(|| {
                    Limit::NotBefore(
                        last.plus_months(1),
                        Text::new(
                            josa(&format!(
                                "'{}' 수행 중({}까지로 예상)에는 함께 받을 수 없어 그 뒤로 두었습니다 (중복수혜 제한).",
                                a.ko, last
                            )),
                            format!(
                                "Not while '{}' runs (expected until {}), so placed after it (duplicate-support limit).",
                                a.en, last
                            ),
                        ),
                    )
                })
            }
            (_, None) => unsure(
                format!(
                    "'{}' 수행 중에는 함께 받을 수 없습니다 (중복수혜 제한): 언제 끝나는지 확인 필요.",
                    a.ko
                ),
                format!(
                    "Not while '{}' runs (duplicate-support limit): when it ends is to verify.",
                    a.en
                ),
            ),
        },
        ExclusionPeriod::WithinYears => {
            let years = i64::from(link.years.unwrap_or(1).max(1));
            match rec.month {
                Some(m) => {
                    let from = m.plus_months(12 * years);
                    (from > as_of).then(|| {
                        Limit::NotBefore(
                            from,
                            Text::new(
                                josa(&format!(
                                    "'{}'을(를) 받은 뒤 {years}년 안에는 받을 수 없어 {from} 이후로 두었습니다 (중복수혜 제한).",
                                    a.ko
                                )),
                                format!(
                                    "Not within {years} year(s) of '{}', so placed from {from} (duplicate-support limit).",
                                    a.en
                                ),
                            ),
                        )
                    })
                }
                None => unsure(
                    format!(
                        "'{}'을(를) 받은 뒤 {years}년 안에는 신청할 수 없습니다 (중복수혜 제한): 받은 시기 확인 필요.",
                        a.ko
                    ),
                    format!(
                        "Not within {years} year(s) of '{}' (duplicate-support limit): when it was received is to verify.",
                        a.en
                    ),
                ),
            }
        }
    }
}

/// Whether a record is dated after the plan month although it tells of something
/// that has happened (applied, selected, rejected, withdrawn, received): such a record
/// is not used (fresh-user trial 2026-11: a report said "선정되었습니다 (2027-03)" on
/// 2026-11-30).
pub fn is_future(a: &Application, as_of: YearMonth) -> bool {
    a.status != ApplicationStatus::Planned && a.month.is_some_and(|m| m > as_of)
}

/// The firm's standing in every programme of the catalogue, by index: the last record
/// that is not dated in the future (the `received` list otherwise).
pub fn standing_all(
    cat: &Catalogue,
    profile: &FirmProfile,
    as_of: YearMonth,
) -> Vec<Option<Application>> {
    cat.programmes
        .iter()
        .map(|p| {
            profile
                .records_of(&p.id)
                .into_iter()
                .rev()
                .find(|a| !is_future(a, as_of))
                .cloned()
                .or_else(|| {
                    profile
                        .received
                        .contains(&p.id)
                        .then(|| Application::new(p.id.as_str(), ApplicationStatus::Received))
                })
        })
        .collect()
}

/// The reason a programme carries when a record of it is dated in the future.
pub fn future_reason(a: &Application) -> Reason {
    let m = a.month.map(|m| m.to_string()).unwrap_or_default();
    Reason::new(
        "applications",
        Outcome::Unknown,
        format!(
            "{m}로 적힌 '{}' 기록은 아직 오지 않은 달이라 계획에 쓰지 않았습니다: 기록을 확인하세요.",
            a.status.ko()
        ),
        format!(
            "The '{}' record dated {m} is in a month that has not come, so the plan does not use it: check the record.",
            a.status.en()
        ),
    )
}

/// The earliest month a new application may go in after this record: after the month
/// of a rejection or withdrawal (that call is over), `None` otherwise.
pub fn retry_after(a: &Application) -> Option<YearMonth> {
    match a.status {
        ApplicationStatus::Rejected | ApplicationStatus::Withdrawn => {
            a.month.map(|m| m.plus_months(1))
        }
        _ => None,
    }
}

/// The sentence a step carries for its application record.
pub fn status_why(a: &Application, name: &Text) -> Option<Text> {
    let month_ko = a.month.map(|m| format!(" ({m})")).unwrap_or_default();
    Some(match a.status {
        ApplicationStatus::Selected => Text::new(
            format!(
                "선정되었습니다{month_ko}. 새로 신청할 필요가 없고, 이어지는 단계는 이 사업 뒤로 두었습니다."
            ),
            format!("Selected{month_ko}. No new application; the steps that follow come after it."),
        ),
        ApplicationStatus::Applied => Text::new(
            format!(
                "신청하고 결과를 기다리는 중입니다{month_ko}. 이어지는 단계는 결과가 나온 뒤입니다."
            ),
            format!("Applied{month_ko}, awaiting the result; the steps that follow wait for it."),
        ),
        ApplicationStatus::Rejected => Text::new(
            josa(&format!(
                "'{}'에서 탈락했습니다{month_ko}. 그 뒤에 열리는 공고에 다시 신청하도록 두었습니다.",
                name.ko
            )),
            format!("Not selected{month_ko}; placed at a later call to try again."),
        ),
        ApplicationStatus::Withdrawn => Text::new(
            format!("신청을 취소했습니다{month_ko}. 그 뒤에 열리는 공고로 두었습니다."),
            format!("Withdrawn{month_ko}; placed at a call after that."),
        ),
        // The card and the status line say it; a line here would move the panel.
        ApplicationStatus::Planned | ApplicationStatus::Received => return None,
    })
}

/// The `excludes` link by which having programme `held` limits programme `target`
/// (positions in the catalogue).
pub fn excludes_between(cat: &Catalogue, held: usize, target: usize) -> Option<&Link> {
    excludes_link(&cat.programmes[held], &cat.programmes[target])
}

/// An `excludes` link between `i` and `j`, either way, that forbids the second ever.
pub fn ever_excludes(cat: &Catalogue, i: usize, j: usize) -> Option<&Link> {
    let ever = |l: &&Link| l.period == Some(ExclusionPeriod::Ever);
    excludes_between(cat, i, j)
        .filter(ever)
        .or_else(|| excludes_between(cat, j, i).filter(ever))
}

/// For two new steps of one plan: the month from which `later` may start given
/// `earlier` placed from `start` to `end` under a limit of this period (`None`: no
/// wait; `ever` pairs never reach the schedule).
pub fn wait_between(link: &Link, start: YearMonth, end: YearMonth) -> Option<YearMonth> {
    match link.period? {
        ExclusionPeriod::SameYear => Some(YearMonth {
            year: start.year + 1,
            month: 1,
        }),
        ExclusionPeriod::Concurrent => Some(end.plus_months(1)),
        ExclusionPeriod::WithinYears => {
            Some(start.plus_months(12 * i64::from(link.years.unwrap_or(1).max(1))))
        }
        ExclusionPeriod::Ever => None,
    }
}

/// The limits by count (`Catalogue::limits`) on programme `j`: when the firm already
/// holds `max` programmes of a group containing it — running at once (`concurrent`:
/// selected and not yet ended; received ones are over) or selected or received within
/// `years` years (`within_years`) — `j` waits until one ends or drops out. Records
/// without a month that could reach the count make it a reason to verify.
pub fn group_limits(
    cat: &Catalogue,
    j: usize,
    standing: &[Option<Application>],
    as_of: YearMonth,
) -> Vec<Limit> {
    let id = &cat.programmes[j].id;
    let mut out = Vec::new();
    for g in cat.limits.iter().filter(|g| g.programmes.contains(id)) {
        // (when the record stops counting, or None when its month is unknown)
        let mut counted: Vec<Option<YearMonth>> = Vec::new();
        for other in g.programmes.iter().filter(|o| *o != id) {
            let Some(i) = cat.position(other) else {
                continue;
            };
            let Some(rec) = standing[i].as_ref().filter(|a| is_done(Some(a))) else {
                continue;
            };
            match (g.period, rec.status, rec.month) {
                (ExclusionPeriod::Concurrent, ApplicationStatus::Received, _) => {}
                (ExclusionPeriod::Concurrent, _, Some(m)) => {
                    let last = runs_until(&cat.programmes[i], m);
                    if last >= as_of {
                        counted.push(Some(last.plus_months(1)));
                    }
                }
                (_, _, Some(m)) => {
                    let until = m.plus_months(12 * i64::from(g.years.unwrap_or(1).max(1)));
                    if until > as_of {
                        counted.push(Some(until));
                    }
                }
                (_, _, None) => counted.push(None),
            }
        }
        if counted.len() < g.max as usize {
            continue;
        }
        let (name_ko, name_en) = (&g.note.ko, &g.note.en);
        let known: Option<Vec<YearMonth>> = counted.iter().copied().collect();
        match known {
            Some(mut frees) => {
                // The month from which fewer than `max` still count.
                frees.sort();
                let from = frees[frees.len() - g.max as usize];
                out.push(Limit::NotBefore(
                    from,
                    Text::new(
                        format!("{name_ko} 이 기업은 이미 그만큼 받아 {from} 이후로 두었습니다 (중복수혜 제한)."),
                        format!("{name_en} The firm already holds that many, so placed from {from} (duplicate-support limit)."),
                    ),
                ));
            }
            None => out.push(Limit::Unsure(Reason::new(
                EXCLUDES,
                Outcome::Unknown,
                format!("{name_ko} 받은 시기를 모르는 기록이 있어 해당 여부 확인 필요."),
                format!(
                    "{name_en} Some records have no month: whether the limit binds is to verify."
                ),
            ))),
        }
    }
    out
}

/// A warning about one record of the profile's `applications`.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordWarning {
    /// Its position in `applications`.
    pub record: usize,
    /// The field, as a path (`applications[2].month`).
    pub path: String,
    pub text: Text,
}

/// What in the profile's `applications` does not fit the catalogue or the month, as
/// (path, sentence) warnings: a programme the catalogue does not have (its record
/// does nothing), a ticked document not in the programme's list (kept, shown as an
/// unlisted document), and a selection, rejection or receipt dated after the plan
/// month (fresh-user trial 2026-11: all three were silent).
pub fn record_warnings(
    cat: &Catalogue,
    profile: &crate::profile::FirmProfile,
    as_of: YearMonth,
) -> Vec<RecordWarning> {
    let mut out = Vec::new();
    for (i, a) in profile.applications.iter().enumerate() {
        let path = format!("applications[{i}]");
        let Some(p) = cat.get(&a.programme_id) else {
            out.push((
                i,
                format!("{path}.programme_id"),
                Text::new(
                    format!(
                        "카탈로그에 없는 사업 \"{}\"의 기록은 계획에 쓰이지 않습니다 (사업 코드를 확인하세요)",
                        a.programme_id
                    ),
                    format!(
                        "\"{}\" is not in the catalogue, so this record does nothing (check the programme id)",
                        a.programme_id
                    ),
                ),
            ));
            continue;
        };
        for (k, d) in a.documents_ready.iter().enumerate() {
            if !p.documents.iter().any(|x| &x.ko == d) {
                out.push((
                i,
                    format!("{path}.documents_ready[{k}]"),
                    Text::new(
                        format!("\"{d}\"은(는) 이 사업의 제출 서류 목록에 없어 목록 밖 서류로 표시합니다"),
                        format!("\"{d}\" is not in this programme's document list; shown as an unlisted document"),
                    ),
                ));
            }
        }
        if a.month.is_none()
            && matches!(
                a.status,
                ApplicationStatus::Applied
                    | ApplicationStatus::Selected
                    | ApplicationStatus::Rejected
                    | ApplicationStatus::Withdrawn
            )
        {
            out.push((
                i,
                format!("{path}.month"),
                Text::new(
                    format!(
                        "'{}' 기록에 시기가 없습니다: 계획은 이번 달로 보고, 다른 기록과의 순서는 적힌 순서로 읽습니다",
                        a.status.ko()
                    ),
                    format!(
                        "the '{}' record has no month: the plan takes this month, and its order among the records is the order written",
                        a.status.en()
                    ),
                ),
            ));
        }
        // Written out of month order: the month decides (ninth trial).
        if let Some(m) = a.month
            && let Some(later) = profile.applications[..i]
                .iter()
                .filter(|b| b.programme_id == a.programme_id)
                .filter_map(|b| b.month)
                .find(|b| *b > m)
        {
            out.push((
                i,
                format!("{path}.month"),
                Text::new(
                    format!(
                        "{m} 기록이 {later} 기록 뒤에 적혀 있습니다: 달 순서로 읽어 {later} 기록을 나중 것으로 봅니다"
                    ),
                    format!(
                        "this {m} record is written after a {later} one: records are read in month order, so the {later} one is the latest"
                    ),
                ),
            ));
        }
        if a.status != ApplicationStatus::Planned
            && let Some(m) = a.month.filter(|m| *m > as_of)
        {
            out.push((
                i,
                format!("{path}.month"),
                Text::new(
                    format!(
                        "{m}은(는) 계획 월 {as_of}보다 나중입니다: '{}'은(는) 이미 있었던 일이어야 합니다",
                        a.status.ko()
                    ),
                    format!(
                        "{m} is after the plan month {as_of}: '{}' should have happened already",
                        a.status.en()
                    ),
                ),
            ));
        }
    }
    out.into_iter()
        .map(|(record, path, t)| RecordWarning {
            record,
            path,
            text: Text::new(josa(&t.ko), t.en),
        })
        .collect()
}

/// The records of a programme before the one in use (the last not dated in the
/// future), oldest first: the step's `history`.
pub fn history_before_current(
    profile: &FirmProfile,
    programme_id: &str,
    as_of: YearMonth,
) -> Vec<Application> {
    let mine: Vec<&Application> = profile.records_of(programme_id);
    match mine.iter().rposition(|r| !is_future(r, as_of)) {
        Some(k) => mine[..k].iter().map(|r| (*r).clone()).collect(),
        None => Vec::new(),
    }
}
