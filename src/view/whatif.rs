//! The what-if panel: move a slider or tick a box and the pathway follows; the
//! programmes gained and lost against the saved profile are listed. Nothing changes
//! the saved profile until "apply" is pressed.

use super::{GachiApp, i18n as s, style, usable_ids};
use crate::codes::{Certification, Goal, Region, SmartFactoryLevel};
use crate::profile::Founded;
use crate::text::Lang;
use eframe::egui::{self, Ui};

const EOK: u64 = 100_000_000;

pub fn show(app: &mut GachiApp, ui: &mut Ui) {
    let lang = app.lang;
    let now = app.as_of;
    ui.label(style::bold(s::WHATIF.get(lang), 16.0));
    ui.label(
        egui::RichText::new(s::WHATIF_WHY.get(lang))
            .weak()
            .size(12.0),
    );
    ui.horizontal(|ui| {
        if ui.button(s::WHATIF_APPLY.get(lang)).clicked()
            && let Some(w) = app.whatif.take()
        {
            app.profile = w;
        }
        if ui.button(s::WHATIF_RESET.get(lang)).clicked() {
            app.whatif = Some(app.profile.clone());
        }
        if ui.button(s::WHATIF_CLOSE.get(lang)).clicked() {
            app.whatif = None;
        }
    });
    egui::ScrollArea::vertical()
        .id_salt("whatif_scroll")
        .show(ui, |ui| {
            gained_and_lost(app, ui, lang);
            ui.separator();
            let Some(w) = app.whatif.as_mut() else {
                return;
            };
            let l = ui.label(s::Q_EMPLOYEES.get(lang));
            let mut n = w.employees.unwrap_or(0);
            if ui
                .add(
                    egui::Slider::new(&mut n, 0..=1000)
                        .logarithmic(true)
                        .suffix(format!(" {}", s::PERSONS.get(lang))),
                )
                .labelled_by(l.id)
                .changed()
            {
                w.employees = Some(n);
            }
            let l = ui.label(s::Q_REVENUE.get(lang));
            let mut eok = w.revenue_krw.unwrap_or(0) / EOK;
            if ui
                .add(
                    egui::Slider::new(&mut eok, 0..=3000)
                        .logarithmic(true)
                        .suffix(format!(" {}", s::EOK.get(lang))),
                )
                .labelled_by(l.id)
                .changed()
            {
                w.revenue_krw = Some(eok * EOK);
            }
            let l = ui.label(s::Q_FOUNDED.get(lang));
            let mut year = w.founded.map(|f| f.year()).unwrap_or(now.year);
            if ui
                .add(
                    egui::Slider::new(&mut year, 1950..=now.year)
                        .suffix(format!(" {}", s::YEAR.get(lang))),
                )
                .labelled_by(l.id)
                .changed()
            {
                w.founded = Some(match w.founded {
                    Some(Founded::Month(m)) => crate::month::YearMonth::new(year, m.month)
                        .map(Founded::Month)
                        .unwrap_or(Founded::Year(year)),
                    _ => Founded::Year(year),
                });
            }
            let l = ui.label(s::Q_REGION.get(lang));
            let text = w
                .region
                .map(|r| r.label(lang).to_string())
                .unwrap_or_else(|| s::DONT_KNOW.get(lang).to_string());
            egui::ComboBox::from_id_salt("whatif_region")
                .selected_text(text)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut w.region, None, s::DONT_KNOW.get(lang));
                    for r in Region::ALL {
                        ui.selectable_value(&mut w.region, Some(*r), r.label(lang));
                    }
                })
                .response
                .labelled_by(l.id);
            ui.add_space(4.0);
            ui.label(egui::RichText::new(s::Q_CERTS.get(lang)).strong());
            for c in Certification::ALL {
                // Opening the panel must not turn "don't know" into "none": the list
                // is created only when a box is ticked.
                let mut on = w.certifications.as_ref().is_some_and(|l| l.contains(c));
                let name = format!("{} — {}", s::WHATIF.get(lang), c.label(lang));
                if ui
                    .checkbox(&mut on, c.label(lang))
                    .accessible_name(name)
                    .changed()
                {
                    let list = w.certifications.get_or_insert_with(Vec::new);
                    if on {
                        list.push(*c);
                    } else {
                        list.retain(|x| x != c);
                    }
                }
            }
            ui.add_space(4.0);
            ui.label(egui::RichText::new(s::Q_SMART.get(lang)).strong());
            ui.horizontal_wrapped(|ui| {
                for level in SmartFactoryLevel::ALL {
                    let name = format!(
                        "{} — {} — {}",
                        s::WHATIF.get(lang),
                        s::Q_SMART.get(lang),
                        level.label(lang)
                    );
                    ui.radio_value(&mut w.smart_factory_level, Some(*level), level.label(lang))
                        .accessible_name(name);
                }
            });
            ui.add_space(4.0);
            ui.label(egui::RichText::new(s::Q_GOALS.get(lang)).strong());
            ui.horizontal_wrapped(|ui| {
                for g in Goal::ALL {
                    let mut on = w.goals.contains(g);
                    let name = format!("{} — {}", s::WHATIF.get(lang), g.label(lang));
                    if ui
                        .checkbox(&mut on, g.label(lang))
                        .accessible_name(name)
                        .changed()
                    {
                        if on {
                            w.goals.push(*g);
                        } else {
                            w.goals.retain(|x| x != g);
                        }
                    }
                }
            });
            ui.add_space(8.0);
        });
}

/// Programmes the what-if gains and loses against the saved profile.
fn gained_and_lost(app: &mut GachiApp, ui: &mut Ui, lang: Lang) {
    let now_ids = usable_ids(app.plan());
    let Some(base) = app.baseline_usable() else {
        return;
    };
    let gained: Vec<String> = now_ids.difference(base).cloned().collect();
    let lost: Vec<String> = base.difference(&now_ids).cloned().collect();
    let dark = app.dark;
    let name = |id: &str| {
        app.catalogue
            .get(id)
            .map(|p| p.name.get(lang).to_string())
            .unwrap_or_else(|| id.to_string())
    };
    ui.label(
        egui::RichText::new(format!("{} ({})", s::WHATIF_GAINED.get(lang), gained.len()))
            .color(style::pass_colour(dark))
            .strong(),
    );
    for id in &gained {
        ui.label(format!("+ {}", name(id)));
    }
    ui.label(
        egui::RichText::new(format!("{} ({})", s::WHATIF_LOST.get(lang), lost.len()))
            .color(style::fail_colour(dark))
            .strong(),
    );
    for id in &lost {
        ui.label(format!("− {}", name(id)));
    }
}
