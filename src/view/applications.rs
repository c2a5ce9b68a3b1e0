//! The firm's applications in the app (issue 17): setting a programme's status from
//! its detail panel, ticking its documents, and the client's list of applications.
//! The records live in the profile (`applications`), so they are saved with the
//! client and every plan, report, what-if and review reads them.

use super::{Command, GachiApp, i18n as s, style};
use crate::catalogue::{Programme, is_web_url};
use crate::codes::ApplicationStatus;
use crate::month::YearMonth;
use crate::plan::Plan;
use crate::profile::{Application, FirmProfile};
use crate::text::Lang;
use eframe::egui::{self, Ui};

/// Sets where the firm stands with a programme. `None` removes every record of it
/// (and takes it off `received`). The same status as the last record updates that
/// record's month and note; another status adds a record, so the history is kept
/// (applied 2026-03 → selected 2026-06). Ticked documents carry over.
pub fn set_status(
    p: &mut FirmProfile,
    programme_id: &str,
    status: Option<ApplicationStatus>,
    month: Option<YearMonth>,
    note: Option<String>,
) {
    let Some(status) = status else {
        p.applications.retain(|a| a.programme_id != programme_id);
        p.received.retain(|r| r != programme_id);
        return;
    };
    let note = note.filter(|n| !n.trim().is_empty());
    // The record in use (month order), the one the panel shows.
    let last = p
        .record_positions(programme_id)
        .last()
        .copied()
        .map(|k| &mut p.applications[k]);
    match last {
        Some(a) if a.status == status => {
            a.month = month;
            a.note = note;
        }
        other => {
            // A retry after a rejection or withdrawal starts a fresh checklist: papers
            // such as tax certificates are valid for months, not for the next call.
            let documents_ready = other
                .filter(|a| {
                    !matches!(
                        a.status,
                        ApplicationStatus::Rejected | ApplicationStatus::Withdrawn
                    )
                })
                .map(|a| a.documents_ready.clone())
                .unwrap_or_default();
            p.applications.push(Application {
                programme_id: programme_id.to_string(),
                status,
                month,
                note,
                documents_ready,
            });
        }
    }
}

/// Removes the newest record of a programme (in month order), keeping the earlier
/// ones: undoing one mistaken status without losing the history.
pub fn remove_last(p: &mut FirmProfile, programme_id: &str) {
    if let Some(&k) = p.record_positions(programme_id).last() {
        p.applications.remove(k);
    }
}

/// Ticks or unticks one document (by its Korean name) of a programme. Without a
/// record yet, ticking starts one as `planned`: preparing documents means the firm
/// means to apply.
pub fn toggle_document(p: &mut FirmProfile, programme_id: &str, document: &str, as_of: YearMonth) {
    let last = p
        .record_positions(programme_id)
        .last()
        .copied()
        .map(|k| &mut p.applications[k]);
    match last {
        Some(a) => {
            if let Some(k) = a.documents_ready.iter().position(|d| d == document) {
                a.documents_ready.remove(k);
            } else {
                a.documents_ready.push(document.to_string());
            }
        }
        None => {
            let mut a = Application::new(programme_id, ApplicationStatus::Planned);
            // Marked planned this month, as the editor's month field shows.
            a.month = Some(as_of);
            a.documents_ready.push(document.to_string());
            p.applications.push(a);
        }
    }
}

/// Drops every status editor's draft, so after a change each starts again from what
/// is recorded (a cleared record must not bring back an old draft).
pub fn forget_drafts(ctx: &egui::Context) {
    ctx.data_mut(|d| d.remove_by_type::<Draft>());
}

/// What the status editor holds while the user chooses (egui memory, per programme).
#[derive(Debug, Clone, Default)]
struct Draft {
    status: Option<ApplicationStatus>,
    month: String,
    note: String,
}

fn status_label(st: Option<ApplicationStatus>, lang: Lang) -> &'static str {
    match st {
        Some(st) => st.label(lang),
        None => s::APPLICATION_NONE.get(lang),
    }
}

/// The detail panel's 신청 현황: the record and its history, the status editor, the
/// documents checklist and where to apply.
pub fn show_in_detail(
    ui: &mut Ui,
    app: &GachiApp,
    plan: &Plan,
    p: &Programme,
    cmds: &mut Vec<Command>,
) {
    let lang = app.state.lang;
    let dark = app.state.dark;
    let weak = style::weak_text(dark);
    let profile = &app.state.profile;
    let current = profile.standing(&p.id);
    let history = profile.history(&p.id);

    ui.add_space(8.0);
    ui.label(
        egui::RichText::new(s::APPLICATION.get(lang))
            .strong()
            .size(15.0),
    );
    match &current {
        Some(a) => {
            ui.label(egui::RichText::new(a.text(lang)).strong());
        }
        None => {
            ui.label(egui::RichText::new(s::APPLICATION_NONE.get(lang)).color(weak));
        }
    }
    for h in history.iter().rev() {
        ui.label(egui::RichText::new(format!("  {}", h.text(lang))).color(weak));
    }
    // After a rejection: the other programmes of the same purpose.
    let alternatives = plan
        .step(&p.id)
        .map(|st| st.alternatives.as_slice())
        .unwrap_or_default();
    if !alternatives.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("{}:", s::ALTERNATIVES.get(lang)));
            for a in alternatives {
                if ui.link(a.name.get(lang)).clicked() {
                    cmds.push(Command::Select(a.programme_id.clone()));
                }
            }
        });
    }

    // Keyed by the record too: after a change, or for another client, the editor
    // starts again from what is recorded (never another client's unsaved draft).
    let id = egui::Id::unique(("status_draft", p.id.as_str(), format!("{current:?}")));
    let mut draft: Draft = ui.data_mut(|d| {
        d.get_temp::<Draft>(id).unwrap_or_else(|| Draft {
            status: current.as_ref().map(|a| a.status),
            month: current
                .as_ref()
                .and_then(|a| a.month)
                .unwrap_or(app.rt.as_of)
                .to_string(),
            note: current
                .as_ref()
                .and_then(|a| a.note.clone())
                .unwrap_or_default(),
        })
    });
    let month = YearMonth::parse(draft.month.trim());
    ui.horizontal_wrapped(|ui| {
        egui::ComboBox::new(("status_combo", p.id.as_str()), s::STATUS_LABEL.get(lang))
            .width(170.0)
            .selected_text(status_label(draft.status, lang))
            .show_ui(ui, |ui| {
                for st in
                    std::iter::once(None).chain(ApplicationStatus::ALL.iter().copied().map(Some))
                {
                    ui.selectable_value(&mut draft.status, st, status_label(st, lang));
                }
            });
        let l = ui.label(s::STATUS_MONTH.get(lang));
        ui.add(
            egui::TextEdit::singleline(&mut draft.month)
                .desired_width(70.0)
                .hint_text("YYYY-MM"),
        )
        .labelled_by(l.id);
    });
    ui.horizontal(|ui| {
        let l = ui.label(s::STATUS_NOTE.get(lang));
        ui.add(egui::TextEdit::singleline(&mut draft.note).desired_width(f32::INFINITY))
            .labelled_by(l.id);
    });
    // A selection, rejection or application is a past event: a future month is a
    // plan ('신청 예정'), not a record (fresh-user trial 2026-11: 선정 2031-05).
    let future = month.is_some_and(|m| m > app.rt.as_of)
        && draft
            .status
            .is_some_and(|st| st != ApplicationStatus::Planned);
    let month_ok = (draft.month.trim().is_empty() || month.is_some()) && !future;
    if future {
        ui.label(egui::RichText::new(s::STATUS_FUTURE.get(lang)).color(style::fail_colour(dark)));
    } else if !month_ok {
        ui.label(
            egui::RichText::new(s::STATUS_MONTH_BAD.get(lang)).color(style::fail_colour(dark)),
        );
    }
    ui.horizontal_wrapped(|ui| {
        let changed = draft.status != current.as_ref().map(|a| a.status)
            || month != current.as_ref().and_then(|a| a.month)
            || draft.note.trim()
                != current
                    .as_ref()
                    .and_then(|a| a.note.as_deref())
                    .unwrap_or("")
                    .trim();
        if ui
            .add_enabled(
                month_ok && changed,
                egui::Button::new(s::STATUS_SET.get(lang)),
            )
            .clicked()
        {
            forget_drafts(ui.ctx());
            cmds.push(Command::SetApplication {
                programme_id: p.id.clone(),
                status: draft.status,
                month,
                note: draft.note.trim().to_string(),
            });
        }
        if current.is_some()
            && ui
                .button(s::STATUS_CLEAR.get(lang))
                .on_hover_text(s::STATUS_CLEAR_HINT.get(lang))
                .clicked()
        {
            // Asks first: the whole history goes (fresh-user trial 2026-11).
            cmds.push(Command::AskClearApplication(p.id.clone()));
        }
        // One mistaken status away, the earlier records kept (ninth trial).
        if !history.is_empty()
            && ui
                .button(s::STATUS_REMOVE_LAST.get(lang))
                .on_hover_text(s::STATUS_REMOVE_LAST_HINT.get(lang))
                .clicked()
        {
            cmds.push(Command::RemoveLastApplication(p.id.clone()));
        }
    });
    ui.data_mut(|d| d.insert_temp(id, draft));
    // Records of this programme that do not fit (a ticked document not in the list,
    // a month after the plan month).
    for w in crate::matcher::record_warnings(&app.rt.catalogue, profile, app.rt.as_of) {
        let mine = profile
            .applications
            .get(w.record)
            .is_some_and(|a| a.programme_id == p.id);
        if mine {
            ui.label(
                egui::RichText::new(format!("※ {}", w.text.get(lang)))
                    .color(style::unknown_colour(dark)),
            );
        }
    }

    // The documents the notice lists, ticked as they are ready.
    ui.add_space(6.0);
    ui.label(egui::RichText::new(s::DOCUMENTS.get(lang)).strong());
    if p.documents.is_empty() {
        ui.label(egui::RichText::new(s::DOCUMENTS_NONE.get(lang)).color(weak));
    } else {
        let ready = current
            .as_ref()
            .map(|a| a.documents_ready.clone())
            .unwrap_or_default();
        // Ticked names the notice's list does not have (a hand-written file): shown,
        // never dropped.
        for d in ready
            .iter()
            .filter(|r| !p.documents.iter().any(|d| &d.ko == *r))
        {
            let mut ticked = true;
            if ui
                .add(egui::Checkbox::new(
                    &mut ticked,
                    format!("{d} ({})", s::DOCUMENT_UNLISTED.get(lang)),
                ))
                .clicked()
            {
                cmds.push(Command::ToggleDocument {
                    programme_id: p.id.clone(),
                    document: d.clone(),
                });
            }
        }
        // A programme the firm cannot use: the list is shown, not ticked (a tick would
        // record it as planned; trial 2026-11).
        let refused = plan.not_eligible.iter().any(|n| n.programme_id == p.id);
        for d in &p.documents {
            let mut ticked = ready.contains(&d.ko);
            if ui
                .add_enabled(!refused, egui::Checkbox::new(&mut ticked, d.get(lang)))
                .clicked()
            {
                cmds.push(Command::ToggleDocument {
                    programme_id: p.id.clone(),
                    document: d.ko.clone(),
                });
            }
        }
        if current.is_none() {
            ui.label(egui::RichText::new(s::DOCUMENTS_TICK_HINT.get(lang)).color(weak));
        }
        if let Some(src) = p.provenance.documents_source() {
            let date = src
                .date
                .clone()
                .unwrap_or_else(|| s::DATE_TO_VERIFY.get(lang).to_string());
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    egui::RichText::new(format!("{}: {date}", s::DOCUMENTS_SOURCE.get(lang)))
                        .color(weak),
                );
                if is_web_url(&src.url) {
                    ui.hyperlink_to(s::OPEN_SOURCE.get(lang), &src.url)
                        .on_hover_text(&src.url);
                }
            });
        }
    }
    if let Some(u) = p.apply_url.as_deref().filter(|u| is_web_url(u)) {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("{}:", s::APPLY_AT.get(lang)));
            ui.hyperlink_to(u, u);
        });
    }
}

/// The client's applications: the last record of each programme, newest change
/// first, each opening its programme. Programmes not in the catalogue in use are
/// shown by their id.
pub fn show_list(ui: &mut Ui, app: &GachiApp, cmds: &mut Vec<Command>) {
    let lang = app.state.lang;
    let weak = style::weak_text(app.state.dark);
    let profile = &app.state.profile;
    let mut ids: Vec<&str> = Vec::new();
    for a in profile.applications.iter().rev() {
        if !ids.contains(&a.programme_id.as_str()) {
            ids.push(&a.programme_id);
        }
    }
    for r in profile.received.iter().rev() {
        if !ids.contains(&r.as_str()) {
            ids.push(r);
        }
    }
    ui.label(egui::RichText::new(s::APPLICATIONS_TITLE.get(lang)).strong());
    if ids.is_empty() {
        ui.label(egui::RichText::new(s::APPLICATIONS_EMPTY.get(lang)).color(weak));
        return;
    }
    let warnings = crate::matcher::record_warnings(&app.rt.catalogue, profile, app.rt.as_of);
    egui::ScrollArea::vertical()
        .id_salt("applications_list")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for id in ids {
                let Some(a) = profile.standing(id) else {
                    continue;
                };
                let history = profile.history(id).len();
                let more = if history > 0 {
                    format!(" (+{history})")
                } else {
                    String::new()
                };
                let record = format!("{}{more}", a.text(lang));
                ui.horizontal(|ui| {
                    // The name takes a fixed share of the row and both parts truncate,
                    // so neither disappears nor runs under the detail panel (trial
                    // 2026-11: names shrank to "…" in a grid).
                    let name_width = (ui.available_width() * 0.5).max(140.0);
                    let name = match app.rt.catalogue.get(id) {
                        Some(p) => p.name.get(lang).to_string(),
                        None => format!("{id} ({})", s::APPLICATIONS_NOT_IN_CATALOGUE.get(lang)),
                    };
                    let r = ui
                        .allocate_ui(egui::Vec2::new(name_width, 24.0), |ui| {
                            ui.add(
                                egui::Button::selectable(
                                    app.rt.selected.as_deref() == Some(id),
                                    name.as_str(),
                                )
                                .truncate(),
                            )
                            .on_hover_text(name.as_str())
                        })
                        .inner;
                    if r.clicked() && app.rt.catalogue.get(id).is_some() {
                        cmds.push(Command::Select(id.to_string()));
                    }
                    ui.add(egui::Label::new(record.as_str()).truncate())
                        .on_hover_text(record.as_str());
                });
            }
            for w in &warnings {
                ui.label(
                    egui::RichText::new(format!("※ {}: {}", w.path, w.text.get(lang)))
                        .color(style::unknown_colour(app.state.dark)),
                );
            }
        });
}

/// How many programmes the client has a record for (the tab's count).
pub fn count(p: &FirmProfile) -> usize {
    let mut ids: Vec<&str> = p
        .applications
        .iter()
        .map(|a| a.programme_id.as_str())
        .collect();
    ids.extend(p.received.iter().map(String::as_str));
    ids.sort_unstable();
    ids.dedup();
    ids.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ApplicationStatus as S;

    fn ym(s: &str) -> YearMonth {
        YearMonth::parse(s).expect("month")
    }

    #[test]
    fn a_new_status_adds_a_record_and_the_same_one_updates_it() {
        let mut p = FirmProfile::new("기업");
        set_status(&mut p, "a", Some(S::Applied), Some(ym("2026-03")), None);
        set_status(
            &mut p,
            "a",
            Some(S::Applied),
            Some(ym("2026-04")),
            Some("접수".into()),
        );
        assert_eq!(p.applications.len(), 1, "same status: updated");
        assert_eq!(p.applications[0].month, Some(ym("2026-04")));
        toggle_document(&mut p, "a", "사업계획서", ym("2026-11"));
        set_status(&mut p, "a", Some(S::Selected), Some(ym("2026-06")), None);
        set_status(&mut p, "a", Some(S::Planned), Some(ym("2026-07")), None);
        remove_last(&mut p, "a");
        assert_eq!(
            p.applications.len(),
            2,
            "only the mistaken planned record went"
        );
        assert_eq!(p.applications.len(), 2, "another status: history kept");
        assert_eq!(p.standing("a").map(|a| a.status), Some(S::Selected));
        assert_eq!(p.history("a")[0].status, S::Applied);
        assert_eq!(
            p.applications[1].documents_ready,
            ["사업계획서"],
            "ticks carry over"
        );
        p.received.push("a".into());
        set_status(&mut p, "a", None, None, None);
        assert!(p.applications.is_empty() && p.received.is_empty());
    }

    #[test]
    fn edits_change_the_record_in_use_even_when_written_out_of_order() {
        // The rejection (October) is written before the application (February): the
        // rejection is in use, so a tick, a note or a removal goes to it.
        let mut p = FirmProfile::new("기업");
        set_status(&mut p, "a", Some(S::Rejected), Some(ym("2026-10")), None);
        p.applications.push(Application::new("a", S::Applied));
        p.applications[1].month = Some(ym("2026-02"));
        toggle_document(&mut p, "a", "사업계획서", ym("2026-11"));
        assert_eq!(p.applications[0].documents_ready, ["사업계획서"]);
        set_status(
            &mut p,
            "a",
            Some(S::Rejected),
            Some(ym("2026-10")),
            Some("탈락".into()),
        );
        assert_eq!(p.applications[0].note.as_deref(), Some("탈락"));
        remove_last(&mut p, "a");
        assert_eq!(p.applications.len(), 1);
        assert_eq!(p.applications[0].status, S::Applied);
    }

    #[test]
    fn ticking_a_document_without_a_record_plans_the_programme() {
        let mut p = FirmProfile::new("기업");
        toggle_document(&mut p, "b", "사업계획서", ym("2026-11"));
        assert_eq!(p.standing("b").map(|a| a.status), Some(S::Planned));
        assert_eq!(p.standing("b").and_then(|a| a.month), Some(ym("2026-11")));
        toggle_document(&mut p, "b", "사업계획서", ym("2026-11"));
        assert!(p.applications[0].documents_ready.is_empty(), "untick");
        assert_eq!(count(&p), 1);
    }
}
