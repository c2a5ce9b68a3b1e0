//! The lines above the pathway: the firm and its size, the totals, the catalogue
//! notice, and the joint (cross-ministry) pathways written out.

use super::super::{i18n as s, style};
use super::{circled, name_with_ministry};
use crate::codes::SizeClass;
use crate::plan::Plan;
use crate::text::{Lang, krw_in};
use eframe::egui::{self, Ui};

/// The size in the law's words ("소기업 (소상공인 여부는 상시근로자 수로 정해짐)",
/// "중소기업 아님 — 중견기업 또는 대기업"); for a plan without `size_facts` (written before
/// 2026-11) the class, or the candidates when it cannot be decided yet.
pub fn size_text(plan: &Plan, lang: Lang) -> String {
    if plan.size_facts != crate::profile::SizeFacts::default() {
        return plan.size_facts.describe().get(lang).to_string();
    }
    SizeClass::from_code(&plan.size_class)
        .map(|c| c.label(lang).to_string())
        .unwrap_or_else(|| {
            format!(
                "{} ({})",
                s::UNKNOWN_SIZE.get(lang),
                plan.size_class_candidates
                    .iter()
                    .map(|c| c.label(lang))
                    .collect::<Vec<_>>()
                    .join(" / ")
            )
        })
}

/// Firm, size, region, industry, month; then totals; then the catalogue notice.
pub fn show(ui: &mut Ui, plan: &Plan, lang: Lang, dark: bool) {
    let profile = &plan.profile;
    let name = profile
        .get("name")
        .and_then(|v| v.as_str())
        .unwrap_or_default();
    ui.horizontal_wrapped(|ui| {
        ui.label(style::bold(if name.is_empty() { "—" } else { name }, 19.0));
        ui.label(size_text(plan, lang))
            .on_hover_text(plan.size_class_reason.get(lang));
        if let Some(r) = profile
            .get("region")
            .and_then(|v| v.as_str())
            .and_then(crate::codes::Region::from_code)
        {
            ui.label(format!("· {}", r.label(lang)));
        }
        if let Some(k) = profile.get("ksic").and_then(|v| v.as_str()) {
            ui.label(format!("· {k}"));
        }
        ui.label(format!("· {}", super::as_of_text(plan.as_of, lang)));
    });
    let t = &plan.totals;
    ui.horizontal_wrapped(|ui| {
        let steps_word = if t.steps == 1 {
            s::TOTAL_STEP_ONE.get(lang)
        } else {
            s::TOTAL_STEPS.get(lang)
        };
        ui.label(format!("{} {steps_word}", t.steps));
        ui.separator();
        // Loans and guarantees are money to repay: shown apart from grants, never
        // added into one "support" figure (the plan's max_grant_krw / max_loan_krw).
        let finance = t.max_loan_krw;
        // R&D projects apart, as the largest one: they are alternatives, not a sum;
        // steps of which nothing could be checked are not counted.
        let grants = t.max_grant_checked_krw;
        // The headline counts only steps whose conditions are all met; the to-verify
        // steps' amounts come after, as what they would add if they turn out open.
        // "0원" reads as "nothing for you": when no step's conditions are all met yet,
        // say that instead (trial 2026-11).
        let eligible = if t.max_grant_eligible_krw == 0 && grants > 0 {
            s::GRANTS_NONE_MET.get(lang).to_string()
        } else {
            krw_in(t.max_grant_eligible_krw, lang)
        };
        ui.label(format!("{}: {eligible}", s::GRANTS_ELIGIBLE.get(lang)))
            .on_hover_text(s::GRANTS_TOTAL_WHY.get(lang));
        if t.grant_eligible_unsure_steps > 0 && t.max_grant_eligible_krw > 0 {
            ui.label(
                egui::RichText::new(format!("({})", s::GRANTS_SOURCE_UNSURE.get(lang)))
                    .color(style::unknown_colour(dark)),
            )
            .on_hover_text(s::GRANTS_SOURCE_UNSURE_WHY.get(lang));
        }
        if grants > t.max_grant_eligible_krw {
            ui.label(
                egui::RichText::new(format!(
                    "· {}: {}",
                    s::GRANTS_IF_VERIFIED.get(lang),
                    krw_in(grants, lang)
                ))
                .color(style::unknown_colour(dark)),
            )
            .on_hover_text(s::GRANTS_IF_VERIFIED_WHY.get(lang));
        }
        if t.grant_steps_unchecked > 0 {
            ui.label(
                egui::RichText::new(format!(
                    "· {}",
                    s::GRANTS_UNCHECKED
                        .get(lang)
                        .replace("{n}", &t.grant_steps_unchecked.to_string())
                ))
                .color(style::unknown_colour(dark)),
            )
            .on_hover_text(s::GRANTS_UNCHECKED_WHY.get(lang));
        }
        if t.max_rnd_project_krw > 0 {
            // In the to-verify colour unless the largest project's conditions are met.
            let sure = plan.steps.iter().any(|st| {
                st.category == crate::codes::Goal::Rnd
                    && st.eligibility == crate::matcher::Eligibility::Eligible
                    && st.support.max_krw == Some(t.max_rnd_project_krw)
            });
            let (label, colour) = if sure {
                (s::RND_PART, ui.visuals().text_color())
            } else {
                (s::RND_PART_TO_VERIFY, style::unknown_colour(dark))
            };
            ui.label(
                egui::RichText::new(format!(
                    "· {}: {}",
                    label.get(lang),
                    krw_in(t.max_rnd_project_krw, lang)
                ))
                .color(colour),
            )
            .on_hover_text(s::RND_PART_WHY.get(lang));
        }
        if finance > 0 {
            ui.label(format!(
                "· {}: {}",
                s::LOANS_PART.get(lang),
                krw_in(finance, lang)
            ));
        }
        if t.steps_amount_to_verify > 0 {
            ui.label(
                egui::RichText::new(format!(
                    "(+{} {})",
                    t.steps_amount_to_verify,
                    s::STEPS_AMOUNT_UNKNOWN.get(lang)
                ))
                .color(style::unknown_colour(dark)),
            );
        }
        ui.separator();
        ui.label(
            egui::RichText::new(format!(
                "★ {} {}",
                t.cross_ministry_links,
                s::TOTAL_CROSS.get(lang)
            ))
            .color(style::cross_colour(dark)),
        );
        // The firm's funding need against the loan and guarantee limits of the plan,
        // on the same line so the layout keeps its height.
        if let Some(f) = &plan.funding {
            ui.separator();
            ui.label(egui::RichText::new(f.describe().get(lang)).strong());
        }
        if !plan.goals_without_step.is_empty() {
            let goals = plan.goals_without_step_text(lang);
            ui.separator();
            ui.label(
                egui::RichText::new(format!("{}: {}", s::GOALS_WITHOUT_STEP.get(lang), goals))
                    .color(style::unknown_colour(dark)),
            )
            .on_hover_text(s::GOALS_WITHOUT_STEP_WHY.get(lang));
        }
    });
    // One line here (the whole notice is on the start screen and in the report; hover
    // shows it), so the lists keep their room at 1024×700.
    ui.add(
        egui::Label::new(egui::RichText::new(plan.notice.get(lang)).color(style::weak_text(dark)))
            .truncate(),
    )
    .on_hover_text(plan.notice.get(lang));
}

/// Chains of steps joined by ordering links that cross a ministry, written out as
/// "① A (중기부) → ② B (산업부) → ③ C (중기부)".
pub fn joint_pathways(ui: &mut Ui, plan: &Plan, lang: Lang, dark: bool) {
    let index = |id: &str| plan.steps.iter().position(|st| st.programme_id == id);
    let next: Vec<Option<usize>> = (0..plan.steps.len())
        .map(|k| {
            plan.steps[k]
                .links
                .iter()
                .filter(|l| l.in_plan && l.kind.orders())
                .filter_map(|l| index(&l.programme_id))
                .find(|&j| j != k)
        })
        .collect();
    let has_incoming = |k: usize| next.contains(&Some(k));
    let mut chains = Vec::new();
    for k in 0..plan.steps.len() {
        if has_incoming(k) || next[k].is_none() {
            continue;
        }
        let mut chain = vec![k];
        while let Some(j) = chain.last().and_then(|&c| next[c]) {
            if chain.contains(&j) {
                break;
            }
            chain.push(j);
        }
        let crosses = chain
            .windows(2)
            .any(|w| plan.steps[w[0]].ministry != plan.steps[w[1]].ministry);
        if crosses {
            chains.push(chain);
        }
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(
            egui::RichText::new(format!("★ {}:", s::JOINT_PATHWAY.get(lang)))
                .color(style::cross_colour(dark))
                .strong(),
        );
        if chains.is_empty() {
            ui.label(s::NO_JOINT.get(lang));
        }
        // Steps are numbered by when to apply, so a chain may run ① → ③ → ②
        // (a loan applied for at once): say so (trial 2026-11).
        let out_of_order = chains.iter().any(|c| {
            c.windows(2)
                .any(|w| plan.steps[w[0]].order > plan.steps[w[1]].order)
        });
        if out_of_order {
            ui.label(
                egui::RichText::new(s::JOINT_NUMBERS_BY_DATE.get(lang))
                    .color(style::weak_text(dark)),
            );
        }
    });
    for chain in chains {
        let parts: Vec<String> = chain
            .iter()
            .map(|&k| {
                let st = &plan.steps[k];
                let name = format!("{} {}", circled(st.order), st.name.get(lang));
                name_with_ministry(&name, &st.ministry, lang)
            })
            .collect();
        // One line per chain (the cards below show every step in full), so the cards
        // keep their room at 1024×700; the whole chain on hover.
        let line = parts.join("  →  ");
        ui.add(
            egui::Label::new(egui::RichText::new(&line).color(style::cross_colour(dark)))
                .truncate(),
        )
        .on_hover_text(line);
    }
}
