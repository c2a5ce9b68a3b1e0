//! The catalogue browser: search in Korean and English, filters, a sortable table
//! that draws only the rows in view.

use super::{Command, GachiApp, i18n as s};
use crate::catalogue::Programme;
use crate::codes::Goal;
use crate::facts::ministry_short;
use crate::matcher::Eligibility;
use crate::text::{Lang, krw_in};
use eframe::egui::{self, Ui};
use egui_extras::Column;

/// The table's sort column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    /// The catalogue's own order.
    #[default]
    Catalogue,
    /// Programme name.
    Name,
    /// Ministry.
    Ministry,
    /// Category.
    Category,
    /// Largest amount.
    Support,
    /// First application month.
    Window,
    /// Eligible first, then to verify, then not eligible.
    Status,
    /// Date of the source.
    SourceDate,
}

/// What the cached rows depend on: query, filters, sort, catalogue hash, language.
type RowsKey = (
    String,
    Option<String>,
    Option<Goal>,
    Option<String>,
    SortBy,
    bool,
    String,
    Lang,
);

/// The table's filters and sort, and the rows they leave (cached).
#[derive(Debug, Clone, Default)]
pub struct BrowserState {
    pub query: String,
    pub ministry: Option<String>,
    pub category: Option<Goal>,
    pub tag: Option<String>,
    pub sort: SortBy,
    pub descending: bool,
    /// Rows shown, cached until the filters, sort or catalogue change.
    rows: Vec<usize>,
    key: Option<RowsKey>,
}

fn matches(p: &Programme, q: &str) -> bool {
    q.is_empty()
        || p.name.ko.contains(q)
        || p.name.en.to_lowercase().contains(q)
        || p.agency.contains(q)
        || p.agency_en
            .as_deref()
            .is_some_and(|a| a.to_lowercase().contains(q))
        || p.id.contains(q)
        || p.summary.ko.contains(q)
        || p.summary.en.to_lowercase().contains(q)
}

/// Draws the catalogue table, with the chosen programme's details beside it.
pub fn show(ui: &mut Ui, app: &mut GachiApp, cmds: &mut Vec<Command>) {
    let lang = app.state.lang;
    // The details open beside the table, in place (not on the pathway screen).
    if let (Some(plan), Some(p)) = (
        app.cached_plan(),
        app.rt
            .selected
            .as_deref()
            .and_then(|id| app.rt.catalogue.get(id)),
    ) {
        egui::Panel::right("browser_detail")
            .resizable(true)
            .default_size(380.0)
            .size_range(280.0..=700.0)
            .show(ui, |ui| {
                super::results::detail::show(ui, app, plan, p, cmds);
            });
    }
    let plan = app.rt.plan.as_ref().map(|c| &c.plan);
    let b = &mut app.rt.browser;
    let cat = &app.rt.catalogue;
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(s::SEARCH.get(lang));
        ui.add(
            egui::TextEdit::singleline(&mut b.query)
                .hint_text(s::SEARCH.get(lang))
                .desired_width(220.0),
        )
        .labelled_by(l.id);
        let l = ui.label(s::COL_MINISTRY.get(lang));
        egui::ComboBox::from_id_salt("filter_ministry")
            .selected_text(
                b.ministry
                    .clone()
                    .map(|m| ministry_short(&m, lang))
                    .unwrap_or_else(|| s::ALL.get(lang).to_string()),
            )
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut b.ministry, None, s::ALL.get(lang));
                for m in cat.ministries() {
                    ui.selectable_value(
                        &mut b.ministry,
                        Some(m.to_string()),
                        ministry_short(m, lang),
                    );
                }
            })
            .response
            .labelled_by(l.id);
        let l = ui.label(s::COL_CATEGORY.get(lang));
        egui::ComboBox::from_id_salt("filter_category")
            .selected_text(
                b.category
                    .map(|c| c.label(lang).to_string())
                    .unwrap_or_else(|| s::ALL.get(lang).to_string()),
            )
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut b.category, None, s::ALL.get(lang));
                for g in Goal::ALL {
                    ui.selectable_value(&mut b.category, Some(*g), g.label(lang));
                }
            })
            .response
            .labelled_by(l.id);
        let l = ui.label(s::FILTER_TAG.get(lang));
        let mut tags: Vec<&str> = cat
            .programmes
            .iter()
            .flat_map(|p| p.tags.iter().map(String::as_str))
            .collect();
        tags.sort_unstable();
        tags.dedup();
        egui::ComboBox::from_id_salt("filter_tag")
            .selected_text(
                b.tag
                    .clone()
                    .unwrap_or_else(|| s::ALL.get(lang).to_string()),
            )
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut b.tag, None, s::ALL.get(lang));
                for t in tags {
                    ui.selectable_value(&mut b.tag, Some(t.to_string()), t);
                }
            })
            .response
            .labelled_by(l.id);
    });
    let status_of = |id: &str| -> Option<Eligibility> {
        let plan = plan?;
        if let Some(st) = plan.step(id) {
            return Some(st.eligibility);
        }
        if let Some(a) = plan.also_eligible.iter().find(|a| a.programme_id == id) {
            return Some(a.eligibility);
        }
        plan.not_eligible
            .iter()
            .any(|n| n.programme_id == id)
            .then_some(Eligibility::NotEligible)
    };
    let rank = |id: &str| match status_of(id) {
        Some(Eligibility::Eligible) => 0,
        Some(Eligibility::Verify) => 1,
        Some(Eligibility::NotEligible) => 3,
        None => 2,
    };
    let key = (
        b.query.to_lowercase(),
        b.ministry.clone(),
        b.category,
        b.tag.clone(),
        b.sort,
        b.descending,
        cat.sha256.clone(),
        lang,
    );
    if b.key.as_ref() != Some(&key) {
        let q = key.0.trim().to_string();
        let mut rows: Vec<usize> = (0..cat.programmes.len())
            .filter(|&i| {
                let p = &cat.programmes[i];
                matches(p, &q)
                    && b.ministry.as_ref().is_none_or(|m| &p.ministry == m)
                    && b.category.is_none_or(|c| p.category == c)
                    && b.tag.as_ref().is_none_or(|t| p.has_tag(t))
            })
            .collect();
        match b.sort {
            SortBy::Catalogue => {}
            SortBy::Name => rows.sort_by(|&x, &y| {
                cat.programmes[x]
                    .name
                    .get(lang)
                    .cmp(cat.programmes[y].name.get(lang))
            }),
            SortBy::Ministry => {
                rows.sort_by(|&x, &y| cat.programmes[x].ministry.cmp(&cat.programmes[y].ministry))
            }
            SortBy::Category => rows.sort_by_key(|&x| cat.programmes[x].category),
            SortBy::Support => rows.sort_by_key(|&x| cat.programmes[x].support.max_krw),
            // Unknown windows last.
            SortBy::Window => rows.sort_by_key(|&x| {
                cat.programmes[x]
                    .windows
                    .months
                    .first()
                    .copied()
                    .unwrap_or(13)
            }),
            SortBy::Status => rows.sort_by_key(|&x| rank(&cat.programmes[x].id)),
            // Freshness: newest call first decides, then the source's date.
            SortBy::SourceDate => rows.sort_by(|&x, &y| {
                let key = |i: usize| {
                    let p = &cat.programmes[i];
                    (p.windows.latest_call(), p.provenance.date.clone())
                };
                key(x).cmp(&key(y))
            }),
        }
        if b.descending {
            rows.reverse();
        }
        b.rows = rows;
        b.key = Some(key);
    }
    ui.label(format!("{} {}", b.rows.len(), s::SHOWN.get(lang)));
    // Freshness is judged at this month in Korea (the browser has no plan month).
    let month_now = crate::files::current_month();
    let mut open = None;
    let row_h = 24.0;
    let app_selected = &app.rt.selected;
    let sorts = [
        SortBy::Name,
        SortBy::Ministry,
        SortBy::Category,
        SortBy::Catalogue,
        SortBy::Support,
        SortBy::Window,
        SortBy::SourceDate,
        SortBy::Status,
    ];
    let cols = [
        s::COL_NAME,
        s::COL_MINISTRY,
        s::COL_CATEGORY,
        s::COL_AGENCY,
        s::COL_SUPPORT,
        s::COL_WINDOW,
        s::COL_SOURCE_DATE,
        s::COL_STATUS,
    ];
    let rows = &b.rows;
    let mut resort = None;
    // Shares of the window's width, so every column is on screen from 1024 px up
    // (fixed widths ran past the right edge at 1024×700); each can still be dragged.
    let w = ui.available_width();
    egui_extras::TableBuilder::new(ui)
        .id_salt("catalogue_table")
        .striped(true)
        .resizable(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(w * 0.22).at_least(150.0).clip(true))
        .column(Column::initial(w * 0.05).at_least(45.0))
        .column(Column::initial(w * 0.09).at_least(60.0).clip(true))
        .column(Column::initial(w * 0.12).at_least(70.0).clip(true))
        .column(Column::initial(w * 0.09).at_least(70.0).clip(true))
        .column(Column::initial(w * 0.08).at_least(60.0).clip(true))
        .column(Column::initial(w * 0.13).at_least(80.0).clip(true))
        .column(Column::remainder().at_least(80.0))
        .min_scrolled_height(0.0)
        .header(row_h, |mut header| {
            for (c, sort) in cols.iter().zip(sorts) {
                header.col(|ui| {
                    let arrow = if b.sort == sort && sort != SortBy::Catalogue {
                        if b.descending { " ▼" } else { " ▲" }
                    } else {
                        ""
                    };
                    let text = egui::RichText::new(format!("{}{arrow}", c.get(lang))).strong();
                    if sort == SortBy::Catalogue {
                        ui.label(text);
                    } else if ui.add(egui::Button::new(text).frame(false)).clicked() {
                        resort = Some(sort);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(row_h, rows.len(), |mut row| {
                let p = &cat.programmes[rows[row.index()]];
                row.col(|ui| {
                    let name = if crate::bizinfo::is_feed_programme(p) {
                        format!("[{}] {}", s::FEED_MARK.get(lang), p.name.get(lang))
                    } else {
                        p.name.get(lang).to_string()
                    };
                    let chosen = app_selected.as_deref() == Some(p.id.as_str());
                    if ui
                        .add(egui::Button::selectable(chosen, name).truncate())
                        .on_hover_text(p.summary.get(lang))
                        .clicked()
                    {
                        open = Some(p.id.clone());
                    }
                });
                row.col(|ui| {
                    ui.label(ministry_short(&p.ministry, lang));
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(p.category.label(lang)).truncate());
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(p.agency_in(lang)).truncate());
                });
                row.col(|ui| {
                    let amount = match (p.support.max_krw, lang) {
                        (Some(w), _) => krw_in(w, lang),
                        (None, _) => s::TO_VERIFY_AMOUNT.get(lang).to_string(),
                    };
                    ui.label(amount);
                });
                row.col(|ui| {
                    let months: Vec<String> = p
                        .windows
                        .months
                        .iter()
                        .map(|&m| super::results::month_name(m, lang))
                        .collect();
                    let window = if months.is_empty() {
                        s::WINDOW_TO_VERIFY.get(lang).to_string()
                    } else {
                        months.join("·")
                    };
                    ui.add(egui::Label::new(window).truncate())
                        .on_hover_text(s::WINDOW_YEARLESS.get(lang));
                });
                row.col(|ui| {
                    // How fresh the facts are: checked, newest call, outdated mark.
                    let pv = &p.provenance;
                    let fresh = crate::matcher::freshness(p, month_now);
                    // Compact in the column, newest call first; the whole label on hover.
                    let call = fresh
                        .latest_call
                        .map_or_else(|| "—".to_string(), |m| m.to_string());
                    let checked = fresh
                        .checked
                        .as_deref()
                        .and_then(|d| d.get(..7))
                        .unwrap_or("—");
                    let compact = match lang {
                        crate::text::Lang::Ko => format!("공고 {call} · 점검 {checked}"),
                        crate::text::Lang::En => format!("call {call} · checked {checked}"),
                    };
                    let text = egui::RichText::new(compact);
                    let text = if fresh.outdated {
                        text.color(super::style::unknown_colour(ui.visuals().dark_mode))
                    } else {
                        text
                    };
                    ui.add(egui::Label::new(text).truncate())
                        .on_hover_text(format!(
                            "{}\n{} {} · {} {}",
                            fresh.label().get(lang),
                            s::DETAIL_SOURCE.get(lang),
                            pv.date,
                            s::CONFIDENCE.get(lang),
                            pv.confidence.label().get(lang)
                        ));
                });
                row.col(|ui| {
                    let status = match status_of(&p.id) {
                        Some(Eligibility::Eligible) => s::ELIGIBLE_BADGE.get(lang),
                        Some(Eligibility::Verify) => s::VERIFY_BADGE.get(lang),
                        Some(Eligibility::NotEligible) => s::NOT_BADGE.get(lang),
                        None => s::RECEIVED_BADGE.get(lang),
                    };
                    ui.label(status);
                });
            });
        });
    if let Some(sort) = resort {
        if b.sort == sort {
            b.descending = !b.descending;
        } else {
            b.sort = sort;
            b.descending = false;
        }
    }
    if let Some(id) = open {
        cmds.push(Command::Select(id));
    }
}
