//! Importing notices from open-data feeds into a catalogue: 기업마당 (bizinfo) JSON
//! (flat `jsonArray` list or the documented `jsonArray.item` object) and RSS 2.0,
//! and K-Startup (창업진흥원) announcements JSON. See docs/feeds.md.
//!
//! The user downloads the file with their own key; this module never fetches,
//! reads files or the clock (the command line and the app do, and pass the bytes
//! and the month). Each notice becomes a programme whose eligibility is to verify
//! except what the feed gives in machine-readable form, or, when it is a curated
//! programme's call, is attached to that programme (`merge.rs`).

mod clean;
mod dates;
pub mod detect;
mod feed;
pub mod glyphs;
pub mod kstartup;
mod map;
pub mod merge;
mod xml;

pub use clean::html_to_text;
pub use dates::{Date, Period, dates_in, parse_period};
pub use detect::{Form, Source};
pub use feed::{BIZINFO_HOME, Feed, Notice, programme_id, read_feed, source_programme_id};
pub use kstartup::KStartupFields;
pub use map::{
    KSTARTUP_HOME, SOURCE, agency, category, ministry_code, programme as feed_programme, region_of,
    regions_and_tags,
};
pub use merge::{
    Decision, MIN_OVERLAP, Outcome as MergeOutcome, Relation, curated_match, is_feed_programme,
    relate,
};

use crate::catalogue::{Catalogue, Link, LinkKind, WindowStatus, parse_catalogue};
use crate::json_read::Problem;
use crate::month::YearMonth;
use crate::text::printable;
use crate::text::{Lang, Text};
use std::collections::HashMap;
use std::fmt;

/// Why an item of the feed was not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// The item is not a JSON object (found: what it is).
    NotAnObject { found: String },
    /// No `pblancId`, or a blank one.
    MissingId,
    /// A `pblancId` with no letter or digit to make an id of, or longer than 112.
    BadId,
    /// No `pblancNm`, or a blank one.
    MissingTitle,
    /// The same `pblancId` as an earlier item (its position in `jsonArray`).
    Duplicate { first: usize },
    /// A programme of the base catalogue that did not come from bizinfo has this id.
    IdTaken { id: String },
}

impl SkipReason {
    /// The reason in Korean and English, naming the fields of the feed it came from
    /// (`list` is where the items were, for a duplicate's first position).
    pub fn text(&self, source: Source, list: &str) -> Text {
        let (id, title) = match source {
            Source::Bizinfo => ("pblancId", "pblancNm"),
            Source::KStartup => ("pbanc_sn", "biz_pbanc_nm"),
        };
        match self {
            SkipReason::NotAnObject { found } => Text::new(
                format!("공고가 아님: 객체여야 하는데 {found}입니다"),
                format!("not a notice: expected an object, found {found}"),
            ),
            SkipReason::MissingId => Text::new(
                format!("{id}(공고 번호)가 없음"),
                format!("missing {id} (the notice id)"),
            ),
            SkipReason::BadId => Text::new(
                format!("{id}로 카탈로그 id를 만들 수 없음 (글자·숫자가 없거나 너무 김)"),
                format!("{id} cannot make a catalogue id (no letter or digit, or too long)"),
            ),
            SkipReason::MissingTitle => Text::new(
                format!("{title}(공고 제목)이 없음"),
                format!("missing {title} (the notice title)"),
            ),
            SkipReason::Duplicate { first } => Text::new(
                format!("{list}[{first}]와 같은 {id}: 중복"),
                format!("duplicate of {list}[{first}] (same {id})"),
            ),
            SkipReason::IdTaken { id } => Text::new(
                format!("기본 카탈로그에 id가 \"{id}\"인 큐레이션 사업이 이미 있음"),
                format!("the base catalogue already has a curated programme with id \"{id}\""),
            ),
        }
    }
}

/// English, with bizinfo's field names in a `jsonArray` list.
impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Source::Bizinfo, "jsonArray").en)
    }
}

/// One item of the feed that was not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The feed it came from (for the field names in its reason).
    pub source: Source,
    /// Where the items were: `jsonArray`, `jsonArray.item`, `rss.channel.item`, `data`.
    pub list: String,
    /// Position in that list, from 0.
    pub index: usize,
    pub notice_id: Option<String>,
    pub reason: SkipReason,
}

impl Skipped {
    /// `jsonArray[7] (PBLN_…): missing pblancNm (the notice title)`, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let id = self
            .notice_id
            .as_ref()
            .map(|id| format!(" ({})", printable(id)))
            .unwrap_or_default();
        format!(
            "{}[{}]{id}: {}",
            self.list,
            self.index,
            self.reason.text(self.source, &self.list).get(lang)
        )
    }
}

/// English.
impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// A notice attached to a curated programme as its current call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub notice_id: String,
    pub programme_id: String,
    /// Whether the notice had a dated period (so `windows.current` was set).
    pub dated: bool,
}

/// What an import did with every item of the feed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportReport {
    /// The shape the file had (`None` only in a report built by hand).
    pub form: Option<Form>,
    /// Items in the feed's list.
    pub items: usize,
    /// Ids of the programmes added (or replaced, when the base already had them
    /// from an earlier import) as feed programmes, in feed order.
    pub imported: Vec<String>,
    /// Notices attached to curated programmes.
    pub merged: Vec<Merged>,
    /// Items not imported, with the reason.
    pub skipped: Vec<Skipped>,
    /// Each notice that names a curated programme: attached as its call, added as
    /// a linked sub-notice, or added because another notice was taken; with why.
    pub decisions: Vec<Decision>,
    /// Other things worth knowing: dropped addresses, replaced programmes, a second
    /// notice for an already matched programme (English).
    pub notes: Vec<String>,
}

impl ImportReport {
    /// A short summary for people, in English: counts, then one line per merge,
    /// skip, merge decision and note.
    pub fn lines(&self) -> Vec<String> {
        self.lines_in(Lang::En)
    }

    /// [`ImportReport::lines`] in `lang` (notes stay English).
    pub fn lines_in(&self, lang: Lang) -> Vec<String> {
        let form = self
            .form
            .map(|f| format!(" ({})", f.label().get(lang)))
            .unwrap_or_default();
        let mut out = vec![match lang {
            Lang::Ko => format!(
                "공고 {}건을 읽었습니다{form}: 새 사업 {}건, 기존 사업에 연결 {}건, 건너뜀 {}건",
                self.items,
                self.imported.len(),
                self.merged.len(),
                self.skipped.len()
            ),
            Lang::En => format!(
                "{} notices read: {} imported as feed programmes, {} attached to curated programmes, {} skipped{form}",
                self.items,
                self.imported.len(),
                self.merged.len(),
                self.skipped.len()
            ),
        }];
        for m in &self.merged {
            let dated = match (m.dated, lang) {
                (true, Lang::Ko) => " (현재 공고 기간 설정)",
                (true, Lang::En) => " (current call dated)",
                (false, _) => "",
            };
            let word = match lang {
                Lang::Ko => "연결",
                Lang::En => "merged",
            };
            out.push(format!(
                "  {word} {} → {}{dated}",
                printable(&m.notice_id),
                m.programme_id
            ));
        }
        for s in &self.skipped {
            let word = match lang {
                Lang::Ko => "건너뜀",
                Lang::En => "skipped",
            };
            out.push(format!("  {word} {}", s.text(lang)));
        }
        for d in &self.decisions {
            let word = match lang {
                Lang::Ko => "판단",
                Lang::En => "decision",
            };
            out.push(format!("  {word}: {}", d.text(lang)));
        }
        for n in &self.notes {
            let word = match lang {
                Lang::Ko => "참고",
                Lang::En => "note",
            };
            out.push(format!("  {word}: {}", printable(n)));
        }
        out
    }
}

/// Reads a feed file (any form `detect` knows) into notices, in feed order, each
/// notice id once. A document that is not a feed, or yields no notice, is an error;
/// items that cannot be used are left out (`read_feed` says which and why).
pub fn parse_feed(bytes: &[u8]) -> Result<Vec<Notice>, Vec<Problem>> {
    read_feed(bytes).map(|f| f.notices)
}

/// The marker before the sentence an import adds to the catalogue notice.
const NOTICE_MARK: &str = " [bizinfo] ";

fn merged_header(
    base: &Catalogue,
    as_of: YearMonth,
    count: usize,
    source: Source,
) -> (String, String, Text) {
    let id = if base.id.ends_with("+bizinfo") {
        base.id.clone()
    } else {
        format!("{}+bizinfo", base.id)
    };
    let version_base = base
        .version
        .split_once("+bizinfo-")
        .map_or(base.version.as_str(), |(v, _)| v);
    let version = format!("{version_base}+bizinfo-{as_of}");
    let strip = |s: &str| s.split(NOTICE_MARK).next().unwrap_or(s).to_string();
    let notice = Text::new(
        format!(
            "{}{NOTICE_MARK}{} 공고 {count}건을 {as_of} 기준으로 가져왔습니다. 공고에서 가져온 사업의 자격 요건은 모두 공고문에서 확인해야 합니다.",
            strip(&base.notice.ko),
            source.label().ko
        ),
        format!(
            "{}{NOTICE_MARK}{count} {} notices imported as of {as_of}. Every condition of a programme taken from a notice is to be verified in the notice.",
            strip(&base.notice.en),
            source.label().en
        ),
    );
    (id, version, notice)
}

/// The catalogue as its file format (pretty JSON), as `gachi check-catalogue` reads it.
pub fn catalogue_json(cat: &Catalogue) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(cat)
}

/// Merges a feed into a copy of `base` and returns it with the report and the JSON
/// it was read back from.
///
/// Each curated programme takes as its current call one notice that IS it
/// (`merge::Relation::Is`): a dated one before an undated one, then an umbrella
/// notice or one naming the whole programme, then the first in the file. A
/// sub-notice (the name only in brackets) never does: it is added as a feed
/// programme with a `complement` link to the programme.
pub fn import_json(
    base: &Catalogue,
    feed_bytes: &[u8],
    as_of: YearMonth,
) -> Result<(Catalogue, ImportReport, String), Vec<Problem>> {
    let feed = read_feed(feed_bytes)?;
    let source = feed.form.source();
    let mut report = ImportReport {
        form: Some(feed.form),
        items: feed.items,
        skipped: feed.skipped,
        ..ImportReport::default()
    };
    let mut cat = base.clone();
    let relations: Vec<Option<Relation>> = feed.notices.iter().map(|n| relate(base, n)).collect();
    // The winner for each curated programme, among the notices that are its call.
    let mut winner: HashMap<usize, usize> = HashMap::new();
    for (k, r) in relations.iter().enumerate() {
        let Some(r @ Relation::Is { programme: c, .. }) = *r else {
            continue;
        };
        let n = &feed.notices[k];
        let better = match winner.get(&c) {
            None => true,
            Some(&w) => {
                let (wn, wr) = (&feed.notices[w], relations[w].unwrap_or(r));
                (n.period.is_dated(), r.rank()) > (wn.period.is_dated(), wr.rank())
            }
        };
        if better {
            winner.insert(c, k);
        }
    }
    let mut added = 0usize;
    for (k, n) in feed.notices.iter().enumerate() {
        for note in &n.notes {
            report.notes.push(format!("{}: {note}", n.id));
        }
        let relation = relations[k];
        if let Some(r @ Relation::Is { programme: c, .. }) = relation
            && winner.get(&c) == Some(&k)
        {
            let p = &mut cat.programmes[c];
            p.feed = Some(map::feed_notice(n));
            if let Some(call) = map::call_period(n.period) {
                p.windows.current = Some(call);
                p.windows.status = WindowStatus::Confirmed;
            }
            report.merged.push(Merged {
                notice_id: n.id.clone(),
                programme_id: p.id.clone(),
                dated: n.period.is_dated(),
            });
            report.decisions.push(Decision {
                notice_id: n.id.clone(),
                programme_id: p.id.clone(),
                outcome: merge::Outcome::Current,
                reason: merge::why_is(r, n),
            });
            added += 1;
            continue;
        }
        let mut p = map::programme(n, as_of);
        match relation {
            Some(r @ Relation::Is { programme: c, .. }) => {
                if let Some(&w) = winner.get(&c) {
                    let wn = &feed.notices[w];
                    let cid = &base.programmes[c].id;
                    report.notes.push(format!(
                        "{} also matches {cid}, which took {}; added as its own programme",
                        n.id, wn.id
                    ));
                    report.decisions.push(Decision {
                        notice_id: n.id.clone(),
                        programme_id: cid.clone(),
                        outcome: merge::Outcome::NotChosen {
                            feed_id: p.id.clone(),
                            taken_by: wn.id.clone(),
                        },
                        reason: merge::why_not_chosen((wn, relations[w].unwrap_or(r)), (n, r)),
                    });
                }
            }
            Some(Relation::SubNotice { programme: c }) => {
                let cp = &base.programmes[c];
                let umbrella = n.umbrella.clone().unwrap_or_else(|| cp.name.ko.clone());
                p.links.push(Link {
                    to: cp.id.clone(),
                    kind: LinkKind::Complement,
                    source: p.provenance.url.clone(),
                    note: Some(Text::new(
                        format!("{umbrella}에 속한 세부 공고 (가져오기가 제목에서 판단)"),
                        format!("A sub-notice of {umbrella} (read from the title at import)"),
                    )),
                    period: None,
                    years: None,
                });
                report.decisions.push(Decision {
                    notice_id: n.id.clone(),
                    programme_id: cp.id.clone(),
                    outcome: merge::Outcome::SubNotice {
                        feed_id: p.id.clone(),
                    },
                    reason: merge::why_sub(n),
                });
            }
            None => {}
        }
        match cat.programmes.iter().position(|q| q.id == p.id) {
            Some(at) if is_feed_programme(&cat.programmes[at]) => {
                report.notes.push(format!(
                    "{}: replaces {} from an earlier import",
                    n.id, p.id
                ));
                report.imported.push(p.id.clone());
                cat.programmes[at] = p;
            }
            Some(_) => {
                report.skipped.push(Skipped {
                    source,
                    list: feed.list_path.clone(),
                    index: n.index,
                    notice_id: Some(n.id.clone()),
                    reason: SkipReason::IdTaken { id: p.id },
                });
                continue;
            }
            None => {
                report.imported.push(p.id.clone());
                cat.programmes.push(p);
            }
        }
        added += 1;
    }
    report.skipped.sort_by_key(|s| s.index);
    let (id, version, notice) = merged_header(base, as_of, added, source);
    cat.id = id;
    cat.version = version;
    cat.as_of = as_of;
    cat.notice = notice;
    cat.rebuild_index();
    // The result is what a file would hold: written, then read back and checked.
    let json = catalogue_json(&cat).map_err(|e| {
        let message = format!("cannot write the catalogue: {e}");
        vec![Problem::whole(Text::new(
            format!("합친 카탈로그를 쓸 수 없습니다: {message}"),
            message,
        ))]
    })?;
    let checked = parse_catalogue(json.as_bytes()).map_err(|probs| {
        probs
            .into_iter()
            .map(|p| {
                Problem::new(
                    p.path,
                    Text::new(
                        format!("합친 카탈로그를 다시 읽을 수 없습니다: {}", p.message.ko),
                        format!("the merged catalogue does not read back: {}", p.message.en),
                    ),
                )
            })
            .collect::<Vec<_>>()
    })?;
    Ok((checked, report, json))
}

/// Merges the notices of a feed file (bizinfo JSON or RSS, K-Startup JSON) into a
/// copy of `base`: curated programmes keep their rules and gain the notice that is
/// their current call; the other notices are added as feed programmes. The result
/// is named "<base id>+bizinfo", version "<base version>+bizinfo-<as_of>" (the
/// names of the first importer, kept for every feed), and has been written to the
/// file format and read back with `parse_catalogue`. Errors when the file is not a
/// feed, is an error answer, or yields no notice.
pub fn import(
    base: &Catalogue,
    feed_bytes: &[u8],
    as_of: YearMonth,
) -> Result<(Catalogue, ImportReport), Vec<Problem>> {
    import_json(base, feed_bytes, as_of).map(|(c, r, _)| (c, r))
}
