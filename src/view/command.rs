//! Every action with an effect beyond the field being edited, and the one place they
//! are applied ([`GachiApp::apply`]): navigation, files, client operations, what-if,
//! confirmations ([`Ask`]) and undo ([`Undo`]). Screens only push these.

use super::state::{Document, RecentFile, Screen};
use super::{FileKind, GachiApp, Notice, Purpose, ResultsTab, changes, i18n as s, questionnaire};
use crate::files::FileError;
use crate::month::YearMonth;
use crate::profile::FirmProfile;
use crate::text::Lang;
use crate::workspace::Workspace;
use eframe::egui;
use std::path::{Path, PathBuf};

/// Something a screen asks the app to do.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum Command {
    /// Show a screen.
    Navigate(Screen),
    /// Show a questionnaire page.
    SetPage(usize),
    /// 한국어 ⇄ English.
    ToggleLang,
    /// Light ⇄ dark.
    ToggleTheme,
    /// Close the banner at this index.
    Dismiss(usize),
    /// Start a blank profile, detached from any client (asks if there are unsaved changes).
    NewProfile,
    /// Open a file dialog for this purpose.
    Pick(Purpose),
    /// A path typed when no file dialog could open, used as if picked.
    OpenTypedPath(Purpose, std::path::PathBuf),
    /// The typed-path question closed without a path.
    CloseTypedPath,
    /// Open a recent file (asks first if it would replace unsaved changes).
    OpenRecent(RecentFile),
    /// Back to the built-in catalogue.
    UseBuiltinCatalogue,
    /// Show a programme in the detail panel and scroll the cards to it.
    Select(String),
    /// Show a list under the pathway.
    SetTab(ResultsTab),
    /// Fold or unfold the cards and timeline.
    TogglePathway,
    /// Let the detail panel fill the screen, or not.
    ToggleDetailFull,
    /// Hide the plan comparison.
    CloseComparison,
    /// Open the what-if panel on a copy of the profile.
    WhatIfStart,
    /// Make the what-if answers the profile (undoable).
    WhatIfApply,
    /// Back to the profile's answers.
    WhatIfReset,
    /// Close the what-if panel, dropping its answers.
    WhatIfClose,
    /// A new client: saved at once under a placeholder name (asks about unsaved changes).
    NewClient,
    /// Save the profile into its client file; asks when the firm's name changed.
    SaveClient,
    /// Save the profile as a new client file, leaving any other file as it was.
    SaveAsNewClient,
    /// Overwrite the open client's file (its old version goes to the trash).
    OverwriteClient,
    /// Open a client (asks about unsaved changes).
    OpenClient(PathBuf),
    /// Copy a client file.
    DuplicateClient(PathBuf),
    /// Show the rename field for a client.
    StartRename(PathBuf, String),
    /// Rename a client and its file.
    RenameClient(PathBuf, String),
    /// Ask whether to delete a client.
    DeleteClient(PathBuf),
    /// Delete (move to the trash) after the user said yes.
    ConfirmDelete(PathBuf),
    /// Take back the last undoable change.
    Undo,
    /// Close the question without doing anything.
    CloseAsk,
    /// Run a command, dropping unsaved changes (the user chose so).
    Discard(Box<Command>),
    /// Save the profile as a client, then run a command.
    SaveThen(Box<Command>),
    /// Ask before closing the window with unsaved changes.
    AskBeforeClose,
    /// Close the window (the user answered).
    CloseWindow,
    /// Open a folder in the system's file manager.
    OpenFolder(PathBuf),
    /// Open the 공고 새로 받기 dialog.
    OpenFetch,
    /// Close it without fetching.
    CloseFetch,
    /// Fetch with what the dialog holds (the key is read from there, never carried here).
    StartFetch,
    /// Stop the fetch under way.
    CancelFetch,
    /// Delete a source's key from the key store.
    ForgetKey(crate::bizinfo::Source),
    /// Set where the firm stands with a programme (`None`: remove its records).
    SetApplication {
        programme_id: String,
        status: Option<crate::codes::ApplicationStatus>,
        month: Option<YearMonth>,
        note: String,
    },
    /// Ask before removing every record of a programme.
    AskClearApplication(String),
    /// Remove the newest record of a programme (a mistake), keeping the earlier ones.
    RemoveLastApplication(String),
    /// Tick or untick one of a programme's documents (by its Korean name).
    ToggleDocument {
        programme_id: String,
        document: String,
    },
}

/// A question shown in a modal: a title, lines, and answers (each a command).
#[derive(Debug, Clone, PartialEq)]
pub struct Ask {
    /// What is asked.
    pub title: s::S,
    /// What the answer decides, in plain words (names, paths, changes).
    pub detail: Vec<String>,
    /// The answers, first the safest; each button runs its command.
    pub answers: Vec<(s::S, Command)>,
}

/// The last change that can be taken back.
#[derive(Debug, Clone, PartialEq)]
pub enum Undo {
    /// A client file moved to the trash goes back where it was.
    Restore {
        /// Where it is now.
        trashed: PathBuf,
        /// Where it was.
        to: PathBuf,
        /// It was the client open at the time.
        was_open: bool,
    },
    /// The profile before a what-if was applied.
    Profile(Box<FirmProfile>),
}

impl GachiApp {
    /// The workspace in use: the one chosen, else the default data folder.
    pub fn workspace(&self) -> Option<Workspace> {
        self.state
            .workspace
            .clone()
            .or_else(|| super::data_dir().map(|d| d.join("clients")))
            .map(Workspace::new)
    }

    /// Queues a command, as a screen would; it runs at the end of the next frame.
    pub fn push(&mut self, cmd: Command) {
        self.cmds.push(cmd);
    }

    /// True when a command would replace the open profile while it has changes
    /// not saved anywhere.
    fn guards(&self, cmd: &Command) -> bool {
        let replaces = matches!(
            cmd,
            Command::NewProfile | Command::NewClient | Command::OpenClient(_)
        ) || matches!(cmd, Command::OpenRecent(r) if r.kind != FileKind::Catalogue)
            || matches!(cmd, Command::Pick(Purpose::OpenProfile | Purpose::OpenPlan));
        replaces && self.state.is_dirty()
    }

    fn ask_unsaved(&mut self, then: Command) {
        let name = self.state.profile.name.clone();
        self.rt.ask = Some(Ask {
            title: s::ASK_UNSAVED,
            detail: vec![
                if name.trim().is_empty() {
                    s::UNTITLED.get(self.state.lang).to_string()
                } else {
                    name
                },
                s::ASK_UNSAVED_WHY.get(self.state.lang).to_string(),
            ],
            answers: vec![
                (
                    s::SAVE_AND_CONTINUE,
                    Command::SaveThen(Box::new(then.clone())),
                ),
                (s::DISCARD_AND_CONTINUE, Command::Discard(Box::new(then))),
                (s::CANCEL, Command::CloseAsk),
            ],
        });
    }

    /// Applies one command. Every write, question and undo of the app is here.
    pub fn apply(&mut self, cmd: Command, ctx: &egui::Context) {
        // While a question is open nothing else can be clicked, so any command is
        // its answer: the question closes (the answer may ask another).
        self.rt.ask = None;
        if self.guards(&cmd) {
            self.ask_unsaved(cmd);
            return;
        }
        let lang = self.state.lang;
        match cmd {
            Command::Navigate(screen) => self.state.screen = screen,
            Command::SetPage(p) => {
                self.state.page = p.min(questionnaire::PAGES.len() - 1);
            }
            Command::ToggleLang => {
                self.state.lang = match lang {
                    Lang::Ko => Lang::En,
                    Lang::En => Lang::Ko,
                }
            }
            Command::ToggleTheme => self.state.dark = !self.state.dark,
            Command::Dismiss(k) => {
                if k < self.rt.notices.len() {
                    self.rt.notices.remove(k);
                }
            }
            Command::NewProfile => {
                self.state.profile = FirmProfile::default();
                self.state.doc = Document::default();
                self.forget_profile_undo();
                self.rt.questionnaire = questionnaire::Draft::default();
                self.rt.whatif = None;
                self.state.page = 0;
                self.state.screen = Screen::Questions;
                self.rt.selected = None;
            }
            Command::Pick(purpose) => self.dialog_open(purpose),
            Command::OpenTypedPath(purpose, path) => {
                self.rt.dialog.typed = None;
                self.use_picked(purpose, path);
            }
            Command::CloseTypedPath => self.rt.dialog.typed = None,
            Command::OpenRecent(r) => {
                match r.kind {
                    FileKind::Profile => self.open_profile_path(&r.path),
                    FileKind::Plan => self.open_plan_path(&r.path),
                    FileKind::Catalogue => self.open_catalogue_path(&r.path),
                };
            }
            Command::UseBuiltinCatalogue => self.use_builtin_catalogue(),
            Command::Select(id) => {
                self.rt.selected = Some(id);
                self.rt.scroll_to_selected = true;
                // The detail starts at its title for every newly chosen programme.
                ctx.data_mut(|d| d.insert_temp(egui::Id::unique("detail_reset"), true));
            }
            Command::SetTab(t) => self.rt.tab = t,
            Command::SetApplication {
                programme_id,
                status,
                month,
                note,
            } => {
                // The what-if copy follows, so its plan shows the same statuses. The
                // detail stays on the programme even when it leaves the plan (ninth
                // trial: the panel showed another programme after 지원 받음).
                super::applications::forget_drafts(ctx);
                self.rt.selected = Some(programme_id.clone());
                let note = Some(note).filter(|n| !n.is_empty());
                super::applications::set_status(
                    &mut self.state.profile,
                    &programme_id,
                    status,
                    month,
                    note.clone(),
                );
                if let Some(w) = &mut self.rt.whatif {
                    super::applications::set_status(
                        &mut w.profile,
                        &programme_id,
                        status,
                        month,
                        note,
                    );
                }
            }
            Command::RemoveLastApplication(programme_id) => {
                super::applications::forget_drafts(ctx);
                super::applications::remove_last(&mut self.state.profile, &programme_id);
                if let Some(w) = &mut self.rt.whatif {
                    super::applications::remove_last(&mut w.profile, &programme_id);
                }
                self.rt.selected = Some(programme_id);
            }
            Command::AskClearApplication(programme_id) => {
                let name = self
                    .rt
                    .catalogue
                    .get(&programme_id)
                    .map(|p| p.name.get(lang).to_string())
                    .unwrap_or_else(|| programme_id.clone());
                let records = self
                    .state
                    .profile
                    .applications
                    .iter()
                    .filter(|a| a.programme_id == programme_id)
                    .count();
                self.rt.ask = Some(Ask {
                    title: s::ASK_CLEAR_APPLICATION,
                    detail: vec![
                        match lang {
                            Lang::Ko => format!("{name} — 기록 {records}건"),
                            Lang::En => format!("{name} — {records} record(s)"),
                        },
                        s::CLEAR_WHY.get(lang).to_string(),
                    ],
                    answers: vec![
                        (s::CANCEL, Command::CloseAsk),
                        (
                            s::CLEAR_CONFIRM,
                            Command::SetApplication {
                                programme_id,
                                status: None,
                                month: None,
                                note: String::new(),
                            },
                        ),
                    ],
                });
            }
            Command::ToggleDocument {
                programme_id,
                document,
            } => {
                super::applications::toggle_document(
                    &mut self.state.profile,
                    &programme_id,
                    &document,
                    self.rt.as_of,
                );
                if let Some(w) = &mut self.rt.whatif {
                    super::applications::toggle_document(
                        &mut w.profile,
                        &programme_id,
                        &document,
                        self.rt.as_of,
                    );
                }
            }
            Command::TogglePathway => self.rt.pathway_open = !self.rt.pathway_open,
            Command::ToggleDetailFull => self.rt.detail_full = !self.rt.detail_full,
            Command::CloseComparison => self.rt.comparison = None,
            Command::WhatIfStart => {
                self.rt.whatif = Some(super::WhatIf::new(self.state.profile.clone()));
            }
            Command::WhatIfReset => {
                if let Some(w) = &mut self.rt.whatif {
                    *w = super::WhatIf::new(self.state.profile.clone());
                }
            }
            Command::WhatIfClose => self.rt.whatif = None,
            Command::WhatIfApply => self.whatif_apply(),
            Command::NewClient => self.new_client(),
            Command::SaveClient => {
                self.save_client();
            }
            Command::SaveAsNewClient => {
                self.save_as_new_client();
            }
            Command::OverwriteClient => {
                self.overwrite_client();
            }
            Command::OpenClient(path) => {
                self.open_client(&path);
            }
            Command::DuplicateClient(path) => {
                if let Some(ws) = self.workspace() {
                    let done = ws.duplicate(&path, self.rt.as_of, s::COPY_SUFFIX.get(lang));
                    if let Err(e) = done {
                        self.notify_error(s::CANNOT_SAVE, &e);
                    }
                }
                self.rt.clients.list = None;
            }
            Command::StartRename(path, name) => self.rt.clients.renaming = Some((path, name)),
            Command::RenameClient(path, name) => self.rename_client(&path, &name),
            Command::DeleteClient(path) => {
                // The file as well as the firm: two clients may share a name (trial
                // 2026-11: two "한빛주조" rows).
                let name = self.client_name(&path);
                let file = path
                    .file_name()
                    .map(|f| f.to_string_lossy().into_owned())
                    .unwrap_or_default();
                self.rt.ask = Some(Ask {
                    title: s::ASK_DELETE,
                    detail: vec![
                        format!("{name} ({file})"),
                        s::ASK_DELETE_WHY.get(lang).to_string(),
                    ],
                    answers: vec![
                        (s::CANCEL, Command::CloseAsk),
                        (s::DELETE, Command::ConfirmDelete(path)),
                    ],
                });
            }
            Command::ConfirmDelete(path) => self.delete_client(&path),
            Command::Undo => self.undo(),
            Command::CloseAsk => {}
            Command::Discard(then) => {
                // Drop the changes: the document's saved copy is what stays.
                self.state.profile = self.state.doc.saved.clone();
                self.apply(*then, ctx);
            }
            Command::SaveThen(then) => {
                let saved = if self.state.doc.client.is_some() {
                    self.write_client_file()
                } else {
                    self.save_as_new_client()
                };
                if saved {
                    self.apply(*then, ctx);
                }
            }
            Command::AskBeforeClose => {
                self.rt.ask = Some(Ask {
                    title: s::ASK_CLOSE,
                    detail: vec![s::ASK_UNSAVED_WHY.get(lang).to_string()],
                    answers: vec![
                        (
                            s::SAVE_AND_CONTINUE,
                            Command::SaveThen(Box::new(Command::CloseWindow)),
                        ),
                        (s::CLOSE_WITHOUT_SAVING, Command::CloseWindow),
                        (s::CANCEL, Command::CloseAsk),
                    ],
                });
            }
            Command::CloseWindow => {
                self.rt.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Command::OpenFolder(path) => {
                if let Err(e) = super::io::open_folder(&path) {
                    self.notify_error(s::CANNOT_OPEN, &e);
                }
            }
            Command::OpenFetch => self.fetch_open(),
            Command::CloseFetch => self.rt.fetch.form = None,
            Command::StartFetch => self.fetch_start(ctx),
            Command::CancelFetch => self.fetch_cancel(),
            Command::ForgetKey(source) => self.fetch_forget_key(source),
        }
    }

    /// The firm name of a listed client, or its file name.
    fn client_name(&self, path: &Path) -> String {
        self.rt
            .clients
            .list
            .as_ref()
            .and_then(|l| l.iter().find(|c| c.path == path))
            .map(|c| c.name.clone())
            .unwrap_or_else(|| path.display().to_string())
    }

    pub(super) fn notify_error(&mut self, title: s::S, err: &FileError) {
        self.rt.notices.push(Notice {
            error: true,
            title,
            // In the language on screen (the core has Korean and English for each problem).
            detail: format!(
                "{}\n{}",
                err.text(self.state.lang),
                s::KEPT_PREVIOUS.get(self.state.lang)
            ),
            folder: None,
            since: std::time::Instant::now(),
        });
    }

    /// Another profile is now open: the undo of a what-if applied to the previous
    /// one must not write that firm's figures over this one (trial 2026-11: the
    /// 되돌리기 toast of 한빛로보틱스 replaced 대성주물's unsaved edits).
    pub(super) fn forget_profile_undo(&mut self) {
        if matches!(self.rt.undo, Some(Undo::Profile(_))) {
            self.rt.undo = None;
        }
        self.rt.notices.retain(|n| n.title != s::WHATIF_APPLIED);
        // The new firm's plan starts at its steps, not at the list or programme the
        // previous client was left on (trial 2026-11).
        self.rt.tab = super::ResultsTab::default();
        self.rt.selected = None;
    }

    pub(super) fn notify_ok(&mut self, title: s::S, detail: String) {
        self.rt.notices.push(Notice {
            error: false,
            title,
            detail,
            folder: None,
            since: std::time::Instant::now(),
        });
    }

    pub(super) fn remember(&mut self, path: &Path, kind: FileKind) {
        self.state.recent.retain(|r| r.path != path);
        self.state.recent.insert(
            0,
            RecentFile {
                path: path.to_path_buf(),
                kind,
            },
        );
        self.state.recent.truncate(super::MAX_RECENT);
    }

    /// A new client, saved at once under the placeholder name; the file takes the
    /// firm's name when the firm is named and saved.
    fn new_client(&mut self) {
        let Some(ws) = self.workspace() else {
            return;
        };
        let profile = FirmProfile::new(s::NEW_CLIENT_NAME.get(self.state.lang));
        match ws.create(&profile) {
            Ok(path) => {
                self.state.profile = profile.clone();
                self.state.doc = Document {
                    client: Some(path),
                    saved: profile,
                };
                // Another profile is open: no undo, list or selection of the last one
                // (trial 2026-11: the detail panel kept the previous client's programme).
                self.forget_profile_undo();
                self.rt.questionnaire = questionnaire::Draft::default();
                self.rt.whatif = None;
                self.rt.clients.list = None;
                self.state.page = 0;
                self.state.screen = Screen::Questions;
            }
            Err(e) => self.notify_error(s::CANNOT_SAVE, &e),
        }
    }

    /// Saves the open profile into its client file. When the firm's name differs
    /// from the one in the file (another firm typed over it?), asks instead:
    /// a new client, or overwrite. Returns true when written.
    pub fn save_client(&mut self) -> bool {
        if self.state.doc.client.is_none() {
            return self.save_as_new_client();
        }
        let was = self.state.doc.saved.name.trim().to_string();
        let now = self.state.profile.name.trim().to_string();
        let placeholder =
            was.is_empty() || was == s::NEW_CLIENT_NAME.ko || was == s::NEW_CLIENT_NAME.en;
        if was != now && !placeholder {
            let lang = self.state.lang;
            self.rt.ask = Some(Ask {
                title: s::ASK_NAME_CHANGED,
                detail: vec![
                    format!("{} → {}", was, now),
                    s::ASK_NAME_CHANGED_WHY.get(lang).to_string(),
                ],
                answers: vec![
                    (s::SAVE_AS_NEW_CLIENT, Command::SaveAsNewClient),
                    (s::OVERWRITE, Command::OverwriteClient),
                    (s::CANCEL, Command::CloseAsk),
                ],
            });
            return false;
        }
        self.overwrite_client()
    }

    /// Writes the open client's file (its previous version is kept in the trash)
    /// and renames the file to follow the firm's name.
    pub fn overwrite_client(&mut self) -> bool {
        self.write_client_file()
    }

    fn write_client_file(&mut self) -> bool {
        let (Some(ws), Some(path)) = (self.workspace(), self.state.doc.client.clone()) else {
            return self.save_as_new_client();
        };
        match ws.save_over(&path, &self.state.profile) {
            Ok(saved) => {
                self.state.doc = Document {
                    client: Some(saved.path.clone()),
                    saved: self.state.profile.clone(),
                };
                let mut detail = saved.path.display().to_string();
                if let Some(b) = &saved.backup {
                    detail.push_str(&format!(
                        "\n{}: {}",
                        s::PREVIOUS_KEPT.get(self.state.lang),
                        b.display()
                    ));
                }
                self.notify_ok(s::SAVED, detail);
                self.rt.clients.list = None;
                true
            }
            Err(e) => {
                self.notify_error(s::CANNOT_SAVE, &e);
                false
            }
        }
    }

    /// Saves the profile as a new client file and makes it the open client.
    pub fn save_as_new_client(&mut self) -> bool {
        let Some(ws) = self.workspace() else {
            return false;
        };
        let mut profile = self.state.profile.clone();
        if profile.name.trim().is_empty() {
            profile.name = s::NEW_CLIENT_NAME.get(self.state.lang).to_string();
        }
        match ws.create(&profile) {
            Ok(path) => {
                self.state.profile = profile.clone();
                self.state.doc = Document {
                    client: Some(path.clone()),
                    saved: profile,
                };
                self.notify_ok(s::SAVED, path.display().to_string());
                self.rt.clients.list = None;
                true
            }
            Err(e) => {
                self.notify_error(s::CANNOT_SAVE, &e);
                false
            }
        }
    }

    /// Opens a client file: it becomes the open document.
    pub fn open_client(&mut self, path: &Path) -> bool {
        self.open_document(path, Some(path.to_path_buf()))
    }

    fn rename_client(&mut self, path: &Path, name: &str) {
        self.rt.clients.renaming = None;
        let Some(ws) = self.workspace() else {
            return;
        };
        match ws.rename(path, name, self.rt.as_of) {
            Ok(new_path) => {
                if self.state.doc.client.as_deref() == Some(path) {
                    let name = name.trim().to_string();
                    self.state.doc.client = Some(new_path);
                    self.state.doc.saved.name = name.clone();
                    self.state.profile.name = name;
                }
            }
            Err(e) => self.notify_error(s::CANNOT_SAVE, &e),
        }
        self.rt.clients.list = None;
    }

    fn delete_client(&mut self, path: &Path) {
        let Some(ws) = self.workspace() else {
            return;
        };
        match ws.delete(path) {
            Ok(to) => {
                let was_open = self.state.doc.client.as_deref() == Some(path);
                if was_open {
                    // The profile stays on screen, but is no longer saved anywhere.
                    self.state.doc = Document::default();
                }
                self.rt.undo = Some(Undo::Restore {
                    trashed: to.clone(),
                    to: path.to_path_buf(),
                    was_open,
                });
                self.rt.notices.push(Notice {
                    error: false,
                    title: s::MOVED_TO_TRASH,
                    detail: to.display().to_string(),
                    folder: None,
                    since: std::time::Instant::now(),
                });
            }
            Err(e) => self.notify_error(s::CANNOT_SAVE, &e),
        }
        self.rt.clients.list = None;
    }

    fn whatif_apply(&mut self) {
        let Some(w) = self.rt.whatif.take() else {
            return;
        };
        let lines = changes::profile_changes(&self.state.profile, &w.profile, self.state.lang);
        if lines.is_empty() {
            return;
        }
        let before = std::mem::replace(&mut self.state.profile, w.profile);
        self.rt.undo = Some(Undo::Profile(Box::new(before)));
        self.notify_ok(s::WHATIF_APPLIED, lines.join("\n"));
    }

    fn undo(&mut self) {
        let Some(undo) = self.rt.undo.take() else {
            return;
        };
        match undo {
            Undo::Restore {
                trashed,
                to,
                was_open,
            } => {
                let result = if to.exists() {
                    Err(FileError::single(&to, "a file with this name exists again"))
                } else {
                    std::fs::rename(&trashed, &to).map_err(|e| {
                        FileError::single(&trashed, format!("cannot move the file back: {e}"))
                    })
                };
                match result {
                    Ok(()) => {
                        if was_open {
                            self.state.doc = Document {
                                client: Some(to.clone()),
                                saved: crate::files::load_profile(&to, self.rt.as_of)
                                    .unwrap_or_default(),
                            };
                        }
                        self.notify_ok(s::UNDONE, to.display().to_string());
                    }
                    Err(e) => self.notify_error(s::CANNOT_SAVE, &e),
                }
                self.rt.clients.list = None;
            }
            Undo::Profile(before) => {
                self.state.profile = *before;
                self.notify_ok(s::UNDONE, String::new());
            }
        }
        // The banner that offered the undo has done its job.
        self.rt
            .notices
            .retain(|n| n.title != s::MOVED_TO_TRASH && n.title != s::WHATIF_APPLIED);
    }
}
