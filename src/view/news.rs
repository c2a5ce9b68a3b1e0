//! 새 소식: after notices were imported or fetched in this session, what changed for
//! each client (`crate::review` against the catalogue in use before): new
//! programmes, calls opening within 60 days or closing within 14, changed amounts or
//! rules. Shown on the clients screen, with a badge on each client it concerns.

use super::{Command, GachiApp, style};
use crate::catalogue::Catalogue;
use crate::month::YearMonth;
use crate::review::{
    CatalogueName, ClientReview, REVIEW_FORMAT, Review, review_client, review_text,
};
use crate::strings as s;
use crate::text::Lang;
use eframe::egui::{self, Ui};
use std::path::PathBuf;

/// What the reviews were made from: the two catalogues, the month and the client
/// files (with their modification times), so they are made again only on change.
type Key = (
    String,
    String,
    YearMonth,
    Vec<(PathBuf, std::time::SystemTime)>,
);

/// The clients screen's news: the reviews of the listed clients, cached.
#[derive(Default)]
pub struct NewsState {
    cache: Option<(Key, Vec<(PathBuf, ClientReview)>)>,
}

impl NewsState {
    /// The reviews with something in them, made again only when the catalogues, the
    /// month or a client file changed. `None` when there is no earlier catalogue to
    /// compare with (nothing was imported or fetched in this session).
    fn reviews(
        &mut self,
        clients: &[crate::workspace::Client],
        new: &Catalogue,
        old: Option<&Catalogue>,
        as_of: YearMonth,
    ) -> Option<&[(PathBuf, ClientReview)]> {
        let old = old?;
        let key: Key = (
            new.sha256.clone(),
            old.sha256.clone(),
            as_of,
            clients
                .iter()
                .map(|c| (c.path.clone(), c.modified))
                .collect(),
        );
        if self.cache.as_ref().is_none_or(|(k, _)| *k != key) {
            let reviews = clients
                .iter()
                .filter_map(|c| {
                    let profile = crate::files::load_profile(&c.path, as_of).ok()?;
                    let file = c
                        .path
                        .file_name()
                        .map(|f| f.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    let r = review_client(&file, &profile, new, Some(old), as_of);
                    (!r.is_empty()).then(|| (c.path.clone(), r))
                })
                .collect();
            self.cache = Some((key, reviews));
        }
        self.cache.as_ref().map(|(_, r)| r.as_slice())
    }
}

/// How many items a client's review holds (the badge).
pub fn count(r: &ClientReview) -> usize {
    r.new.len() + r.opening.len() + r.closing.len() + r.changed.len()
}

/// The 새 소식 section: one line per client with news (open it, or unfold what
/// changed), or nothing when no notices were imported in this session. Returns
/// each client's badge count (path, items), empty when there is no news.
pub fn show(ui: &mut Ui, app: &mut GachiApp, cmds: &mut Vec<Command>) -> Vec<(PathBuf, usize)> {
    let lang = app.state.lang;
    let dark = app.state.dark;
    let rt = &mut app.rt;
    let Some(list) = rt.clients.list.as_deref() else {
        return Vec::new();
    };
    let (as_of, since) = (
        rt.as_of,
        rt.previous_catalogue.as_ref().map(CatalogueName::of),
    );
    let catalogue = CatalogueName::of(&rt.catalogue);
    let Some(reviews) = rt
        .news
        .reviews(list, &rt.catalogue, rt.previous_catalogue.as_ref(), as_of)
    else {
        return Vec::new();
    };
    let badges = reviews.iter().map(|(p, r)| (p.clone(), count(r))).collect();
    let title = format!("{} ({})", s::NEWS.get(lang), reviews.len());
    egui::CollapsingHeader::new(style::bold(title, 15.0))
        .id_salt("news")
        .default_open(true)
        .show(ui, |ui| {
            if reviews.is_empty() {
                ui.label(s::NEWS_NONE.get(lang));
            }
            // At most 40% of the screen, so the client list keeps its room at 1024×700
            // (trial 2026-11: the list shrank to one row under the news).
            let max = (ui.available_height() * 0.4).max(80.0);
            egui::ScrollArea::vertical()
                .id_salt("news_list")
                .max_height(max)
                .show(ui, |ui| {
                    for (path, r) in reviews {
                        ui.horizontal_wrapped(|ui| {
                            ui.label(style::bold(&r.name, 14.0));
                            ui.label(
                                egui::RichText::new(summary(r, lang))
                                    .color(style::cross_colour(dark)),
                            );
                            if ui.button(s::NEWS_OPEN.get(lang)).clicked() {
                                cmds.push(Command::OpenClient(path.clone()));
                            }
                        });
                        let one = Review {
                            format: REVIEW_FORMAT,
                            as_of,
                            catalogue: catalogue.clone(),
                            since: since.clone(),
                            clients: vec![r.clone()],
                            skipped: Vec::new(),
                        };
                        // The command line's text for this client, without its header line.
                        let text = review_text(&one, lang);
                        let body: String = text.lines().skip(1).collect::<Vec<_>>().join("\n");
                        egui::CollapsingHeader::new(s::NEWS_DETAILS.get(lang))
                            .id_salt(("news", path))
                            .show(ui, |ui| {
                                ui.add(egui::Label::new(body.trim()).wrap());
                            });
                    }
                });
        });
    ui.separator();
    badges
}

/// "새 사업 2 · 곧 열림 1 · 곧 마감 0 · 바뀐 조건 1" without the zeros.
fn summary(r: &ClientReview, lang: Lang) -> String {
    [
        (r.new.len(), s::NEWS_NEW),
        (r.opening.len(), s::NEWS_OPENING),
        (r.closing.len(), s::NEWS_CLOSING),
        (r.changed.len(), s::NEWS_CHANGED),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, label)| format!("{} {n}", label.get(lang)))
    .collect::<Vec<_>>()
    .join(" · ")
}
