//! File work behind the buttons: open and save profiles, plans, catalogues, exports.
//! Each takes a path, so tests call them directly; the dialogs only supply paths.

use super::state::{Document, Screen};
use super::{Comparison, FileKind, GachiApp, Notice, i18n as s, questionnaire};
use crate::files::{self, FileError};
use crate::profile::read_profile_value;
use std::path::{Path, PathBuf};

impl GachiApp {
    /// Opens a profile file as a new detached document; on failure the current
    /// profile stays and a banner says why.
    pub fn open_profile_path(&mut self, path: &Path) -> bool {
        // Not a client file: the profile is saved (in its own file), detached.
        let opened = self.open_document(path, None);
        if opened {
            self.remember(path, FileKind::Profile);
        }
        opened
    }

    /// Reads a profile file into the open document (belonging to `client`, or
    /// detached) and shows its pathway; on failure the current profile stays and a
    /// banner says why. Shared by "프로필 열기" and opening a client.
    pub(super) fn open_document(&mut self, path: &Path, client: Option<PathBuf>) -> bool {
        match files::load_profile(path, self.rt.as_of) {
            Ok(p) => {
                self.state.profile = p.clone();
                self.state.doc = Document { client, saved: p };
                self.forget_profile_undo();
                self.rt.questionnaire = questionnaire::Draft::default();
                self.rt.whatif = None;
                self.rt.selected = None;
                self.notify_ok(s::OPENED, path.display().to_string());
                self.state.screen = Screen::Results;
                true
            }
            Err(e) => {
                self.notify_error(s::CANNOT_OPEN, &e);
                false
            }
        }
    }

    /// Writes the profile to a file of the user's choice.
    pub fn save_profile_path(&mut self, path: &Path) -> bool {
        let json = self.state.profile.to_pretty_json();
        match files::write_atomic(path, json.as_bytes()) {
            Ok(()) => {
                self.remember(path, FileKind::Profile);
                if self.state.doc.client.is_none() {
                    // The profile now has a copy on disk.
                    self.state.doc.saved = self.state.profile.clone();
                }
                self.notify_ok(s::SAVED, path.display().to_string());
                true
            }
            Err(e) => {
                self.notify_error(s::CANNOT_SAVE, &e);
                false
            }
        }
    }

    /// Writes the current plan, exactly as `gachi plan` would for the same inputs.
    pub fn export_plan_path(&mut self, path: &Path) -> bool {
        let json = self.plan().to_pretty_json();
        let ok = self.write_out(path, json.as_bytes());
        if ok {
            self.remember(path, FileKind::Plan);
        }
        ok
    }

    /// Opens a plan: restores its profile and month and shows the pathway; warns when
    /// it was made with another catalogue (the plan is recomputed with this one).
    pub fn open_plan_path(&mut self, path: &Path) -> bool {
        let as_of = self.rt.as_of;
        let loaded = files::load_plan(path).and_then(|plan| {
            read_profile_value(&plan.profile, as_of.max(plan.as_of))
                .map(|p| (plan, p))
                .map_err(|problems| FileError {
                    path: path.to_path_buf(),
                    problems: problems
                        .into_iter()
                        .map(|mut p| {
                            p.path = crate::json_read::join("profile", &p.path);
                            p
                        })
                        .collect(),
                })
        });
        match loaded {
            Ok((plan, profile)) => {
                self.state.profile = profile.clone();
                self.state.doc = Document {
                    client: None,
                    saved: profile,
                };
                self.rt.whatif = None;
                self.rt.as_of = plan.as_of;
                self.remember(path, FileKind::Plan);
                self.notify_ok(s::OPENED, path.display().to_string());
                if plan.catalogue.sha256 != self.rt.catalogue.sha256 {
                    let c = &self.rt.catalogue;
                    let detail = format!(
                        "{} {} → {} {}",
                        plan.catalogue.id, plan.catalogue.version, c.id, c.version
                    );
                    self.notify_ok(s::CATALOGUE_MISMATCH, detail);
                }
                self.state.screen = Screen::Results;
                true
            }
            Err(e) => {
                self.notify_error(s::CANNOT_OPEN, &e);
                false
            }
        }
    }

    /// Loads a catalogue file in place of the one in use.
    pub fn open_catalogue_path(&mut self, path: &Path) -> bool {
        match files::load_catalogue(path) {
            Ok(c) => {
                self.rt.catalogue = c;
                self.state.catalogue_path = Some(path.to_path_buf());
                self.remember(path, FileKind::Catalogue);
                self.notify_ok(s::CATALOGUE_LOADED, path.display().to_string());
                true
            }
            Err(e) => {
                self.notify_error(s::CANNOT_OPEN, &e);
                false
            }
        }
    }

    /// Writes the current plan as a printable HTML report in the app's language.
    pub fn export_report_path(&mut self, path: &Path) -> bool {
        let lang = self.state.lang;
        let html = crate::export::report_html(self.plan(), lang);
        self.write_out(path, html.as_bytes())
    }

    /// Writes the current plan's application windows as an iCalendar file.
    pub fn export_ics_path(&mut self, path: &Path) -> bool {
        let lang = self.state.lang;
        let ics = crate::export::plan_ics(self.plan(), lang);
        self.write_out(path, ics.as_bytes())
    }

    fn write_out(&mut self, path: &Path, bytes: &[u8]) -> bool {
        match files::write_atomic(path, bytes) {
            Ok(()) => {
                self.notify_ok(s::SAVED, path.display().to_string());
                true
            }
            Err(e) => {
                self.notify_error(s::CANNOT_SAVE, &e);
                false
            }
        }
    }

    /// Saves an export into `folder` under its usual name, when no file dialog could
    /// open: the banner says so, shows the path and offers to open the folder.
    pub fn export_without_dialog(&mut self, purpose: super::Purpose, folder: &Path) -> bool {
        let name = super::dialogs::default_file_name(self, purpose);
        let path = free_path(&folder.join(name));
        if let Err(e) = std::fs::create_dir_all(folder) {
            self.notify_error(
                s::CANNOT_SAVE,
                &FileError::single(folder, format!("cannot create the folder: {e}")),
            );
            return false;
        }
        let ok = match purpose {
            super::Purpose::ExportReport => self.export_report_path(&path),
            super::Purpose::ExportIcs => self.export_ics_path(&path),
            super::Purpose::ExportPlan => self.export_plan_path(&path),
            super::Purpose::SaveProfile => self.save_profile_path(&path),
            _ => false,
        };
        if ok && let Some(last) = self.rt.notices.last_mut() {
            // Replace the plain "saved" banner with one that says why it went there.
            *last = Notice {
                error: false,
                title: s::SAVED_WITHOUT_DIALOG,
                detail: path.display().to_string(),
                folder: Some(folder.to_path_buf()),
                since: std::time::Instant::now(),
            };
        }
        ok
    }

    /// Compares a saved plan (before) with the current one (after).
    pub fn compare_with_plan_path(&mut self, path: &Path) -> bool {
        match files::load_plan(path) {
            Ok(before) => {
                let lang = self.state.lang;
                let diff = crate::export::diff_plans(&before, self.plan());
                let text = crate::export::diff_text(&diff, lang);
                self.rt.comparison = Some(Comparison {
                    file: path.display().to_string(),
                    before,
                    text,
                });
                true
            }
            Err(e) => {
                self.notify_error(s::CANNOT_OPEN, &e);
                false
            }
        }
    }

    /// Merges a bizinfo (기업마당) feed file into the catalogue in use; the counts
    /// of imported, merged and skipped notices are shown. On failure nothing changes.
    pub fn import_bizinfo_path(&mut self, path: &Path) -> bool {
        let result = files::read_capped(path).and_then(|bytes| {
            crate::bizinfo::import(&self.rt.catalogue, &bytes, self.rt.as_of).map_err(|problems| {
                FileError {
                    path: path.to_path_buf(),
                    problems,
                }
            })
        });
        match result {
            Ok((cat, report)) => {
                // 새 소식 compares with the catalogue of the session's start.
                let before = std::mem::replace(&mut self.rt.catalogue, cat);
                self.rt.previous_catalogue.get_or_insert(before);
                let lang = self.state.lang;
                let detail = format!(
                    "{}\n{} {} · {} {} · {} {}",
                    path.display(),
                    s::IMPORTED.get(lang),
                    report.imported.len(),
                    s::MERGED.get(lang),
                    report.merged.len(),
                    s::SKIPPED.get(lang),
                    report.skipped.len()
                );
                self.notify_ok(s::BIZINFO_IMPORTED, detail);
                true
            }
            Err(e) => {
                self.notify_error(s::CANNOT_OPEN, &e);
                false
            }
        }
    }

    /// Back to the built-in catalogue; says so if even that cannot load.
    pub fn use_builtin_catalogue(&mut self) {
        match crate::catalogue::builtin() {
            Ok(c) => {
                self.rt.catalogue = c;
                self.rt.previous_catalogue = None;
                self.state.catalogue_path = None;
            }
            Err(problems) => {
                let err = FileError {
                    path: PathBuf::from("catalogue.json"),
                    problems,
                };
                self.notify_error(s::CANNOT_OPEN, &err);
            }
        }
    }
}

/// `name.ext`, or `name-2.ext`, … if taken: an export never replaces a file unasked.
fn free_path(path: &Path) -> PathBuf {
    if !path.exists() {
        return path.to_path_buf();
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Split at the first dot so "firm-2026-12.report.html" keeps ".report.html".
    let (stem, ext) = match name.find('.') {
        Some(k) => (&name[..k], &name[k..]),
        None => (name.as_str(), ""),
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    (2..)
        .map(|k| dir.join(format!("{stem}-{k}{ext}")))
        .find(|p| !p.exists())
        .unwrap_or_else(|| path.to_path_buf())
}

/// The user's Documents folder (`XDG_DOCUMENTS_DIR`, else `~/Documents` or
/// `%USERPROFILE%\Documents`) when it exists, else the app's data folder.
pub fn documents_folder() -> Option<PathBuf> {
    let home = std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .map(PathBuf::from);
    let xdg = std::env::var_os("XDG_DOCUMENTS_DIR").map(PathBuf::from);
    let docs = xdg.or_else(|| home.map(|h| h.join("Documents")));
    match docs {
        Some(d) if d.is_dir() => Some(d.join("Gachi")),
        _ => super::data_dir().map(|d| d.join("exports")),
    }
}

/// Opens a folder in the system's file manager.
pub fn open_folder(path: &Path) -> Result<(), FileError> {
    let program = if cfg!(windows) {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    std::process::Command::new(program)
        .arg(path)
        .spawn()
        .map(|_| ())
        .map_err(|e| FileError::single(path, format!("cannot open the folder: {e}")))
}
