//! How fresh a programme's data is at the plan month: when the entry was checked, its
//! newest call, and whether it is outdated (no call, or for an always-open scheme no
//! source, in the last `OUTDATED_AFTER_MONTHS` months). Outdated entries are marked
//! wherever a user decides and rank below current ones (see `pathway::fit`).

use crate::catalogue::{Programme, WindowStatus};
use crate::month::YearMonth;
use crate::text::Text;
use serde::{Deserialize, Serialize};

/// An entry with no call (or source, for rolling schemes) in this many months is
/// outdated: more than one yearly cycle and a half (issue 11).
pub const OUTDATED_AFTER_MONTHS: i64 = 18;

/// The programme's freshness at one month.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Freshness {
    /// `YYYY-MM-DD` the entry was verified against its sources, if recorded.
    pub checked: Option<String>,
    /// Opening month of the newest dated call.
    pub latest_call: Option<YearMonth>,
    /// No call (or source, for an always-open scheme) in the last 18 months.
    pub outdated: bool,
    /// Nothing from 2024 or later: no call and a source older than 2024.
    pub nothing_since_2024: bool,
}

/// The month a source date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) falls in; a bare year
/// counts as its January, so it is never taken as fresher than it is.
pub fn source_month(date: &str) -> Option<YearMonth> {
    let y: i32 = date.get(..4)?.parse().ok()?;
    let m: u8 = date.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
    YearMonth::new(y, m)
}

/// Freshness of a programme at `as_of`.
pub fn freshness(p: &Programme, as_of: YearMonth) -> Freshness {
    let latest_call = p.windows.latest_call();
    let source = source_month(&p.provenance.date);
    // Designations and 상시 schemes have no calls: their newest source stands in.
    let last_seen = match p.windows.status {
        WindowStatus::Rolling => latest_call.max(source),
        _ => latest_call,
    };
    let outdated = last_seen.is_none_or(|m| as_of.months_since(m) > OUTDATED_AFTER_MONTHS);
    let since_2024 = |m: Option<YearMonth>| m.is_some_and(|m| m.year >= 2024);
    Freshness {
        checked: p.provenance.checked.clone(),
        latest_call,
        outdated,
        nothing_since_2024: !since_2024(latest_call) && !since_2024(source),
    }
}

impl Freshness {
    /// "확인 2026-11 · 최근 공고 2026-01" (or "최근 공고 없음"), plus the outdated mark.
    pub fn label(&self) -> Text {
        let checked = self.checked.as_deref().and_then(|d| d.get(..7));
        let (ck, ce) = match checked {
            Some(c) => (format!("확인 {c}"), format!("checked {c}")),
            None => ("확인 날짜 없음".to_string(), "check date unknown".to_string()),
        };
        let (lk, le) = match self.latest_call {
            Some(m) => (format!("최근 공고 {m}"), format!("latest call {m}")),
            None => ("최근 공고 없음".to_string(), "no dated call".to_string()),
        };
        let mut t = Text::new(format!("{ck} · {lk}"), format!("{ce} · {le}"));
        if let Some(w) = self.warning() {
            t.ko = format!("{} · {}", t.ko, w.ko);
            t.en = format!("{} · {}", t.en, w.en);
        }
        t
    }

    /// The mark an outdated entry carries, or None.
    pub fn warning(&self) -> Option<Text> {
        if self.nothing_since_2024 {
            Some(Text::new(
                "오래된 정보 (2024년 이후 공고를 찾지 못함)",
                "outdated (no notice found since 2024)",
            ))
        } else if self.outdated {
            Some(Text::new("오래된 정보", "outdated"))
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(s: &str) -> YearMonth {
        YearMonth::parse(s).unwrap()
    }

    #[test]
    fn source_dates_fall_in_their_month_and_a_bare_year_in_january() {
        assert_eq!(source_month("2025-12-14"), Some(ym("2025-12")));
        assert_eq!(source_month("2025-03"), Some(ym("2025-03")));
        assert_eq!(source_month("2024"), Some(ym("2024-01")));
        assert_eq!(source_month("n/a"), None);
    }
}
