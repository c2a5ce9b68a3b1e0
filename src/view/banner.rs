//! Banners and questions. Banners float over the bottom-right corner, so they never
//! push the layout (a remembered click target stays where it was); a question is a
//! modal whose answers are commands.

use super::{Command, GachiApp, Undo, i18n as s, style};
use eframe::egui;

/// The banners, newest at the bottom, each with 닫기; the one that offered an undo
/// also has 되돌리기, and an export saved without a dialog has "폴더 열기".
pub fn notices(ctx: &egui::Context, app: &GachiApp, cmds: &mut Vec<Command>) {
    if app.rt.notices.is_empty() {
        return;
    }
    let lang = app.state.lang;
    let dark = app.state.dark;
    // A plain success notice (nothing to undo, no folder to open) goes by itself, and
    // at most MAX_NOTICES stay stacked: older plain ones give way first.
    // A saved-file notice with its folder button stays longer, but also goes (trial
    // 2026-11: they stacked over the detail panel for minutes).
    let plain = |k: usize| {
        let n = &app.rt.notices[k];
        !n.error && !undoable(app, n)
    };
    let life = |k: usize| {
        let secs = if app.rt.notices[k].folder.is_some() {
            super::NOTICE_WITH_FOLDER_SECONDS
        } else {
            super::NOTICE_SECONDS
        };
        std::time::Duration::from_secs(secs)
    };
    let expired = (0..app.rt.notices.len())
        .find(|&k| plain(k) && app.rt.notices[k].since.elapsed() >= life(k))
        .or_else(|| {
            (app.rt.notices.len() > super::MAX_NOTICES)
                .then(|| (0..app.rt.notices.len()).find(|&k| plain(k)))
                .flatten()
        });
    if let Some(k) = expired {
        // One per frame, so the indices of the others stay right.
        cmds.push(Command::Dismiss(k));
    }
    if (0..app.rt.notices.len()).any(plain) {
        ctx.request_repaint_after(std::time::Duration::from_millis(500));
    }
    egui::Area::new(egui::Id::unique("notices"))
        // Above the bottom row, where 다음 → and 경로 보기 → sit.
        .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-12.0, -56.0))
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            ui.set_max_width(460.0);
            for (k, n) in app.rt.notices.iter().enumerate() {
                let colour = if n.error {
                    style::fail_colour(dark)
                } else {
                    style::pass_colour(dark)
                };
                egui::Frame::popup(ui.style())
                    .stroke(egui::Stroke::new(2.0, colour))
                    .inner_margin(10.0)
                    .show(ui, |ui| {
                        ui.set_width(440.0);
                        ui.label(
                            egui::RichText::new(n.title.get(lang))
                                .color(colour)
                                .strong(),
                        );
                        if !n.detail.is_empty() {
                            ui.add(egui::Label::new(&n.detail).wrap());
                        }
                        ui.horizontal(|ui| {
                            if ui.button(s::DISMISS.get(lang)).clicked() {
                                cmds.push(Command::Dismiss(k));
                            }
                            if undoable(app, n) && ui.button(s::UNDO.get(lang)).clicked() {
                                cmds.push(Command::Undo);
                            }
                            if let Some(folder) = &n.folder
                                && ui.button(s::OPEN_FOLDER.get(lang)).clicked()
                            {
                                cmds.push(Command::OpenFolder(folder.clone()));
                            }
                        });
                    });
                ui.add_space(4.0);
            }
        });
}

/// Whether a notice offers 되돌리기 (the undo it announced is still possible).
fn undoable(app: &GachiApp, n: &super::Notice) -> bool {
    match &app.rt.undo {
        Some(Undo::Restore { .. }) => n.title == s::MOVED_TO_TRASH,
        Some(Undo::Profile(_)) => n.title == s::WHATIF_APPLIED,
        None => false,
    }
}

/// The open question, as a modal: nothing else can be clicked until it is answered.
pub fn ask(ctx: &egui::Context, app: &GachiApp, cmds: &mut Vec<Command>) {
    let Some(ask) = &app.rt.ask else {
        return;
    };
    let lang = app.state.lang;
    let modal = egui::Modal::new(egui::Id::unique("ask")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.label(style::bold(ask.title.get(lang), 17.0));
        ui.add_space(6.0);
        for line in &ask.detail {
            ui.add(egui::Label::new(line.as_str()).wrap());
        }
        ui.add_space(10.0);
        ui.horizontal_wrapped(|ui| {
            for (k, (label, cmd)) in ask.answers.iter().enumerate() {
                // The first answer is the one Enter would pick; make it stand out.
                let text = if k == 0 {
                    style::bold(label.get(lang), 14.0)
                } else {
                    egui::RichText::new(label.get(lang))
                };
                if ui.button(text).clicked() {
                    cmds.push(cmd.clone());
                }
                // Keep the answers apart: a slip must not hit the next one.
                ui.add_space(12.0);
            }
        });
    });
    if modal.should_close() {
        cmds.push(Command::CloseAsk);
    }
}
