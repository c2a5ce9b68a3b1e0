//! How fresh a programme's data is at the plan month (computed by
//! `matcher::freshness`).

use crate::month::YearMonth;
use crate::text::Text;
use serde::{Deserialize, Serialize};

/// The programme's freshness at one month.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Freshness {
    /// `YYYY-MM-DD` the entry was verified against its sources, if recorded.
    pub checked: Option<String>,
    /// Opening month of the newest dated call.
    pub latest_call: Option<YearMonth>,
    /// No call (or source, for an always-open scheme) in the last 18 months.
    pub outdated: bool,
    /// Nothing after 2024: no call and no source dated 2025 or later ("2024년 이후
    /// 공고를 찾지 못함"); such an entry ranks below current ones.
    pub nothing_after_2024: bool,
}

impl Freshness {
    /// "확인 2026-11 · 최근 공고 2026-01" (or "최근 공고 없음"), plus the outdated mark.
    pub fn label(&self) -> Text {
        let checked = self.checked.as_deref().and_then(|d| d.get(..7));
        let (ck, ce) = match checked {
            Some(c) => (format!("자료 점검 {c}"), format!("data checked {c}")),
            None => (
                "확인 날짜 없음".to_string(),
                "check date unknown".to_string(),
            ),
        };
        let (lk, le) = match self.latest_call {
            Some(m) => (format!("최근 공고 {m}"), format!("latest call {m}")),
            None => (
                "최근 공고 날짜 못 찾음".to_string(),
                "no dated call found".to_string(),
            ),
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
        if self.nothing_after_2024 {
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
