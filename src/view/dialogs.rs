//! Native file dialogs, run off the UI thread so the window keeps drawing. The file
//! work itself is done by `GachiApp`'s `*_path` methods, which tests call directly.

use super::GachiApp;
use eframe::egui;
use std::path::PathBuf;
use std::sync::mpsc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    OpenProfile,
    SaveProfile,
    OpenPlan,
    ExportPlan,
    OpenCatalogue,
    PickWorkspace,
    ImportBizinfo,
    ExportReport,
    ExportIcs,
    ComparePlan,
}

/// At most one dialog open at a time; its answer arrives through the channel.
#[derive(Default)]
pub struct DialogSlot {
    waiting: Option<(Purpose, mpsc::Receiver<Option<PathBuf>>)>,
}

/// A file name from the firm and month, safe on every system.
pub fn default_name(firm: &str, month: &str, suffix: &str) -> String {
    format!("{}-{month}{suffix}", crate::files::safe_stem(firm, "gachi"))
}

impl GachiApp {
    pub(super) fn dialog_open(&mut self, purpose: Purpose) {
        if self.dialog.waiting.is_some() {
            return;
        }
        let (tx, rx) = mpsc::channel();
        let month = self.as_of.to_string();
        let firm = self.profile.name.clone();
        let mut dialog = match purpose {
            Purpose::ExportReport => rfd::FileDialog::new().add_filter("HTML", &["html"]),
            Purpose::ExportIcs => rfd::FileDialog::new().add_filter("iCalendar", &["ics"]),
            _ => rfd::FileDialog::new().add_filter("JSON", &["json"]),
        };
        dialog = match purpose {
            Purpose::SaveProfile => {
                dialog.set_file_name(default_name(&firm, &month, ".profile.json"))
            }
            Purpose::ExportPlan => dialog.set_file_name(default_name(&firm, &month, ".plan.json")),
            Purpose::ExportReport => {
                dialog.set_file_name(default_name(&firm, &month, ".report.html"))
            }
            Purpose::ExportIcs => dialog.set_file_name(default_name(&firm, &month, ".ics")),
            _ => dialog,
        };
        std::thread::spawn(move || {
            let picked = match purpose {
                Purpose::PickWorkspace => rfd::FileDialog::new().pick_folder(),
                Purpose::SaveProfile
                | Purpose::ExportPlan
                | Purpose::ExportReport
                | Purpose::ExportIcs => dialog.save_file(),
                _ => dialog.pick_file(),
            };
            let _ = tx.send(picked);
        });
        self.dialog.waiting = Some((purpose, rx));
    }

    pub(super) fn dialog_poll(&mut self, ctx: &egui::Context) {
        let Some((purpose, rx)) = &self.dialog.waiting else {
            return;
        };
        let purpose = *purpose;
        match rx.try_recv() {
            Ok(picked) => {
                self.dialog.waiting = None;
                if let Some(path) = picked {
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
                            self.workspace = Some(crate::workspace::Workspace::new(path));
                            self.clients.list = None;
                        }
                    }
                }
            }
            Err(mpsc::TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(200))
            }
            Err(mpsc::TryRecvError::Disconnected) => self.dialog.waiting = None,
        }
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
