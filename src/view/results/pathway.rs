//! The steps as cards in order, coloured by ministry, with arrows for their links.
//! The chosen programme's card is outlined and scrolled into view.

use super::super::{i18n as s, style};
use super::{circled, money, window_colour};
use crate::facts::ministry_short;
use crate::matcher::Eligibility;
use crate::plan::{Plan, Step};
use crate::text::Lang;
use eframe::egui::{self, Color32, Pos2, Rect, Stroke, Ui, Vec2};

const CARD_WIDTH: f32 = 230.0;
const CARD_GAP: f32 = 64.0;

/// Draws the cards; returns a clicked programme. `scroll_to` brings that card into
/// view (a programme chosen in a list or the timeline).
pub fn cards(
    ui: &mut Ui,
    plan: &Plan,
    lang: Lang,
    dark: bool,
    selected: Option<&str>,
    scroll_to: Option<&str>,
) -> Option<String> {
    let mut clicked = None;
    egui::ScrollArea::horizontal()
        .id_salt("pathway")
        // A scrollbar that is always there says that more steps lie to the right.
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
        .show(ui, |ui| {
            let mut rects: Vec<Rect> = Vec::with_capacity(plan.steps.len());
            ui.horizontal_top(|ui| {
                ui.spacing_mut().item_spacing.x = CARD_GAP;
                for st in &plan.steps {
                    let chosen = selected == Some(st.programme_id.as_str());
                    let r = card(ui, st, lang, dark, chosen);
                    if r.clicked() {
                        clicked = Some(st.programme_id.clone());
                    }
                    if scroll_to == Some(st.programme_id.as_str()) {
                        r.scroll_to_me(Some(egui::Align::Center));
                    }
                    rects.push(r.rect);
                }
            });
            ui.add_space(30.0);
            arrows(ui, plan, &rects, lang, dark);
        });
    clicked
}

fn card(ui: &mut Ui, st: &Step, lang: Lang, dark: bool, chosen: bool) -> egui::Response {
    let colour = style::ministry_colour(&st.ministry, dark);
    let frame = egui::Frame::new()
        .stroke(Stroke::new(if chosen { 4.0 } else { 2.0 }, colour))
        .corner_radius(6.0)
        .inner_margin(egui::Margin::same(8))
        .fill(if chosen {
            colour.gamma_multiply(0.12)
        } else {
            ui.visuals().extreme_bg_color
        });
    let inner = frame.show(ui, |ui| {
        ui.set_width(CARD_WIDTH);
        ui.set_min_height(150.0);
        ui.vertical(|ui| card_body(ui, st, lang, dark, colour));
    });
    inner
        .response
        .interact(egui::Sense::click())
        .on_hover_cursor(egui::CursorIcon::PointingHand)
}

fn card_body(ui: &mut Ui, st: &Step, lang: Lang, dark: bool, colour: Color32) {
    if st.tags.iter().any(|t| t == "bizinfo") {
        ui.label(
            egui::RichText::new(format!("[{}]", s::FEED_MARK.get(lang)))
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
        .strong(),
    );
    ui.add(
        egui::Label::new(style::bold(
            format!("{} {}", circled(st.order), st.name.get(lang)),
            14.0,
        ))
        .wrap(),
    );
    ui.add(
        egui::Label::new(egui::RichText::new(st.agency_in(lang)).color(style::weak_text(dark)))
            .truncate(),
    );
    // Two labelled lines, so an assumed project period is never read as the
    // application window: "신청 2026-11 (예상)" / "사업 기간 2026-11 ~ 2027-04 (가정)".
    let apply = super::apply_text(st, lang);
    ui.label(
        egui::RichText::new(apply)
            .color(window_colour(st.window, dark))
            .strong(),
    );
    let assumed = if st.end_assumed {
        format!(" ({})", s::ASSUMED.get(lang))
    } else {
        String::new()
    };
    // A loan, guarantee, designation or event has no project period of its own:
    // "사업 기간 2027-01 – 2027-01 (가정)" said nothing (trial 2026-11).
    let no_period = st.end_assumed
        && matches!(
            st.support.kind.as_str(),
            "loan" | "guarantee" | "designation" | "event"
        );
    if !no_period {
        ui.label(format!(
            "{} {}{assumed}",
            super::period_word(st).get(lang),
            super::span(st, lang)
        ));
    }
    // Freshness where the decision is made: "확인 2026-11 · 최근 공고 2026-01", and the
    // outdated mark in the to-verify colour so it is never read as a plain step.
    let fresh = st.freshness.label();
    let mut fresh_text = fresh.get(lang).to_string();
    if st.open_now {
        fresh_text = format!("{} · {fresh_text}", s::OPEN_NOW.get(lang));
    }
    // The source's confidence when it is not a 2025–26 confirmation ("과거 자료").
    let confidence = crate::catalogue::Confidence::from_code(&st.confidence);
    if let Some(c) = confidence.filter(|c| *c != crate::catalogue::Confidence::Confirmed) {
        fresh_text = format!("{fresh_text} · {}", c.label().get(lang));
    }
    ui.add(
        egui::Label::new(
            egui::RichText::new(fresh_text).color(if st.freshness.outdated {
                style::unknown_colour(dark)
            } else {
                style::weak_text(dark)
            }),
        )
        .wrap(),
    );
    let amount = money(st.support.max_krw, lang);
    ui.label(
        egui::RichText::new(amount).color(if st.support.max_krw.is_some() {
            ui.visuals().text_color()
        } else {
            style::unknown_colour(dark)
        }),
    );
    // A programme the firm was selected for is past the eligibility question.
    if st.application.as_ref().map(|a| a.status) == Some(crate::codes::ApplicationStatus::Selected)
    {
        return;
    }
    let (badge, c) = match st.eligibility {
        Eligibility::Eligible => (s::ELIGIBLE_BADGE, style::pass_colour(dark)),
        _ => (s::VERIFY_BADGE, style::unknown_colour(dark)),
    };
    ui.label(egui::RichText::new(badge.get(lang)).color(c));
}

fn arrows(ui: &mut Ui, plan: &Plan, rects: &[Rect], lang: Lang, dark: bool) {
    let painter = ui.painter();
    let font = egui::FontId::proportional(12.0);
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
            let (Some(&a), Some(&b)) = (rects.get(k), rects.get(j)) else {
                continue;
            };
            let cross = l.cross_ministry;
            let colour = if cross {
                style::cross_colour(dark)
            } else {
                style::weak_text(dark)
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
                // Above the arrow with room for the head, so the two never overlap.
                painter.text(
                    Pos2::new((from.x + to.x) / 2.0, from.y - 10.0),
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

/// The colours' meaning.
pub fn legend(ui: &mut Ui, lang: Lang, dark: bool) {
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{}:", s::LEGEND.get(lang)));
        for (code, name) in [
            ("MSS", crate::facts::ministry_name("MSS", lang)),
            ("MOTIE", crate::facts::ministry_name("MOTIE", lang)),
            ("OTHER", s::LEGEND_OTHER.get(lang).to_string()),
        ] {
            ui.label(egui::RichText::new("■").color(style::ministry_colour(code, dark)));
            ui.label(name);
        }
        ui.label(egui::RichText::new("━★").color(style::cross_colour(dark)));
        ui.label(s::LEGEND_CROSS.get(lang));
    });
}
