//! The what-if panel: change an answer and the pathway follows. Numbers are typed
//! and take effect on Enter or when the field is left, so "65" is never read as
//! "6" on the way. The inputs come first and the lists of what changed sit below
//! them in boxes of fixed height, so nothing moves under the caret. The profile is
//! untouched until "프로필에 적용", which can be undone.

use super::{Command, GachiApp, changes, fields, i18n as s, style, usable_ids};
use crate::codes::{Certification, Goal, SmartFactoryLevel};
use crate::profile::{FirmProfile, Founded};
use crate::text::Lang;
use eframe::egui::{self, Ui};

const EOK: u64 = 100_000_000;

/// The what-if draft: a copy of the profile the plan follows while the panel is open.
#[derive(Debug, Clone, PartialEq)]
pub struct WhatIf {
    /// The changed answers (only committed values).
    pub profile: FirmProfile,
}

impl WhatIf {
    /// A draft starting from the profile.
    pub fn new(profile: FirmProfile) -> Self {
        WhatIf { profile }
    }
}

/// What the draft gains and loses against the profile, and the bonus points a newly
/// held certification earns in programmes the draft can use.
struct Effects {
    /// Newly usable programmes: id, name, eligible (true) or only possible with
    /// conditions to verify (false), and those conditions for the hover text.
    gained: Vec<Gained>,
    lost: Vec<String>,
    bonus: Vec<String>,
}

struct Gained {
    id: String,
    name: String,
    eligible: bool,
    to_verify: Vec<String>,
}

fn effects(app: &mut GachiApp, lang: Lang) -> Effects {
    let base = app.baseline_usable().clone();
    let now = app.cached_plan().map(usable_ids).unwrap_or_default();
    let cat = &app.rt.catalogue;
    let name = |id: &str| {
        cat.get(id)
            .map(|p| p.name.get(lang).to_string())
            .unwrap_or_else(|| id.to_string())
    };
    let mut bonus = Vec::new();
    if let Some(w) = &app.rt.whatif {
        let held = |p: &FirmProfile| p.certifications.clone().unwrap_or_default();
        let before = held(&app.state.profile);
        for cert in held(&w.profile).iter().filter(|c| !before.contains(c)) {
            // A programme that grants this certification names the programmes where
            // holding it earns 가점·우대.
            for q in cat.programmes.iter().filter(|q| q.grants == Some(*cert)) {
                for l in q
                    .links
                    .iter()
                    .filter(|l| l.kind == crate::catalogue::LinkKind::Bonus)
                {
                    if now.contains(&l.to) {
                        bonus.push(format!("{} ← {}", name(&l.to), cert.label(lang)));
                    }
                }
            }
        }
    }
    // Eligible ones first: a programme that only became "to verify" (e.g. 중견바우처
    // for a 중기업 that may be 예비 중견) is not a gain of the same kind.
    let plan = app.rt.whatif.as_ref().and(app.cached_plan());
    let mut gained: Vec<Gained> = now
        .difference(&base)
        .map(|id| {
            let (eligibility, reasons) = plan
                .and_then(|p| {
                    p.steps
                        .iter()
                        .find(|s| &s.programme_id == id)
                        .map(|s| (s.eligibility, &s.reasons))
                        .or_else(|| {
                            p.also_eligible
                                .iter()
                                .find(|a| &a.programme_id == id)
                                .map(|a| (a.eligibility, &a.reasons))
                        })
                })
                .map(|(e, r)| (Some(e), r.as_slice()))
                .unwrap_or((None, &[]));
            Gained {
                id: id.clone(),
                name: name(id),
                eligible: eligibility == Some(crate::matcher::Eligibility::Eligible),
                to_verify: reasons
                    .iter()
                    .filter(|r| r.outcome == crate::matcher::Outcome::Unknown)
                    .map(|r| match lang {
                        Lang::Ko => r.ko.clone(),
                        Lang::En => r.en.clone(),
                    })
                    .collect(),
            }
        })
        .collect();
    gained.sort_by_key(|g| !g.eligible);
    Effects {
        gained,
        // A programme the what-if firm now holds (a designation it gains) is not lost.
        lost: base
            .difference(&now)
            .filter(|id| !plan.is_some_and(|p| p.received.contains(*id)))
            .map(|id| name(id))
            .collect(),
        bonus,
    }
}

/// Draws the panel.
pub fn show(ui: &mut Ui, app: &mut GachiApp, cmds: &mut Vec<Command>) {
    let lang = app.state.lang;
    let dark = app.state.dark;
    let now = app.rt.as_of;
    let fx = effects(app, lang);
    let changed = app
        .rt
        .whatif
        .as_ref()
        .map(|w| changes::profile_changes(&app.state.profile, &w.profile, lang))
        .unwrap_or_default();
    // Apply sits alone at the bottom, far from 처음 값으로 at the top.
    egui::Panel::bottom("whatif_apply").show(ui, |ui| {
        ui.add_space(6.0);
        let apply = ui.add_enabled(
            !changed.is_empty(),
            egui::Button::new(style::bold(s::WHATIF_APPLY.get(lang), 14.0)),
        );
        if apply
            .on_hover_text(s::WHATIF_APPLY_HINT.get(lang))
            .clicked()
        {
            cmds.push(Command::WhatIfApply);
        }
        ui.add_space(4.0);
    });
    ui.label(style::bold(s::WHATIF.get(lang), 16.0));
    ui.add(
        egui::Label::new(
            egui::RichText::new(s::WHATIF_WHY.get(lang)).color(style::weak_text(dark)),
        )
        .wrap(),
    );
    ui.horizontal(|ui| {
        if ui.button(s::WHATIF_RESET.get(lang)).clicked() {
            cmds.push(Command::WhatIfReset);
        }
        if ui.button(s::WHATIF_CLOSE.get(lang)).clicked() {
            cmds.push(Command::WhatIfClose);
        }
    });
    ui.separator();
    let Some(w) = app.rt.whatif.as_mut() else {
        return;
    };
    // The inputs: a fixed share of the panel, scrolling on their own.
    let inputs_h = (ui.available_height() * 0.5).max(140.0);
    egui::ScrollArea::vertical()
        .id_salt("whatif_inputs")
        .max_height(inputs_h)
        .min_scrolled_height(inputs_h)
        .auto_shrink([false, false])
        .show(ui, |ui| inputs(ui, &mut w.profile, lang, now));
    ui.separator();
    // Below the inputs, in boxes that keep their height whatever they hold; on a
    // short window they scroll together rather than run under the apply button.
    egui::ScrollArea::vertical()
        .id_salt("whatif_lists")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            list_box(
                ui,
                "whatif_changes",
                s::WHATIF_CHANGES,
                &changed,
                "",
                None,
                70.0,
                lang,
            );
            gained_box(ui, &fx.gained, lang, dark, cmds);
            list_box(
                ui,
                "whatif_lost",
                s::WHATIF_LOST,
                &fx.lost,
                "− ",
                Some(style::fail_colour(dark)),
                70.0,
                lang,
            );
            list_box(
                ui,
                "whatif_bonus",
                s::WHATIF_BONUS,
                &fx.bonus,
                "★ ",
                Some(style::cross_colour(dark)),
                50.0,
                lang,
            );
        });
}

/// The newly usable programmes: "○ 조건 충족" or "? 확인 필요" before each name, the
/// conditions to verify on hover, a click shows the programme's detail.
fn gained_box(ui: &mut Ui, gained: &[Gained], lang: Lang, dark: bool, cmds: &mut Vec<Command>) {
    let head = egui::RichText::new(format!("{} ({})", s::WHATIF_GAINED.get(lang), gained.len()))
        .strong()
        .color(style::pass_colour(dark));
    ui.label(head);
    egui::ScrollArea::vertical()
        .id_salt("whatif_gained")
        .max_height(70.0)
        .min_scrolled_height(70.0)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for g in gained {
                let (mark, colour) = if g.eligible {
                    (
                        s::WHATIF_GAINED_ELIGIBLE.get(lang),
                        style::pass_colour(dark),
                    )
                } else {
                    (
                        s::WHATIF_GAINED_VERIFY.get(lang),
                        style::unknown_colour(dark),
                    )
                };
                let text = egui::RichText::new(format!("{mark} {}", g.name)).color(colour);
                let r = ui.add(egui::Link::new(text));
                let r = if g.to_verify.is_empty() {
                    r
                } else {
                    r.on_hover_text(format!(
                        "{}\n• {}",
                        s::WHATIF_GAINED_VERIFY_WHY.get(lang),
                        g.to_verify.join("\n• ")
                    ))
                };
                if r.clicked() {
                    cmds.push(Command::Select(g.id.clone()));
                }
            }
        });
}

#[allow(clippy::too_many_arguments)]
fn list_box(
    ui: &mut Ui,
    id: &str,
    title: s::S,
    items: &[String],
    prefix: &str,
    colour: Option<egui::Color32>,
    height: f32,
    lang: Lang,
) {
    let mut head = egui::RichText::new(format!("{} ({})", title.get(lang), items.len())).strong();
    if let Some(c) = colour {
        head = head.color(c);
    }
    ui.label(head);
    egui::ScrollArea::vertical()
        .id_salt(id)
        .max_height(height)
        .min_scrolled_height(height)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for item in items {
                ui.add(egui::Label::new(format!("{prefix}{item}")).wrap());
            }
        });
}

/// A "don't know" box for the what-if: ticking it clears the answer.
fn unknown<T>(ui: &mut Ui, lang: Lang, q: s::S, value: &mut Option<T>) {
    let mut is = value.is_none();
    let name = format!(
        "{} — {} — {}",
        s::WHATIF.get(lang),
        q.get(lang),
        s::DONT_KNOW.get(lang)
    );
    if ui
        .checkbox(&mut is, s::DONT_KNOW.get(lang))
        .accessible_name(name)
        .changed()
        && is
    {
        *value = None;
    }
}

fn inputs(ui: &mut Ui, w: &mut FirmProfile, lang: Lang, now: crate::month::YearMonth) {
    let l = ui.label(s::Q_EMPLOYEES.get(lang));
    ui.horizontal(|ui| {
        fields::number(
            ui,
            egui::Id::unique("whatif_employees"),
            l.id,
            &mut w.employees,
            0..=10_000_000,
            s::PERSONS.get(lang),
            fields::Commit::Done,
        );
        unknown(ui, lang, s::Q_EMPLOYEES, &mut w.employees);
    });
    let l = ui.label(s::Q_REVENUE.get(lang));
    ui.horizontal(|ui| {
        let mut eok = w.revenue_krw.map(|v| v / EOK);
        if fields::number(
            ui,
            egui::Id::unique("whatif_revenue"),
            l.id,
            &mut eok,
            0..=10_000_000,
            s::EOK.get(lang),
            fields::Commit::Done,
        ) {
            // Keep the 만원 part of the profile when only the 억 changed.
            let rest = w.revenue_krw.map(|v| v % EOK).unwrap_or(0);
            w.revenue_krw = eok.map(|e| e * EOK + rest);
        }
        unknown(ui, lang, s::Q_REVENUE, &mut w.revenue_krw);
    });
    let l = ui.label(s::Q_FOUNDED.get(lang));
    ui.horizontal(|ui| {
        let mut year = w.founded.map(|f| f.year() as u64);
        if fields::number(
            ui,
            egui::Id::unique("whatif_founded"),
            l.id,
            &mut year,
            1900..=now.year.max(1900) as u64,
            s::YEAR.get(lang),
            fields::Commit::Done,
        ) {
            w.founded = year.map(|y| {
                let y = y as i32;
                match w.founded {
                    Some(Founded::Month(m)) => crate::month::YearMonth::new(y, m.month)
                        .map(Founded::Month)
                        .unwrap_or(Founded::Year(y)),
                    _ => Founded::Year(y),
                }
            });
        }
        unknown(ui, lang, s::Q_FOUNDED, &mut w.founded);
    });
    let l = ui.label(s::Q_REGION.get(lang));
    fields::region(ui, "whatif_region", l.id, lang, &mut w.region);
    ui.add_space(4.0);
    ui.label(egui::RichText::new(s::Q_CERTS.get(lang)).strong());
    ui.horizontal_wrapped(|ui| {
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
        unknown(ui, lang, s::Q_CERTS, &mut w.certifications);
    });
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
        let name = format!(
            "{} — {} — {}",
            s::WHATIF.get(lang),
            s::Q_SMART.get(lang),
            s::DONT_KNOW.get(lang)
        );
        ui.radio_value(&mut w.smart_factory_level, None, s::DONT_KNOW.get(lang))
            .accessible_name(name);
    });
    ui.add_space(4.0);
    ui.label(egui::RichText::new(s::Q_EXPORTING.get(lang)).strong());
    ui.horizontal(|ui| {
        for (v, label) in [
            (Some(true), s::YES),
            (Some(false), s::NO),
            (None, s::DONT_KNOW),
        ] {
            let name = format!(
                "{} — {} — {}",
                s::WHATIF.get(lang),
                s::Q_EXPORTING.get(lang),
                label.get(lang)
            );
            ui.radio_value(&mut w.exporting, v, label.get(lang))
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
}
