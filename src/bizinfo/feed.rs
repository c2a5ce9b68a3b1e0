//! Reading a feed file into notices: bizinfo's JSON (flat or documented shape) and
//! RSS, and K-Startup's JSON (`kstartup.rs` reads its items). `detect.rs` finds the
//! items; a broken document, or one that yields no notice, is an error; a broken
//! item is skipped with its reason.

use super::clean::{SUMMARY_CHARS, html_to_text, one_line, truncate_chars};
use super::dates::{Date, Period, first_date, parse_period};
use super::detect::{self, Document, Form, Source};
use super::kstartup::KStartupFields;
use super::{SkipReason, Skipped};
use crate::catalogue::is_web_url;
use crate::json_read::{Problem, type_name};
use crate::text::Text;
use crate::text::printable;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// Where a relative `pblancUrl` ("/web/lay1/…") points.
pub const BIZINFO_HOME: &str = "https://www.bizinfo.go.kr";
/// One-line fields (title, agency, target, period) are cut to this many characters.
pub(super) const LINE_CHARS: usize = 300;
/// Catalogue ids are at most 120 characters, the source's prefix included.
const MAX_ID_CHARS: usize = 120;

/// One notice of a feed, cleaned: text on one line (glyphs the fonts lack
/// replaced), the summary as plain text, dates read, URLs checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// The feed it came from.
    pub source: Source,
    /// Position in the feed's list of items, from 0.
    pub index: usize,
    /// The notice id as given (trimmed): `pblancId` (RSS `seq`), K-Startup `pbanc_sn`.
    pub id: String,
    /// The catalogue id: the source (`bizinfo-`, `kstartup-`) and the lower-cased
    /// notice id, only `[a-z0-9-_]`.
    pub programme_id: String,
    /// `pblancNm` (RSS `title`), K-Startup `biz_pbanc_nm`.
    pub title: String,
    /// `pblancUrl` (RSS `link`), K-Startup `detl_pg_url`, when it is an http(s)
    /// address (a path on bizinfo is completed).
    pub url: Option<String>,
    /// `jrsdInsttNm` (RSS `author`): the ministry or local government.
    pub jurisdiction: Option<String>,
    /// `excInsttNm`, K-Startup `pbanc_ntrp_nm`: the implementing agency.
    pub executor: Option<String>,
    /// `pldirSportRealmLclasCodeNm` (RSS `lcategory`): 금융, 기술, 인력, 수출, 내수,
    /// 창업, 경영, 기타; K-Startup `supt_biz_clsfc` (사업화, 기술개발(R&D), 융자, …).
    pub field: Option<String>,
    /// `pldirSportRealmMlsfcCodeNm`.
    pub subfield: Option<String>,
    /// `trgetNm`; K-Startup `aply_trgt_ctnt` (else `aply_trgt`).
    pub target: Option<String>,
    /// `reqstBeginEndDe` (RSS `reqstDt`) as written (one line), empty when absent;
    /// K-Startup "`pbanc_rcpt_bgng_dt` ~ `pbanc_rcpt_end_dt`" (YYYYMMDD).
    pub period_text: String,
    pub period: Period,
    /// `bsnsSumryCn` (RSS `description`), K-Startup `pbanc_ctnt`, as plain text, at
    /// most `SUMMARY_CHARS` characters.
    pub summary: Option<String>,
    /// `hashtags` (`hashTags`), split on commas, trimmed, without a leading `#`;
    /// K-Startup: the names in `supt_regin`.
    pub hashtags: Vec<String>,
    /// `rceptEngnHmpgUrl`, K-Startup `biz_aply_url`, when it is an http(s) address.
    pub apply_url: Option<String>,
    /// `creatPnttm` (RSS `pubDate`) and `updtPnttm`, the day only.
    pub created: Option<Date>,
    pub updated: Option<Date>,
    /// The umbrella programme the notice belongs to, when the feed says so apart
    /// from the title (K-Startup `intg_pbanc_biz_nm`). The merge reads it as it reads
    /// a bracketed umbrella name in a title.
    pub umbrella: Option<String>,
    /// K-Startup's structured fields (None for bizinfo).
    pub kstartup: Option<KStartupFields>,
    /// What was dropped or ignored in this item, one sentence each.
    pub notes: Vec<String>,
}

/// A read feed: its form, the usable notices, the skipped items and the item count.
#[derive(Debug, Clone, PartialEq)]
pub struct Feed {
    /// The shape the file had.
    pub form: Form,
    /// Where the items were (`jsonArray`, `jsonArray.item`, `rss.channel.item`, `data`).
    pub list_path: String,
    /// Items in the list.
    pub items: usize,
    pub notices: Vec<Notice>,
    pub skipped: Vec<Skipped>,
}

/// Whether an item looks like a notice of `source` (it has the id or title field).
fn looks_like_notice(v: &Value, source: Source) -> bool {
    let keys: &[&str] = match source {
        Source::Bizinfo => &["pblancId", "pblancNm", "seq"],
        Source::KStartup => &["pbanc_sn", "biz_pbanc_nm"],
    };
    v.as_object()
        .is_some_and(|o| keys.iter().any(|k| o.contains_key(*k)))
}

/// Notices below the items, up to three levels: the path of the first list (or
/// single object) of notices found and how many it holds.
fn find_deeper(v: &Value, path: &str, source: Source, depth: usize) -> Option<(String, usize)> {
    if depth == 0 {
        return None;
    }
    match v {
        Value::Array(list) => {
            let n = list.iter().filter(|x| looks_like_notice(x, source)).count();
            if n > 0 {
                return Some((path.to_string(), n));
            }
            list.iter()
                .enumerate()
                .find_map(|(i, x)| find_deeper(x, &format!("{path}[{i}]"), source, depth - 1))
        }
        Value::Object(o) => {
            if looks_like_notice(v, source) {
                return Some((path.to_string(), 1));
            }
            o.iter()
                .find_map(|(k, x)| find_deeper(x, &format!("{path}.{k}"), source, depth - 1))
        }
        _ => None,
    }
}

/// The refusal of a feed that yielded no notice: notices one level deeper (with
/// their path), an empty list, or items none of which could be read.
fn no_notice(doc: &Document, skipped: &[Skipped]) -> Vec<Problem> {
    let source = doc.form.source();
    let list = &doc.list_path;
    let deeper = doc.items.iter().enumerate().find_map(|(i, item)| {
        let Value::Object(o) = item else { return None };
        if looks_like_notice(item, source) {
            return None;
        }
        o.iter()
            .find_map(|(k, x)| find_deeper(x, &format!("{list}[{i}].{k}"), source, 3))
    });
    if let Some((found, count)) = deeper {
        return detect::deeper(list, &found, count);
    }
    let name = source.label();
    if doc.items.is_empty() {
        return vec![Problem::whole(Text::new(
            format!(
                "공고가 하나도 없습니다: \"{list}\"가 비어 있습니다. 검색 조건(해시태그·분야·지역)에 맞는 공고가 없거나 마지막 쪽 뒤를 요청했습니다. 조건과 쪽 번호를 확인하고 {} 응답을 다시 내려받으세요.",
                name.ko
            ),
            format!(
                "no notice: \"{list}\" is empty. Nothing matched the filters (hashtags, field, region), or the request asked for a page after the last one. Check them and download the {} answer again.",
                name.en
            ),
        ))];
    }
    let first = skipped
        .first()
        .map(|s| printable(&s.to_string()))
        .unwrap_or_default();
    vec![Problem::whole(Text::new(
        format!(
            "\"{list}\"의 항목 {}개 중 공고로 읽을 수 있는 것이 없습니다 (첫 번째 이유: {first}). {} 응답인지 확인하세요.",
            doc.items.len(),
            name.ko
        ),
        format!(
            "none of the {} items of \"{list}\" is a notice that can be read (first reason: {first}). Check that this is a {} answer.",
            doc.items.len(),
            name.en
        ),
    ))]
}

/// Reads the whole feed, whatever its form (`detect::read_document`). Errors for
/// the document (not a feed, an error answer, a wrong shape) and when it yields no
/// notice; items are read one by one, a broken one skipped with its reason.
pub fn read_feed(bytes: &[u8]) -> Result<Feed, Vec<Problem>> {
    let doc = detect::read_document(bytes)?;
    let source = doc.form.source();
    let mut notices = Vec::with_capacity(doc.items.len());
    let mut skipped = Vec::new();
    let mut first_at: HashMap<String, usize> = HashMap::new();
    for (index, item) in doc.items.iter().enumerate() {
        let read = match source {
            Source::Bizinfo => read_item(index, item, &doc.list_path),
            Source::KStartup => super::kstartup::read_item(index, item, &doc.list_path),
        };
        match read {
            Ok(n) => {
                if let Some(&first) = first_at.get(&n.programme_id) {
                    skipped.push(Skipped {
                        source,
                        list: doc.list_path.clone(),
                        index,
                        notice_id: Some(n.id),
                        reason: SkipReason::Duplicate { first },
                    });
                } else {
                    first_at.insert(n.programme_id.clone(), index);
                    notices.push(n);
                }
            }
            Err(s) => skipped.push(s),
        }
    }
    if notices.is_empty() {
        return Err(no_notice(&doc, &skipped));
    }
    Ok(Feed {
        form: doc.form,
        list_path: doc.list_path,
        items: doc.items.len(),
        notices,
        skipped,
    })
}

/// A scalar as text (numbers too: some clients see ids and counts as numbers).
fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        other => other.to_string(),
    }
}

/// A text field: absent, null, blank → `None`; a number or true/false as text; a
/// list or object is ignored with a note.
pub(super) fn field(
    map: &Map<String, Value>,
    key: &str,
    notes: &mut Vec<String>,
) -> Option<String> {
    match map.get(key)? {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        v @ (Value::Number(_) | Value::Bool(_)) => Some(value_text(v)),
        other => {
            notes.push(format!(
                "{key}: expected text, found {}; ignored",
                type_name(other)
            ));
            None
        }
    }
    .filter(|s| !s.trim().is_empty())
}

/// A field on one line, `None` when blank.
pub(super) fn line(map: &Map<String, Value>, key: &str, notes: &mut Vec<String>) -> Option<String> {
    field(map, key, notes)
        .map(|s| truncate_chars(&one_line(&s), LINE_CHARS))
        .filter(|s| !s.is_empty())
}

/// An address to keep: http(s) only; a path on bizinfo is completed when asked.
pub(super) fn web_url(
    map: &Map<String, Value>,
    key: &str,
    bizinfo_path: bool,
    notes: &mut Vec<String>,
) -> Option<String> {
    let raw = field(map, key, notes)?;
    let url = raw.trim();
    if is_web_url(url) {
        return Some(url.to_string());
    }
    if bizinfo_path && url.starts_with('/') && !url.starts_with("//") {
        let full = format!("{BIZINFO_HOME}{url}");
        if is_web_url(&full) {
            return Some(full);
        }
    }
    notes.push(format!(
        "{key} \"{}\" is not an http(s) address; dropped",
        printable(&truncate_chars(url, 80))
    ));
    None
}

/// `bizinfo-` and the id lower-cased, keeping only `[a-z0-9-_]`.
pub fn programme_id(notice_id: &str) -> String {
    source_programme_id(Source::Bizinfo, notice_id)
}

/// The source's prefix (`bizinfo-`, `kstartup-`) and the id lower-cased, keeping
/// only `[a-z0-9-_]`.
pub fn source_programme_id(source: Source, notice_id: &str) -> String {
    let kept: String = notice_id
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-' || *c == '_')
        .collect();
    format!("{}-{kept}", source.code())
}

/// Whether a catalogue id made from a notice id is usable: something after the
/// prefix, and no longer than a catalogue id may be.
pub(super) fn usable_id(source: Source, programme_id: &str) -> bool {
    programme_id.len() > source.code().len() + 1 && programme_id.chars().count() <= MAX_ID_CHARS
}

/// The first of several fields that is present: bizinfo's API name, then its RSS name.
fn line_any(map: &Map<String, Value>, keys: &[&str], notes: &mut Vec<String>) -> Option<String> {
    keys.iter().find_map(|k| line(map, k, notes))
}

fn field_any(map: &Map<String, Value>, keys: &[&str], notes: &mut Vec<String>) -> Option<String> {
    keys.iter().find_map(|k| field(map, k, notes))
}

/// What every item of either source must have, read first: its fields, the notice
/// id, the catalogue id made from it and the title.
pub(super) struct ItemHead<'a> {
    pub map: &'a Map<String, Value>,
    pub id: String,
    pub programme_id: String,
    pub title: String,
    /// What was dropped or ignored so far, one sentence each.
    pub notes: Vec<String>,
}

/// Reads the head of an item (its index, the item, the list it stands in): an
/// object, with an id under the first of `id_keys` present that makes a usable
/// catalogue id, and a title under the first of `title_keys`. An item without them
/// is skipped, with the reason.
pub(super) fn read_head<'a>(
    source: Source,
    (index, item, list): (usize, &'a Value, &str),
    id_keys: &[&str],
    title_keys: &[&str],
) -> Result<ItemHead<'a>, Skipped> {
    let skip = |notice_id: Option<String>, reason: SkipReason| Skipped {
        source,
        list: list.to_string(),
        index,
        notice_id,
        reason,
    };
    let Value::Object(map) = item else {
        return Err(skip(
            None,
            SkipReason::NotAnObject {
                found: type_name(item).to_string(),
            },
        ));
    };
    let mut notes = Vec::new();
    let Some(id) = line_any(map, id_keys, &mut notes) else {
        return Err(skip(None, SkipReason::MissingId));
    };
    let programme_id = source_programme_id(source, &id);
    if !usable_id(source, &programme_id) {
        return Err(skip(Some(id), SkipReason::BadId));
    }
    let Some(title) = line_any(map, title_keys, &mut notes) else {
        return Err(skip(Some(id), SkipReason::MissingTitle));
    };
    Ok(ItemHead {
        map,
        id,
        programme_id,
        title,
        notes,
    })
}

/// Reads one bizinfo item (JSON, or an RSS item as an object). RSS items carry both
/// the API names and the RSS names (`seq`, `title`, `link`, `author`,
/// `description`, `lcategory`, `reqstDt`, `pubDate`, `hashTags`); the API name wins.
fn read_item(index: usize, item: &Value, list: &str) -> Result<Notice, Skipped> {
    let ItemHead {
        map,
        id,
        programme_id,
        title,
        mut notes,
    } = read_head(
        Source::Bizinfo,
        (index, item, list),
        &["pblancId", "seq"],
        &["pblancNm", "title"],
    )?;
    let period_text =
        line_any(map, &["reqstBeginEndDe", "reqstDt"], &mut notes).unwrap_or_default();
    let period = parse_period(&period_text);
    let summary = field_any(map, &["bsnsSumryCn", "description"], &mut notes)
        .map(|html| truncate_chars(&html_to_text(&html), SUMMARY_CHARS))
        .filter(|s| !s.is_empty());
    let hashtags = match map.get("hashtags").or_else(|| map.get("hashTags")) {
        Some(Value::Array(list)) => list.iter().map(value_text).collect::<Vec<_>>().join(","),
        Some(Value::String(s)) => s.clone(),
        _ => String::new(),
    };
    let url_key = if map.contains_key("pblancUrl") {
        "pblancUrl"
    } else {
        "link"
    };
    let url = web_url(map, url_key, true, &mut notes);
    let apply_url = web_url(map, "rceptEngnHmpgUrl", false, &mut notes);
    let created =
        field_any(map, &["creatPnttm", "pubDate"], &mut notes).and_then(|s| first_date(&s));
    let updated = field(map, "updtPnttm", &mut notes).and_then(|s| first_date(&s));
    Ok(Notice {
        source: Source::Bizinfo,
        index,
        id,
        programme_id,
        title,
        url,
        jurisdiction: line_any(map, &["jrsdInsttNm", "author"], &mut notes),
        executor: line(map, "excInsttNm", &mut notes),
        field: line_any(
            map,
            &["pldirSportRealmLclasCodeNm", "lcategory"],
            &mut notes,
        ),
        subfield: line(map, "pldirSportRealmMlsfcCodeNm", &mut notes),
        target: line(map, "trgetNm", &mut notes),
        period_text,
        period,
        summary,
        hashtags: split_tags(&hashtags),
        apply_url,
        created,
        updated,
        umbrella: None,
        kstartup: None,
        notes,
    })
}

/// Tags split on commas (and `#`), each on one line, blank ones and repeats dropped.
pub(super) fn split_tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for t in text.split([',', '#']) {
        let t = one_line(t);
        if !t.is_empty() && !tags.contains(&t) {
            tags.push(t);
        }
    }
    tags
}
