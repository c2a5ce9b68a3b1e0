//! A saved plan beside the current one: steps only on one side are coloured
//! (removed red, added green), and the differences are written out.

use super::super::{Command, Comparison, i18n as s, style};
use super::circled;
use crate::plan::Plan;
use crate::text::Lang;
use eframe::egui::{self, Ui};

/// Draws the comparison box.
pub fn show(
    ui: &mut Ui,
    cmp: &Comparison,
    now: &Plan,
    lang: Lang,
    dark: bool,
    cmds: &mut Vec<Command>,
) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(
                egui::RichText::new(format!("{}: {}", s::COMPARISON.get(lang), cmp.file)).strong(),
            );
            if ui.button(s::DISMISS.get(lang)).clicked() {
                cmds.push(Command::CloseComparison);
            }
        });
        egui::ScrollArea::vertical()
            .id_salt("comparison")
            .max_height(160.0)
            .show(ui, |ui| {
                ui.columns(3, |cols| {
                    let in_now = |id: &str| now.steps.iter().any(|st| st.programme_id == id);
                    let in_before =
                        |id: &str| cmp.before.steps.iter().any(|st| st.programme_id == id);
                    cols[0].label(
                        egui::RichText::new(format!(
                            "{} ({})",
                            s::SAVED_PLAN.get(lang),
                            cmp.before.as_of
                        ))
                        .strong(),
                    );
                    for st in &cmp.before.steps {
                        let t =
                            format!("{} {} · {}", circled(st.order), st.name.get(lang), st.start);
                        let c = if in_now(&st.programme_id) {
                            cols[0].visuals().text_color()
                        } else {
                            style::fail_colour(dark)
                        };
                        cols[0].label(egui::RichText::new(t).color(c));
                    }
                    cols[1].label(
                        egui::RichText::new(format!(
                            "{} ({})",
                            s::CURRENT_PLAN.get(lang),
                            now.as_of
                        ))
                        .strong(),
                    );
                    for st in &now.steps {
                        let t =
                            format!("{} {} · {}", circled(st.order), st.name.get(lang), st.start);
                        let c = if in_before(&st.programme_id) {
                            cols[1].visuals().text_color()
                        } else {
                            style::pass_colour(dark)
                        };
                        cols[1].label(egui::RichText::new(t).color(c));
                    }
                    cols[2].label(cmp.text.as_str());
                });
            });
    });
}
