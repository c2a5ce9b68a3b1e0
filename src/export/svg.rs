//! Inline SVG for the report: the pathway diagram (steps as boxes in order, links
//! as arcs) and the month timeline. Plain SVG 1.1 with no external references, so
//! it prints and renders offline.

use super::{APPLY_UNKNOWN, CROSS_GOLD, escape_html as esc, ministry_palette, step_name};
use crate::catalogue::LinkKind;
use crate::facts::ministry_short;
use crate::matcher::{Eligibility, WindowState};
use crate::month::YearMonth;
use crate::plan::Plan;
use crate::strings::*;
use crate::text::Lang;
use std::collections::HashMap;
use std::fmt::Write;

/// Width of both diagrams in SVG units (about the printable width of A4 at 96 dpi).
const W: f32 = 680.0;

// Pathway diagram geometry.
const BOX_X: f32 = 4.0;
const BOX_W: f32 = 404.0;
const BOX_H: f32 = 42.0;
const GAP: f32 = 12.0;
const TOP: f32 = 6.0;

// Timeline geometry.
const LABEL_W: f32 = 200.0;
const CHART_X: f32 = 206.0;
const CHART_W: f32 = W - CHART_X - 6.0;
const HEAD_H: f32 = 34.0;
const ROW_H: f32 = 20.0;
/// Longest span the timeline draws; later months are cut off with a mark.
const MAX_MONTHS: i64 = 120;

/// Roughly how wide a character is, in ems, in a sans-serif font: Hangul and other
/// wide characters take a full em, Latin letters about half.
fn char_em(c: char) -> f32 {
    if c.is_ascii() {
        match c {
            'i' | 'l' | 'j' | '.' | ',' | '\'' | '|' | '!' | ':' | ';' | ' ' | '(' | ')' | '['
            | ']' | 'f' | 't' | 'I' | 'r' => 0.32,
            'm' | 'w' | 'M' | 'W' => 0.85,
            'A'..='Z' => 0.66,
            _ => 0.55,
        }
    } else if is_wide(c) {
        1.0
    } else {
        0.6
    }
}

fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x11FF
        | 0x2460..=0x24FF
        | 0x2E80..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6)
}

/// Estimated width in px of `s` at `font_px`.
pub(crate) fn text_width(s: &str, font_px: f32) -> f32 {
    s.chars().map(char_em).sum::<f32>() * font_px
}

/// `s` cut to fit `max_px` at `font_px`, with "…" when cut.
pub(crate) fn fit(s: &str, max_px: f32, font_px: f32) -> String {
    if text_width(s, font_px) <= max_px {
        return s.to_string();
    }
    let budget = max_px - font_px * 1.0;
    let mut used = 0.0;
    let mut out = String::new();
    for c in s.chars() {
        used += char_em(c) * font_px;
        if used > budget {
            break;
        }
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

struct Arc {
    from: usize,
    to: usize,
    kind: LinkKind,
    cross: bool,
}

/// The in-plan links, each once, from the step that holds the link to its target.
fn arcs(plan: &Plan) -> Vec<Arc> {
    let index: HashMap<&str, usize> = plan
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| (s.programme_id.as_str(), i))
        .collect();
    let mut out: Vec<Arc> = Vec::new();
    for (i, s) in plan.steps.iter().enumerate() {
        for l in &s.links {
            let Some(&j) = index.get(l.programme_id.as_str()) else {
                continue;
            };
            if j == i
                || out
                    .iter()
                    .any(|a| a.from == i && a.to == j && a.kind == l.kind)
            {
                continue;
            }
            out.push(Arc {
                from: i,
                to: j,
                kind: l.kind,
                cross: s.ministry != plan.steps[j].ministry,
            });
        }
    }
    out
}

/// The label drawn on a link: its kind, with ★ when it joins two ministries.
pub(crate) fn link_label(kind: LinkKind, cross: bool, lang: Lang) -> String {
    let k = kind.label();
    if cross {
        format!("{} ★", k.get(lang))
    } else {
        k.get(lang).to_string()
    }
}

/// The small diagram drawn in place of either diagram when the plan has no step: its
/// title and "no steps", with the diagram's class (`pathway`, `timeline`) kept.
fn no_steps_svg(class: &str, title: &str, lang: Lang) -> String {
    format!(
        "<svg class=\"diagram {class}\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" \
         width=\"{W}\" height=\"40\" viewBox=\"0 0 {W} 40\"><title>{}</title>\
         <text x=\"8\" y=\"24\" font-size=\"13\" fill=\"#444\">{}</text></svg>",
        esc(title),
        esc(SVG_NO_STEPS.get(lang))
    )
}

fn box_y(i: usize) -> f32 {
    TOP + i as f32 * (BOX_H + GAP)
}

/// The pathway diagram: one box per step (class `step-box`), top to bottom in plan
/// order, coloured by ministry (MSS blue, MOTIE orange, others grey), with an arc for
/// every link between two steps, labelled by kind; links between ministries are gold
/// and marked ★. Dashed boxes are steps whose eligibility is still to verify.
pub fn pathway_svg(plan: &Plan, lang: Lang) -> String {
    let n = plan.steps.len();
    let title = PATHWAY_TITLE.get(lang);
    if n == 0 {
        return no_steps_svg("pathway", title, lang);
    }
    let height = box_y(n) - GAP + TOP;
    let mut svg = String::with_capacity(4096 + n * 1024);
    let _ = write!(
        svg,
        "<svg class=\"diagram pathway\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" \
         aria-label=\"{t}\" width=\"{W}\" height=\"{height:.0}\" viewBox=\"0 0 {W} {height:.0}\">\
         <title>{t}</title>\
         <defs>\
         <marker id=\"gachi-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" \
         markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker>\
         <marker id=\"gachi-arrow-cross\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" \
         markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{CROSS_GOLD}\"/></marker>\
         </defs>",
        t = esc(title)
    );

    // Boxes.
    for (i, s) in plan.steps.iter().enumerate() {
        let y = box_y(i);
        let pal = ministry_palette(&s.ministry);
        let name = step_name(s, lang);
        let dash = if s.eligibility == Eligibility::Verify {
            " stroke-dasharray=\"5 3\""
        } else {
            ""
        };
        // An unknown window has no month to print (trial 2026-11).
        let mut apply = match (s.window == WindowState::ToVerify, lang) {
            (true, Lang::Ko) => "신청 시기 미정".to_string(),
            (true, Lang::En) => "window unknown".to_string(),
            (false, Lang::Ko) => format!("{} {}", s.start, APPLY_IN.get(lang)),
            (false, Lang::En) => format!("{} {}", APPLY_IN.get(lang), s.start),
        };
        // The firm's own application: its status instead of, or before, the call.
        if let Some(a) = &s.application {
            apply = if a.status.is_running() {
                format!("{} {}", a.status.label(lang), s.start)
            } else {
                format!("[{}] {apply}", a.status.label(lang))
            };
        }
        let line2 = format!(
            "{} · {apply} · {}",
            ministry_short(&s.ministry, lang),
            s.agency_in(lang)
        );
        let _ = write!(
            svg,
            "<g class=\"step-box\" data-order=\"{order}\">\
             <title>{full}</title>\
             <rect x=\"{BOX_X}\" y=\"{y:.1}\" width=\"{BOX_W}\" height=\"{BOX_H}\" rx=\"6\" \
             fill=\"{tint}\" stroke=\"{solid}\" stroke-width=\"1.6\"{dash}/>\
             <circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"11\" fill=\"{solid}\"/>\
             <text x=\"{cx:.1}\" y=\"{ny:.1}\" font-size=\"12\" font-weight=\"700\" fill=\"#fff\" \
             text-anchor=\"middle\">{order}</text>\
             <text x=\"{tx:.1}\" y=\"{y1:.1}\" font-size=\"13\" font-weight=\"700\" fill=\"#111\">{name}</text>\
             <text x=\"{tx:.1}\" y=\"{y2:.1}\" font-size=\"11\" fill=\"#444\">{line2}</text>\
             </g>",
            order = s.order,
            full = esc(&format!("{}. {name} — {}", s.order, s.agency_in(lang))),
            tint = pal.tint,
            solid = pal.solid,
            cx = BOX_X + 22.0,
            cy = y + BOX_H / 2.0,
            ny = y + BOX_H / 2.0 + 4.2,
            tx = BOX_X + 42.0,
            y1 = y + 17.5,
            y2 = y + 33.5,
            name = esc(&fit(name, BOX_W - 50.0, 13.0)),
            line2 = esc(&fit(&line2, BOX_W - 50.0, 11.0)),
        );
    }

    // Arcs on the right of the boxes, labels drawn last so they sit on top.
    let x0 = BOX_X + BOX_W + 1.0;
    let mut labels = String::new();
    let mut seen: HashMap<(usize, usize), usize> = HashMap::new();
    for a in arcs(plan) {
        let (lo, hi) = (a.from.min(a.to), a.from.max(a.to));
        let dup = seen.entry((lo, hi)).or_insert(0);
        let span = (hi - lo) as f32;
        let label = link_label(a.kind, a.cross, lang);
        let label_w = text_width(&label, 11.0) + 10.0;
        let max_apex = W - 3.0 - label_w / 2.0;
        let cap = ((max_apex - x0) / 0.75).max(20.0);
        let bulge = (22.0 + 30.0 * span + 16.0 * *dup as f32).min(cap);
        *dup += 1;
        let ya = box_y(a.from) + BOX_H / 2.0;
        let yb = box_y(a.to) + BOX_H / 2.0;
        let (colour, width, marker) = if a.cross {
            (CROSS_GOLD, 2.4, "url(#gachi-arrow-cross)")
        } else {
            ("#666", 1.5, "url(#gachi-arrow)")
        };
        let (dash, marker_attr) = if a.kind == LinkKind::Complement {
            (" stroke-dasharray=\"5 4\"", String::new())
        } else {
            ("", format!(" marker-end=\"{marker}\""))
        };
        let _ = write!(
            svg,
            "<path class=\"link{cross_class}\" d=\"M{x0:.1},{ya:.1} C{cx:.1},{ya:.1} {cx:.1},{yb:.1} {x0:.1},{yb:.1}\" \
             fill=\"none\" stroke=\"{colour}\" stroke-width=\"{width}\"{dash}{marker_attr}/>",
            cross_class = if a.cross { " cross" } else { "" },
            cx = x0 + bulge,
        );
        let ax = x0 + 0.75 * bulge;
        let ay = (ya + yb) / 2.0;
        let _ = write!(
            labels,
            "<rect x=\"{rx:.1}\" y=\"{ry:.1}\" width=\"{label_w:.1}\" height=\"16\" rx=\"3\" fill=\"#fff\" \
             stroke=\"{colour}\" stroke-width=\"0.8\"/>\
             <text x=\"{ax:.1}\" y=\"{ty:.1}\" font-size=\"11\" fill=\"{tcolour}\" text-anchor=\"middle\"{bold}>{text}</text>",
            rx = ax - label_w / 2.0,
            ry = ay - 8.0,
            ty = ay + 4.0,
            tcolour = if a.cross { "#7a5a00" } else { "#333" },
            bold = if a.cross { " font-weight=\"700\"" } else { "" },
            text = esc(&label),
        );
    }
    svg.push_str(&labels);
    svg.push_str("</svg>");
    svg
}

/// The month timeline: one row per step, the application month as a solid cell and
/// the project period as a lighter bar (dashed when its length is assumed, the
/// application cell faded and dashed when the window is a forecast or to verify),
/// with a line at the plan month. A step whose window is unknown gets words, no bar.
pub fn timeline_svg(plan: &Plan, lang: Lang) -> String {
    let n = plan.steps.len();
    let title = TIMELINE.get(lang);
    if n == 0 {
        return no_steps_svg("timeline", title, lang);
    }
    let first = plan
        .steps
        .iter()
        .map(|s| s.start)
        .min()
        .unwrap_or(plan.as_of)
        .min(plan.as_of);
    let latest = plan
        .steps
        .iter()
        .map(|s| s.end.max(s.start))
        .max()
        .unwrap_or(first);
    let months = latest.months_since(first).clamp(5, MAX_MONTHS - 1) + 1;
    let last = first.plus_months(months - 1);
    let mw = CHART_W / months as f32;
    let x = |m: YearMonth| CHART_X + m.months_since(first) as f32 * mw;
    let rows_bottom = HEAD_H + n as f32 * ROW_H;
    let height = rows_bottom + 18.0;

    let mut svg = String::with_capacity(4096 + n * 768);
    let _ = write!(
        svg,
        "<svg class=\"diagram timeline\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" \
         aria-label=\"{t}\" width=\"{W}\" height=\"{height:.0}\" viewBox=\"0 0 {W} {height:.0}\">\
         <title>{t}</title>",
        t = esc(title)
    );
    // Row backgrounds.
    for i in 0..n {
        if i % 2 == 0 {
            let _ = write!(
                svg,
                "<rect x=\"0\" y=\"{:.1}\" width=\"{W}\" height=\"{ROW_H}\" fill=\"#f4f5f7\"/>",
                HEAD_H + i as f32 * ROW_H
            );
        }
    }
    // Month labels every 1, 3, 6 or 12 months depending on the space.
    let every: u8 = if mw >= 15.0 {
        1
    } else if mw >= 5.0 {
        3
    } else if mw >= 2.5 {
        6
    } else {
        12
    };
    for k in 0..months {
        let m = first.plus_months(k);
        let xm = x(m);
        if m.month == 1 && k > 0 {
            let _ = write!(
                svg,
                "<line x1=\"{xm:.1}\" y1=\"17\" x2=\"{xm:.1}\" y2=\"{rows_bottom:.1}\" stroke=\"#9aa0a6\" stroke-width=\"1\"/>"
            );
        }
        if m.month == 1 || k == 0 {
            // The first year's label ends at the next January line when the year
            // has too few months left to hold it.
            let room = f32::from(13 - m.month) * mw;
            let (tx, anchor) = if m.month != 1 && room < 34.0 {
                (xm + room - 3.0, "end")
            } else if xm + 34.0 > W {
                // A January at the right edge: the label ends at the edge.
                (W - 1.0, "end")
            } else {
                (xm + 2.0, "start")
            };
            let _ = write!(
                svg,
                "<text x=\"{tx:.1}\" y=\"13\" font-size=\"11\" font-weight=\"700\" fill=\"#333\" text-anchor=\"{anchor}\">{}</text>",
                m.year
            );
        }
        if (m.month - 1) % every == 0 {
            if m.month != 1 {
                let _ = write!(
                    svg,
                    "<line x1=\"{xm:.1}\" y1=\"{HEAD_H}\" x2=\"{xm:.1}\" y2=\"{rows_bottom:.1}\" stroke=\"#dde0e4\" stroke-width=\"0.8\"/>"
                );
            }
            let _ = write!(
                svg,
                "<text x=\"{:.1}\" y=\"28\" font-size=\"9.5\" fill=\"#666\" text-anchor=\"middle\">{}</text>",
                xm + mw / 2.0,
                m.month
            );
        }
    }
    // Rows.
    for (i, s) in plan.steps.iter().enumerate() {
        let y = HEAD_H + i as f32 * ROW_H;
        let pal = ministry_palette(&s.ministry);
        let label = match &s.application {
            Some(a) => format!(
                "{}. {} [{}]",
                s.order,
                step_name(s, lang),
                a.status.label(lang)
            ),
            None => format!("{}. {}", s.order, step_name(s, lang)),
        };
        let _ = write!(
            svg,
            "<g class=\"timeline-row\" data-order=\"{}\"><title>{}</title>\
             <text x=\"4\" y=\"{:.1}\" font-size=\"11\" fill=\"#222\">{}</text>",
            s.order,
            esc(&if s.window == WindowState::ToVerify {
                format!("{label}: {}", APPLY_UNKNOWN.get(lang))
            } else {
                format!("{label}: {} – {}", s.start, s.end)
            }),
            y + 14.0,
            esc(&fit(&label, LABEL_W - 8.0, 11.0)),
        );
        if s.window == WindowState::ToVerify {
            // No known window: words, not a bar on an invented month.
            let _ = write!(
                svg,
                "<text class=\"undated\" x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"{}\">{}</text>",
                LABEL_W + 2.0,
                y + 14.0,
                pal.solid,
                esc(APPLY_UNKNOWN.get(lang))
            );
        } else if s.start > last {
            let _ = write!(
                svg,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" fill=\"{}\" text-anchor=\"end\">→ {}</text>",
                W - 4.0,
                y + 14.0,
                pal.solid,
                s.start
            );
        } else {
            let end = s.end.max(s.start).min(last);
            let span_w = (end.months_since(s.start) + 1) as f32 * mw;
            let dash = if s.end_assumed {
                " stroke-dasharray=\"3 2\""
            } else {
                ""
            };
            let _ = write!(
                svg,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{span_w:.1}\" height=\"12\" rx=\"2\" fill=\"{}\" \
                 stroke=\"{}\" stroke-width=\"1\"{dash}/>",
                x(s.start),
                y + 4.0,
                pal.tint,
                pal.solid
            );
            let sure = matches!(s.window, WindowState::Confirmed | WindowState::Rolling);
            let _ = write!(
                svg,
                "<rect class=\"apply\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"12\" rx=\"2\" fill=\"{}\"{}/>",
                x(s.start),
                y + 4.0,
                mw.max(2.0),
                pal.solid,
                if sure {
                    String::new()
                } else {
                    " fill-opacity=\"0.55\" stroke=\"#222\" stroke-width=\"0.8\" stroke-dasharray=\"2 1.5\""
                        .to_string()
                }
            );
            if s.end > last {
                let _ = write!(
                    svg,
                    "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"{}\" text-anchor=\"end\">›</text>",
                    W - 1.0,
                    y + 14.0,
                    pal.solid
                );
            }
        }
        svg.push_str("</g>");
    }
    // The plan month.
    let xa = x(plan.as_of);
    let _ = write!(
        svg,
        "<line x1=\"{xa:.1}\" y1=\"{HEAD_H}\" x2=\"{xa:.1}\" y2=\"{rows_bottom:.1}\" stroke=\"#b03030\" \
         stroke-width=\"1.4\" stroke-dasharray=\"4 3\"/>\
         <text x=\"{tx:.1}\" y=\"{ty:.1}\" font-size=\"10\" fill=\"#b03030\" text-anchor=\"{anchor}\">▲ {} {}</text>",
        esc(SVG_AS_OF.get(lang)),
        plan.as_of,
        tx = if xa > W - 120.0 { xa + 4.0 } else { xa - 4.0 },
        ty = rows_bottom + 13.0,
        anchor = if xa > W - 120.0 { "end" } else { "start" },
    );
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_wide_text_with_an_ellipsis() {
        let s = "뿌리기업 자동화·지능화 지원 / 공정 디지털 전환 촉진 / BIZ 플랫폼";
        let f = fit(s, 150.0, 13.0);
        assert!(f.ends_with('…'), "{f}");
        assert!(text_width(&f, 13.0) <= 150.0 + 13.0);
        assert_eq!(fit("short", 150.0, 13.0), "short");
    }
}
