//! Application periods (`reqstBeginEndDe`) in the styles bizinfo writes them:
//! `2026-04-24 ~ 2026-05-15`, `20260424 ~ 20260515`, `2026.04.24 ~ 2026.05.15`,
//! `2026-04-24~2026-05-15`, `2026년 4월 24일 ~ …`, a single date, times after the
//! date, and the free-text forms 상시, 추후공지, 예산 소진시까지, 사업별 상이.

use crate::month::YearMonth;
use std::fmt;

/// A calendar day as the feed writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// Years a notice date may have: the span a catalogue window accepts.
const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (YEARS.contains(&year) && (1..=days).contains(&day)).then_some(Date { year, month, day })
    }

    pub fn year_month(self) -> YearMonth {
        YearMonth {
            year: self.year,
            month: self.month,
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// What a notice's application period says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// A dated call, first to last day; a single date gives `from == to`.
    Dated { from: Date, to: Date },
    /// 상시: applications all year.
    Rolling,
    /// Anything else (추후공지, 예산 소진시까지, 사업별 상이, empty, unreadable).
    Tba,
}

impl Period {
    pub fn is_dated(self) -> bool {
        matches!(self, Period::Dated { .. })
    }

    /// The calendar months the call covers, sorted, each once (all twelve when the
    /// call lasts a year or more).
    pub fn months(self) -> Vec<u8> {
        let Period::Dated { from, to } = self else {
            return Vec::new();
        };
        let (a, b) = (from.year_month(), to.year_month());
        let span = b.months_since(a).clamp(0, 11);
        let mut months: Vec<u8> = (0..=span).map(|k| a.plus_months(k).month).collect();
        months.sort_unstable();
        months.dedup();
        months
    }
}

/// Runs of ASCII digits with their byte positions.
fn digit_groups(s: &str) -> Vec<(usize, usize)> {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            out.push((start, i));
        } else {
            i += 1;
        }
    }
    out
}

/// Text between the parts of one date: `-`, `.`, `/`, spaces, 년 and 월, briefly.
fn date_separator(between: &str) -> bool {
    let n = between.chars().count();
    (1..=4).contains(&n)
        && between
            .chars()
            .all(|c| matches!(c, '-' | '.' | '/' | '년' | '월') || c.is_whitespace())
        && between.chars().any(|c| !c.is_whitespace())
}

/// Every date in the text, in order: `YYYYMMDD` or `YYYY` `MM` `DD` joined by `-`, `.`,
/// `/` or 년/월 (with or without spaces; one- or two-digit month and day).
pub fn dates_in(s: &str) -> Vec<Date> {
    let groups = digit_groups(s);
    let num = |g: (usize, usize)| s[g.0..g.1].parse::<u32>().ok();
    let mut out = Vec::new();
    let mut i = 0;
    while i < groups.len() {
        let g = groups[i];
        let len = g.1 - g.0;
        if len == 8 {
            let t = &s[g.0..g.1];
            let date = (|| {
                Date::new(
                    t[0..4].parse().ok()?,
                    t[4..6].parse().ok()?,
                    t[6..8].parse().ok()?,
                )
            })();
            if let Some(d) = date {
                out.push(d);
                i += 1;
                continue;
            }
        } else if len == 4 && i + 2 < groups.len() {
            let (m, d) = (groups[i + 1], groups[i + 2]);
            let short = |x: (usize, usize)| (1..=2).contains(&(x.1 - x.0));
            if short(m)
                && short(d)
                && date_separator(&s[g.1..m.0])
                && date_separator(&s[m.1..d.0])
                && let (Some(y), Some(mo), Some(da)) = (num(g), num(m), num(d))
                && let Some(date) = Date::new(y as i32, mo as u8, da as u8)
            {
                out.push(date);
                i += 3;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// The first date in the text.
pub fn first_date(s: &str) -> Option<Date> {
    dates_in(s).into_iter().next()
}

/// Reads an application period. A range needs its end on or after its start; a
/// one-sided range (`~ 2026-05-15`) or a single date is a call of that one day.
/// Text with no date is 상시 → rolling, anything else → to be announced.
pub fn parse_period(text: &str) -> Period {
    let t = text.trim();
    let split = t.find(['~', '～', '〜']).map(|at| {
        let sep = t[at..].chars().next().map_or(1, char::len_utf8);
        (&t[..at], &t[at + sep..])
    });
    let (from, to) = match split {
        Some((left, right)) => (first_date(left), first_date(right)),
        None => {
            let all = dates_in(t);
            (all.first().copied(), all.get(1).copied())
        }
    };
    let rolling = t.contains("상시");
    match (from, to) {
        (Some(from), Some(to)) if to >= from => Period::Dated { from, to },
        (Some(_), Some(_)) => Period::Tba,
        (Some(d), None) | (None, Some(d)) if !rolling => Period::Dated { from: d, to: d },
        _ if rolling => Period::Rolling,
        _ => Period::Tba,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    fn range(a: Date, b: Date) -> Period {
        Period::Dated { from: a, to: b }
    }

    #[test]
    fn every_date_style() {
        let want = range(d(2026, 4, 24), d(2026, 5, 15));
        for s in [
            "2026-04-24 ~ 2026-05-15",
            "20260424 ~ 20260515",
            "2026.04.24 ~ 2026.05.15",
            "2026-04-24~2026-05-15",
            "2026. 4. 24. ~ 2026. 5. 15.",
            "2026/04/24 ~ 2026/05/15",
            "2026년 4월 24일 ~ 2026년 5월 15일",
            "2026-04-24 09:00 ~ 2026-05-15 18:00",
            "2026-04-24 ～ 2026-05-15",
            "2026.04.24 - 2026.05.15",
            " 접수기간: 2026-04-24 ~ 2026-05-15 (마감일 18시) ",
        ] {
            assert_eq!(parse_period(s), want, "{s}");
        }
        assert_eq!(
            parse_period("2026-05-15"),
            range(d(2026, 5, 15), d(2026, 5, 15))
        );
        assert_eq!(
            parse_period("~ 2026-05-15"),
            range(d(2026, 5, 15), d(2026, 5, 15))
        );
    }

    #[test]
    fn free_text_and_nonsense() {
        assert_eq!(parse_period("상시"), Period::Rolling);
        assert_eq!(parse_period("상시 접수"), Period::Rolling);
        assert_eq!(parse_period("2026-01-01 ~ 상시"), Period::Rolling);
        for s in [
            "추후공지",
            "추후 공지",
            "예산 소진시까지",
            "사업별 상이",
            "",
            "2026-13-01 ~ 2026-14-01",
            "2026-02-30",
            "2026-05-15 ~ 2026-04-24",
            "1차 12",
            "3000-01-01",
        ] {
            assert_eq!(parse_period(s), Period::Tba, "{s:?}");
        }
    }

    #[test]
    fn months_covered_wrap_the_year() {
        assert_eq!(
            range(d(2026, 11, 20), d(2027, 2, 1)).months(),
            vec![1, 2, 11, 12]
        );
        assert_eq!(range(d(2026, 1, 1), d(2028, 1, 1)).months().len(), 12);
        assert_eq!(Period::Rolling.months(), Vec::<u8>::new());
    }
}
