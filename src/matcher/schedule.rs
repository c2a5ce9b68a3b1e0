//! Placing a step on the calendar: the first application window at or after the
//! month it can start.

use crate::catalogue::{SupportKind, WindowStatus, Windows};
use crate::month::YearMonth;
use serde::{Deserialize, Serialize};

/// How sure the step's start month is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WindowState {
    /// A call confirmed for that year.
    Confirmed,
    /// The month of the last known call, expected to recur.
    Forecast,
    /// Applications all year.
    Rolling,
    /// No known window: the month is only the earliest possible.
    ToVerify,
}

impl WindowState {
    pub fn code(self) -> &'static str {
        match self {
            WindowState::Confirmed => "confirmed",
            WindowState::Forecast => "forecast",
            WindowState::Rolling => "rolling",
            WindowState::ToVerify => "to_verify",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    pub start: YearMonth,
    pub end: YearMonth,
    pub state: WindowState,
    /// The catalogue gives no duration; `end` uses the planning default.
    pub end_assumed: bool,
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

/// The first month at or after `earliest` in which the programme takes applications.
pub fn place(
    w: &Windows,
    duration: Option<u32>,
    kind: SupportKind,
    earliest: YearMonth,
) -> Placement {
    let (start, state) = first_window(w, earliest);
    let months = duration.unwrap_or_else(|| default_duration(kind)).max(1);
    Placement {
        start,
        end: start.plus_months(i64::from(months) - 1),
        state,
        end_assumed: duration.is_none(),
    }
}

fn first_window(w: &Windows, earliest: YearMonth) -> (YearMonth, WindowState) {
    if let Some(call) = w.current
        && call.to >= earliest
    {
        return (call.from.max(earliest), WindowState::Confirmed);
    }
    match w.status {
        WindowStatus::Rolling => (earliest, WindowState::Rolling),
        WindowStatus::Tba => (earliest, WindowState::ToVerify),
        WindowStatus::Confirmed | WindowStatus::Forecast => {
            if w.months.is_empty() {
                return (earliest, WindowState::ToVerify);
            }
            // Windows recur yearly, so one of the next 12 months always matches.
            let mut m = earliest;
            for _ in 0..12 {
                if w.months.contains(&m.month) {
                    break;
                }
                m = m.plus_months(1);
            }
            let state = if w.status == WindowStatus::Confirmed && w.year == Some(m.year) {
                WindowState::Confirmed
            } else {
                WindowState::Forecast
            };
            (m, state)
        }
    }
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
