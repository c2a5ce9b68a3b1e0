//! The questionnaire: four short pages, each question saying why it is asked, with
//! "don't know" wherever an answer may be unknown. Every change updates the profile
//! at once, so the live line (and the plan) follow the answers. Nothing is filled in
//! for the user: unticking "don't know" leaves an empty field, and a field shows an
//! error only after the user has been in it.

use super::{Command, GachiApp, Screen, fields, i18n as s, style};
use crate::codes::{CodeList, Goal, SmartFactoryLevel};
use crate::profile::{Founded, Ksic, MANUFACTURING, SECTIONS};
use crate::text::{Lang, krw_in};
use eframe::egui::{self, Ui};

pub const PAGES: [s::S; 4] = [
    s::PAGE_BASIC,
    s::PAGE_INDUSTRY,
    s::PAGE_STATUS,
    s::PAGE_GOALS,
];

/// Answers that shape the questions but are not part of the profile.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    /// "Do you use root processes?" for firms outside manufacturing.
    pub uses_root: Option<bool>,
    /// The filter of the "already received" list.
    pub received_filter: String,
    /// Questions whose "don't know" was unticked but which have no answer yet
    /// (shown as an empty field, still unknown to the plan).
    pub open: std::collections::BTreeSet<&'static str>,
    /// The name field has been visited (its error may show).
    pub name_touched: bool,
}

const EOK: u64 = 100_000_000;
const MAN: u64 = 10_000;

/// Draws the questionnaire page.
pub fn show(ui: &mut Ui, app: &mut GachiApp, cmds: &mut Vec<Command>) {
    let lang = app.state.lang;
    let page = app.state.page.min(PAGES.len() - 1);
    ui.horizontal(|ui| {
        for (k, p) in PAGES.iter().enumerate() {
            let label = format!("{}. {}", k + 1, p.get(lang));
            if ui.selectable_label(k == page, label).clicked() {
                cmds.push(Command::SetPage(k));
            }
        }
    });
    ui.add(
        egui::ProgressBar::new((page + 1) as f32 / PAGES.len() as f32).text(format!(
            "{} / {}",
            page + 1,
            PAGES.len()
        )),
    );
    ui.add_space(4.0);
    live_line(ui, app);
    ui.separator();
    egui::Panel::bottom("questionnaire_nav").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            if page > 0 && ui.button(s::BACK.get(lang)).clicked() {
                cmds.push(Command::SetPage(page - 1));
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if page + 1 < PAGES.len() {
                    if ui.button(s::NEXT.get(lang)).clicked() {
                        cmds.push(Command::SetPage(page + 1));
                    }
                } else if ui
                    .button(style::bold(s::SHOW_RESULTS.get(lang), 15.0))
                    .clicked()
                {
                    cmds.push(Command::Navigate(Screen::Results));
                }
            });
        });
    });
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.set_max_width(880.0);
            match page {
                0 => page_basic(app, ui),
                1 => page_industry(app, ui),
                2 => page_status(app, ui),
                _ => page_goals(app, ui),
            }
        });
    // Enter moves on when no text field is being edited.
    let typing = ui.ctx().memory(|m| m.focused().is_some());
    if !typing && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
        cmds.push(if page + 1 < PAGES.len() {
            Command::SetPage(page + 1)
        } else {
            Command::Navigate(Screen::Results)
        });
    }
}

/// Size class and counts, recomputed only when an answer changed.
fn live_line(ui: &mut Ui, app: &GachiApp) {
    let lang = app.state.lang;
    let Some(plan) = app.cached_plan() else {
        return;
    };
    let (e, v, n) = super::counts(plan);
    let size = super::results::summary_size(plan, lang);
    let reason = plan.size_class_reason.get(lang).to_string();
    let dark = app.state.dark;
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{}: ", s::LIVE_SIZE.get(lang)));
        ui.label(style::bold(size, 14.0)).on_hover_text(reason);
        ui.separator();
        ui.label(
            egui::RichText::new(format!("{} {e}", s::LIVE_ELIGIBLE.get(lang)))
                .color(style::pass_colour(dark)),
        );
        ui.label(
            egui::RichText::new(format!("{} {v}", s::LIVE_VERIFY.get(lang)))
                .color(style::unknown_colour(dark)),
        );
        ui.label(
            egui::RichText::new(format!("{} {n}", s::LIVE_NOT.get(lang)))
                .color(style::fail_colour(dark)),
        );
    });
}

/// A question: its title (the accessible name of its input), why it is asked, the input.
fn question<R>(
    ui: &mut Ui,
    lang: Lang,
    title: s::S,
    why: s::S,
    add: impl FnOnce(&mut Ui, egui::Id) -> R,
) -> R {
    ui.add_space(10.0);
    let label = ui.label(style::bold(title.get(lang), 15.0));
    ui.label(egui::RichText::new(why.get(lang)).color(style::weak_text(ui.visuals().dark_mode)));
    add(ui, label.id)
}

/// A "don't know" box: ticked means unknown (None). Unticking it fills in nothing:
/// the question is marked open and its field shows empty until answered. Its
/// accessible name carries the question, so a screen reader (and a test) can tell
/// one "don't know" from another.
fn dont_know<T>(
    ui: &mut Ui,
    lang: Lang,
    question: s::S,
    value: &mut Option<T>,
    open: &mut std::collections::BTreeSet<&'static str>,
) {
    let mut unknown = value.is_none() && !open.contains(question.en);
    let name = format!("{} — {}", question.get(lang), s::DONT_KNOW.get(lang));
    if ui
        .checkbox(&mut unknown, s::DONT_KNOW.get(lang))
        .accessible_name(name)
        .changed()
    {
        if unknown {
            *value = None;
            open.remove(question.en);
        } else {
            open.insert(question.en);
        }
    }
}

/// True when the question's field is shown: answered, or "don't know" unticked.
fn answering<T>(
    value: &Option<T>,
    question: s::S,
    open: &std::collections::BTreeSet<&'static str>,
) -> bool {
    value.is_some() || open.contains(question.en)
}

fn yes_no_unknown(ui: &mut Ui, lang: Lang, question: s::S, value: &mut Option<bool>) {
    ui.horizontal(|ui| {
        for (v, label) in [
            (Some(true), s::YES),
            (Some(false), s::NO),
            (None, s::DONT_KNOW),
        ] {
            let name = format!("{} — {}", question.get(lang), label.get(lang));
            ui.radio_value(value, v, label.get(lang))
                .accessible_name(name);
        }
    });
}

/// Won entered as 억 and 만원, the way Korean firms state amounts. Both parts are
/// typed; an empty 억 and 만원 is no answer.
fn money(
    ui: &mut Ui,
    lang: Lang,
    question: s::S,
    label: egui::Id,
    value: &mut Option<u64>,
    open: &mut std::collections::BTreeSet<&'static str>,
) {
    ui.horizontal(|ui| {
        if answering(value, question, open) {
            let mut eok = value.map(|w| w / EOK);
            let mut man = value.map(|w| (w % EOK) / MAN);
            let a = fields::number(
                ui,
                ui.scope_id().with((question.en, "eok")),
                label,
                &mut eok,
                0..=1_000_000,
                s::EOK.get(lang),
                fields::Commit::Typing,
            );
            let b = fields::number(
                ui,
                ui.scope_id().with((question.en, "man")),
                label,
                &mut man,
                0..=9_999,
                s::MAN.get(lang),
                fields::Commit::Typing,
            );
            if a || b {
                *value = match (eok, man) {
                    (None, None) => None,
                    (e, m) => Some(e.unwrap_or(0) * EOK + m.unwrap_or(0) * MAN),
                };
            }
            if let Some(won) = value {
                let shown = krw_in(*won, lang);
                ui.label(format!("= {shown}"));
            }
        }
        dont_know(ui, lang, question, value, open);
    });
}

/// Month names for the English founding-month list ("3 month" read oddly).
const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn page_basic(app: &mut GachiApp, ui: &mut Ui) {
    let lang = app.state.lang;
    let dark = app.state.dark;
    let now = app.rt.as_of;
    let p = &mut app.state.profile;
    let draft = &mut app.rt.questionnaire;
    question(ui, lang, s::Q_NAME, s::Q_NAME_WHY, |ui, label| {
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut p.name)
                    .hint_text(s::Q_NAME.get(lang))
                    .desired_width(320.0),
            )
            .labelled_by(label);
        // No red before the user has left the field (or typed into it): a first click
        // is not a mistake (trial 2026-11).
        if r.lost_focus() || (r.changed() && !p.name.trim().is_empty()) {
            draft.name_touched = true;
        }
        if draft.name_touched && p.name.trim().is_empty() {
            ui.label(
                egui::RichText::new(s::Q_NAME_EMPTY.get(lang)).color(style::fail_colour(dark)),
            );
        }
        if p.name.chars().count() > 200 {
            p.name = p.name.chars().take(200).collect();
        }
    });
    question(ui, lang, s::Q_FOUNDED, s::Q_FOUNDED_WHY, |ui, label| {
        ui.horizontal(|ui| {
            if answering(&p.founded, s::Q_FOUNDED, &draft.open) {
                let mut year = p.founded.map(|f| f.year().max(0) as u64);
                let mut month: Option<u8> = match p.founded {
                    Some(Founded::Month(m)) => Some(m.month),
                    _ => None,
                };
                let y = fields::number(
                    ui,
                    egui::Id::unique("founded_year"),
                    label,
                    &mut year,
                    1900..=9999,
                    s::YEAR.get(lang),
                    fields::Commit::Typing,
                );
                let mut m_changed = false;
                let month_name = |m: u8| match lang {
                    Lang::Ko => format!("{m}월"),
                    Lang::En => EN_MONTHS[usize::from(m.clamp(1, 12)) - 1].to_string(),
                };
                let month_text = month
                    .map(month_name)
                    .unwrap_or_else(|| s::MONTH_UNKNOWN.get(lang).to_string());
                egui::ComboBox::from_id_salt("founded_month")
                    .height(400.0)
                    .selected_text(month_text)
                    .show_ui(ui, |ui| {
                        m_changed |= ui
                            .selectable_value(&mut month, None, s::MONTH_UNKNOWN.get(lang))
                            .changed();
                        for m in 1..=12u8 {
                            m_changed |= ui
                                .selectable_value(&mut month, Some(m), month_name(m))
                                .changed();
                        }
                    })
                    .response
                    .labelled_by(label);
                if y || m_changed {
                    p.founded = year.map(|y| {
                        let y = y as i32;
                        match month.and_then(|m| crate::month::YearMonth::new(y, m)) {
                            Some(ym) => Founded::Month(ym),
                            None => Founded::Year(y),
                        }
                    });
                }
            }
            dont_know(ui, lang, s::Q_FOUNDED, &mut p.founded, &mut draft.open);
        });
        if p.founded.is_some_and(|f| f.earliest() > now) {
            ui.label(
                egui::RichText::new(s::Q_FOUNDED_FUTURE.get(lang)).color(style::fail_colour(dark)),
            );
        }
    });
    question(ui, lang, s::Q_EMPLOYEES, s::Q_EMPLOYEES_WHY, |ui, label| {
        ui.horizontal(|ui| {
            if answering(&p.employees, s::Q_EMPLOYEES, &draft.open) {
                fields::number(
                    ui,
                    egui::Id::unique("q_employees"),
                    label,
                    &mut p.employees,
                    0..=1_000_000,
                    s::PERSONS.get(lang),
                    fields::Commit::Typing,
                );
            }
            dont_know(ui, lang, s::Q_EMPLOYEES, &mut p.employees, &mut draft.open);
        });
    });
    question(ui, lang, s::Q_REVENUE, s::Q_REVENUE_WHY, |ui, label| {
        money(
            ui,
            lang,
            s::Q_REVENUE,
            label,
            &mut p.revenue_krw,
            &mut draft.open,
        )
    });
    question(ui, lang, s::Q_REGION, s::Q_REGION_WHY, |ui, label| {
        fields::region(ui, "region", label, lang, &mut p.region);
    });
    question(ui, lang, s::Q_GROUP, s::Q_GROUP_WHY, |ui, _| {
        yes_no_unknown(ui, lang, s::Q_GROUP, &mut p.enterprise_group)
    });
}

fn section_label(letter: char, lang: Lang) -> String {
    SECTIONS
        .iter()
        .find(|(l, ..)| *l == letter)
        .map(|(l, _, _, ko, en)| format!("{l} {}", if lang == Lang::Ko { ko } else { en }))
        .unwrap_or_default()
}

fn division_label(letter: char, d: u8, lang: Lang) -> String {
    match MANUFACTURING
        .iter()
        .find(|(n, ..)| *n == d)
        .filter(|_| letter == 'C')
    {
        Some((_, ko, en)) => format!("{letter}{d:02} {}", if lang == Lang::Ko { ko } else { en }),
        None => format!("{letter}{d:02}"),
    }
}

fn page_industry(app: &mut GachiApp, ui: &mut Ui) {
    let lang = app.state.lang;
    let p = &mut app.state.profile;
    let draft = &mut app.rt.questionnaire;
    question(ui, lang, s::Q_KSIC, s::Q_KSIC_WHY, |ui, label| {
        let parsed = p.ksic.as_deref().and_then(Ksic::parse);
        let mut section = parsed.map(|k| k.section);
        let mut division = parsed.and_then(|k| k.division);
        ui.horizontal_wrapped(|ui| {
            let sec_text = section
                .map(|l| section_label(l, lang))
                .unwrap_or_else(|| s::DONT_KNOW.get(lang).to_string());
            let mut changed = false;
            // Long lists open tall, so C24/C29 are found without many scrolls.
            egui::ComboBox::from_id_salt("ksic_section")
                .width(260.0)
                .height(480.0)
                .selected_text(sec_text)
                .show_ui(ui, |ui| {
                    changed |= ui
                        .selectable_value(&mut section, None, s::DONT_KNOW.get(lang))
                        .changed();
                    for (l, ..) in SECTIONS {
                        changed |= ui
                            .selectable_value(&mut section, Some(*l), section_label(*l, lang))
                            .changed();
                    }
                })
                .response
                .labelled_by(label);
            if changed {
                division = None;
            }
            if let Some(l) = section
                && let Some((_, lo, hi, ..)) = SECTIONS.iter().find(|(x, ..)| *x == l)
            {
                let div_text = division
                    .map(|d| division_label(l, d, lang))
                    .unwrap_or_else(|| {
                        format!("{} — {}", s::Q_DIVISION.get(lang), s::DONT_KNOW.get(lang))
                    });
                egui::ComboBox::from_id_salt("ksic_division")
                    .width(300.0)
                    .height(480.0)
                    .selected_text(div_text)
                    .show_ui(ui, |ui| {
                        changed |= ui
                            .selectable_value(&mut division, None, s::DONT_KNOW.get(lang))
                            .changed();
                        for d in *lo..=*hi {
                            changed |= ui
                                .selectable_value(
                                    &mut division,
                                    Some(d),
                                    division_label(l, d, lang),
                                )
                                .changed();
                        }
                    })
                    .response
                    .labelled_by(label);
            }
            if changed {
                p.ksic = section.map(|l| match division {
                    Some(d) => format!("{l}{d:02}"),
                    None => l.to_string(),
                });
            }
        });
    });
    let manufacturing = p.ksic_parsed().is_some_and(|k| k.is_manufacturing());
    if !manufacturing {
        question(ui, lang, s::Q_USES_ROOT, s::Q_ROOT_WHY, |ui, _| {
            yes_no_unknown(ui, lang, s::Q_USES_ROOT, &mut draft.uses_root)
        });
    }
    // Root technologies are asked of manufacturers and of anyone who uses root processes.
    let ask_root = manufacturing
        || draft.uses_root == Some(true)
        || p.root_technologies.as_ref().is_some_and(|t| !t.is_empty());
    if ask_root {
        question(ui, lang, s::Q_ROOT, s::Q_ROOT_WHY, |ui, _| {
            code_set(
                ui,
                lang,
                s::Q_ROOT,
                &mut p.root_technologies,
                &mut draft.open,
            )
        });
    } else if draft.uses_root == Some(false) {
        p.root_technologies = Some(Vec::new());
    }
}

/// Checkboxes for a set of codes, with "don't know" (None) and "none" (empty).
/// Unticking "don't know" only shows the boxes: nothing counts as an answer until
/// a box (or "none") is ticked.
fn code_set<T: CodeList>(
    ui: &mut Ui,
    lang: Lang,
    question: s::S,
    value: &mut Option<Vec<T>>,
    open: &mut std::collections::BTreeSet<&'static str>,
) {
    ui.push_id(question.en, |ui| {
        dont_know(ui, lang, question, value, open);
        if answering(value, question, open) {
            ui.horizontal_wrapped(|ui| {
                for item in T::ALL {
                    let mut on = value.as_ref().is_some_and(|l| l.contains(item));
                    if ui.checkbox(&mut on, item.label(lang)).changed() {
                        let list = value.get_or_insert_with(Vec::new);
                        if on {
                            list.push(*item);
                        } else {
                            list.retain(|x| x != item);
                        }
                    }
                }
                let mut none = value.as_ref().is_some_and(|l| l.is_empty());
                let name = format!("{} — {}", question.get(lang), s::NONE.get(lang));
                if ui
                    .checkbox(&mut none, s::NONE.get(lang))
                    .accessible_name(name)
                    .changed()
                {
                    *value = if none { Some(Vec::new()) } else { None };
                }
            });
        }
    });
}

fn page_status(app: &mut GachiApp, ui: &mut Ui) {
    let lang = app.state.lang;
    let p = &mut app.state.profile;
    let open = &mut app.rt.questionnaire.open;
    question(ui, lang, s::Q_CERTS, s::Q_CERTS_WHY, |ui, _| {
        code_set(ui, lang, s::Q_CERTS, &mut p.certifications, open)
    });
    question(ui, lang, s::Q_SMART, s::Q_SMART_WHY, |ui, _| {
        ui.horizontal_wrapped(|ui| {
            for l in SmartFactoryLevel::ALL {
                let name = format!("{} — {}", s::Q_SMART.get(lang), l.label(lang));
                ui.radio_value(&mut p.smart_factory_level, Some(*l), l.label(lang))
                    .accessible_name(name);
            }
            let name = format!("{} — {}", s::Q_SMART.get(lang), s::DONT_KNOW.get(lang));
            ui.radio_value(&mut p.smart_factory_level, None, s::DONT_KNOW.get(lang))
                .accessible_name(name);
        });
    });
    question(ui, lang, s::Q_EXPORTING, s::Q_EXPORTING_WHY, |ui, _| {
        yes_no_unknown(ui, lang, s::Q_EXPORTING, &mut p.exporting)
    });
}

fn page_goals(app: &mut GachiApp, ui: &mut Ui) {
    let lang = app.state.lang;
    let p = &mut app.state.profile;
    let open = &mut app.rt.questionnaire.open;
    question(ui, lang, s::Q_GOALS, s::Q_GOALS_WHY, |ui, _| {
        ui.horizontal_wrapped(|ui| {
            for g in Goal::ALL {
                let mut on = p.goals.contains(g);
                if ui.checkbox(&mut on, g.label(lang)).changed() {
                    if on {
                        p.goals.push(*g);
                    } else {
                        p.goals.retain(|x| x != g);
                    }
                }
            }
        });
    });
    // Target markets matter only for export and certification.
    if p.goals
        .iter()
        .any(|g| matches!(g, Goal::Export | Goal::Certification))
        || p.exporting == Some(true)
    {
        question(ui, lang, s::Q_MARKETS, s::Q_MARKETS_WHY, |ui, _| {
            code_set(ui, lang, s::Q_MARKETS, &mut p.target_markets, open)
        });
    }
    question(ui, lang, s::Q_FUNDING, s::Q_FUNDING_WHY, |ui, label| {
        money(ui, lang, s::Q_FUNDING, label, &mut p.funding_need_krw, open)
    });
    let catalogue = &app.rt.catalogue;
    let filter = &mut app.rt.questionnaire.received_filter;
    question(ui, lang, s::Q_RECEIVED, s::Q_RECEIVED_WHY, |ui, label| {
        ui.add(
            egui::TextEdit::singleline(filter)
                .hint_text(s::SEARCH.get(lang))
                .desired_width(320.0),
        )
        .labelled_by(label);
        let needle = filter.to_lowercase();
        egui::ScrollArea::vertical()
            .id_salt("received_list")
            .max_height(180.0)
            .show(ui, |ui| {
                for prog in &catalogue.programmes {
                    let name = prog.name.get(lang);
                    // Received as a status (신청 현황) counts too, so the two never disagree
                    // (ninth trial).
                    let held = p.received.contains(&prog.id)
                        || p.standing(&prog.id).map(|a| a.status)
                            == Some(crate::codes::ApplicationStatus::Received);
                    if !held
                        && !needle.is_empty()
                        && !name.to_lowercase().contains(&needle)
                        && !prog.name.ko.contains(filter.as_str())
                    {
                        continue;
                    }
                    let mut on = held;
                    if ui.checkbox(&mut on, name).changed() {
                        if on {
                            p.received.push(prog.id.clone());
                        } else {
                            p.received.retain(|r| r != &prog.id);
                            p.applications.retain(|a| {
                                a.programme_id != prog.id
                                    || a.status != crate::codes::ApplicationStatus::Received
                            });
                        }
                    }
                }
            });
    });
    question(ui, lang, s::Q_NOTES, s::Q_NOTES_WHY, |ui, label| {
        let mut notes = p.notes.clone().unwrap_or_default();
        if ui
            .add(
                egui::TextEdit::multiline(&mut notes)
                    .desired_rows(3)
                    .hint_text(s::Q_NOTES.get(lang)),
            )
            .labelled_by(label)
            .changed()
        {
            p.notes = (!notes.is_empty()).then_some(notes);
        }
    });
}
