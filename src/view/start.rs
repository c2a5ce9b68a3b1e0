//! The start screen: begin, open files, recent files, and the catalogue in use.

use super::{FileKind, GachiApp, Screen, dialogs::Purpose, i18n as s, style};
use eframe::egui;

pub fn show(app: &mut GachiApp, ui: &mut egui::Ui) {
    let lang = app.lang;
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
                app.new_profile();
            }
            if !app.profile.name.is_empty()
                && ui
                    .button(format!(
                        "{} — {}",
                        s::CONTINUE_PROFILE.get(lang),
                        app.profile.name
                    ))
                    .clicked()
            {
                app.screen = Screen::Questions;
            }
            if ui.button(s::OPEN_PROFILE.get(lang)).clicked() {
                app.dialog_open(Purpose::OpenProfile);
            }
            if ui.button(s::OPEN_PLAN.get(lang)).clicked() {
                app.dialog_open(Purpose::OpenPlan);
            }
        });
        ui.add_space(16.0);
        ui.label(style::bold(s::RECENT_FILES.get(lang), 16.0));
        if app.recent.is_empty() {
            ui.label(s::NO_RECENT.get(lang));
        }
        let mut open = None;
        for r in &app.recent {
            let kind = match r.kind {
                FileKind::Profile => s::KIND_PROFILE.get(lang),
                FileKind::Plan => s::KIND_PLAN.get(lang),
                FileKind::Catalogue => s::KIND_CATALOGUE.get(lang),
            };
            if ui.link(format!("[{kind}] {}", r.path.display())).clicked() {
                open = Some(r.clone());
            }
        }
        if let Some(r) = open {
            match r.kind {
                FileKind::Profile => {
                    app.open_profile_path(&r.path);
                }
                FileKind::Plan => {
                    app.open_plan_path(&r.path);
                }
                FileKind::Catalogue => {
                    app.open_catalogue_path(&r.path);
                }
            }
        }
        ui.add_space(16.0);
        ui.label(style::bold(s::CATALOGUE_IN_USE.get(lang), 16.0));
        let c = &app.catalogue;
        let summary = format!(
            "{} {} · {} · {} {}",
            c.id,
            c.version,
            super::results::as_of_text(c.as_of, lang),
            c.programmes.len(),
            s::PROGRAMMES.get(lang)
        );
        let notice = c.notice.get(lang).to_string();
        let source = match &app.catalogue_path {
            Some(p) => p.display().to_string(),
            None => s::BUILTIN.get(lang).to_string(),
        };
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(format!("{summary} · {source}"));
            ui.label(egui::RichText::new(notice).color(style::unknown_colour(app.dark)));
            ui.horizontal(|ui| {
                if ui.button(s::OPEN_CATALOGUE.get(lang)).clicked() {
                    app.dialog_open(Purpose::OpenCatalogue);
                }
                if ui.button(s::IMPORT_BIZINFO.get(lang)).clicked() {
                    app.dialog_open(Purpose::ImportBizinfo);
                }
                if app.catalogue_path.is_some() && ui.button(s::USE_BUILTIN.get(lang)).clicked() {
                    app.use_builtin_catalogue();
                }
            });
        });
    });
}
