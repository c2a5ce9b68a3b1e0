//! Everything about one programme, for this firm: status, why it is a step, what
//! would unlock it, each condition, support, window, links (named from this
//! programme's side: "이전 단계", "다음 단계"), and the source in plain words. The
//! research notes (English, with reference codes) stay in the "출처 세부" fold.

use super::super::{Command, GachiApp, i18n as s, style};
use super::{money, name_with_ministry, window_colour, window_status};
use crate::catalogue::{LinkKind, Programme, is_web_url};
use crate::matcher::{Eligibility, FirmFacts, Outcome, evaluate_programme};
use crate::plan::Plan;
use crate::text::Lang;
use eframe::egui::{self, Color32, Ui};

fn outcome_icon(o: Outcome, dark: bool) -> (&'static str, Color32) {
    match o {
        Outcome::Pass => ("○", style::pass_colour(dark)),
        Outcome::Unknown => ("?", style::unknown_colour(dark)),
        Outcome::Fail => ("×", style::fail_colour(dark)),
    }
}

/// A link as read from the programme shown: an incoming follow-on is the step
/// before this one, an outgoing one the step after.
fn link_words(kind: LinkKind, outgoing: bool) -> s::S {
    match (kind, outgoing) {
        (LinkKind::FollowOn, true) => s::LINK_NEXT,
        (LinkKind::FollowOn, false) => s::LINK_PREV,
        (LinkKind::Prerequisite, true) => s::LINK_REQUIRED_BY,
        (LinkKind::Prerequisite, false) => s::LINK_REQUIRES,
        (LinkKind::Bonus, true) => s::LINK_BONUS_TO,
        (LinkKind::Bonus, false) => s::LINK_BONUS_FROM,
        (LinkKind::Complement, _) => s::LINK_WITH,
        (LinkKind::Excludes, _) => s::LINK_EXCLUDES,
    }
}

fn heading(ui: &mut Ui, text: s::S, lang: Lang) {
    ui.add_space(8.0);
    ui.label(egui::RichText::new(text.get(lang)).strong().size(15.0));
}

fn wrap(ui: &mut Ui, text: impl Into<egui::WidgetText>) {
    ui.add(egui::Label::new(text).wrap());
}

/// Draws the detail of `p`.
pub fn show(ui: &mut Ui, app: &GachiApp, plan: &Plan, p: &Programme, cmds: &mut Vec<Command>) {
    let lang = app.state.lang;
    let dark = app.state.dark;
    let cat = &app.rt.catalogue;
    let weak = style::weak_text(dark);
    let colour = style::ministry_colour(&p.ministry, dark);
    ui.label(
        egui::RichText::new(format!(
            "{} · {}",
            crate::facts::ministry_name(&p.ministry, lang),
            p.category.label(lang)
        ))
        .color(colour)
        .strong(),
    );
    wrap(ui, style::bold(p.name.get(lang), 17.0));
    if lang == Lang::En {
        wrap(ui, egui::RichText::new(&p.name.ko).color(weak));
    }
    wrap(
        ui,
        format!("{}: {}", s::DETAIL_AGENCY.get(lang), p.agency_in(lang)),
    );
    let step = plan.step(&p.id);
    let also = plan.also_eligible.iter().find(|a| a.programme_id == p.id);
    let not = plan.not_eligible.iter().find(|n| n.programme_id == p.id);
    let selected = step
        .and_then(|st| st.application.as_ref())
        .map(|a| a.status)
        == Some(crate::codes::ApplicationStatus::Selected);
    let (badge, c) = if plan.received.contains(&p.id) {
        (s::RECEIVED_BADGE, style::pass_colour(dark))
    } else if selected {
        (s::SELECTED_BADGE, style::pass_colour(dark))
    } else if not.is_some() {
        (s::NOT_BADGE, style::fail_colour(dark))
    } else if step.map(|s| s.eligibility).or(also.map(|a| a.eligibility))
        == Some(Eligibility::Eligible)
    {
        (s::ELIGIBLE_BADGE, style::pass_colour(dark))
    } else {
        (s::VERIFY_BADGE, style::unknown_colour(dark))
    };
    ui.label(egui::RichText::new(badge.get(lang)).color(c).strong());
    ui.separator();
    heading(ui, s::DETAIL_SUMMARY, lang);
    wrap(ui, p.summary.get(lang));
    if let Some(st) = step {
        heading(ui, s::WHY_STEP, lang);
        for w in &st.why {
            wrap(ui, format!("• {}", w.get(lang)));
        }
        let apply = super::apply_text(st, lang);
        wrap(
            ui,
            egui::RichText::new(apply).color(window_colour(st.window, dark)),
        );
        let assumed = if st.end_assumed {
            format!(" ({})", s::END_ASSUMED.get(lang))
        } else {
            String::new()
        };
        wrap(
            ui,
            format!(
                "{} {}{assumed}",
                super::period_word(st).get(lang),
                super::span(st, lang)
            ),
        );
        if !st.after.is_empty() {
            let names: Vec<&str> = st
                .after
                .iter()
                .filter_map(|id| cat.get(id))
                .map(|q| q.name.get(lang))
                .collect();
            wrap(
                ui,
                format!("{}: {}", s::WAITS_FOR.get(lang), names.join(", ")),
            );
        }
    }
    super::super::applications::show_in_detail(ui, app, plan, p, cmds);
    if let Some(n) = not {
        heading(ui, s::UNLOCK, lang);
        if n.unlock.is_empty() {
            wrap(ui, s::UNLOCK_NONE.get(lang));
        }
        for u in &n.unlock {
            wrap(ui, format!("• {}", u.text().get(lang)));
        }
        // Moving or changing industry: listed apart, never as a simple change.
        if !n.major_change.is_empty() {
            heading(ui, s::MAJOR_CHANGE, lang);
            for u in &n.major_change {
                wrap(ui, format!("• {}", u.text().get(lang)));
            }
        }
    }
    if let Some(a) = also {
        heading(ui, s::NOT_CHOSEN, lang);
        wrap(ui, a.why_not_chosen.get(lang));
    }
    heading(ui, s::CONDITIONS, lang);
    // This firm's outcome on every criterion (the plan keeps only failing ones for
    // refused programmes, so evaluate afresh: cheap, one programme).
    let facts = FirmFacts::new(app.planned_profile(), plan.as_of);
    for r in evaluate_programme(p, &facts) {
        let (icon, colour) = outcome_icon(r.outcome, dark);
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new(icon).color(colour).strong());
            wrap(ui, r.text().get(lang));
        });
    }
    if p.criteria.is_empty() {
        ui.label("—");
    }
    heading(ui, s::DETAIL_SUPPORT, lang);
    wrap(
        ui,
        format!(
            "{} · {}",
            p.support.kind.label().get(lang),
            money(p.support.max_krw, lang)
        ),
    );
    if let Some(pct) = p.support.self_share_pct {
        wrap(ui, format!("{} {pct}%", s::SELF_SHARE.get(lang)));
    }
    if let Some(n) = &p.support.note {
        wrap(ui, n.get(lang));
    }
    heading(ui, s::DETAIL_WINDOW, lang);
    let months: Vec<String> = p
        .windows
        .months
        .iter()
        .map(|&m| super::month_name(m, lang))
        .collect();
    // The year a confirmed window was announced for, said as "last announced", so it
    // is not read as next year's confirmed date.
    let year = p
        .windows
        .year
        .map(|y| format!(" · {} {y}", s::LAST_ANNOUNCED.get(lang)))
        .unwrap_or_default();
    wrap(
        ui,
        format!(
            "{} {}{year}",
            window_status(p.windows.status).get(lang),
            months.join(", ")
        ),
    );
    if let Some(n) = &p.windows.note {
        wrap(ui, n.get(lang));
    }
    if let Some(d) = p.duration_months {
        wrap(
            ui,
            format!(
                "{}: {d} {}",
                s::DURATION.get(lang),
                s::MONTHS_UNIT.get(lang)
            ),
        );
    }
    links(ui, p, app, lang, cmds);
    heading(ui, s::DETAIL_SOURCE, lang);
    let pv = &p.provenance;
    // When the entry was checked, its newest call, and the outdated mark.
    let fresh = crate::matcher::freshness(p, plan.as_of);
    wrap(
        ui,
        egui::RichText::new(fresh.label().get(lang)).color(if fresh.outdated {
            style::unknown_colour(dark)
        } else {
            ui.visuals().text_color()
        }),
    );
    for c in p.windows.calls.iter().take(3) {
        let close = match (c.close, c.until_budget) {
            (Some(d), _) => d.to_string(),
            (None, true) => s::UNTIL_BUDGET.get(lang).to_string(),
            (None, false) => s::CLOSE_UNKNOWN.get(lang).to_string(),
        };
        let round = c
            .round
            .as_deref()
            .map(|r| format!("{r} "))
            .unwrap_or_default();
        wrap(
            ui,
            format!("{}: {round}{} ~ {close}", s::CALL.get(lang), c.open),
        );
    }
    wrap(
        ui,
        format!(
            "{} {} · {} {}",
            s::SOURCE_DATE.get(lang),
            pv.date,
            s::CONFIDENCE.get(lang),
            pv.confidence.label().get(lang)
        ),
    );
    if is_web_url(&pv.url) {
        ui.hyperlink_to(s::OPEN_SOURCE.get(lang), &pv.url)
            .on_hover_text(&pv.url);
        wrap(ui, egui::RichText::new(&pv.url).color(weak));
    } else {
        wrap(ui, format!("{} {}", pv.url, s::NOT_WEB_URL.get(lang)));
    }
    wrap(
        ui,
        egui::RichText::new(s::CONFIRM_AT_NOTICE.get(lang)).color(weak),
    );
    // Research notes are English working notes with reference codes: shown in the
    // English view only, so Korean screens stay Korean (issue 13).
    if lang == Lang::En && (pv.note.is_some() || pv.research_ref.is_some()) {
        egui::CollapsingHeader::new(s::SOURCE_DETAILS.get(lang))
            .id_salt(("source_details", &p.id))
            .default_open(false)
            .show(ui, |ui| {
                if let Some(r) = &pv.research_ref {
                    wrap(ui, egui::RichText::new(r).color(weak));
                }
                if let Some(n) = &pv.note {
                    wrap(ui, egui::RichText::new(n).color(weak));
                }
            });
    }
}

fn links(ui: &mut Ui, p: &Programme, app: &GachiApp, lang: Lang, cmds: &mut Vec<Command>) {
    let cat = &app.rt.catalogue;
    let weak = style::weak_text(app.state.dark);
    let linked: Vec<(&str, LinkKind, &str, bool)> = p
        .links
        .iter()
        .map(|l| (l.to.as_str(), l.kind, l.source.as_str(), true))
        .chain(
            cat.position(&p.id)
                .into_iter()
                .flat_map(|i| cat.incoming[i].iter())
                .filter_map(|&(j, kind)| {
                    let q = cat.programmes.get(j)?;
                    let src = q
                        .links
                        .iter()
                        .find(|l| l.to == p.id && l.kind == kind)
                        .map(|l| l.source.as_str())
                        .unwrap_or_default();
                    Some((q.id.as_str(), kind, src, false))
                }),
        )
        .collect();
    if linked.is_empty() {
        return;
    }
    heading(ui, s::DETAIL_LINKS, lang);
    for (id, kind, source, outgoing) in linked {
        // A limit on reapplying to the programme itself is not a link to show.
        if id == p.id {
            continue;
        }
        let Some(q) = cat.get(id) else { continue };
        let arrow = if outgoing { "→" } else { "←" };
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("{arrow} {}", link_words(kind, outgoing).get(lang)));
            if ui
                .link(name_with_ministry(q.name.get(lang), &q.ministry, lang))
                .clicked()
            {
                cmds.push(Command::Select(q.id.clone()));
            }
        });
        if !source.is_empty() {
            wrap(
                ui,
                egui::RichText::new(crate::text::without_refs(source)).color(weak),
            );
        }
    }
}
