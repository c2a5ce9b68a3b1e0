//! The client list of a consultant's workspace: search, sort by name or last
//! change, new, open, duplicate, rename, delete (asked, undoable, to the trash).

use super::{Command, GachiApp, Purpose, i18n as s, style};
use crate::workspace::Client;
use eframe::egui::{self, Ui};
use std::path::PathBuf;

/// How the list is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ClientSort {
    /// Last changed first.
    Recent,
    /// By firm name: the default, so a row stays where it was after a save (trial
    /// 2026-11: the list re-sorted and a second click opened another client).
    #[default]
    Name,
}

/// The list's own state (not persisted).
#[derive(Debug, Default)]
pub struct ClientsState {
    /// The search text.
    pub query: String,
    /// The order.
    pub sort: ClientSort,
    /// The listed files; None until read, and after every change.
    pub list: Option<Vec<Client>>,
    /// A client being renamed, with the name typed so far.
    pub renaming: Option<(PathBuf, String)>,
}

/// Draws the client list. Reading the folder happens here (once per change); every
/// change to a file is a command.
pub fn show(ui: &mut Ui, app: &mut GachiApp, cmds: &mut Vec<Command>) {
    let lang = app.state.lang;
    let dark = app.state.dark;
    let Some(ws) = app.workspace() else {
        ui.label(s::NO_WORKSPACE.get(lang));
        if ui.button(s::CHANGE_FOLDER.get(lang)).clicked() {
            cmds.push(Command::Pick(Purpose::PickWorkspace));
        }
        return;
    };
    if app.rt.clients.list.is_none() {
        match ws.list(app.rt.as_of) {
            Ok(list) => app.rt.clients.list = Some(list),
            Err(e) => {
                app.rt.clients.list = Some(Vec::new());
                app.notify_error(s::CANNOT_OPEN, &e);
            }
        }
    }
    // The footer first, so it is never cut off at the window's bottom edge.
    egui::Panel::bottom("clients_footer").show(ui, |ui| {
        ui.add(
            egui::Label::new(
                egui::RichText::new(s::TRASH_NOTE.get(lang)).color(style::weak_text(dark)),
            )
            .wrap(),
        );
    });
    ui.label(style::bold(s::CLIENTS.get(lang), 20.0));
    ui.horizontal_wrapped(|ui| {
        ui.label(format!(
            "{}: {}",
            s::WORKSPACE_FOLDER.get(lang),
            ws.root.display()
        ));
        if ui.button(s::CHANGE_FOLDER.get(lang)).clicked() {
            cmds.push(Command::Pick(Purpose::PickWorkspace));
        }
    });
    // 새 소식 after an import or fetch, and each client's badge.
    let badges = super::news::show(ui, app, cmds);
    let st = &mut app.rt.clients;
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(style::bold(s::NEW_CLIENT.get(lang), 15.0))
            .clicked()
        {
            cmds.push(Command::NewClient);
        }
        if !app.state.profile.name.is_empty()
            && app.state.doc.client.is_none()
            && ui.button(s::SAVE_AS_CLIENT.get(lang)).clicked()
        {
            cmds.push(Command::SaveAsNewClient);
        }
        let l = ui.label(s::SEARCH.get(lang));
        ui.add(
            egui::TextEdit::singleline(&mut st.query)
                .hint_text(s::SEARCH.get(lang))
                .desired_width(200.0),
        )
        .labelled_by(l.id);
        ui.selectable_value(&mut st.sort, ClientSort::Recent, s::SORT_RECENT.get(lang));
        ui.selectable_value(&mut st.sort, ClientSort::Name, s::SORT_NAME.get(lang));
    });
    ui.separator();
    let (list, renaming) = (&st.list, &mut st.renaming);
    let mut rows: Vec<&Client> = list.iter().flatten().collect();
    let q = st.query.trim().to_lowercase();
    rows.retain(|c| q.is_empty() || c.name.to_lowercase().contains(&q));
    match st.sort {
        ClientSort::Recent => rows.sort_by_key(|c| std::cmp::Reverse(c.modified)),
        ClientSort::Name => rows.sort_by(|a, b| a.name.cmp(&b.name)),
    }
    if rows.is_empty() {
        ui.label(s::NO_CLIENTS.get(lang));
    }
    let open = app.state.doc.client.as_deref();
    egui::ScrollArea::vertical()
        .id_salt("clients")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("clients_grid")
                .num_columns(3)
                .spacing([16.0, 8.0])
                .striped(true)
                .show(ui, |ui| {
                    for c in &rows {
                        let current = open == Some(c.path.as_path());
                        let news = badges.iter().find(|(p, _)| *p == c.path).map(|(_, n)| *n);
                        client_row(ui, c, current, news, renaming, lang, dark, cmds);
                        ui.end_row();
                    }
                });
        });
}

/// One client: name (opens it), then the actions, then file and date. The actions
/// sit in a fixed column, so rows never shift under the pointer, and 삭제 is last,
/// apart from the others.
#[allow(clippy::too_many_arguments)]
fn client_row(
    ui: &mut Ui,
    c: &Client,
    current: bool,
    news: Option<usize>,
    renaming: &mut Option<(PathBuf, String)>,
    lang: crate::text::Lang,
    dark: bool,
    cmds: &mut Vec<Command>,
) {
    let name = &c.name;
    match renaming {
        Some((path, text)) if *path == c.path => {
            ui.horizontal(|ui| {
                let r = ui
                    .add(egui::TextEdit::singleline(text).desired_width(220.0))
                    .accessible_name(s::RENAME.get(lang));
                if ui.button(s::OK.get(lang)).clicked()
                    || (r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)))
                {
                    cmds.push(Command::RenameClient(path.clone(), text.clone()));
                }
            });
        }
        _ => {
            ui.horizontal(|ui| {
                let label = if current {
                    format!("▶ {name}")
                } else {
                    name.clone()
                };
                if ui
                    .add(egui::Button::selectable(current, style::bold(label, 14.0)))
                    .clicked()
                {
                    cmds.push(Command::OpenClient(c.path.clone()));
                }
                if let Some(p) = &c.problem {
                    ui.label(egui::RichText::new("×").color(style::fail_colour(dark)))
                        .on_hover_text(p);
                }
                if let Some(n) = news {
                    ui.label(
                        egui::RichText::new(format!("● {} {n}", s::NEWS_BADGE.get(lang)))
                            .color(style::cross_colour(dark)),
                    )
                    .on_hover_text(s::NEWS_BADGE_WHY.get(lang));
                }
            });
        }
    }
    ui.horizontal(|ui| {
        if ui
            .button(s::DUPLICATE.get(lang))
            .accessible_name(format!("{} — {name}", s::DUPLICATE.get(lang)))
            .clicked()
        {
            cmds.push(Command::DuplicateClient(c.path.clone()));
        }
        if ui
            .button(s::RENAME.get(lang))
            .accessible_name(format!("{} — {name}", s::RENAME.get(lang)))
            .clicked()
        {
            cmds.push(Command::StartRename(c.path.clone(), c.name.clone()));
        }
        ui.add_space(24.0);
        if ui
            .button(egui::RichText::new(s::DELETE.get(lang)).color(style::fail_colour(dark)))
            .accessible_name(format!("{} — {name}", s::DELETE.get(lang)))
            .clicked()
        {
            cmds.push(Command::DeleteClient(c.path.clone()));
        }
    });
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
        .color(style::weak_text(dark)),
    );
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
