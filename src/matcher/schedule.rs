//! Placing a step on the calendar: the first application window at or after the
//! month it can start.

use crate::catalogue::{Call, SupportKind, WindowStatus, Windows};
use crate::month::YearMonth;
pub use crate::plan::WindowState;

#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    pub start: YearMonth,
    pub end: YearMonth,
    pub state: WindowState,
    /// The catalogue gives no duration; `end` uses the planning default.
    pub end_assumed: bool,
    /// The dated call the start comes from: the call itself when confirmed, the
    /// newest call when forecast from it.
    pub call: Option<Call>,
}

/// Planning default when a source gives no duration, by kind of support: how long
/// until the firm can build on the step (a designation or loan decision is quick;
/// a funded project takes most of a year). Marked as assumed in the plan.
pub fn default_duration(kind: SupportKind) -> u32 {
    match kind {
        SupportKind::Designation
        | SupportKind::Loan
        | SupportKind::Guarantee
        | SupportKind::Event => 1,
        SupportKind::Consulting => 3,
        SupportKind::Grant | SupportKind::Voucher => 6,
    }
}

/// The last month of a project starting in `start`: its duration in months, or the
/// planning default of its kind of support.
pub fn period_end(duration: Option<u32>, kind: SupportKind, start: YearMonth) -> YearMonth {
    let months = duration.unwrap_or_else(|| default_duration(kind)).max(1);
    start.plus_months(i64::from(months) - 1)
}

/// The first month at or after `earliest` in which the programme takes applications.
pub fn place(
    w: &Windows,
    duration: Option<u32>,
    kind: SupportKind,
    earliest: YearMonth,
) -> Placement {
    let (start, state, call) = first_window(w, earliest);
    Placement {
        start,
        end: period_end(duration, kind, start),
        state,
        end_assumed: duration.is_none(),
        call,
    }
}

/// The months of the year in which a call like `c` is expected to take applications
/// again: its opening month through its last month, except that a closing month in
/// which the call ran less than half the month does not count (a call of 15 October –
/// 14 November is expected again in October; planning in late November, "expected in
/// November" would point at a call that has most likely closed — trial 2026-11).
fn months_of(c: &Call) -> Vec<u8> {
    let first = c.open.month;
    let mut last = c.last_month();
    if let Some(close) = c.close
        && close.day.is_some_and(|d| d < 15)
        && close.month > first
    {
        last = close.month.plus_months(-1);
    }
    let n = last.months_since(first).clamp(0, 11);
    (0..=n).map(|k| first.plus_months(k).month).collect()
}

/// The months a programme is expected to take applications in the next cycle: every
/// call of the newest cycle (opened within 12 months before the newest call — several
/// rounds a year, such as 해외규격인증's February, May, August and October rounds of
/// 2025) and the months the catalogue's window summary declares.
fn cycle_months(w: &Windows, newest: &Call) -> Vec<u8> {
    let from = newest.open.month.plus_months(-11);
    let mut months: Vec<u8> = w
        .calls
        .iter()
        .filter(|c| c.open.month >= from)
        .flat_map(months_of)
        .chain(w.months.iter().copied())
        .collect();
    months.sort_unstable();
    months.dedup();
    months
}

/// The first month from `earliest` whose month of the year is in `months` (windows
/// recur yearly, so one of the next 12 always is).
fn next_in(months: &[u8], earliest: YearMonth) -> YearMonth {
    let mut m = earliest;
    for _ in 0..12 {
        if months.contains(&m.month) {
            break;
        }
        m = m.plus_months(1);
    }
    m
}

fn first_window(w: &Windows, earliest: YearMonth) -> (YearMonth, WindowState, Option<Call>) {
    if let Some(call) = w.current
        && call.to >= earliest
    {
        return (call.from.max(earliest), WindowState::Confirmed, None);
    }
    // A dated call still open at `earliest`, or one announced for later: the earliest.
    if let Some(c) = w
        .calls
        .iter()
        .filter(|c| c.last_month() >= earliest)
        .min_by_key(|c| c.open)
    {
        return (
            c.open.month.max(earliest),
            WindowState::Confirmed,
            Some(c.clone()),
        );
    }
    // Otherwise the newest cycle's calls are expected to recur in the same months;
    // the call a forecast cites is the newest one of that month (none when only the
    // window summary names the month).
    if let Some(newest) = w.calls.iter().max_by_key(|c| c.open) {
        let m = next_in(&cycle_months(w, newest), earliest);
        let from = newest.open.month.plus_months(-11);
        let like = w
            .calls
            .iter()
            .filter(|c| c.open.month >= from && months_of(c).contains(&m.month))
            .max_by_key(|c| c.open)
            .cloned();
        return (m, WindowState::Forecast, like);
    }
    match w.status {
        WindowStatus::Rolling => (earliest, WindowState::Rolling, None),
        WindowStatus::Tba => (earliest, WindowState::ToVerify, None),
        WindowStatus::Confirmed | WindowStatus::Forecast => {
            if w.months.is_empty() {
                return (earliest, WindowState::ToVerify, None);
            }
            let m = next_in(&w.months, earliest);
            let state = if w.status == WindowStatus::Confirmed && w.year == Some(m.year) {
                WindowState::Confirmed
            } else {
                WindowState::Forecast
            };
            (m, state, None)
        }
    }
}

/// Whether a placement's call takes applications in `month` (the plan's "open now").
pub fn open_in(p: &Placement, month: YearMonth) -> bool {
    p.state == WindowState::Confirmed
        && p.call
            .as_ref()
            .is_some_and(|c| c.open.month <= month && month <= c.last_month())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(s: &str) -> YearMonth {
        YearMonth::parse(s).unwrap()
    }

    fn windows(status: WindowStatus, months: &[u8], year: Option<i32>) -> Windows {
        Windows {
            status,
            months: months.to_vec(),
            year,
            note: None,
            current: None,
            calls: Vec::new(),
        }
    }

    #[test]
    fn a_yearly_window_moves_to_the_next_year_once_passed() {
        let w = windows(WindowStatus::Forecast, &[2, 3], Some(2025));
        let p = place(&w, Some(9), SupportKind::Grant, ym("2026-11"));
        assert_eq!((p.start, p.end), (ym("2027-02"), ym("2027-10")));
        assert_eq!(p.state, WindowState::Forecast);
        assert!(!p.end_assumed);
        assert_eq!(
            place(&w, None, SupportKind::Grant, ym("2027-03")).start,
            ym("2027-03")
        );
    }

    #[test]
    fn a_confirmed_call_is_confirmed_only_in_its_own_year() {
        let w = windows(WindowStatus::Confirmed, &[5], Some(2027));
        assert_eq!(
            place(&w, None, SupportKind::Grant, ym("2027-01")).state,
            WindowState::Confirmed
        );
        let later = place(&w, None, SupportKind::Grant, ym("2027-06"));
        assert_eq!(
            (later.start, later.state),
            (ym("2028-05"), WindowState::Forecast)
        );
    }

    fn call(open: &str, close: Option<&str>, until_budget: bool) -> Call {
        use crate::catalogue::CallDate;
        Call {
            round: None,
            open: CallDate::parse(open).unwrap(),
            close: close.map(|c| CallDate::parse(c).unwrap()),
            until_budget,
            source: "https://example.org/notice".into(),
            source_date: open.into(),
        }
    }

    fn with_calls(calls: Vec<Call>) -> Windows {
        Windows {
            calls,
            ..windows(WindowStatus::Confirmed, &[1], Some(2026))
        }
    }

    #[test]
    fn a_loan_open_until_the_budget_is_used_is_forecast_from_january_and_open_all_year() {
        // KOSME: 2026 intake from 2026-01-05 until the budget is used.
        let w = with_calls(vec![call("2026-01-05", None, true)]);
        // In the first half of 2026 the call is open now.
        let spring = place(&w, None, SupportKind::Loan, ym("2026-04"));
        assert_eq!(
            (spring.start, spring.state),
            (ym("2026-04"), WindowState::Confirmed)
        );
        assert!(open_in(&spring, ym("2026-04")));
        // In 2026-11 the year's money cannot be promised: the 2027 call is forecast
        // for January (issue 11's example).
        let now = place(&w, None, SupportKind::Loan, ym("2026-11"));
        assert_eq!(
            (now.start, now.state),
            (ym("2027-01"), WindowState::Forecast)
        );
        assert!(!open_in(&now, ym("2026-11")));
        // From 2027 the next call is forecast for January, open while money lasts.
        let next = place(&w, None, SupportKind::Loan, ym("2027-01"));
        assert_eq!(
            (next.start, next.state),
            (ym("2027-01"), WindowState::Forecast)
        );
        assert!(next.call.as_ref().is_some_and(|c| c.until_budget));
        assert!(!open_in(&next, ym("2027-01")));
        // Not "January only": a step that can start in April 2027 starts then.
        let april = place(&w, None, SupportKind::Loan, ym("2027-04"));
        assert_eq!(
            (april.start, april.state),
            (ym("2027-04"), WindowState::Forecast)
        );
    }

    #[test]
    fn a_call_open_on_the_plan_month_is_open_now() {
        let w = with_calls(vec![call("2025-12-17", Some("2026-01-09"), false)]);
        let p = place(&w, None, SupportKind::Voucher, ym("2026-01"));
        assert_eq!((p.start, p.state), (ym("2026-01"), WindowState::Confirmed));
        assert!(open_in(&p, ym("2026-01")));
        // Announced for later: confirmed at its opening month, not open yet.
        let ahead = place(&w, None, SupportKind::Voucher, ym("2025-10"));
        assert_eq!(
            (ahead.start, ahead.state),
            (ym("2025-12"), WindowState::Confirmed)
        );
        assert!(!open_in(&ahead, ym("2025-10")));
    }

    #[test]
    fn a_call_older_than_a_year_forecasts_the_same_months_again() {
        // Dec–Jan call of 2024/25, planned from 2026-11: next December, forecast.
        let w = with_calls(vec![
            call("2024-12-17", Some("2025-01-09"), false),
            call("2023-12", Some("2024-01"), false),
        ]);
        let p = place(&w, None, SupportKind::Voucher, ym("2026-11"));
        assert_eq!((p.start, p.state), (ym("2026-12"), WindowState::Forecast));
        assert_eq!(
            p.call.map(|c| c.open.to_string()),
            Some("2024-12-17".into())
        );
        let jan = place(&w, None, SupportKind::Voucher, ym("2027-01"));
        assert_eq!(
            (jan.start, jan.state),
            (ym("2027-01"), WindowState::Forecast)
        );
        let feb = place(&w, None, SupportKind::Voucher, ym("2027-02"));
        assert_eq!(feb.start, ym("2027-12"));
    }

    #[test]
    fn several_rounds_a_year_forecast_the_next_round_not_the_last_one() {
        // 해외규격인증 2025: rounds from February, May, August (1–29) and October
        // (15 October – 14 November); no 2026 call found. Planning in late November
        // 2026 the next expected round is February 2027, not October 2027 and not
        // "November" (the October round closes mid-November).
        let w = Windows {
            calls: vec![
                call("2025-10-15", Some("2025-11-14"), false),
                call("2025-08-01", Some("2025-08-29"), false),
            ],
            ..windows(WindowStatus::Confirmed, &[2, 5, 8, 10], Some(2025))
        };
        let p = place(&w, None, SupportKind::Grant, ym("2026-11"));
        assert_eq!((p.start, p.state), (ym("2027-02"), WindowState::Forecast));
        // February comes from the window summary, not from a dated call.
        assert_eq!(p.call, None);
        let sept = place(&w, None, SupportKind::Grant, ym("2027-09"));
        assert_eq!(sept.start, ym("2027-10"));
        assert_eq!(
            sept.call.map(|c| c.open.to_string()),
            Some("2025-10-15".into())
        );
    }

    #[test]
    fn rolling_and_unknown_windows_start_at_once_and_say_so() {
        let r = place(
            &windows(WindowStatus::Rolling, &[], None),
            None,
            SupportKind::Loan,
            ym("2026-12"),
        );
        assert_eq!((r.start, r.state), (ym("2026-12"), WindowState::Rolling));
        let t = place(
            &windows(WindowStatus::Tba, &[], None),
            None,
            SupportKind::Grant,
            ym("2026-12"),
        );
        assert_eq!(
            (t.start, t.state, t.end_assumed),
            (ym("2026-12"), WindowState::ToVerify, true)
        );
        assert_eq!(t.end, ym("2027-05"));
    }
}
