//! The results screen. Files by panel: `toolbar.rs` (what-if and exports),
//! `comparison.rs` (a saved plan beside this one), `summary.rs` (firm, totals,
//! joint pathways), `pathway.rs` (cards and arrows), `timeline.rs`, `lists.rs`
//! (the four disjoint lists) and `detail.rs` (one programme for this firm).
//!
//! Layout, from 1024×700 up: the cards and timeline sit in a top panel the user can
//! resize (the size is remembered) or fold; the lists and the detail share the rest;
//! the detail can fill the screen. Every region scrolls on its own.

mod comparison;
pub(crate) mod detail;
mod lists;
mod pathway;
mod summary;
mod timeline;
mod toolbar;

use super::{Command, GachiApp, i18n as s, style};
use crate::catalogue::WindowStatus;
use crate::matcher::WindowState;
use crate::month::YearMonth;
use crate::text::Lang;
use eframe::egui::{self, Ui};

/// The size class line (or its candidates), as the summary shows it.
pub fn summary_size(plan: &crate::plan::Plan, lang: Lang) -> String {
    summary::size_text(plan, lang)
}

/// Draws the results screen.
pub fn show(ui: &mut Ui, app: &mut GachiApp, cmds: &mut Vec<Command>) {
    let lang = app.state.lang;
    if app.rt.whatif.is_some() {
        egui::Panel::left("whatif")
            .resizable(true)
            .default_size(330.0)
            .size_range(280.0..=520.0)
            .show(ui, |ui| super::whatif::show(ui, app, cmds));
    }
    let Some(plan) = app.rt.plan.as_ref().map(|c| &c.plan) else {
        return;
    };
    let app_ref: &GachiApp = app;
    toolbar::show(ui, app_ref, cmds);
    if let Some(cmp) = &app_ref.rt.comparison {
        comparison::show(ui, cmp, plan, lang, app_ref.state.dark, cmds);
    }
    summary::show(ui, plan, lang, app_ref.state.dark);
    if plan.steps.is_empty() {
        ui.label(s::RESULTS_EMPTY.get(lang));
    }
    // Show the first step's details until the user picks another programme.
    let selected = app_ref
        .rt
        .selected
        .clone()
        .or_else(|| plan.steps.first().map(|st| st.programme_id.clone()));
    let selected_programme = selected
        .as_deref()
        .and_then(|id| app_ref.rt.catalogue.get(id));
    if app_ref.rt.detail_full {
        // The detail fills the screen, for reading a long programme on a small window.
        if ui.button(s::DETAIL_BACK.get(lang)).clicked() {
            cmds.push(Command::ToggleDetailFull);
        }
        detail_panel(ui, app_ref, plan, selected_programme, cmds);
        return;
    }
    let mut scrolled = false;
    if !plan.steps.is_empty() {
        let full = ui.available_height();
        let mut open = app_ref.rt.pathway_open;
        ui.horizontal(|ui| {
            let (arrow, hint) = if open {
                ("▲", s::FOLD_PATHWAY)
            } else {
                ("▼", s::UNFOLD_PATHWAY)
            };
            if ui
                .button(format!("{arrow} {}", hint.get(lang)))
                .on_hover_text(s::SPLITTER_HINT.get(lang))
                .clicked()
            {
                cmds.push(Command::TogglePathway);
            }
        });
        let scroll_to = app_ref
            .rt
            .scroll_to_selected
            .then_some(selected.as_deref())
            .flatten();
        egui::Panel::top("pathway_panel")
            .resizable(true)
            .default_size((full * 0.5).clamp(150.0, 560.0))
            .size_range(90.0..=(full - 200.0).max(120.0))
            .show_collapsible(ui, &mut open, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("pathway_scroll")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        summary::joint_pathways(ui, plan, lang, app_ref.state.dark);
                        if let Some(id) = pathway::cards(
                            ui,
                            plan,
                            lang,
                            app_ref.state.dark,
                            selected.as_deref(),
                            scroll_to,
                        ) {
                            cmds.push(Command::Select(id));
                        }
                        scrolled = scroll_to.is_some();
                        pathway::legend(ui, lang, app_ref.state.dark);
                        if let Some(id) =
                            timeline::show(ui, plan, lang, app_ref.state.dark, selected.as_deref())
                        {
                            cmds.push(Command::Select(id));
                        }
                    });
            });
        if open != app_ref.rt.pathway_open {
            cmds.push(Command::TogglePathway);
        }
    }
    egui::Panel::right("detail")
        .resizable(true)
        .default_size((ui.available_width() * 0.42).clamp(300.0, 640.0))
        .size_range(280.0..=(ui.available_width() - 260.0).max(300.0))
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                if ui.button(s::DETAIL_FULL.get(lang)).clicked() {
                    cmds.push(Command::ToggleDetailFull);
                }
            });
            detail_panel(ui, app_ref, plan, selected_programme, cmds);
        });
    lists::show(ui, app_ref, plan, selected.as_deref(), cmds);
    if scrolled {
        app.rt.scroll_to_selected = false;
    }
}

/// The detail of the chosen programme in its own scroll area, which starts at the
/// top whenever another programme is chosen.
fn detail_panel(
    ui: &mut Ui,
    app: &GachiApp,
    plan: &crate::plan::Plan,
    p: Option<&crate::catalogue::Programme>,
    cmds: &mut Vec<Command>,
) {
    let shown_id = egui::Id::unique("detail_shown");
    let now = p.map(|p| p.id.clone());
    // Stored as Option<String> (None when nothing is chosen): read back with the same
    // type, or the offset is reset on every frame and the panel cannot scroll.
    let last: Option<Option<String>> = ui.data(|d| d.get_temp(shown_id));
    let mut area = egui::ScrollArea::vertical()
        .id_salt("detail_scroll")
        .auto_shrink([false, false]);
    if last.as_ref() != Some(&now) {
        area = area.vertical_scroll_offset(0.0);
        ui.data_mut(|d| d.insert_temp(shown_id, now));
    }
    area.show(ui, |ui| match p {
        Some(p) => detail::show(ui, app, plan, p, cmds),
        None => {
            ui.label(s::SELECT_PROGRAMME.get(app.state.lang));
        }
    });
}

/// "2026-12 기준" / "as of 2026-12".
pub fn as_of_text(m: YearMonth, lang: Lang) -> String {
    match lang {
        Lang::Ko => format!("{m} {}", s::AS_OF.ko),
        Lang::En => format!("{} {m}", s::AS_OF.en),
    }
}

/// "3월" / "Mar".
pub fn month_name(m: u8, lang: Lang) -> String {
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match lang {
        Lang::Ko => format!("{m}월"),
        Lang::En => EN
            .get(usize::from(m).wrapping_sub(1))
            .copied()
            .unwrap_or("?")
            .to_string(),
    }
}

/// ①, ②, … for step numbers.
pub(crate) fn circled(n: usize) -> String {
    const C: [&str; 20] = [
        "①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩", "⑪", "⑫", "⑬", "⑭", "⑮", "⑯", "⑰", "⑱",
        "⑲", "⑳",
    ];
    C.get(n.wrapping_sub(1))
        .map(|c| c.to_string())
        .unwrap_or_else(|| format!("({n})"))
}

/// "최대 4,200만원", or "금액 확인 필요" — one language only.
pub(crate) fn money(won: Option<u64>, lang: Lang) -> String {
    match won {
        Some(w) => format!(
            "{} {}",
            s::MAX_AMOUNT.get(lang),
            crate::text::krw_in(w, lang)
        ),
        None => s::AMOUNT_TO_VERIFY.get(lang).to_string(),
    }
}

/// When to apply, in words: "신청 2027-01 (예상)", or for an unknown window
/// "신청 시기 미정 (공고 확인 필요)" — never dated "this month", which reads as "apply
/// today" (the plan's month is only the earliest).
pub(crate) fn apply_text(st: &crate::plan::Step, lang: Lang) -> String {
    use crate::codes::ApplicationStatus as A;
    // Where the firm's own application put the step: its status, not a call.
    if let Some(a) = &st.application {
        match a.status {
            A::Selected | A::Applied => {
                return format!("{} · {}", a.status.label(lang), st.start);
            }
            A::Rejected | A::Withdrawn | A::Planned => {
                let next = if st.window == WindowState::ToVerify {
                    s::APPLY_UNKNOWN.get(lang).to_string()
                } else {
                    format!(
                        "{} {} ({})",
                        s::CARD_APPLY.get(lang),
                        st.start,
                        window_word(st.window).get(lang)
                    )
                };
                return format!("[{}] {next}", a.status.label(lang));
            }
            A::Received => {}
        }
    }
    if st.window == WindowState::ToVerify {
        return s::APPLY_UNKNOWN.get(lang).to_string();
    }
    format!(
        "{} {} ({})",
        s::CARD_APPLY.get(lang),
        st.start,
        window_word(st.window).get(lang)
    )
}

/// "사업 기간", or for a step whose application awaits its result "선정되면 사업
/// 기간": the period is not running yet (fresh-user trial 2026-11).
pub(crate) fn period_word(st: &crate::plan::Step) -> s::S {
    if st.application.as_ref().map(|a| a.status) == Some(crate::codes::ApplicationStatus::Applied) {
        s::PERIOD_IF_SELECTED
    } else {
        s::CARD_PERIOD
    }
}

/// The project period in words: dated months, or for a step whose window is
/// unknown only its length ("공고 후 약 6개월"), since its months would be invented.
pub(crate) fn span(st: &crate::plan::Step, lang: Lang) -> String {
    if st.window == WindowState::ToVerify {
        let n = st.end.months_since(st.start) + 1;
        return match lang {
            Lang::Ko => format!("공고 후 약 {n}개월"),
            Lang::En => format!("about {n} months from the call"),
        };
    }
    if st.start == st.end {
        st.start.to_string()
    } else {
        format!("{} ~ {}", st.start, st.end)
    }
}

/// How sure an application month is, in a word: 확정, 예상, 상시, 미정.
pub(crate) fn window_word(w: WindowState) -> s::S {
    match w {
        WindowState::Confirmed => s::WORD_CONFIRMED,
        WindowState::Forecast => s::WORD_FORECAST,
        WindowState::Rolling => s::WORD_ROLLING,
        WindowState::ToVerify => s::WORD_UNKNOWN,
    }
}

/// The catalogue's window status in words.
pub(crate) fn window_status(w: WindowStatus) -> s::S {
    match w {
        WindowStatus::Confirmed => s::WINDOW_CONFIRMED,
        WindowStatus::Forecast => s::WINDOW_FORECAST,
        WindowStatus::Rolling => s::WINDOW_ROLLING,
        WindowStatus::Tba => s::WINDOW_TO_VERIFY,
    }
}

/// A programme's name with its ministry, unless the name already says it
/// ("수출바우처 (중기부)" stays as it is).
pub(crate) fn name_with_ministry(name: &str, ministry: &str, lang: Lang) -> String {
    let short = crate::facts::ministry_short(ministry, lang);
    if name.contains(&format!("({short})")) {
        name.to_string()
    } else {
        format!("{name} ({short})")
    }
}

/// The colour of a window state's words: green when sure, amber otherwise.
pub(crate) fn window_colour(w: WindowState, dark: bool) -> egui::Color32 {
    match w {
        WindowState::Confirmed | WindowState::Rolling => style::pass_colour(dark),
        _ => style::unknown_colour(dark),
    }
}
