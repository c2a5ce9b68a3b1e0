//! Native file dialogs, run off the UI thread so the window keeps drawing. The file
//! work itself is done by `GachiApp`'s `*_path` methods (io.rs), which tests call.
//!
//! A dialog that cannot open must not fail silently: rfd answers "cancelled" both
//! when the user cancels and when no dialog exists (no portal and no zenity on a
//! Linux desktop). So the app checks for a dialog first, treats an answer faster
//! than any person could give as "no dialog", and then saves exports into the
//! Documents folder, saying where.

use super::{GachiApp, Notice, i18n as s};
use eframe::egui;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// What a file dialog is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Open a profile file.
    OpenProfile,
    /// Save the profile to a file.
    SaveProfile,
    /// Open a plan file.
    OpenPlan,
    /// Save the plan as JSON.
    ExportPlan,
    /// Open another catalogue.
    OpenCatalogue,
    /// Choose the client workspace folder.
    PickWorkspace,
    /// Merge a bizinfo feed file.
    ImportBizinfo,
    /// Save the HTML report.
    ExportReport,
    /// Save the calendar file.
    ExportIcs,
    /// Compare with a saved plan.
    ComparePlan,
}

impl Purpose {
    /// Exports and saves can go to the Documents folder when no dialog opens.
    fn saves(self) -> bool {
        matches!(
            self,
            Purpose::SaveProfile | Purpose::ExportPlan | Purpose::ExportReport | Purpose::ExportIcs
        )
    }
}

/// At most one dialog open at a time; its answer arrives through the channel.
#[derive(Default)]
pub struct DialogSlot {
    waiting: Option<(Purpose, Instant, mpsc::Receiver<Option<PathBuf>>)>,
    /// No dialog could open a file: the path typed instead (trial 2026-11: importing
    /// notices was impossible on a Linux desktop without a file dialog).
    pub(super) typed: Option<(Purpose, String)>,
}

/// No person cancels a dialog this fast: a quicker "cancel" means none opened.
const TOO_FAST: Duration = Duration::from_millis(250);

/// A file name from the firm and month, safe on every system.
pub fn default_name(firm: &str, month: &str, suffix: &str) -> String {
    format!("{}-{month}{suffix}", crate::files::safe_stem(firm, "gachi"))
}

/// The usual file name of an export for the open profile.
pub(super) fn default_file_name(app: &GachiApp, purpose: Purpose) -> String {
    let month = app.rt.as_of.to_string();
    let firm = &app.state.profile.name;
    let suffix = match purpose {
        Purpose::SaveProfile => ".profile.json",
        Purpose::ExportReport => ".report.html",
        Purpose::ExportIcs => ".ics",
        _ => ".plan.json",
    };
    default_name(firm, &month, suffix)
}

/// Whether a native file dialog can open here. Windows and macOS always have one;
/// on Linux rfd needs the desktop portal (over D-Bus) or zenity.
pub fn dialog_available() -> bool {
    if !cfg!(target_os = "linux") {
        return true;
    }
    let on_path = |name: &str| {
        std::env::var_os("PATH")
            .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join(name).is_file()))
    };
    let portal = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        && [
            "/usr/libexec/xdg-desktop-portal",
            "/usr/lib/xdg-desktop-portal",
            "/usr/lib/xdg-desktop-portal/xdg-desktop-portal",
        ]
        .iter()
        .any(|p| std::path::Path::new(p).exists());
    portal || on_path("zenity") || on_path("kdialog")
}

impl GachiApp {
    pub(super) fn dialog_open(&mut self, purpose: Purpose) {
        if self.rt.dialog.waiting.is_some() {
            return;
        }
        if !dialog_available() {
            self.no_dialog(purpose);
            return;
        }
        let (tx, rx) = mpsc::channel();
        let mut dialog = match purpose {
            Purpose::ExportReport => rfd::FileDialog::new().add_filter("HTML", &["html"]),
            Purpose::ExportIcs => rfd::FileDialog::new().add_filter("iCalendar", &["ics"]),
            _ => rfd::FileDialog::new().add_filter("JSON", &["json"]),
        };
        if purpose.saves() {
            dialog = dialog.set_file_name(default_file_name(self, purpose));
        }
        std::thread::spawn(move || {
            let picked = match purpose {
                Purpose::PickWorkspace => rfd::FileDialog::new().pick_folder(),
                p if p.saves() => dialog.save_file(),
                _ => dialog.pick_file(),
            };
            let _ = tx.send(picked);
        });
        self.rt.dialog.waiting = Some((purpose, Instant::now(), rx));
    }

    /// No dialog could open: saves go to the Documents folder; opening asks for the
    /// file's path to be typed or pasted. Public so tests can take this path on a
    /// machine that does have a dialog.
    pub fn no_dialog(&mut self, purpose: Purpose) {
        if purpose.saves()
            && let Some(folder) = super::io::documents_folder()
        {
            self.export_without_dialog(purpose, &folder);
            return;
        }
        if !purpose.saves() {
            self.rt.dialog.typed = Some((purpose, String::new()));
            return;
        }
        self.rt.notices.push(Notice {
            error: true,
            title: s::NO_DIALOG,
            detail: s::NO_DIALOG_WHY.get(self.state.lang).to_string(),
            folder: None,
            since: std::time::Instant::now(),
        });
    }

    pub(super) fn dialog_poll(&mut self, ctx: &egui::Context) {
        let Some((purpose, opened, rx)) = &self.rt.dialog.waiting else {
            return;
        };
        let (purpose, opened) = (*purpose, *opened);
        match rx.try_recv() {
            Ok(picked) => {
                self.rt.dialog.waiting = None;
                let Some(path) = picked else {
                    if opened.elapsed() < TOO_FAST {
                        self.no_dialog(purpose);
                    }
                    return;
                };
                self.use_picked(purpose, path);
            }
            Err(mpsc::TryRecvError::Empty) => ctx.request_repaint_after(Duration::from_millis(200)),
            Err(mpsc::TryRecvError::Disconnected) => self.rt.dialog.waiting = None,
        }
    }

    /// What a chosen (or typed) path is for.
    pub(super) fn use_picked(&mut self, purpose: Purpose, path: PathBuf) {
        match purpose {
            Purpose::OpenProfile => {
                self.open_profile_path(&path);
            }
            Purpose::SaveProfile => {
                self.save_profile_path(&path);
            }
            Purpose::OpenPlan => {
                self.open_plan_path(&path);
            }
            Purpose::ExportPlan => {
                self.export_plan_path(&path);
            }
            Purpose::OpenCatalogue => {
                self.open_catalogue_path(&path);
            }
            Purpose::ExportReport => {
                self.export_report_path(&path);
            }
            Purpose::ExportIcs => {
                self.export_ics_path(&path);
            }
            Purpose::ComparePlan => {
                self.compare_with_plan_path(&path);
            }
            Purpose::ImportBizinfo => {
                self.import_bizinfo_path(&path);
            }
            Purpose::PickWorkspace => {
                self.state.workspace = Some(path);
                self.rt.clients.list = None;
            }
        }
    }
}

/// The typed-path question when no file dialog exists: the path of the file to open
/// (or the folder), typed or pasted; 열기 uses it as if it had been picked.
pub fn typed_path(ctx: &egui::Context, app: &mut GachiApp, cmds: &mut Vec<super::Command>) {
    let lang = app.state.lang;
    let Some((purpose, text)) = app.rt.dialog.typed.as_mut() else {
        return;
    };
    let purpose = *purpose;
    let modal = egui::Modal::new(egui::Id::unique("typed_path")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.label(super::style::bold(s::NO_DIALOG.get(lang), 17.0));
        ui.add(egui::Label::new(s::TYPE_PATH_WHY.get(lang)).wrap());
        ui.add_space(6.0);
        let r = ui.add(
            egui::TextEdit::singleline(text)
                .desired_width(520.0)
                .hint_text(s::TYPE_PATH.get(lang)),
        );
        r.request_focus();
        let r = r.labelled_by(ui.label(s::TYPE_PATH.get(lang)).id);
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let path = text.trim().trim_matches('"').to_string();
            if (ui
                .button(super::style::bold(s::NEWS_OPEN.get(lang), 14.0))
                .clicked()
                || enter)
                && !path.is_empty()
            {
                cmds.push(super::Command::OpenTypedPath(purpose, PathBuf::from(path)));
            }
            ui.add_space(12.0);
            if ui.button(s::CANCEL.get(lang)).clicked() {
                cmds.push(super::Command::CloseTypedPath);
            }
        });
    });
    if modal.should_close() {
        cmds.push(super::Command::CloseTypedPath);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_names_keep_hangul_and_drop_path_characters() {
        assert_eq!(
            default_name("대성주물", "2026-12", ".plan.json"),
            "대성주물-2026-12.plan.json"
        );
        assert_eq!(
            default_name("a/b\\c:d", "2026-12", ".plan.json"),
            "a_b_c_d-2026-12.plan.json"
        );
        assert_eq!(
            default_name("", "2026-12", ".plan.json"),
            "gachi-2026-12.plan.json"
        );
    }
}
