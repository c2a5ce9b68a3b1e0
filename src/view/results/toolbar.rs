//! The row above the pathway: what-if, report, calendar, comparison.

use super::super::{Command, GachiApp, Purpose, i18n as s, style};
use eframe::egui::{self, Ui};

/// Draws the toolbar.
pub fn show(ui: &mut Ui, app: &GachiApp, cmds: &mut Vec<Command>) {
    let lang = app.state.lang;
    ui.horizontal_wrapped(|ui| {
        match &app.rt.whatif {
            None => {
                if ui.button(s::WHATIF.get(lang)).clicked() {
                    cmds.push(Command::WhatIfStart);
                }
            }
            // Say "what-if" only once something differs from the profile.
            Some(w) if w.profile != app.state.profile => {
                ui.label(
                    egui::RichText::new(s::WHATIF_ACTIVE.get(lang))
                        .color(style::unknown_colour(app.state.dark))
                        .strong(),
                );
            }
            Some(_) => {}
        }
        ui.separator();
        if ui.button(s::EXPORT_REPORT.get(lang)).clicked() {
            cmds.push(Command::Pick(Purpose::ExportReport));
        }
        if ui.button(s::EXPORT_ICS.get(lang)).clicked() {
            cmds.push(Command::Pick(Purpose::ExportIcs));
        }
        if ui.button(s::COMPARE_PLAN.get(lang)).clicked() {
            cmds.push(Command::Pick(Purpose::ComparePlan));
        }
    });
}
