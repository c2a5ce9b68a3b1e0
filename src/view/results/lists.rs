//! The four lists under the pathway. They do not overlap: plan steps; eligible
//! programmes left out of the plan; programmes left out whose conditions need
//! checking; programmes the firm does not qualify for. Each row shows why.

use super::super::{Command, GachiApp, ResultsTab, i18n as s, style};
use super::name_with_ministry;
use crate::matcher::{Eligibility, Outcome, Reason};
use crate::plan::Plan;
use crate::text::Text;
use eframe::egui::{self, Color32, Ui, Vec2};

const ROW_H: f32 = 26.0;

struct Row<'a> {
    id: &'a str,
    eligibility: Eligibility,
    note: Option<Text>,
}

/// How many programmes each tab lists, in tab order.
pub fn tab_counts(plan: &Plan) -> [(ResultsTab, usize); 4] {
    let also = |e: Eligibility| {
        plan.also_eligible
            .iter()
            .filter(|a| a.eligibility == e)
            .count()
    };
    [
        (ResultsTab::Steps, plan.steps.len()),
        (ResultsTab::Also, also(Eligibility::Eligible)),
        (
            ResultsTab::Verify,
            plan.also_eligible.len() - also(Eligibility::Eligible),
        ),
        (ResultsTab::Not, plan.not_eligible.len()),
    ]
}

fn rows(plan: &Plan, tab: ResultsTab) -> Vec<Row<'_>> {
    let first =
        |reasons: &[Reason], o: Outcome| reasons.iter().find(|r| r.outcome == o).map(Reason::text);
    match tab {
        ResultsTab::Steps => plan
            .steps
            .iter()
            .map(|st| Row {
                id: &st.programme_id,
                eligibility: st.eligibility,
                // The firm's own application first: it is what the row is about now.
                note: if let Some(a) = &st.application {
                    Some(Text::new(
                        a.text(crate::text::Lang::Ko),
                        a.text(crate::text::Lang::En),
                    ))
                } else if st.eligibility == Eligibility::Verify {
                    first(&st.reasons, Outcome::Unknown)
                } else {
                    st.why.first().cloned()
                },
            })
            .collect(),
        ResultsTab::Also => plan
            .also_eligible
            .iter()
            .filter(|a| a.eligibility == Eligibility::Eligible)
            .map(|a| Row {
                id: &a.programme_id,
                eligibility: a.eligibility,
                note: Some(a.why_not_chosen.clone()),
            })
            .collect(),
        ResultsTab::Verify => plan
            .also_eligible
            .iter()
            .filter(|a| a.eligibility != Eligibility::Eligible)
            .map(|a| Row {
                id: &a.programme_id,
                eligibility: a.eligibility,
                note: first(&a.reasons, Outcome::Unknown),
            })
            .collect(),
        ResultsTab::Not => plan
            .not_eligible
            .iter()
            .map(|n| Row {
                id: &n.programme_id,
                eligibility: Eligibility::NotEligible,
                note: first(&n.reasons, Outcome::Fail),
            })
            .collect(),
        // Drawn by `applications::show_list`, from the profile.
        ResultsTab::Applications => Vec::new(),
    }
}

fn eligibility_icon(e: Eligibility, dark: bool) -> (&'static str, Color32) {
    match e {
        Eligibility::Eligible => ("○", style::pass_colour(dark)),
        Eligibility::Verify => ("?", style::unknown_colour(dark)),
        Eligibility::NotEligible => ("×", style::fail_colour(dark)),
    }
}

/// Draws the tabs and the chosen list (only the rows in view).
pub fn show(
    ui: &mut Ui,
    app: &GachiApp,
    plan: &Plan,
    selected: Option<&str>,
    cmds: &mut Vec<Command>,
) {
    let lang = app.state.lang;
    let dark = app.state.dark;
    ui.horizontal_wrapped(|ui| {
        for (tab, count) in tab_counts(plan) {
            let label = match tab {
                ResultsTab::Steps => s::TAB_STEPS,
                ResultsTab::Also => s::TAB_ALSO,
                ResultsTab::Verify => s::TAB_VERIFY,
                ResultsTab::Not => s::TAB_NOT,
                ResultsTab::Applications => s::TAB_APPLICATIONS,
            };
            if ui
                .selectable_label(app.rt.tab == tab, format!("{} ({count})", label.get(lang)))
                .on_hover_text(tab_hint(tab).get(lang))
                .clicked()
            {
                cmds.push(Command::SetTab(tab));
            }
        }
        let tab = ResultsTab::Applications;
        let count = super::super::applications::count(&app.state.profile);
        if ui
            .selectable_label(
                app.rt.tab == tab,
                format!("{} ({count})", s::TAB_APPLICATIONS.get(lang)),
            )
            .on_hover_text(tab_hint(tab).get(lang))
            .clicked()
        {
            cmds.push(Command::SetTab(tab));
        }
    });
    if app.rt.tab == ResultsTab::Applications {
        super::super::applications::show_list(ui, app, cmds);
        return;
    }
    let rows = rows(plan, app.rt.tab);
    let cat = &app.rt.catalogue;
    egui::ScrollArea::vertical()
        .id_salt("tab_list")
        .auto_shrink([false, false])
        .show_rows(ui, ROW_H, rows.len(), |ui, range| {
            for row in rows.get(range).unwrap_or_default() {
                let Some(p) = cat.get(row.id) else {
                    continue;
                };
                ui.horizontal(|ui| {
                    let (icon, colour) = eligibility_icon(row.eligibility, dark);
                    ui.label(egui::RichText::new(icon).color(colour).strong());
                    let text = name_with_ministry(p.name.get(lang), &p.ministry, lang);
                    // Name and note share the row; both truncate rather than run under
                    // the detail panel.
                    let name_width = (ui.available_width() * 0.55).max(160.0);
                    let is_selected = selected == Some(p.id.as_str());
                    let r = ui
                        .allocate_ui(Vec2::new(name_width, ROW_H), |ui| {
                            ui.add(egui::Button::selectable(is_selected, text).truncate())
                        })
                        .inner;
                    if r.clicked() {
                        cmds.push(Command::Select(p.id.clone()));
                    }
                    if let Some(note) = &row.note {
                        ui.add(
                            egui::Label::new(
                                egui::RichText::new(note.get(lang)).color(style::weak_text(dark)),
                            )
                            .truncate(),
                        );
                    }
                });
            }
        });
}

/// What a tab holds, on hover.
fn tab_hint(tab: ResultsTab) -> s::S {
    match tab {
        ResultsTab::Steps => s::TAB_STEPS_HINT,
        ResultsTab::Also => s::TAB_ALSO_HINT,
        ResultsTab::Verify => s::TAB_VERIFY_HINT,
        ResultsTab::Not => s::TAB_NOT_HINT,
        ResultsTab::Applications => s::TAB_APPLICATIONS_HINT,
    }
}
