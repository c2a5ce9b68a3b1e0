//! The questionnaire: four short pages, each question saying why it is asked, with
//! "don't know" wherever an answer may be unknown. Every change updates the profile
//! at once, so the live line (and the plan) follow the answers.

use super::{GachiApp, Screen, i18n as s, style};
use crate::codes::{Certification, Goal, Market, Region, RootTech, SizeClass, SmartFactoryLevel};
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
    pub received_filter: String,
}

const EOK: u64 = 100_000_000;
const MAN: u64 = 10_000;

pub fn show(app: &mut GachiApp, ui: &mut Ui) {
    let lang = app.lang;
    let page = app.page.min(PAGES.len() - 1);
    ui.horizontal(|ui| {
        for (k, p) in PAGES.iter().enumerate() {
            let label = format!("{}. {}", k + 1, p.get(lang));
            if ui.selectable_label(k == page, label).clicked() {
                app.page = k;
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
    live_line(app, ui);
    ui.separator();
    egui::Panel::bottom("questionnaire_nav").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            if page > 0 && ui.button(s::BACK.get(lang)).clicked() {
                app.page = page - 1;
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if page + 1 < PAGES.len() {
                    if ui.button(s::NEXT.get(lang)).clicked() {
                        app.page = page + 1;
                    }
                } else if ui
                    .button(style::bold(s::SHOW_RESULTS.get(lang), 15.0))
                    .clicked()
                {
                    app.screen = Screen::Results;
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
        if page + 1 < PAGES.len() {
            app.page = page + 1;
        } else {
            app.screen = Screen::Results;
        }
    }
}

/// Size class and counts, recomputed only when an answer changed.
fn live_line(app: &mut GachiApp, ui: &mut Ui) {
    let lang = app.lang;
    let (e, v, n) = app.counts();
    let plan = app.plan();
    let size = match SizeClass::from_code(&plan.size_class) {
        Some(c) => c.label(lang).to_string(),
        None => {
            let c: Vec<&str> = plan
                .size_class_candidates
                .iter()
                .map(|c| c.label(lang))
                .collect();
            format!("{} ({})", s::UNKNOWN_SIZE.get(lang), c.join(" / "))
        }
    };
    let reason = plan.size_class_reason.get(lang).to_string();
    let dark = app.dark;
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
    ui.label(egui::RichText::new(why.get(lang)).weak().size(12.0));
    add(ui, label.id)
}

/// A "don't know" box: ticked means None; unticking starts from `default`. Its
/// accessible name carries the question, so a screen reader (and a test) can tell
/// one "don't know" from another.
fn dont_know<T>(
    ui: &mut Ui,
    lang: Lang,
    question: s::S,
    value: &mut Option<T>,
    default: impl FnOnce() -> T,
) {
    let mut unknown = value.is_none();
    let name = format!("{} — {}", question.get(lang), s::DONT_KNOW.get(lang));
    if ui
        .checkbox(&mut unknown, s::DONT_KNOW.get(lang))
        .accessible_name(name)
        .changed()
    {
        *value = if unknown { None } else { Some(default()) };
    }
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

/// Won entered as 억 and 만원, the way Korean firms state amounts.
fn money(ui: &mut Ui, lang: Lang, question: s::S, label: egui::Id, value: &mut Option<u64>) {
    ui.horizontal(|ui| {
        if let Some(won) = value.as_mut() {
            let mut eok = *won / EOK;
            let mut man = (*won % EOK) / MAN;
            let a = ui
                .add(
                    egui::DragValue::new(&mut eok)
                        .range(0..=1_000_000)
                        .suffix(format!(" {}", s::EOK.get(lang))),
                )
                .labelled_by(label);
            let b = ui
                .add(
                    egui::DragValue::new(&mut man)
                        .range(0..=9_999)
                        .suffix(format!(" {}", s::MAN.get(lang))),
                )
                .labelled_by(label);
            if a.changed() || b.changed() {
                *won = eok * EOK + man * MAN;
            }
            let shown = krw_in(*won, lang);
            ui.label(egui::RichText::new(format!("= {shown}")).weak());
        }
        dont_know(ui, lang, question, value, || 0);
    });
}

fn page_basic(app: &mut GachiApp, ui: &mut Ui) {
    let lang = app.lang;
    let now = app.as_of;
    let p = &mut app.profile;
    question(ui, lang, s::Q_NAME, s::Q_NAME_WHY, |ui, label| {
        ui.add(
            egui::TextEdit::singleline(&mut p.name)
                .hint_text(s::Q_NAME.get(lang))
                .desired_width(320.0),
        )
        .labelled_by(label);
        if p.name.trim().is_empty() {
            ui.label(
                egui::RichText::new(s::Q_NAME_EMPTY.get(lang)).color(style::fail_colour(app.dark)),
            );
        }
        if p.name.chars().count() > 200 {
            p.name = p.name.chars().take(200).collect();
        }
    });
    question(ui, lang, s::Q_FOUNDED, s::Q_FOUNDED_WHY, |ui, label| {
        ui.horizontal(|ui| {
            if let Some(f) = p.founded {
                let mut year = f.year();
                let mut month: Option<u8> = match f {
                    Founded::Year(_) => None,
                    Founded::Month(m) => Some(m.month),
                };
                let y = ui
                    .add(
                        egui::DragValue::new(&mut year)
                            .range(1900..=now.year)
                            .suffix(format!(" {}", s::YEAR.get(lang))),
                    )
                    .labelled_by(label);
                let mut m_changed = false;
                let month_text = month
                    .map(|m| format!("{m} {}", s::MONTH.get(lang)))
                    .unwrap_or_else(|| s::MONTH_UNKNOWN.get(lang).to_string());
                egui::ComboBox::from_id_salt("founded_month")
                    .selected_text(month_text)
                    .show_ui(ui, |ui| {
                        m_changed |= ui
                            .selectable_value(&mut month, None, s::MONTH_UNKNOWN.get(lang))
                            .changed();
                        for m in 1..=12u8 {
                            m_changed |= ui
                                .selectable_value(
                                    &mut month,
                                    Some(m),
                                    format!("{m} {}", s::MONTH.get(lang)),
                                )
                                .changed();
                        }
                    })
                    .response
                    .labelled_by(label);
                if y.changed() || m_changed {
                    p.founded = Some(
                        match month.and_then(|m| crate::month::YearMonth::new(year, m)) {
                            Some(ym) => Founded::Month(ym),
                            None => Founded::Year(year),
                        },
                    );
                }
            }
            dont_know(ui, lang, s::Q_FOUNDED, &mut p.founded, || {
                Founded::Year(now.year)
            });
        });
        if p.founded.is_some_and(|f| f.earliest() > now) {
            ui.label(
                egui::RichText::new(s::Q_FOUNDED_FUTURE.get(lang))
                    .color(style::fail_colour(app.dark)),
            );
        }
    });
    question(ui, lang, s::Q_EMPLOYEES, s::Q_EMPLOYEES_WHY, |ui, label| {
        ui.horizontal(|ui| {
            if let Some(n) = p.employees.as_mut() {
                ui.add(
                    egui::DragValue::new(n)
                        .range(0..=1_000_000)
                        .suffix(format!(" {}", s::PERSONS.get(lang))),
                )
                .labelled_by(label);
            }
            dont_know(ui, lang, s::Q_EMPLOYEES, &mut p.employees, || 0);
        });
    });
    question(ui, lang, s::Q_REVENUE, s::Q_REVENUE_WHY, |ui, label| {
        money(ui, lang, s::Q_REVENUE, label, &mut p.revenue_krw)
    });
    question(ui, lang, s::Q_REGION, s::Q_REGION_WHY, |ui, label| {
        let text = p
            .region
            .map(|r| r.label(lang).to_string())
            .unwrap_or_else(|| s::DONT_KNOW.get(lang).to_string());
        egui::ComboBox::from_id_salt("region")
            .selected_text(text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut p.region, None, s::DONT_KNOW.get(lang));
                for r in Region::ALL {
                    ui.selectable_value(&mut p.region, Some(*r), r.label(lang));
                }
            })
            .response
            .labelled_by(label);
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
    let lang = app.lang;
    let p = &mut app.profile;
    let draft = &mut app.questionnaire;
    question(ui, lang, s::Q_KSIC, s::Q_KSIC_WHY, |ui, label| {
        let parsed = p.ksic.as_deref().and_then(Ksic::parse);
        let mut section = parsed.map(|k| k.section);
        let mut division = parsed.and_then(|k| k.division);
        ui.horizontal_wrapped(|ui| {
            let sec_text = section
                .map(|l| section_label(l, lang))
                .unwrap_or_else(|| s::DONT_KNOW.get(lang).to_string());
            let mut changed = false;
            egui::ComboBox::from_id_salt("ksic_section")
                .width(260.0)
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
                RootTech::ALL,
                RootTech::label,
            )
        });
    } else if draft.uses_root == Some(false) {
        p.root_technologies = Some(Vec::new());
    }
}

/// Checkboxes for a set of codes, with "don't know" (None) and "none" (empty).
fn code_set<T: Copy + PartialEq>(
    ui: &mut Ui,
    lang: Lang,
    question: s::S,
    value: &mut Option<Vec<T>>,
    all: &[T],
    label: fn(T, Lang) -> &'static str,
) {
    ui.push_id(question.en, |ui| {
        dont_know(ui, lang, question, value, Vec::new);
        if let Some(list) = value.as_mut() {
            ui.horizontal_wrapped(|ui| {
                for item in all {
                    let mut on = list.contains(item);
                    if ui.checkbox(&mut on, label(*item, lang)).changed() {
                        if on {
                            list.push(*item);
                        } else {
                            list.retain(|x| x != item);
                        }
                    }
                }
            });
        }
    });
}

fn page_status(app: &mut GachiApp, ui: &mut Ui) {
    let lang = app.lang;
    let p = &mut app.profile;
    question(ui, lang, s::Q_CERTS, s::Q_CERTS_WHY, |ui, _| {
        code_set(
            ui,
            lang,
            s::Q_CERTS,
            &mut p.certifications,
            Certification::ALL,
            Certification::label,
        )
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
    let lang = app.lang;
    let p = &mut app.profile;
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
            code_set(
                ui,
                lang,
                s::Q_MARKETS,
                &mut p.target_markets,
                Market::ALL,
                Market::label,
            )
        });
    }
    question(ui, lang, s::Q_FUNDING, s::Q_FUNDING_WHY, |ui, label| {
        money(ui, lang, s::Q_FUNDING, label, &mut p.funding_need_krw)
    });
    let catalogue = &app.catalogue;
    let filter = &mut app.questionnaire.received_filter;
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
                    let held = p.received.contains(&prog.id);
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
