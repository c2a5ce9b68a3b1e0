//! The month timeline, drawn like the report's: a tick for every month, the year at
//! each January, a line for this month, the application month as a box (solid when
//! confirmed or rolling, dashed when forecast or unknown) and the project period as
//! a thinner bar (dashed when its length is assumed). Names are cut with "…" and
//! shown whole on hover; a click chooses the programme.

use super::super::{i18n as s, style};
use super::circled;
use crate::matcher::WindowState;
use crate::month::YearMonth;
use crate::plan::Plan;
use crate::text::Lang;
use eframe::egui::{self, Pos2, Rect, Stroke, Ui, Vec2};

const ROW_H: f32 = 24.0;
const HEAD_H: f32 = 34.0;

/// Draws the timeline; returns a clicked programme.
pub fn show(
    ui: &mut Ui,
    plan: &Plan,
    lang: Lang,
    dark: bool,
    selected: Option<&str>,
) -> Option<String> {
    if plan.steps.is_empty() {
        return None;
    }
    let first = plan.as_of;
    let last = plan.steps.iter().map(|st| st.end).max().unwrap_or(first);
    let months = (last.months_since(first) + 1).clamp(1, 120) as usize;
    let label_w = (ui.available_width() * 0.28).clamp(170.0, 320.0);
    let width = ui.available_width().max(label_w + 12.0 * months as f32);
    let height = HEAD_H + ROW_H * plan.steps.len() as f32 + 4.0;
    ui.add_space(6.0);
    ui.label(egui::RichText::new(s::TIMELINE.get(lang)).strong());
    let (rect, resp) = ui.allocate_exact_size(Vec2::new(width, height), egui::Sense::click());
    let painter = ui.painter_at(rect);
    let col_w = (width - label_w) / months as f32;
    let x_of = |m: YearMonth| rect.left() + label_w + m.months_since(first) as f32 * col_w;
    let text = ui.visuals().text_color();
    let weak = style::weak_text(dark);
    let grid = weak.gamma_multiply(0.35);
    let font = egui::FontId::proportional(12.0);
    for k in 0..months {
        let m = first.plus_months(k as i64);
        let x = x_of(m);
        let year_start = m.month == 1 || k == 0;
        painter.line_segment(
            [Pos2::new(x, rect.top() + 16.0), Pos2::new(x, rect.bottom())],
            Stroke::new(if year_start { 1.0 } else { 0.5 }, grid),
        );
        // The first column's year only when it has room before January's (trial
        // 2026-11: "2026" and "2027" overlapped at 1024 px).
        let room = if m.month == 1 {
            f32::INFINITY
        } else {
            f32::from(13 - m.month) * col_w
        };
        if year_start && room >= 40.0 {
            painter.text(
                Pos2::new(x + 2.0, rect.top()),
                egui::Align2::LEFT_TOP,
                format!("{}", m.year),
                font.clone(),
                text,
            );
        }
        // A month number under every tick that has room for it.
        if col_w >= 20.0 || m.month % 3 == 1 {
            painter.text(
                Pos2::new(x + col_w / 2.0, rect.top() + 17.0),
                egui::Align2::CENTER_TOP,
                format!("{}", m.month),
                font.clone(),
                weak,
            );
        }
    }
    // This month: the plan starts here.
    let today = x_of(first);
    painter.line_segment(
        [
            Pos2::new(today, rect.top() + 14.0),
            Pos2::new(today, rect.bottom()),
        ],
        Stroke::new(2.0, style::fail_colour(dark)),
    );
    painter.text(
        Pos2::new(today + 3.0, rect.bottom() - 2.0),
        egui::Align2::LEFT_BOTTOM,
        s::TODAY.get(lang),
        font.clone(),
        style::fail_colour(dark),
    );
    let mut clicked = None;
    for (k, st) in plan.steps.iter().enumerate() {
        let y = rect.top() + HEAD_H + k as f32 * ROW_H;
        let row = Rect::from_min_size(Pos2::new(rect.left(), y), Vec2::new(width, ROW_H));
        let chosen = selected == Some(st.programme_id.as_str());
        if chosen {
            painter.rect_filled(row, 2.0, ui.visuals().selection.bg_fill.gamma_multiply(0.5));
        }
        let full = match &st.application {
            Some(a) => format!(
                "{} {} [{}]",
                circled(st.order),
                st.name.get(lang),
                a.status.label(lang)
            ),
            None => format!("{} {}", circled(st.order), st.name.get(lang)),
        };
        let name = fit(&painter, &full, &font, label_w - 8.0);
        painter.text(
            Pos2::new(rect.left(), y + ROW_H / 2.0),
            egui::Align2::LEFT_CENTER,
            name,
            font.clone(),
            text,
        );
        let colour = style::ministry_colour(&st.ministry, dark);
        if st.window == WindowState::ToVerify {
            // No known window: no bar on a month that would be invented (trial
            // 2026-11: an unknown call drawn in this month), only the words.
            painter.text(
                Pos2::new(x_of(st.start), y + ROW_H / 2.0),
                egui::Align2::LEFT_CENTER,
                s::APPLY_UNKNOWN.get(lang),
                font.clone(),
                colour,
            );
            if resp.hover_pos().is_some_and(|p| row.contains(p)) {
                resp.clone()
                    .on_hover_text(format!("{full}\n{}", s::APPLY_UNKNOWN.get(lang)));
            }
            if resp.clicked() && resp.interact_pointer_pos().is_some_and(|p| row.contains(p)) {
                clicked = Some(st.programme_id.clone());
            }
            continue;
        }
        // The project period: a thin bar, dashed where its length is assumed.
        // A running project that started before the plan month is drawn from the
        // first month shown, never over the row's label.
        let (x0, x1) = (x_of(st.start.max(first)), x_of(st.end.max(first)) + col_w);
        let mid = y + ROW_H / 2.0;
        let period = Stroke::new(3.0, colour.gamma_multiply(0.7));
        if st.end_assumed {
            painter.extend(egui::Shape::dashed_line(
                &[Pos2::new(x0, mid), Pos2::new(x1, mid)],
                period,
                6.0,
                4.0,
            ));
        } else {
            painter.line_segment([Pos2::new(x0, mid), Pos2::new(x1, mid)], period);
        }
        // The application month: a box, solid only when sure.
        let apply = Rect::from_min_max(
            Pos2::new(x0, y + 4.0),
            Pos2::new((x0 + col_w).max(x0 + 8.0), y + ROW_H - 4.0),
        );
        if matches!(st.window, WindowState::Confirmed | WindowState::Rolling) {
            painter.rect_filled(apply, 2.0, colour);
        } else {
            painter.rect_filled(apply, 2.0, ui.visuals().extreme_bg_color);
            let c = apply.min;
            let d = apply.max;
            let outline = [
                Pos2::new(c.x, c.y),
                Pos2::new(d.x, c.y),
                Pos2::new(d.x, d.y),
                Pos2::new(c.x, d.y),
                Pos2::new(c.x, c.y),
            ];
            painter.extend(egui::Shape::dashed_line(
                &outline,
                Stroke::new(2.0, colour),
                4.0,
                3.0,
            ));
        }
        if resp.hover_pos().is_some_and(|p| row.contains(p)) {
            resp.clone().on_hover_text(format!(
                "{full}\n{} · {} {} ~ {}",
                super::apply_text(st, lang),
                s::CARD_PERIOD.get(lang),
                st.start,
                st.end
            ));
        }
        if resp.clicked() && resp.interact_pointer_pos().is_some_and(|p| row.contains(p)) {
            clicked = Some(st.programme_id.clone());
        }
    }
    // The key, so dashed and solid mean something.
    ui.label(egui::RichText::new(s::TIMELINE_KEY.get(lang)).color(weak));
    clicked
}

/// The text cut to fit `width`, with "…" when cut.
fn fit(painter: &egui::Painter, text: &str, font: &egui::FontId, width: f32) -> String {
    let measure = |t: &str| {
        painter
            .layout_no_wrap(t.to_string(), font.clone(), egui::Color32::WHITE)
            .size()
            .x
    };
    if measure(text) <= width {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut n = chars.len();
    while n > 1 {
        n -= 1;
        let cut: String = chars[..n].iter().collect::<String>() + "…";
        if measure(&cut) <= width {
            return cut;
        }
    }
    "…".to_string()
}
