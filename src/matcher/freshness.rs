//! How fresh a programme's data is at the plan month: when the entry was checked, its
//! newest call, and whether it is outdated (no call, or for an always-open scheme no
//! source, in the last `OUTDATED_AFTER_MONTHS` months). Outdated entries are marked
//! wherever a user decides and rank below current ones (see `pathway::fit`).

use crate::catalogue::{Programme, WindowStatus};
use crate::month::YearMonth;
pub use crate::plan::Freshness;

/// An entry with no call (or source, for rolling schemes) in this many months is
/// outdated: more than one yearly cycle and a half (issue 11).
pub const OUTDATED_AFTER_MONTHS: i64 = 18;

/// The month a source date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) falls in; a bare year
/// counts as its January, so it is never taken as fresher than it is.
pub fn source_month(date: &str) -> Option<YearMonth> {
    let y: i32 = date.get(..4)?.parse().ok()?;
    let m: u8 = date.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
    YearMonth::new(y, m)
}

/// Freshness of a programme at `as_of`.
pub fn freshness(p: &Programme, as_of: YearMonth) -> Freshness {
    let (outdated, nothing_after_2024) = stale(p, as_of);
    Freshness {
        checked: p.provenance.checked.clone(),
        latest_call: p.windows.latest_call(),
        outdated,
        nothing_after_2024,
    }
}

/// `(outdated, nothing_after_2024)` without building the label's strings: what the
/// matcher needs for every programme of a plan.
pub fn stale(p: &Programme, as_of: YearMonth) -> (bool, bool) {
    let latest_call = p.windows.latest_call();
    let source = source_month(&p.provenance.date);
    // Designations and 상시 schemes have no calls: their newest source stands in.
    let last_seen = match p.windows.status {
        WindowStatus::Rolling => latest_call.max(source),
        _ => latest_call,
    };
    let outdated = last_seen.is_none_or(|m| as_of.months_since(m) > OUTDATED_AFTER_MONTHS);
    let after_2024 = |m: Option<YearMonth>| m.is_some_and(|m| m.year >= 2025);
    (outdated, !after_2024(latest_call) && !after_2024(source))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(s: &str) -> YearMonth {
        YearMonth::parse(s).unwrap()
    }

    fn programme(date: &str, status: &str, calls: &[&str]) -> Programme {
        let calls: Vec<String> = calls
            .iter()
            .map(|o| format!(r#"{{"open":"{o}","close":null,"until_budget":true,"source":"https://example.org/c","source_date":"{o}"}}"#))
            .collect();
        let json = format!(
            r#"{{"format":"gachi-catalogue/1","id":"t","version":"1","as_of":"2026-11","notice":{{"ko":"공지","en":"notice"}},"programmes":[{{"id":"mss-t","name":{{"ko":"사업","en":"p"}},"ministry":"MSS","agency":"기관","category":"finance","summary":{{"ko":"요약","en":"summary"}},"support":{{"kind":"loan","max_krw":null,"self_share_pct":null}},"windows":{{"status":"{status}","months":[1],"year":2026,"calls":[{}]}},"provenance":{{"url":"https://example.org","date":"{date}","confidence":"confirmed","checked":"2026-11-30"}}}}]}}"#,
            calls.join(",")
        );
        crate::catalogue::parse_catalogue(json.as_bytes())
            .expect("test catalogue")
            .programmes
            .remove(0)
    }

    #[test]
    fn a_call_older_than_eighteen_months_makes_an_entry_outdated() {
        let fresh = freshness(
            &programme("2026-01", "confirmed", &["2026-01-05"]),
            ym("2026-12"),
        );
        assert!(!fresh.outdated && !fresh.nothing_after_2024);
        assert_eq!(fresh.latest_call, Some(ym("2026-01")));
        assert_eq!(fresh.checked.as_deref(), Some("2026-11-30"));
        assert_eq!(fresh.label().ko, "자료 점검 2026-11 · 최근 공고 2026-01");
        let old = freshness(
            &programme("2025-05", "confirmed", &["2025-05-15"]),
            ym("2026-12"),
        );
        assert!(old.outdated && !old.nothing_after_2024);
        assert!(
            old.label().ko.ends_with("오래된 정보"),
            "{}",
            old.label().ko
        );
        let stale = freshness(&programme("2018-04-09", "forecast", &[]), ym("2026-12"));
        assert!(stale.outdated && stale.nothing_after_2024);
        assert!(stale.label().ko.contains("2024년 이후 공고를 찾지 못함"));
        // An always-open scheme with a recent source is current without calls.
        let rolling = freshness(&programme("2026-01", "rolling", &[]), ym("2026-12"));
        assert!(!rolling.outdated);
    }

    #[test]
    fn source_dates_fall_in_their_month_and_a_bare_year_in_january() {
        assert_eq!(source_month("2025-12-14"), Some(ym("2025-12")));
        assert_eq!(source_month("2025-03"), Some(ym("2025-03")));
        assert_eq!(source_month("2024"), Some(ym("2024-01")));
        assert_eq!(source_month("n/a"), None);
    }
}
