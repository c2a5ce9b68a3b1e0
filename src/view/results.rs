//! The results screen: the pathway as linked cards coloured by ministry, the joint
//! (cross-ministry) hand-overs spelled out, a month timeline, every programme's
//! reasons in tabs, and a detail panel.

use super::{GachiApp, ResultsTab, i18n as s, style};
use crate::catalogue::{Catalogue, LinkKind, Programme, WindowStatus, is_web_url};
use crate::codes::{SizeClass, ministry_short};
use crate::matcher::{Eligibility, FirmFacts, Outcome, Reason, WindowState, evaluate_programme};
use crate::month::YearMonth;
use crate::plan::{Plan, Step};
use crate::text::{Lang, Text, krw_in};
use eframe::egui::{self, Color32, Pos2, Rect, Stroke, Ui, Vec2};

const CARD_WIDTH: f32 = 230.0;
const CARD_GAP: f32 = 70.0;

pub fn show(app: &mut GachiApp, ui: &mut Ui) {
    let lang = app.lang;
    let dark = app.dark;
    if app.whatif.is_some() {
        egui::Panel::left("whatif")
            .resizable(true)
            .default_size(300.0)
            .min_size(240.0)
            .show(ui, |ui| super::whatif::show(app, ui));
    }
    app.plan();
    ui.horizontal_wrapped(|ui| {
        if app.whatif.is_none() {
            if ui.button(s::WHATIF.get(lang)).clicked() {
                app.whatif = Some(app.profile.clone());
            }
        } else {
            ui.label(
                egui::RichText::new(s::WHATIF_ACTIVE.get(lang))
                    .color(style::unknown_colour(dark))
                    .strong(),
            );
        }
        ui.separator();
        if ui.button(s::EXPORT_REPORT.get(lang)).clicked() {
            app.dialog_open(super::dialogs::Purpose::ExportReport);
        }
        if ui.button(s::EXPORT_ICS.get(lang)).clicked() {
            app.dialog_open(super::dialogs::Purpose::ExportIcs);
        }
        if ui.button(s::COMPARE_PLAN.get(lang)).clicked() {
            app.dialog_open(super::dialogs::Purpose::ComparePlan);
        }
    });
    if let Some(cmp) = app.comparison.clone() {
        let now = app.plan().clone();
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(
                    egui::RichText::new(format!("{}: {}", s::COMPARISON.get(lang), cmp.file))
                        .strong(),
                );
                if ui.button(s::DISMISS.get(lang)).clicked() {
                    app.comparison = None;
                }
            });
            // Side by side: the saved plan's steps and the current ones; steps only
            // on one side are coloured (removed red, added green).
            ui.columns(3, |cols| {
                let in_now = |id: &str| now.steps.iter().any(|st| st.programme_id == id);
                let in_before = |id: &str| cmp.before.steps.iter().any(|st| st.programme_id == id);
                cols[0].label(
                    egui::RichText::new(format!(
                        "{} ({})",
                        s::SAVED_PLAN.get(lang),
                        cmp.before.as_of
                    ))
                    .strong(),
                );
                for st in &cmp.before.steps {
                    let t = format!("{} {} · {}", circled(st.order), st.name.get(lang), st.start);
                    let c = if in_now(&st.programme_id) {
                        cols[0].visuals().text_color()
                    } else {
                        style::fail_colour(dark)
                    };
                    cols[0].label(egui::RichText::new(t).color(c));
                }
                cols[1].label(
                    egui::RichText::new(format!("{} ({})", s::CURRENT_PLAN.get(lang), now.as_of))
                        .strong(),
                );
                for st in &now.steps {
                    let t = format!("{} {} · {}", circled(st.order), st.name.get(lang), st.start);
                    let c = if in_before(&st.programme_id) {
                        cols[1].visuals().text_color()
                    } else {
                        style::pass_colour(dark)
                    };
                    cols[1].label(egui::RichText::new(t).color(c));
                }
                egui::ScrollArea::vertical()
                    .id_salt("comparison")
                    .max_height(180.0)
                    .show(&mut cols[2], |ui| {
                        ui.label(cmp.text.as_str());
                    });
            });
        });
    }
    let Some(plan) = app.plan.as_ref() else {
        return;
    };
    let catalogue = &app.catalogue;

    summary(ui, plan, lang, dark);
    ui.add_space(4.0);
    if plan.steps.is_empty() {
        ui.label(s::RESULTS_EMPTY.get(lang));
    } else {
        joint_pathways(ui, plan, lang, dark);
        if let Some(id) = pathway_cards(ui, plan, lang, dark) {
            app.selected = Some(id);
        }
        legend(ui, lang, dark);
        timeline(ui, plan, lang, dark);
    }
    ui.separator();
    let plan = app.plan.as_ref();
    let Some(plan) = plan else { return };
    // Show the first step's details until the user picks another programme.
    if app.selected.is_none() {
        app.selected = plan.steps.first().map(|st| st.programme_id.clone());
    }
    let selected = app.selected.clone();
    let mut clicked: Option<String> = None;
    egui::Panel::right("detail")
        .resizable(true)
        .default_size(400.0)
        .min_size(280.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("detail_scroll")
                .show(ui, |ui| {
                    match selected.as_deref().and_then(|id| catalogue.get(id)) {
                        Some(p) => {
                            if let Some(id) =
                                detail(ui, p, plan, catalogue, &app.profile, lang, dark)
                            {
                                clicked = Some(id);
                            }
                        }
                        None => {
                            ui.label(s::SELECT_PROGRAMME.get(lang));
                        }
                    }
                });
        });
    ui.horizontal_wrapped(|ui| {
        for (tab, label, count) in [
            (ResultsTab::Steps, s::TAB_STEPS, plan.steps.len()),
            (ResultsTab::Also, s::TAB_ALSO, plan.also_eligible.len()),
            (
                ResultsTab::Verify,
                s::TAB_VERIFY,
                plan.steps
                    .iter()
                    .filter(|st| st.eligibility == Eligibility::Verify)
                    .count()
                    + plan
                        .also_eligible
                        .iter()
                        .filter(|a| a.eligibility == Eligibility::Verify)
                        .count(),
            ),
            (ResultsTab::Not, s::TAB_NOT, plan.not_eligible.len()),
        ] {
            if ui
                .selectable_label(app.tab == tab, format!("{} ({count})", label.get(lang)))
                .clicked()
            {
                app.tab = tab;
            }
        }
    });
    let rows = tab_rows(plan, catalogue, app.tab);
    egui::ScrollArea::vertical()
        .id_salt("tab_list")
        .auto_shrink([false, false])
        .show_rows(ui, 22.0, rows.len(), |ui, range| {
            for row in &rows[range] {
                let Some(p) = catalogue.get(&row.id) else {
                    continue;
                };
                ui.horizontal(|ui| {
                    let (icon, colour) = eligibility_icon(row.eligibility, dark);
                    ui.label(egui::RichText::new(icon).color(colour).strong());
                    let text = format!(
                        "{} · {}",
                        p.name.get(lang),
                        ministry_short(&p.ministry, lang)
                    );
                    // Name and note share the row; both truncate rather than run under
                    // the detail panel.
                    let name_width = (ui.available_width() * 0.62).max(160.0);
                    let is_selected = selected.as_deref() == Some(p.id.as_str());
                    let r = ui
                        .allocate_ui(Vec2::new(name_width, 22.0), |ui| {
                            ui.add(egui::Button::selectable(is_selected, text).truncate())
                        })
                        .inner;
                    if r.clicked() {
                        clicked = Some(p.id.clone());
                    }
                    if let Some(note) = &row.note {
                        ui.add(
                            egui::Label::new(egui::RichText::new(note.get(lang)).weak().small())
                                .truncate(),
                        );
                    }
                });
            }
        });
    if let Some(id) = clicked {
        app.selected = Some(id);
    }
}

struct Row {
    id: String,
    eligibility: Eligibility,
    note: Option<Text>,
}

fn tab_rows(plan: &Plan, _cat: &Catalogue, tab: ResultsTab) -> Vec<Row> {
    let first_fail = |reasons: &[Reason]| {
        reasons
            .iter()
            .find(|r| r.outcome == Outcome::Fail)
            .map(Reason::text)
    };
    match tab {
        ResultsTab::Steps => plan
            .steps
            .iter()
            .map(|st| Row {
                id: st.programme_id.clone(),
                eligibility: st.eligibility,
                note: st.why.first().cloned(),
            })
            .collect(),
        ResultsTab::Also => plan
            .also_eligible
            .iter()
            .map(|a| Row {
                id: a.programme_id.clone(),
                eligibility: a.eligibility,
                note: Some(a.why_not_chosen.clone()),
            })
            .collect(),
        ResultsTab::Verify => plan
            .steps
            .iter()
            .filter(|st| st.eligibility == Eligibility::Verify)
            .map(|st| (st.programme_id.clone(), &st.reasons))
            .chain(
                plan.also_eligible
                    .iter()
                    .filter(|a| a.eligibility == Eligibility::Verify)
                    .map(|a| (a.programme_id.clone(), &a.reasons)),
            )
            .map(|(id, reasons)| Row {
                id,
                eligibility: Eligibility::Verify,
                note: reasons
                    .iter()
                    .find(|r| r.outcome == Outcome::Unknown)
                    .map(Reason::text),
            })
            .collect(),
        ResultsTab::Not => plan
            .not_eligible
            .iter()
            .map(|n| Row {
                id: n.programme_id.clone(),
                eligibility: Eligibility::NotEligible,
                note: first_fail(&n.reasons),
            })
            .collect(),
    }
}

fn eligibility_icon(e: Eligibility, dark: bool) -> (&'static str, Color32) {
    match e {
        Eligibility::Eligible => ("○", style::pass_colour(dark)),
        Eligibility::Verify => ("?", style::unknown_colour(dark)),
        Eligibility::NotEligible => ("×", style::fail_colour(dark)),
    }
}

fn outcome_icon(o: Outcome, dark: bool) -> (&'static str, Color32) {
    match o {
        Outcome::Pass => ("○", style::pass_colour(dark)),
        Outcome::Unknown => ("?", style::unknown_colour(dark)),
        Outcome::Fail => ("×", style::fail_colour(dark)),
    }
}

/// "2026-12 기준" / "as of 2026-12".
pub fn as_of_text(m: YearMonth, lang: Lang) -> String {
    match lang {
        Lang::Ko => format!("{m} {}", s::AS_OF.ko),
        Lang::En => format!("{} {m}", s::AS_OF.en),
    }
}

/// "3월" / "Mar".
pub fn month_name(m: u8, lang: Lang) -> String {
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match lang {
        Lang::Ko => format!("{m}월"),
        Lang::En => EN
            .get(usize::from(m).wrapping_sub(1))
            .copied()
            .unwrap_or("?")
            .to_string(),
    }
}

fn circled(n: usize) -> String {
    const C: [&str; 20] = [
        "①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩", "⑪", "⑫", "⑬", "⑭", "⑮", "⑯", "⑰", "⑱",
        "⑲", "⑳",
    ];
    C.get(n.wrapping_sub(1))
        .map(|c| c.to_string())
        .unwrap_or_else(|| format!("({n})"))
}

fn money(won: Option<u64>, lang: Lang) -> String {
    match (won, lang) {
        (Some(w), _) => format!("{} {}", s::MAX_AMOUNT.get(lang), krw_in(w, lang)),
        (None, _) => format!("{} / {}", s::TO_VERIFY_AMOUNT.ko, s::TO_VERIFY_AMOUNT.en),
    }
}

fn window_label(w: WindowState) -> s::S {
    match w {
        WindowState::Confirmed => s::WINDOW_CONFIRMED,
        WindowState::Forecast => s::WINDOW_FORECAST,
        WindowState::Rolling => s::WINDOW_ROLLING,
        WindowState::ToVerify => s::WINDOW_TO_VERIFY,
    }
}

fn summary(ui: &mut Ui, plan: &Plan, lang: Lang, dark: bool) {
    let profile = &plan.profile;
    let name = profile
        .get("name")
        .and_then(|v| v.as_str())
        .unwrap_or_default();
    let size = SizeClass::from_code(&plan.size_class)
        .map(|c| c.label(lang).to_string())
        .unwrap_or_else(|| {
            format!(
                "{} ({})",
                s::UNKNOWN_SIZE.get(lang),
                plan.size_class_candidates
                    .iter()
                    .map(|c| c.label(lang))
                    .collect::<Vec<_>>()
                    .join("/")
            )
        });
    ui.horizontal_wrapped(|ui| {
        ui.label(style::bold(if name.is_empty() { "—" } else { name }, 20.0));
        ui.label(size)
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
        ui.label(format!("· {}", as_of_text(plan.as_of, lang)));
    });
    let t = &plan.totals;
    let support = krw_in(t.max_support_krw, lang);
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{} {}", t.steps, s::TOTAL_STEPS.get(lang)));
        ui.separator();
        // Loans and guarantees are money to repay; show them apart from grants.
        let money = |won: u64| krw_in(won, lang);
        let finance: u64 = plan
            .steps
            .iter()
            .filter(|st| matches!(st.support.kind.as_str(), "loan" | "guarantee"))
            .filter_map(|st| st.support.max_krw)
            .fold(0, u64::saturating_add);
        let grants = t.max_support_krw.saturating_sub(finance);
        ui.label(format!("{}: {support}", s::TOTAL_SUPPORT.get(lang)))
            .on_hover_text(format!("{} {}", s::GRANTS_PART.get(lang), money(grants)));
        if finance > 0 {
            ui.label(
                egui::RichText::new(format!("({} {})", s::LOANS_PART.get(lang), money(finance)))
                    .weak(),
            );
        }
        if t.steps_amount_to_verify > 0 {
            ui.label(
                egui::RichText::new(format!(
                    "(+{} {})",
                    t.steps_amount_to_verify,
                    s::TO_VERIFY_AMOUNT.get(lang)
                ))
                .color(style::unknown_colour(dark)),
            );
        }
        // Own shares only where a source states them; the rest are to verify.
        let shares: Vec<String> = plan
            .steps
            .iter()
            .filter_map(|st| {
                st.support
                    .self_share_pct
                    .map(|p| format!("{} {p}%", circled(st.order)))
            })
            .collect();
        ui.separator();
        if shares.is_empty() {
            ui.label(
                egui::RichText::new(format!(
                    "{}: {}",
                    s::SELF_SHARE.get(lang),
                    s::TO_VERIFY_AMOUNT.get(lang)
                ))
                .color(style::unknown_colour(dark)),
            );
        } else {
            ui.label(format!(
                "{}: {}",
                s::SELF_SHARE.get(lang),
                shares.join(", ")
            ))
            .on_hover_text(format!(
                "{} {}",
                plan.steps.len() - shares.len(),
                s::TO_VERIFY_AMOUNT.get(lang)
            ));
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
    });
    ui.label(egui::RichText::new(plan.notice.get(lang)).small().weak());
}

/// Chains of steps joined by ordering links that cross a ministry, written out as
/// "① A (중기부) → ② B (산업부) → ③ C (중기부)".
fn joint_pathways(ui: &mut Ui, plan: &Plan, lang: Lang, dark: bool) {
    let index = |id: &str| plan.steps.iter().position(|st| st.programme_id == id);
    let next_of = |k: usize| -> Option<usize> {
        plan.steps[k]
            .links
            .iter()
            .filter(|l| l.in_plan && l.kind.orders())
            .filter_map(|l| index(&l.programme_id))
            .find(|&j| j > k)
    };
    let has_incoming = |k: usize| (0..plan.steps.len()).any(|i| next_of(i) == Some(k));
    let mut chains = Vec::new();
    for k in 0..plan.steps.len() {
        if has_incoming(k) || next_of(k).is_none() {
            continue;
        }
        let mut chain = vec![k];
        while let Some(j) = chain.last().and_then(|&c| next_of(c)) {
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
    });
    for chain in chains {
        let parts: Vec<String> = chain
            .iter()
            .map(|&k| {
                let st = &plan.steps[k];
                format!(
                    "{} {} ({})",
                    circled(st.order),
                    st.name.get(lang),
                    ministry_short(&st.ministry, lang)
                )
            })
            .collect();
        ui.label(egui::RichText::new(parts.join("  →  ")).color(style::cross_colour(dark)));
    }
}

/// The steps as cards in order, with arrows for their links. Returns a clicked id.
fn pathway_cards(ui: &mut Ui, plan: &Plan, lang: Lang, dark: bool) -> Option<String> {
    let mut clicked = None;
    egui::ScrollArea::horizontal()
        .id_salt("pathway")
        .show(ui, |ui| {
            let mut rects: Vec<Rect> = Vec::with_capacity(plan.steps.len());
            ui.horizontal_top(|ui| {
                ui.spacing_mut().item_spacing.x = CARD_GAP;
                for st in &plan.steps {
                    let r = card(ui, st, lang, dark);
                    if r.clicked() {
                        clicked = Some(st.programme_id.clone());
                    }
                    rects.push(r.rect);
                }
            });
            ui.add_space(26.0);
            arrows(ui, plan, &rects, lang, dark);
        });
    clicked
}

fn card(ui: &mut Ui, st: &Step, lang: Lang, dark: bool) -> egui::Response {
    let colour = style::ministry_colour(&st.ministry, dark);
    let frame = egui::Frame::new()
        .stroke(Stroke::new(2.0, colour))
        .corner_radius(6.0)
        .inner_margin(egui::Margin::same(8))
        .fill(ui.visuals().extreme_bg_color);
    let inner = frame.show(ui, |ui| {
        ui.set_width(CARD_WIDTH);
        ui.set_min_height(118.0);
        ui.vertical(|ui| card_body(ui, st, lang, dark, colour));
    });
    inner
        .response
        .interact(egui::Sense::click())
        .on_hover_cursor(egui::CursorIcon::PointingHand)
}

fn card_body(ui: &mut Ui, st: &Step, lang: Lang, dark: bool, colour: Color32) {
    {
        if st.tags.iter().any(|t| t == "bizinfo") {
            ui.label(
                egui::RichText::new(format!("[{}]", s::FEED_MARK.get(lang)))
                    .small()
                    .color(style::unknown_colour(dark)),
            );
        }
        ui.label(
            egui::RichText::new(format!(
                "{} · {}",
                ministry_short(&st.ministry, lang),
                st.category.label(lang)
            ))
            .color(colour)
            .small()
            .strong(),
        );
        ui.add(
            egui::Label::new(style::bold(
                format!("{} {}", circled(st.order), st.name.get(lang)),
                14.0,
            ))
            .wrap(),
        );
        ui.add(egui::Label::new(egui::RichText::new(&st.agency).small()).truncate());
        let window = window_label(st.window).get(lang);
        ui.label(egui::RichText::new(format!("{} ~ {}", st.start, st.end)).strong());
        ui.label(egui::RichText::new(window).small().color(match st.window {
            WindowState::Confirmed | WindowState::Rolling => style::pass_colour(dark),
            _ => style::unknown_colour(dark),
        }));
        let amount = money(st.support.max_krw, lang);
        ui.label(
            egui::RichText::new(amount).color(if st.support.max_krw.is_some() {
                ui.visuals().text_color()
            } else {
                style::unknown_colour(dark)
            }),
        );
        let (badge, c) = match st.eligibility {
            Eligibility::Eligible => (s::ELIGIBLE_BADGE, style::pass_colour(dark)),
            _ => (s::VERIFY_BADGE, style::unknown_colour(dark)),
        };
        ui.label(egui::RichText::new(badge.get(lang)).small().color(c));
    }
}

fn arrows(ui: &mut Ui, plan: &Plan, rects: &[Rect], lang: Lang, dark: bool) {
    let painter = ui.painter();
    let font = egui::FontId::proportional(11.0);
    let mut lane = 0.0f32;
    for (k, st) in plan.steps.iter().enumerate() {
        for l in st.links.iter().filter(|l| l.in_plan) {
            let Some(j) = plan
                .steps
                .iter()
                .position(|x| x.programme_id == l.programme_id)
            else {
                continue;
            };
            let (a, b) = (rects[k], rects[j]);
            let cross = l.cross_ministry;
            let colour = if cross {
                style::cross_colour(dark)
            } else {
                ui.visuals().weak_text_color()
            };
            let stroke = Stroke::new(if cross { 3.0 } else { 1.5 }, colour);
            let label = if cross {
                format!("★ {}", l.kind.label().get(lang))
            } else {
                l.kind.label().get(lang).to_string()
            };
            if j == k + 1 {
                let from = Pos2::new(a.right() + 4.0, a.center().y);
                let to = Pos2::new(b.left() - 4.0, b.center().y);
                painter.arrow(from, to - from, stroke);
                painter.text(
                    Pos2::new((from.x + to.x) / 2.0, from.y - 6.0),
                    egui::Align2::CENTER_BOTTOM,
                    label,
                    font.clone(),
                    colour,
                );
            } else {
                // Links that skip cards run below the row, each in its own lane.
                lane += 8.0;
                let y = a.bottom().max(b.bottom()) + 6.0 + lane.min(20.0);
                let (x0, x1) = (a.center().x, b.center().x);
                let points = vec![
                    Pos2::new(x0, a.bottom()),
                    Pos2::new(x0, y),
                    Pos2::new(x1, y),
                ];
                painter.add(egui::Shape::line(points, stroke));
                painter.arrow(Pos2::new(x1, y), Vec2::new(0.0, b.bottom() - y), stroke);
                painter.text(
                    Pos2::new((x0 + x1) / 2.0, y + 2.0),
                    egui::Align2::CENTER_TOP,
                    label,
                    font.clone(),
                    colour,
                );
            }
        }
    }
}

fn legend(ui: &mut Ui, lang: Lang, dark: bool) {
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(format!("{}:", s::LEGEND.get(lang))).small());
        for (code, name) in [
            ("MSS", crate::codes::ministry_label("MSS", lang)),
            ("MOTIE", crate::codes::ministry_label("MOTIE", lang)),
            ("OTHER", s::LEGEND_OTHER.get(lang).to_string()),
        ] {
            ui.label(egui::RichText::new("■").color(style::ministry_colour(code, dark)));
            ui.label(egui::RichText::new(name).small());
        }
        ui.label(egui::RichText::new("━★").color(style::cross_colour(dark)));
        ui.label(egui::RichText::new(s::LEGEND_CROSS.get(lang)).small());
    });
}

/// A month grid with one bar per step, coloured by ministry.
fn timeline(ui: &mut Ui, plan: &Plan, lang: Lang, dark: bool) {
    let first = plan.as_of;
    let last = plan.steps.iter().map(|st| st.end).max().unwrap_or(first);
    let months = (last.months_since(first) + 1).clamp(1, 120) as usize;
    let row_h = 18.0;
    let label_w = 200.0;
    let width = ui.available_width().max(label_w + 200.0);
    let height = 22.0 + row_h * plan.steps.len() as f32;
    ui.label(egui::RichText::new(s::TIMELINE.get(lang)).strong());
    let (rect, _) = ui.allocate_exact_size(Vec2::new(width, height), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let col_w = (width - label_w) / months as f32;
    let x_of = |m: YearMonth| rect.left() + label_w + m.months_since(first) as f32 * col_w;
    let grid = ui.visuals().weak_text_color().gamma_multiply(0.4);
    let font = egui::FontId::proportional(10.0);
    for k in 0..months {
        let m = first.plus_months(k as i64);
        let x = x_of(m);
        painter.line_segment(
            [Pos2::new(x, rect.top() + 14.0), Pos2::new(x, rect.bottom())],
            Stroke::new(if m.month == 1 { 1.0 } else { 0.5 }, grid),
        );
        if m.month == 1 || k == 0 {
            painter.text(
                Pos2::new(x + 2.0, rect.top()),
                egui::Align2::LEFT_TOP,
                m.to_string(),
                font.clone(),
                ui.visuals().text_color(),
            );
        }
    }
    for (k, st) in plan.steps.iter().enumerate() {
        let y = rect.top() + 20.0 + k as f32 * row_h;
        let name: String = st.name.get(lang).chars().take(22).collect();
        painter.text(
            Pos2::new(rect.left(), y + 2.0),
            egui::Align2::LEFT_TOP,
            format!("{} {name}", circled(st.order)),
            font.clone(),
            ui.visuals().text_color(),
        );
        let x0 = x_of(st.start);
        let x1 = x_of(st.end) + col_w;
        let colour = style::ministry_colour(&st.ministry, dark);
        let bar = Rect::from_min_max(
            Pos2::new(x0, y + 2.0),
            Pos2::new(x1.max(x0 + 4.0), y + row_h - 3.0),
        );
        let fill = if st.window == WindowState::Confirmed || st.window == WindowState::Rolling {
            colour
        } else {
            colour.gamma_multiply(0.55)
        };
        painter.rect_filled(bar, 3.0, fill);
    }
}

/// Everything about one programme, for this firm. Returns a linked programme clicked.
fn detail(
    ui: &mut Ui,
    p: &Programme,
    plan: &Plan,
    cat: &Catalogue,
    profile: &crate::profile::FirmProfile,
    lang: Lang,
    dark: bool,
) -> Option<String> {
    let mut clicked = None;
    let colour = style::ministry_colour(&p.ministry, dark);
    ui.label(
        egui::RichText::new(format!(
            "{} · {}",
            crate::codes::ministry_label(&p.ministry, lang),
            p.category.label(lang)
        ))
        .color(colour)
        .strong(),
    );
    ui.label(style::bold(p.name.get(lang), 17.0));
    if lang == Lang::En {
        ui.label(egui::RichText::new(&p.name.ko).weak());
    }
    ui.label(format!("{}: {}", s::DETAIL_AGENCY.get(lang), p.agency));
    let step = plan.step(&p.id);
    let also = plan.also_eligible.iter().find(|a| a.programme_id == p.id);
    let not = plan.not_eligible.iter().find(|n| n.programme_id == p.id);
    let (badge, c) = if plan.received.contains(&p.id) {
        (s::RECEIVED_BADGE, style::pass_colour(dark))
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
    ui.label(egui::RichText::new(s::DETAIL_SUMMARY.get(lang)).strong());
    ui.label(p.summary.get(lang));
    if let Some(st) = step {
        ui.add_space(6.0);
        ui.label(egui::RichText::new(s::WHY_STEP.get(lang)).strong());
        for w in &st.why {
            ui.label(format!("• {}", w.get(lang)));
        }
        ui.label(format!(
            "{} ~ {} · {}",
            st.start,
            st.end,
            window_label(st.window).get(lang)
        ));
        if st.end_assumed {
            ui.label(egui::RichText::new(s::END_ASSUMED.get(lang)).small().weak());
        }
        if !st.after.is_empty() {
            let names: Vec<&str> = st
                .after
                .iter()
                .filter_map(|id| cat.get(id))
                .map(|q| q.name.get(lang))
                .collect();
            ui.label(format!("{}: {}", s::WAITS_FOR.get(lang), names.join(", ")));
        }
    }
    if let Some(n) = not {
        ui.add_space(6.0);
        ui.label(egui::RichText::new(s::UNLOCK.get(lang)).strong());
        if n.unlock.is_empty() {
            ui.label(s::UNLOCK_NONE.get(lang));
        }
        for u in &n.unlock {
            ui.label(format!("• {}", u.text().get(lang)));
        }
    }
    if let Some(a) = also {
        ui.add_space(6.0);
        ui.label(egui::RichText::new(s::NOT_CHOSEN.get(lang)).strong());
        ui.label(a.why_not_chosen.get(lang));
    }
    ui.add_space(6.0);
    ui.label(egui::RichText::new(s::CONDITIONS.get(lang)).strong());
    // This firm's outcome on every criterion (the plan keeps only failing ones for
    // refused programmes, so evaluate afresh: cheap, one programme).
    let facts = FirmFacts::new(profile, plan.as_of);
    for r in evaluate_programme(p, &facts) {
        let (icon, colour) = outcome_icon(r.outcome, dark);
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new(icon).color(colour).strong());
            ui.add(egui::Label::new(r.text().get(lang)).wrap());
        });
    }
    if p.criteria.is_empty() {
        ui.label(egui::RichText::new("—").weak());
    }
    ui.add_space(6.0);
    ui.label(egui::RichText::new(s::DETAIL_SUPPORT.get(lang)).strong());
    ui.label(format!(
        "{} · {}",
        p.support.kind.label().get(lang),
        money(p.support.max_krw, lang)
    ));
    if let Some(pct) = p.support.self_share_pct {
        ui.label(format!("{} {pct}%", s::SELF_SHARE.get(lang)));
    }
    if let Some(n) = &p.support.note {
        ui.label(egui::RichText::new(n.get(lang)).small());
    }
    ui.add_space(6.0);
    ui.label(egui::RichText::new(s::DETAIL_WINDOW.get(lang)).strong());
    let status = match p.windows.status {
        WindowStatus::Confirmed => s::WINDOW_CONFIRMED,
        WindowStatus::Forecast => s::WINDOW_FORECAST,
        WindowStatus::Rolling => s::WINDOW_ROLLING,
        WindowStatus::Tba => s::WINDOW_TO_VERIFY,
    };
    let months: Vec<String> = p
        .windows
        .months
        .iter()
        .map(|&m| month_name(m, lang))
        .collect();
    let year = p
        .windows
        .year
        .map(|y| format!(" ({y})"))
        .unwrap_or_default();
    ui.label(format!(
        "{}{} {}",
        status.get(lang),
        year,
        months.join(", ")
    ));
    if let Some(n) = &p.windows.note {
        ui.label(egui::RichText::new(n.get(lang)).small());
    }
    if let Some(d) = p.duration_months {
        ui.label(format!(
            "{}: {d} {}",
            s::DURATION.get(lang),
            s::MONTHS_UNIT.get(lang)
        ));
    }
    let linked: Vec<(String, LinkKind, String, bool)> = p
        .links
        .iter()
        .map(|l| (l.to.clone(), l.kind, l.source.clone(), true))
        .chain(
            cat.position(&p.id)
                .into_iter()
                .flat_map(|i| cat.incoming[i].iter())
                .map(|&(j, kind)| {
                    let q = &cat.programmes[j];
                    let src = q
                        .links
                        .iter()
                        .find(|l| l.to == p.id && l.kind == kind)
                        .map(|l| l.source.clone())
                        .unwrap_or_default();
                    (q.id.clone(), kind, src, false)
                }),
        )
        .collect();
    if !linked.is_empty() {
        ui.add_space(6.0);
        ui.label(egui::RichText::new(s::DETAIL_LINKS.get(lang)).strong());
        for (id, kind, source, outgoing) in linked {
            let Some(q) = cat.get(&id) else { continue };
            let arrow = if outgoing { "→" } else { "←" };
            ui.horizontal_wrapped(|ui| {
                ui.label(format!("{arrow} {}", kind.label().get(lang)));
                if ui
                    .link(format!(
                        "{} ({})",
                        q.name.get(lang),
                        ministry_short(&q.ministry, lang)
                    ))
                    .clicked()
                {
                    clicked = Some(q.id.clone());
                }
            });
            ui.label(egui::RichText::new(source).small().weak());
        }
    }
    ui.add_space(6.0);
    ui.label(egui::RichText::new(s::DETAIL_SOURCE.get(lang)).strong());
    let pv = &p.provenance;
    ui.label(format!(
        "{} · {} {} · {}",
        pv.date,
        s::CONFIDENCE.get(lang),
        pv.confidence.label().get(lang),
        pv.research_ref.clone().unwrap_or_default()
    ));
    if is_web_url(&pv.url) {
        ui.hyperlink_to(s::OPEN_SOURCE.get(lang), &pv.url)
            .on_hover_text(&pv.url);
    } else {
        ui.label(format!("{} {}", pv.url, s::NOT_WEB_URL.get(lang)));
    }
    if let Some(n) = &pv.note {
        ui.label(egui::RichText::new(n).small().weak());
    }
    clicked
}
