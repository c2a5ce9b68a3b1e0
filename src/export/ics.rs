//! The plan's application windows as an iCalendar file (RFC 5545).
//!
//! One all-day VEVENT per step whose application window is known: a confirmed call
//! with dated days spans those days (DTEND is the day after the close), otherwise
//! the event covers the step's application month (DTSTART the first day of the start
//! month, DTEND the first day of the month after). A step whose window is unknown
//! gets no event — a date would be invented, and an event in the plan month would
//! already be over when imported (fresh-user trial, 2026-11) — and is named in the
//! calendar's description instead. The window is when to apply, not the whole
//! project, whose period is in the description. The calendar depends only on the plan: DTSTAMP is the first day of
//! the plan month at 00:00 UTC (this module reads no clock), and each UID is made
//! of the programme id, the plan month and a short hash of the firm's name, so
//! importing the same plan again updates the events instead of duplicating them,
//! while two firms planned in the same month never overwrite each other's events.

use super::{
    END_ASSUMED, NOTICE_FALLBACK, UNTIL_BUDGET, firm_name, money, step_name, support_kind_label,
    window_label,
};
use crate::catalogue::is_web_url;
use crate::facts::ministry_name as ministry_label;
use crate::matcher::{Eligibility, WindowState};
use crate::month::YearMonth;
use crate::plan::Plan;
use crate::strings::*;
use crate::text::Lang;
use sha2::{Digest, Sha256};

/// The plan as an iCalendar file: CRLF line endings, lines folded at 75 octets on
/// UTF-8 character boundaries, text values escaped.
pub fn plan_ics(plan: &Plan, lang: Lang) -> String {
    let mut lines: Vec<String> = Vec::with_capacity(8 + plan.steps.len() * 12);
    let lang_tag = match lang {
        Lang::Ko => "KO",
        Lang::En => "EN",
    };
    let firm = firm_name(plan);
    lines.push("BEGIN:VCALENDAR".into());
    lines.push("VERSION:2.0".into());
    lines.push(format!(
        "PRODID:-//Gachi//{}//{lang_tag}",
        escape_text(crate::GENERATED_BY)
    ));
    lines.push("CALSCALE:GREGORIAN".into());
    lines.push("METHOD:PUBLISH".into());
    let cal_name = if firm.is_empty() {
        CALENDAR_NAME.get(lang).to_string()
    } else {
        format!("{} — {firm}", CALENDAR_NAME.get(lang))
    };
    lines.push(format!("X-WR-CALNAME:{}", escape_text(&cal_name)));

    let dtstamp = format!(
        "{:04}{:02}01T000000Z",
        plan.as_of.year.clamp(0, 9999),
        plan.as_of.month
    );
    let firm_key = short_hash(firm);
    let n = plan.steps.len();
    let undated: Vec<String> = plan
        .steps
        .iter()
        .filter(|s| s.window == WindowState::ToVerify)
        .map(|s| format!("{}. {}", s.order, step_name(s, lang)))
        .collect();
    if !undated.is_empty() {
        lines.push(format!(
            "X-WR-CALDESC:{}",
            escape_text(&format!("{}: {}", UNDATED.get(lang), undated.join(" · ")))
        ));
    }
    // A step the firm applied to or was selected for has no application window left
    // to put in a calendar (issue 17).
    for s in plan.steps.iter().filter(|s| {
        s.window != WindowState::ToVerify
            && !s
                .application
                .as_ref()
                .is_some_and(|a| a.status.is_running())
    }) {
        let name = step_name(s, lang);
        let marker = match s.window {
            WindowState::Confirmed => None,
            WindowState::Forecast => Some(FORECAST),
            WindowState::ToVerify => Some(TO_VERIFY),
            WindowState::Rolling => Some(ROLLING),
        };
        let mut summary = match marker {
            Some(m) => format!("{} {}. {name}", m.get(lang), s.order),
            None => format!("{}. {name}", s.order),
        };
        // The firm's own plan for the step, after the name: "[예상] 4. 수출바우처 (탈락 후
        // 재신청)" rather than two bracketed marks (ninth trial).
        if let Some(a) = &s.application {
            let what = match a.status {
                crate::codes::ApplicationStatus::Rejected
                | crate::codes::ApplicationStatus::Withdrawn => RETRY.get(lang),
                other => other.label(lang),
            };
            summary = format!("{summary} ({what})");
        }

        let mut desc: Vec<String> = Vec::new();
        if !firm.is_empty() {
            desc.push(format!("{}: {firm}", FIRM.get(lang)));
        }
        desc.push(format!(
            "{} {}/{n} · {} · {}",
            STEP.get(lang),
            s.order,
            ministry_label(&s.ministry, lang),
            s.agency_in(lang)
        ));
        let mut support = Vec::new();
        if !s.support.kind.is_empty() {
            support.push(support_kind_label(&s.support.kind, lang));
        }
        support.push(money(s.support.max_krw, lang));
        if let Some(p) = s.support.self_share_pct {
            support.push(format!("{} {p}%", SELF_SHARE.get(lang)));
        }
        desc.push(format!(
            "{}: {}",
            ICS_SUPPORT.get(lang),
            support.join(" · ")
        ));
        let (dtstart, dtend) = event_days(s);
        let mut when = format!(
            "{}: {} · {} · {} {} – {}",
            CARD_APPLY.get(lang),
            s.start,
            window_label(s).get(lang),
            PERIOD.get(lang),
            s.start,
            s.end
        );
        if let Some(c) = s
            .call
            .as_ref()
            .filter(|_| s.window == WindowState::Confirmed)
        {
            let close = match (c.close, c.until_budget) {
                (Some(d), _) => d.to_string(),
                (None, true) => UNTIL_BUDGET.get(lang).to_string(),
                (None, false) => ICS_CLOSE_UNKNOWN.get(lang).to_string(),
            };
            when.push_str(&format!(" · {} {} – {close}", CALL_DAYS.get(lang), c.open));
        }
        if s.end_assumed {
            when.push_str(&format!(" ({})", END_ASSUMED.get(lang)));
        }
        desc.push(when);
        desc.push(format!(
            "{}: {}",
            ELIGIBILITY.get(lang),
            match s.eligibility {
                Eligibility::Verify => LIVE_VERIFY.get(lang),
                _ => ELIGIBLE.get(lang),
            }
        ));
        if !s.url.trim().is_empty() {
            if s.source_date.is_empty() {
                desc.push(format!("{}: {}", DETAIL_SOURCE.get(lang), s.url));
            } else {
                desc.push(format!(
                    "{}: {} ({})",
                    DETAIL_SOURCE.get(lang),
                    s.url,
                    s.source_date
                ));
            }
        }
        // Issue 17: the application's history, the documents still to prepare and
        // where to apply.
        for r in s.history.iter().chain(s.application.as_ref()) {
            desc.push(format!("{}: {}", APPLICATION.get(lang), r.text(lang)));
        }
        let open: Vec<&str> = s
            .documents
            .iter()
            .filter(|d| !d.ready)
            .map(|d| match lang {
                Lang::Ko => d.ko.as_str(),
                Lang::En => d.en.as_str(),
            })
            .collect();
        if !open.is_empty() {
            desc.push(format!("{}: {}", DOCUMENTS.get(lang), open.join(", ")));
        }
        if let Some(u) = s.apply_url.as_deref().filter(|u| is_web_url(u)) {
            desc.push(format!("{}: {u}", APPLY_AT.get(lang)));
        }
        desc.push(NOTICE_FALLBACK.get(lang).to_string());

        lines.push("BEGIN:VEVENT".into());
        lines.push(format!(
            "UID:{}-{}-{firm_key}@gachi",
            uid_part(&s.programme_id),
            plan.as_of
        ));
        lines.push(format!("DTSTAMP:{dtstamp}"));
        lines.push(format!("DTSTART;VALUE=DATE:{dtstart}"));
        lines.push(format!("DTEND;VALUE=DATE:{dtend}"));
        lines.push(format!("SUMMARY:{}", escape_text(&summary)));
        lines.push(format!("DESCRIPTION:{}", escape_text(&desc.join("\n"))));
        // The event's link is where to apply when the catalogue gives it, else the source.
        if let Some(u) = s.apply_url.as_deref().filter(|u| is_web_url(u)) {
            lines.push(format!("URL:{}", u.trim()));
        } else if is_web_url(&s.url) {
            lines.push(format!("URL:{}", s.url.trim()));
        }
        lines.push(format!("CATEGORIES:{}", escape_text(&s.ministry)));
        lines.push(
            match s.window {
                // Only a dated call is a confirmed event; an always-open scheme's
                // month is a reminder (trial 2026-11: 상시 items shown as confirmed).
                WindowState::Confirmed => "STATUS:CONFIRMED",
                WindowState::Rolling | WindowState::Forecast | WindowState::ToVerify => {
                    "STATUS:TENTATIVE"
                }
            }
            .into(),
        );
        // A month-long reminder should not make the whole month look busy.
        lines.push("TRANSP:TRANSPARENT".into());
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());

    let mut out = String::with_capacity(lines.iter().map(|l| l.len() + 8).sum());
    for l in &lines {
        out.push_str(&fold(l));
        out.push_str("\r\n");
    }
    out
}

/// DTSTART and DTEND (exclusive) of a step's event, `YYYYMMDD`: the call's own days
/// when it is confirmed and the source gives them (never before the start month, so
/// a call still open in the plan month starts there), otherwise the start month.
fn event_days(s: &crate::plan::Step) -> (String, String) {
    let month = (date(s.start), month_after(s.start));
    let Some(c) = s
        .call
        .as_ref()
        .filter(|_| s.window == WindowState::Confirmed)
    else {
        return month;
    };
    let from = match c.open.day {
        Some(d) if c.open.month == s.start => format!("{}{d:02}", &date(s.start)[..6]),
        _ => date(s.start),
    };
    let to = match c.close {
        Some(close) => match close.day {
            Some(d) => day_after(close.month, d),
            None => month_after(close.month),
        },
        None => month.1,
    };
    (from, to)
}

/// The day after `d` of month `m`, `YYYYMMDD`.
fn day_after(m: YearMonth, d: u8) -> String {
    if d >= crate::catalogue::days_in_month(m) {
        month_after(m)
    } else {
        format!("{:04}{:02}{:02}", m.year, m.month, d + 1)
    }
}

/// `YYYYMMDD` of the first day of the month.
fn date(m: YearMonth) -> String {
    format!("{:04}{:02}01", m.year, m.month)
}

/// The first day of the following month; for the last representable month, its
/// last day (so DTEND stays after DTSTART and has four year digits).
fn month_after(m: YearMonth) -> String {
    if m.month == 12 && m.year >= 9999 {
        return format!("{:04}1231", m.year);
    }
    let (y, mo) = if m.month == 12 {
        (m.year + 1, 1)
    } else {
        (m.year, m.month + 1)
    };
    format!("{y:04}{mo:02}01")
}

/// A UID part: letters, digits, `-`, `_` and `.` as they are, any other byte as %XX,
/// so the UID is stable, unique and needs no escaping.
fn uid_part(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// First 8 hex digits of the SHA-256 of `s`.
fn short_hash(s: &str) -> String {
    Sha256::digest(s.as_bytes())
        .iter()
        .take(4)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newline;
/// other control characters except tab are dropped.
pub(crate) fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line so no physical line exceeds 75 octets (RFC 5545 §3.1),
/// breaking only between UTF-8 characters, and never inside a backslash escape
/// (which unfolding would restore, but some readers handle badly); continuation
/// lines start with a space.
pub(crate) fn fold(line: &str) -> String {
    const MAX: usize = 75;
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut used = 0;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        let mut unit = String::from(c);
        if c == '\\'
            && let Some(&next) = chars.peek()
        {
            unit.push(next);
            chars.next();
        }
        if used + unit.len() > MAX {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push_str(&unit);
        used += unit.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_characters_whole_and_lines_short() {
        let line = format!("SUMMARY:{}", "소공인 스마트제조 지원, ".repeat(12));
        let folded = fold(&line);
        for l in folded.split("\r\n") {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        assert_eq!(folded.replace("\r\n ", ""), line);
        // An escape is never split.
        let line = format!("DESCRIPTION:{}", "a\\,".repeat(40));
        for l in fold(&line).split("\r\n") {
            assert!(l.len() <= 75 && !l.ends_with('\\'), "{l}");
        }
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape_text("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
    }

    #[test]
    fn a_call_closing_on_the_last_day_of_a_month_ends_on_the_first_of_the_next() {
        let m = |y, mo| YearMonth::new(y, mo).unwrap();
        assert_eq!(day_after(m(2026, 1), 9), "20260110");
        assert_eq!(day_after(m(2026, 2), 28), "20260301");
        assert_eq!(day_after(m(2028, 2), 28), "20280229");
        assert_eq!(day_after(m(2026, 12), 31), "20270101");
    }

    #[test]
    fn december_ends_in_january() {
        assert_eq!(month_after(YearMonth::new(2026, 12).unwrap()), "20270101");
        assert_eq!(month_after(YearMonth::new(2027, 2).unwrap()), "20270301");
    }
}
