//! The client list of a consultant's workspace: search, sort by name or last
//! change, new, open, duplicate, rename, delete (to the workspace's trash).

use super::{GachiApp, Screen, dialogs::Purpose, i18n as s, style};
use crate::profile::FirmProfile;
use crate::workspace::{Client, Workspace};
use eframe::egui::{self, Ui};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ClientSort {
    #[default]
    Recent,
    Name,
}

#[derive(Debug, Default)]
pub struct ClientsState {
    pub query: String,
    pub sort: ClientSort,
    /// The listed files; None until read, and after every change.
    pub list: Option<Vec<Client>>,
    /// A client being renamed, with the name typed so far.
    pub renaming: Option<(PathBuf, String)>,
}

enum Action {
    Open(PathBuf),
    Duplicate(PathBuf),
    StartRename(PathBuf, String),
    Rename(PathBuf, String),
    Delete(PathBuf),
}

impl GachiApp {
    /// The workspace in use: the one chosen, else the OS's data folder.
    pub fn workspace(&mut self) -> Option<Workspace> {
        if self.workspace.is_none() {
            self.workspace = Workspace::default_root().map(Workspace::new);
        }
        self.workspace.clone()
    }

    /// Saves the current profile as a new client and opens it.
    pub fn new_client_from_profile(&mut self) -> bool {
        let Some(ws) = self.workspace() else {
            return false;
        };
        let mut profile = self.profile.clone();
        if profile.name.trim().is_empty() {
            profile.name = s::NEW_CLIENT_NAME.get(self.lang).to_string();
        }
        match ws.create(&profile) {
            Ok(path) => {
                self.profile = profile;
                self.client_path = Some(path);
                self.clients.list = None;
                true
            }
            Err(e) => {
                self.notify_error(s::CANNOT_SAVE, &e);
                false
            }
        }
    }

    /// Writes the open client's profile back to its file.
    pub fn save_client(&mut self) -> bool {
        let (Some(ws), Some(path)) = (self.workspace(), self.client_path.clone()) else {
            return false;
        };
        match ws.save(&path, &self.profile) {
            Ok(()) => {
                self.notify_ok(s::SAVED, &path);
                self.clients.list = None;
                true
            }
            Err(e) => {
                self.notify_error(s::CANNOT_SAVE, &e);
                false
            }
        }
    }

    pub fn open_client(&mut self, path: &std::path::Path) -> bool {
        if self.open_profile_path(path) {
            self.client_path = Some(path.to_path_buf());
            true
        } else {
            false
        }
    }
}

pub fn show(app: &mut GachiApp, ui: &mut Ui) {
    let lang = app.lang;
    let now = app.as_of;
    let Some(ws) = app.workspace() else {
        ui.label(s::NO_WORKSPACE.get(lang));
        return;
    };
    ui.label(style::bold(s::CLIENTS.get(lang), 20.0));
    ui.horizontal_wrapped(|ui| {
        ui.label(format!(
            "{}: {}",
            s::WORKSPACE_FOLDER.get(lang),
            ws.root.display()
        ));
        if ui.button(s::CHANGE_FOLDER.get(lang)).clicked() {
            app.dialog_open(Purpose::PickWorkspace);
        }
    });
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(style::bold(s::NEW_CLIENT.get(lang), 15.0))
            .clicked()
        {
            app.profile = FirmProfile::new(s::NEW_CLIENT_NAME.get(lang));
            if app.new_client_from_profile() {
                app.page = 0;
                app.screen = Screen::Questions;
            }
        }
        if !app.profile.name.is_empty()
            && app.client_path.is_none()
            && ui.button(s::SAVE_AS_CLIENT.get(lang)).clicked()
        {
            app.new_client_from_profile();
        }
        let l = ui.label(s::SEARCH.get(lang));
        ui.add(
            egui::TextEdit::singleline(&mut app.clients.query)
                .hint_text(s::SEARCH.get(lang))
                .desired_width(200.0),
        )
        .labelled_by(l.id);
        ui.selectable_value(
            &mut app.clients.sort,
            ClientSort::Recent,
            s::SORT_RECENT.get(lang),
        );
        ui.selectable_value(
            &mut app.clients.sort,
            ClientSort::Name,
            s::SORT_NAME.get(lang),
        );
    });
    ui.separator();
    if app.clients.list.is_none() {
        match ws.list(now) {
            Ok(list) => app.clients.list = Some(list),
            Err(e) => {
                app.clients.list = Some(Vec::new());
                app.notify_error(s::CANNOT_OPEN, &e);
            }
        }
    }
    let mut rows: Vec<Client> = app.clients.list.clone().unwrap_or_default();
    let q = app.clients.query.trim().to_lowercase();
    rows.retain(|c| q.is_empty() || c.name.to_lowercase().contains(&q));
    match app.clients.sort {
        ClientSort::Recent => rows.sort_by_key(|c| std::cmp::Reverse(c.modified)),
        ClientSort::Name => rows.sort_by(|a, b| a.name.cmp(&b.name)),
    }
    if rows.is_empty() {
        ui.label(s::NO_CLIENTS.get(lang));
    }
    let mut action = None;
    egui::ScrollArea::vertical()
        .id_salt("clients")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for c in &rows {
                ui.horizontal(|ui| {
                    let current = app.client_path.as_deref() == Some(c.path.as_path());
                    match &mut app.clients.renaming {
                        Some((path, text)) if *path == c.path => {
                            let r = ui
                                .add(egui::TextEdit::singleline(text).desired_width(240.0))
                                .accessible_name(s::RENAME.get(lang));
                            if ui.button(s::OK.get(lang)).clicked()
                                || (r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)))
                            {
                                action = Some(Action::Rename(path.clone(), text.clone()));
                            }
                        }
                        _ => {
                            let label = if current {
                                format!("▶ {}", c.name)
                            } else {
                                c.name.clone()
                            };
                            if ui
                                .add(egui::Button::selectable(current, style::bold(label, 14.0)))
                                .clicked()
                            {
                                action = Some(Action::Open(c.path.clone()));
                            }
                        }
                    }
                    if let Some(p) = &c.problem {
                        ui.label(egui::RichText::new("×").color(style::fail_colour(app.dark)))
                            .on_hover_text(p);
                    }
                    let name = &c.name;
                    if ui
                        .button(s::DUPLICATE.get(lang))
                        .accessible_name(format!("{} — {name}", s::DUPLICATE.get(lang)))
                        .clicked()
                    {
                        action = Some(Action::Duplicate(c.path.clone()));
                    }
                    if ui
                        .button(s::RENAME.get(lang))
                        .accessible_name(format!("{} — {name}", s::RENAME.get(lang)))
                        .clicked()
                    {
                        action = Some(Action::StartRename(c.path.clone(), c.name.clone()));
                    }
                    if ui
                        .button(s::DELETE.get(lang))
                        .accessible_name(format!("{} — {name}", s::DELETE.get(lang)))
                        .clicked()
                    {
                        action = Some(Action::Delete(c.path.clone()));
                    }
                    let file = c
                        .path
                        .file_name()
                        .map(|f| f.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    ui.label(
                        egui::RichText::new(format!(
                            "{} · {} {}",
                            file,
                            s::LAST_CHANGED.get(lang),
                            when(c.modified)
                        ))
                        .weak()
                        .small(),
                    );
                });
            }
        });
    ui.label(egui::RichText::new(s::TRASH_NOTE.get(lang)).weak().small());
    let result = match action {
        None => return,
        Some(Action::Open(path)) => {
            app.open_client(&path);
            Ok(())
        }
        Some(Action::Duplicate(path)) => ws
            .duplicate(&path, now, s::COPY_SUFFIX.get(lang))
            .map(|_| ()),
        Some(Action::StartRename(path, name)) => {
            app.clients.renaming = Some((path, name));
            Ok(())
        }
        Some(Action::Rename(path, name)) => {
            app.clients.renaming = None;
            ws.rename(&path, &name, now).map(|new_path| {
                if app.client_path.as_ref() == Some(&path) {
                    app.client_path = Some(new_path);
                    app.profile.name = name.trim().to_string();
                }
            })
        }
        Some(Action::Delete(path)) => ws.delete(&path).map(|to| {
            if app.client_path.as_ref() == Some(&path) {
                app.client_path = None;
            }
            app.notices.push(super::Notice {
                error: false,
                title: s::MOVED_TO_TRASH,
                detail: to.display().to_string(),
            });
        }),
    };
    if let Err(e) = result {
        app.notify_error(s::CANNOT_SAVE, &e);
    }
    app.clients.list = None;
}

/// "2026-11-25 19:42" (UTC) for a file's last change.
fn when(t: std::time::SystemTime) -> String {
    let d = time::OffsetDateTime::from(t);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.year(),
        u8::from(d.month()),
        d.day(),
        d.hour(),
        d.minute()
    )
}
