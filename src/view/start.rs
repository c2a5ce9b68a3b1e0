//! The start screen: begin, open files, recent files, and the catalogue in use.

use super::{Command, FileKind, GachiApp, Purpose, Screen, i18n as s, style};
use eframe::egui;

/// Draws the start screen.
pub fn show(ui: &mut egui::Ui, app: &GachiApp, cmds: &mut Vec<Command>) {
    let lang = app.state.lang;
    let dark = app.state.dark;
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.add_space(8.0);
        ui.label(style::bold(s::APP_TITLE.get(lang), 24.0));
        ui.add_space(4.0);
        ui.label(s::START_INTRO.get(lang));
        ui.add_space(12.0);
        ui.horizontal_wrapped(|ui| {
            if ui
                .button(style::bold(s::NEW_PROFILE.get(lang), 16.0))
                .clicked()
            {
                cmds.push(Command::NewProfile);
            }
            let name = &app.state.profile.name;
            if !name.is_empty()
                && ui
                    .button(format!("{} — {name}", s::CONTINUE_PROFILE.get(lang)))
                    .clicked()
            {
                cmds.push(Command::Navigate(Screen::Questions));
            }
            if ui.button(s::OPEN_PROFILE.get(lang)).clicked() {
                cmds.push(Command::Pick(Purpose::OpenProfile));
            }
            if ui.button(s::OPEN_PLAN.get(lang)).clicked() {
                cmds.push(Command::Pick(Purpose::OpenPlan));
            }
        });
        ui.add_space(16.0);
        ui.label(style::bold(s::RECENT_FILES.get(lang), 16.0));
        if app.state.recent.is_empty() {
            ui.label(s::NO_RECENT.get(lang));
        }
        for r in &app.state.recent {
            let kind = match r.kind {
                FileKind::Profile => s::KIND_PROFILE.get(lang),
                FileKind::Plan => s::KIND_PLAN.get(lang),
                FileKind::Catalogue => s::KIND_CATALOGUE.get(lang),
            };
            if ui.link(format!("[{kind}] {}", r.path.display())).clicked() {
                cmds.push(Command::OpenRecent(r.clone()));
            }
        }
        ui.add_space(16.0);
        ui.label(style::bold(s::CATALOGUE_IN_USE.get(lang), 16.0));
        let c = &app.rt.catalogue;
        let summary = format!(
            "{} {} · {} · {} {}",
            c.id,
            c.version,
            super::results::as_of_text(c.as_of, lang),
            c.programmes.len(),
            s::PROGRAMMES.get(lang)
        );
        let source = match &app.state.catalogue_path {
            Some(p) => p.display().to_string(),
            None => s::BUILTIN.get(lang).to_string(),
        };
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(format!("{summary} · {source}"));
            ui.add(
                egui::Label::new(
                    egui::RichText::new(c.notice.get(lang)).color(style::unknown_colour(dark)),
                )
                .wrap(),
            );
            ui.horizontal_wrapped(|ui| {
                if ui.button(s::OPEN_CATALOGUE.get(lang)).clicked() {
                    cmds.push(Command::Pick(Purpose::OpenCatalogue));
                }
                if ui.button(s::IMPORT_BIZINFO.get(lang)).clicked() {
                    cmds.push(Command::Pick(Purpose::ImportBizinfo));
                }
                if app.rt.fetch.running.is_none() && ui.button(s::FETCH_NOTICES.get(lang)).clicked()
                {
                    cmds.push(Command::OpenFetch);
                }
                if app.state.catalogue_path.is_some()
                    && ui.button(s::USE_BUILTIN.get(lang)).clicked()
                {
                    cmds.push(Command::UseBuiltinCatalogue);
                }
            });
            if let Some(run) = &app.rt.fetch.running {
                super::fetcher::progress(ui, run, lang, cmds);
            }
        });
    });
}
