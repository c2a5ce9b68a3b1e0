//! The top bar: the screens, the open client with its unsaved mark, file buttons,
//! language and theme.

use super::{Command, GachiApp, Purpose, Screen, i18n as s, style};
use eframe::egui;

/// Draws the bar; every button pushes a command.
pub fn show(ui: &mut egui::Ui, app: &GachiApp, cmds: &mut Vec<Command>) {
    let lang = app.state.lang;
    super::fields::set_lang(ui.ctx(), lang);
    ui.horizontal_wrapped(|ui| {
        ui.label(style::bold("같이 Gachi", 18.0));
        ui.separator();
        for (screen, label) in [
            (Screen::Start, s::NAV_START),
            (Screen::Clients, s::NAV_CLIENTS),
            (Screen::Questions, s::NAV_QUESTIONS),
            (Screen::Results, s::NAV_RESULTS),
            (Screen::Catalogue, s::NAV_CATALOGUE),
        ] {
            if ui
                .selectable_label(app.state.screen == screen, label.get(lang))
                .clicked()
            {
                cmds.push(Command::Navigate(screen));
            }
        }
        ui.separator();
        let dirty = app.state.is_dirty();
        // Which client file the profile belongs to, so "save" is never a surprise.
        let doc = match &app.state.doc.client {
            Some(path) => path
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default(),
            None => s::NOT_A_CLIENT.get(lang).to_string(),
        };
        ui.label(egui::RichText::new(doc).color(style::weak_text(app.state.dark)))
            .on_hover_text(s::DOC_HOVER.get(lang));
        let save = if dirty {
            format!("● {}", s::SAVE_CLIENT.get(lang))
        } else {
            s::SAVE_CLIENT.get(lang).to_string()
        };
        let hover = if dirty {
            s::UNSAVED_HOVER.get(lang)
        } else {
            s::SAVED_HOVER.get(lang)
        };
        if ui
            .button(style::bold(save, 14.0))
            .on_hover_text(hover)
            .clicked()
        {
            cmds.push(Command::SaveClient);
        }
        // Files other than the client's own in one menu, so the bar fits one row at
        // 1024 px and the pathway keeps the room (screenshots 2026-11).
        ui.menu_button(s::FILE_MENU.get(lang), |ui| {
            for (label, purpose) in [
                (s::OPEN_PROFILE, Purpose::OpenProfile),
                (s::SAVE_PROFILE, Purpose::SaveProfile),
                (s::EXPORT_PLAN, Purpose::ExportPlan),
            ] {
                if ui.button(label.get(lang)).clicked() {
                    cmds.push(Command::Pick(purpose));
                    ui.close();
                }
            }
        });
        // In the same wrapping row (a right-aligned group overlapped the file
        // buttons at 1024 px).
        ui.separator();
        if ui.button(s::LANGUAGE.get(lang)).clicked() {
            cmds.push(Command::ToggleLang);
        }
        let theme = if app.state.dark {
            s::THEME_LIGHT
        } else {
            s::THEME_DARK
        };
        if ui.button(theme.get(lang)).clicked() {
            cmds.push(Command::ToggleTheme);
        }
    });
}
