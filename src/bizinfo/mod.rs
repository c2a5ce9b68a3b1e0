//! Importing notices from the bizinfo (기업마당) open API into a catalogue.
//!
//! The user downloads the API's JSON with their own key (`dataType=json`); Gachi
//! never fetches. Each notice becomes a programme whose eligibility is all to
//! verify, or, when it is the current call of a curated programme, is attached to
//! that programme (its `feed` and `windows.current`). See docs/bizinfo.md.

mod clean;
mod dates;
mod feed;
mod map;

pub use clean::html_to_text;
pub use dates::{Date, Period, dates_in, parse_period};
pub use feed::{BIZINFO_HOME, Feed, Notice, programme_id, read_feed};
pub use map::{
    SOURCE, agency, category, ministry_code, programme as feed_programme, region_of,
    regions_and_tags,
};

use crate::catalogue::{Catalogue, Programme, WindowStatus, parse_catalogue};
use crate::cli::Outcome;
use crate::files::{self, FileError, printable};
use crate::json_read::Problem;
use crate::month::YearMonth;
use crate::text::{Lang, Text};
use std::collections::HashMap;
use std::fmt;
use std::path::Path;

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

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::NotAnObject { found } => {
                write!(f, "not a notice: expected an object, found {found}")
            }
            SkipReason::MissingId => write!(f, "missing pblancId (the notice id)"),
            SkipReason::BadId => write!(
                f,
                "pblancId cannot make a catalogue id (no letter or digit, or too long)"
            ),
            SkipReason::MissingTitle => write!(f, "missing pblancNm (the notice title)"),
            SkipReason::Duplicate { first } => {
                write!(f, "duplicate of jsonArray[{first}] (same pblancId)")
            }
            SkipReason::IdTaken { id } => write!(
                f,
                "the base catalogue already has a curated programme with id \"{id}\""
            ),
        }
    }
}

/// One item of the feed that was not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Position in `jsonArray`, from 0.
    pub index: usize,
    pub notice_id: Option<String>,
    pub reason: SkipReason,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "jsonArray[{}]", self.index)?;
        if let Some(id) = &self.notice_id {
            write!(f, " ({})", printable(id))?;
        }
        write!(f, ": {}", self.reason)
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
    /// Items in `jsonArray`.
    pub items: usize,
    /// Ids of the programmes added (or replaced, when the base already had them
    /// from an earlier import) as feed programmes, in feed order.
    pub imported: Vec<String>,
    /// Notices attached to curated programmes.
    pub merged: Vec<Merged>,
    /// Items not imported, with the reason.
    pub skipped: Vec<Skipped>,
    /// Other things worth knowing: dropped addresses, replaced programmes, a second
    /// notice for an already matched programme.
    pub notes: Vec<String>,
}

impl ImportReport {
    /// A short summary for people: counts, then one line per merge, skip and note.
    pub fn lines(&self) -> Vec<String> {
        let mut out = vec![format!(
            "{} notices read: {} imported as feed programmes, {} attached to curated programmes, {} skipped",
            self.items,
            self.imported.len(),
            self.merged.len(),
            self.skipped.len()
        )];
        for m in &self.merged {
            out.push(format!(
                "  merged {} → {}{}",
                printable(&m.notice_id),
                m.programme_id,
                if m.dated { " (current call dated)" } else { "" }
            ));
        }
        for s in &self.skipped {
            out.push(format!("  skipped {s}"));
        }
        for n in &self.notes {
            out.push(format!("  note: {}", printable(n)));
        }
        out
    }
}

/// Reads the bizinfo API's JSON (`{"jsonArray": […]}`) into notices, in feed order,
/// each `pblancId` once. A document that is not such an answer is an error; items
/// that cannot be used are left out (`read_feed` says which and why).
pub fn parse_feed(bytes: &[u8]) -> Result<Vec<Notice>, Vec<Problem>> {
    read_feed(bytes).map(|f| f.notices)
}

/// Whether a programme came from a bizinfo import (rather than being curated).
pub fn is_feed_programme(p: &Programme) -> bool {
    p.id.starts_with("bizinfo-") && p.feed.as_ref().is_some_and(|f| f.source == SOURCE)
}

/// The name forms the merge rule looks for in a notice title: the whole curated
/// Korean name and its part before " (", " / " or " · ", as `clean::key`s.
fn name_forms(name: &str) -> Vec<String> {
    let mut forms = vec![clean::key(name)];
    for sep in [" (", " / ", " · "] {
        if let Some((head, _)) = name.split_once(sep) {
            forms.push(clean::key(head));
        }
    }
    forms.retain(|f| f.chars().count() >= 4);
    forms.dedup();
    forms
}

/// Share of the name's Hangul bigrams that appear in the title.
fn bigram_overlap(name: &str, title: &str) -> f64 {
    let a = clean::hangul_bigrams(name);
    if a.len() < 4 {
        return 0.0;
    }
    let b = clean::hangul_bigrams(title);
    a.intersection(&b).count() as f64 / a.len() as f64
}

/// How strongly a title names a curated programme: 2 when a name form is contained
/// in it, the bigram overlap (≥ 0.8) of the part before " (" otherwise, 0 if neither.
fn name_score(curated_name: &str, title: &str) -> f64 {
    let t = clean::key(title);
    if name_forms(curated_name)
        .iter()
        .any(|f| t.contains(f.as_str()))
    {
        return 2.0;
    }
    let head = curated_name.split(" (").next().unwrap_or(curated_name);
    let overlap = bigram_overlap(head, title);
    if overlap >= MIN_OVERLAP { overlap } else { 0.0 }
}

/// Hangul-bigram overlap from which a title counts as naming a curated programme.
pub const MIN_OVERLAP: f64 = 0.8;

/// The curated programme a notice is the current call of, if any: same agency
/// (`excInsttNm` or `jrsdInsttNm` against any agency the programme lists, spaces and
/// brackets ignored) and a matching name (`name_score`). The best score wins; on a
/// tie, the first in the catalogue.
pub fn curated_match(cat: &Catalogue, n: &Notice) -> Option<usize> {
    let mut notice_keys = std::collections::HashSet::new();
    for a in [&n.executor, &n.jurisdiction].into_iter().flatten() {
        notice_keys.extend(clean::agency_keys(a));
    }
    if notice_keys.is_empty() {
        return None;
    }
    let mut best: Option<(usize, f64)> = None;
    for (i, p) in cat.programmes.iter().enumerate() {
        if is_feed_programme(p) {
            continue;
        }
        if clean::agency_keys(&p.agency).is_disjoint(&notice_keys) {
            continue;
        }
        let score = name_score(&p.name.ko, &n.title);
        if score > 0.0 && best.is_none_or(|(_, b)| score > b) {
            best = Some((i, score));
        }
    }
    best.map(|(i, _)| i)
}

/// The marker before the sentence an import adds to the catalogue notice.
const NOTICE_MARK: &str = " [bizinfo] ";

fn merged_header(base: &Catalogue, as_of: YearMonth, count: usize) -> (String, String, Text) {
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
            "{}{NOTICE_MARK}기업마당 공고 {count}건을 {as_of} 기준으로 가져왔습니다. 공고에서 가져온 사업의 자격 요건은 모두 공고문에서 확인해야 합니다.",
            strip(&base.notice.ko)
        ),
        format!(
            "{}{NOTICE_MARK}{count} bizinfo notices imported as of {as_of}. Every condition of a programme taken from a notice is to be verified in the notice.",
            strip(&base.notice.en)
        ),
    );
    (id, version, notice)
}

/// The catalogue as its file format (pretty JSON), as `gachi check-catalogue` reads it.
pub fn catalogue_json(cat: &Catalogue) -> Result<String, String> {
    serde_json::to_string_pretty(cat).map_err(|e| format!("cannot write the catalogue: {e}"))
}

/// Merges a feed into a copy of `base` and returns it with the report and the JSON
/// it was read back from.
fn import_json(
    base: &Catalogue,
    feed_bytes: &[u8],
    as_of: YearMonth,
) -> Result<(Catalogue, ImportReport, String), Vec<Problem>> {
    let feed = read_feed(feed_bytes)?;
    let mut report = ImportReport {
        items: feed.items,
        skipped: feed.skipped,
        ..ImportReport::default()
    };
    let mut cat = base.clone();
    // Which notice becomes the current call of each matched curated programme: a
    // dated one before an undated one, then the first in the feed.
    let matches: Vec<Option<usize>> = feed
        .notices
        .iter()
        .map(|n| curated_match(base, n))
        .collect();
    let mut winner: HashMap<usize, usize> = HashMap::new();
    for (k, m) in matches.iter().enumerate() {
        let Some(c) = *m else { continue };
        let better = match winner.get(&c) {
            None => true,
            Some(&w) => feed.notices[k].period.is_dated() && !feed.notices[w].period.is_dated(),
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
        if let Some(c) = matches[k] {
            if winner.get(&c) == Some(&k) {
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
                added += 1;
                continue;
            }
            if let Some(w) = winner.get(&c).map(|&w| &feed.notices[w]) {
                report.notes.push(format!(
                    "{} also matches {}, which took {}; added as its own programme",
                    n.id, base.programmes[c].id, w.id
                ));
            }
        }
        let p = map::programme(n, as_of);
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
    let (id, version, notice) = merged_header(base, as_of, added);
    cat.id = id;
    cat.version = version;
    cat.as_of = as_of;
    cat.notice = notice;
    cat.rebuild_index();
    // The result is what a file would hold: written, then read back and checked.
    let json = catalogue_json(&cat).map_err(|message| {
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

/// Merges the notices of a bizinfo API file into a copy of `base`: curated
/// programmes keep their rules and gain the notice that is their current call; the
/// other notices are added as feed programmes (eligibility to verify). The result
/// is named "<base id>+bizinfo", version "<base version>+bizinfo-<as_of>", and has
/// been written to the file format and read back with `parse_catalogue`.
/// Errors only when the file is not a bizinfo answer.
pub fn import(
    base: &Catalogue,
    feed_bytes: &[u8],
    as_of: YearMonth,
) -> Result<(Catalogue, ImportReport), Vec<Problem>> {
    import_json(base, feed_bytes, as_of).map(|(c, r, _)| (c, r))
}

/// `gachi import-bizinfo FILE --out catalogue.json [--base data/catalogue.json]`:
/// merges FILE into the base catalogue (the built-in one without `--base`) as of
/// the current month, writes the result atomically and prints the report.
pub fn run_import_cli(file: &Path, out: &Path, base: Option<&Path>) -> Outcome {
    run_import_cli_in(file, out, base, Lang::En)
}

/// [`run_import_cli`] with problems in `lang` (the import report stays English).
pub fn run_import_cli_in(file: &Path, out: &Path, base: Option<&Path>, lang: Lang) -> Outcome {
    let mut problems = Vec::new();
    let bytes = files::read_capped(file)
        .map_err(|e| problems.extend(e.lines_in(lang)))
        .ok();
    let base_cat = match base {
        Some(path) => files::load_catalogue(path)
            .map_err(|e| problems.extend(e.lines_in(lang)))
            .ok(),
        None => match crate::cli::builtin_catalogue_in(lang) {
            Ok(c) => Some(c),
            Err(msg) => return Outcome::Failed(msg),
        },
    };
    let (Some(bytes), Some(base_cat)) = (bytes, base_cat) else {
        return Outcome::BadInput(problems);
    };
    let as_of = files::current_month();
    let (cat, report, json) = match import_json(&base_cat, &bytes, as_of) {
        Ok(r) => r,
        Err(problems) => {
            return Outcome::BadInput(
                FileError {
                    path: file.to_path_buf(),
                    problems,
                }
                .lines_in(lang),
            );
        }
    };
    if let Err(e) = files::write_atomic(out, json.as_bytes()) {
        return Outcome::Failed(e.text(lang));
    }
    let name = printable(&file.display().to_string());
    for (k, l) in report.lines().iter().enumerate() {
        if k == 0 {
            println!("{name}: {l}");
        } else {
            println!("{l}");
        }
    }
    println!(
        "wrote {}: catalogue {} {} (as of {}): {} programmes",
        printable(&out.display().to_string()),
        cat.id,
        cat.version,
        cat.as_of,
        cat.programmes.len()
    );
    Outcome::Ok
}
