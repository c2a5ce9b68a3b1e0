//! Exports of a plan: a printable HTML report with its pathway diagram and timeline,
//! an iCalendar file of the application months, and a comparison of two plans.
//!
//! Everything here is a pure function of a [`Plan`] (and a [`Lang`]): no egui, no
//! clock, no files, no network. The commands that read and write plan files are in
//! `cli::export`.

mod diff;
mod ics;
mod report;
mod svg;

pub use diff::{
    DIFF_FORMAT, DateChange, EligibilityChange, FieldChange, Moved, Pair, PlanDiff, ReasonChange,
    StepBrief, SupportChange, diff_plans, diff_text,
};
pub use ics::plan_ics;
pub use report::report_html;
pub use svg::{pathway_svg, timeline_svg};

use crate::matcher::WindowState;
use crate::plan::{Plan, Step};
pub(crate) use crate::strings::*;
use crate::text::{Lang, Text, krw_en, krw_ko};

/// How sure a step's application month is: a forecast says whether it comes from
/// a dated call or only from the usual months the catalogue gives (trial 2026-11:
/// "지난 공고 기준" for a programme whose last call was never found).
pub(crate) fn window_label(s: &crate::plan::Step) -> S {
    if s.window == WindowState::Forecast && s.call.is_none() {
        return S::new(
            "예상 (예년 신청 시기 기준)",
            "forecast (from the usual months)",
        );
    }
    match s.window {
        WindowState::Confirmed => S::new("확정 일정", "confirmed window"),
        WindowState::Forecast => S::new("예상 (지난 공고 기준)", "forecast (from the last call)"),
        WindowState::Rolling => S::new("상시 신청", "rolling"),
        WindowState::ToVerify => S::new("일정 확인 필요", "window to verify"),
    }
}

/// "최대 4,200만원" / "up to KRW 42,000,000", or "금액 확인 필요" / "amount to verify".
pub(crate) fn money(max_krw: Option<u64>, lang: Lang) -> String {
    match (max_krw, lang) {
        (Some(w), Lang::Ko) => format!("최대 {}", krw_ko(w)),
        (Some(w), Lang::En) => format!("up to {}", krw_en(w)),
        (None, lang) => AMOUNT_TO_VERIFY.get(lang).to_string(),
    }
}

pub(crate) fn krw(won: u64, lang: Lang) -> String {
    crate::text::krw_in(won, lang)
}

/// A bilingual string in `lang`, falling back to the other language, then to `id`.
pub(crate) fn text_or<'a>(t: &'a Text, lang: Lang, id: &'a str) -> &'a str {
    let other = match lang {
        Lang::Ko => Lang::En,
        Lang::En => Lang::Ko,
    };
    [t.get(lang), t.get(other), id]
        .into_iter()
        .find(|s| !s.trim().is_empty())
        .unwrap_or(id)
}

pub(crate) fn step_name(s: &Step, lang: Lang) -> &str {
    text_or(&s.name, lang, &s.programme_id)
}

/// The firm's name from the echoed profile ("" when missing).
pub(crate) fn firm_name(plan: &Plan) -> &str {
    plan.profile
        .get("name")
        .and_then(|v| v.as_str())
        .unwrap_or_default()
}

/// Support kind label from its code, or the code itself.
pub(crate) fn support_kind_label(code: &str, lang: Lang) -> String {
    crate::catalogue::SupportKind::from_code(code)
        .map(|k| k.label().get(lang).to_string())
        .unwrap_or_else(|| code.to_string())
}

/// Escapes text for HTML and inline SVG, in content and in quoted attribute values:
/// `& < > " '` become entities; control characters other than newline and tab,
/// which HTML does not allow, are dropped.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A ministry's colours: the solid one for borders, bars and text, a light tint for
/// fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Palette {
    pub solid: &'static str,
    pub tint: &'static str,
}

pub(crate) const MSS_BLUE: Palette = Palette {
    solid: "#1f5fbf",
    tint: "#e6eefa",
};
pub(crate) const MOTIE_ORANGE: Palette = Palette {
    solid: "#d06a00",
    tint: "#fcefe0",
};
pub(crate) const OTHER_GREY: Palette = Palette {
    solid: "#6b6b6b",
    tint: "#f0f0f0",
};
/// Cross-ministry links (the joint pathways).
pub(crate) const CROSS_GOLD: &str = "#b88600";

pub(crate) fn ministry_palette(code: &str) -> Palette {
    match code {
        "MSS" => MSS_BLUE,
        "MOTIE" => MOTIE_ORANGE,
        _ => OTHER_GREY,
    }
}
