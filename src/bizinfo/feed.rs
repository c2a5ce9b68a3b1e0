//! Reading the bizinfo open API's JSON (`{"jsonArray": […]}`) into notices. A broken
//! document is an error; a broken item is skipped with its reason.

use super::clean::{SUMMARY_CHARS, html_to_text, one_line, truncate_chars};
use super::dates::{Date, Period, first_date, parse_period};
use super::{SkipReason, Skipped};
use crate::catalogue::{is_web_url, parse_json};
use crate::files::printable;
use crate::json_read::{JsonType, Problem, ProblemKind, type_name};
use crate::text::Text;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// Where a relative `pblancUrl` ("/web/lay1/…") points.
pub const BIZINFO_HOME: &str = "https://www.bizinfo.go.kr";
/// One-line fields (title, agency, target, period) are cut to this many characters.
const LINE_CHARS: usize = 300;
/// Catalogue ids are at most 120 characters; "bizinfo-" takes 8.
const MAX_ID_CHARS: usize = 112;

/// One notice of the feed, cleaned: text on one line, the summary as plain text,
/// dates read, URLs checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// Position in `jsonArray`, from 0.
    pub index: usize,
    /// `pblancId` as given (trimmed).
    pub id: String,
    /// The catalogue id: `bizinfo-` and the lower-cased `pblancId`, only `[a-z0-9-_]`.
    pub programme_id: String,
    /// `pblancNm`.
    pub title: String,
    /// `pblancUrl` when it is an http(s) address (a path on bizinfo is completed).
    pub url: Option<String>,
    /// `jrsdInsttNm`: the ministry or local government.
    pub jurisdiction: Option<String>,
    /// `excInsttNm`: the implementing agency.
    pub executor: Option<String>,
    /// `pldirSportRealmLclasCodeNm`: 금융, 기술, 인력, 수출, 내수, 창업, 경영, 기타.
    pub field: Option<String>,
    /// `pldirSportRealmMlsfcCodeNm`.
    pub subfield: Option<String>,
    /// `trgetNm`.
    pub target: Option<String>,
    /// `reqstBeginEndDe` as written (one line), empty when absent.
    pub period_text: String,
    pub period: Period,
    /// `bsnsSumryCn` as plain text, at most `SUMMARY_CHARS` characters.
    pub summary: Option<String>,
    /// `hashtags`, split on commas, trimmed, without a leading `#`.
    pub hashtags: Vec<String>,
    /// `rceptEngnHmpgUrl` when it is an http(s) address.
    pub apply_url: Option<String>,
    /// `creatPnttm` and `updtPnttm`, the day only.
    pub created: Option<Date>,
    pub updated: Option<Date>,
    /// What was dropped or ignored in this item, one sentence each.
    pub notes: Vec<String>,
}

/// A read feed: the usable notices, the skipped items and the item count.
#[derive(Debug, Clone, PartialEq)]
pub struct Feed {
    pub items: usize,
    pub notices: Vec<Notice>,
    pub skipped: Vec<Skipped>,
}

fn top_problem(message: impl Into<Text>) -> Vec<Problem> {
    vec![Problem::whole(message)]
}

/// Reads the whole feed. Errors only for the document (not JSON, no `jsonArray`,
/// an API error answer); items are read one by one.
pub fn read_feed(bytes: &[u8]) -> Result<Feed, Vec<Problem>> {
    let value = parse_json(bytes).map_err(|p| vec![p])?;
    let Value::Object(top) = &value else {
        return Err(top_problem(ProblemKind::WrongType {
            expected: Text::new(
                "기업마당 API 응답 {\"jsonArray\": […]}",
                "the bizinfo API answer {\"jsonArray\": […]}",
            ),
            found: JsonType::of(&value),
        }));
    };
    let list = match top.get("jsonArray") {
        Some(Value::Array(list)) => list,
        Some(other) => {
            return Err(vec![Problem::new(
                "jsonArray",
                ProblemKind::WrongType {
                    expected: Text::new("공고 목록", "a list of notices"),
                    found: JsonType::of(other),
                },
            )]);
        }
        None => {
            let why = match top.get("reqErr") {
                Some(e) => {
                    let answer = printable(&truncate_chars(&value_text(e), 200));
                    Text::new(
                        format!("기업마당 API가 공고 대신 오류를 돌려주었습니다: {answer}"),
                        format!(
                            "the bizinfo API answered with an error instead of notices: {answer}"
                        ),
                    )
                }
                None => Text::new(
                    "\"jsonArray\"가 없습니다: 기업마당 API 응답이 아닙니다 (dataType=json으로 내려받으세요)",
                    "no \"jsonArray\": this is not a bizinfo API answer (download it with dataType=json)",
                ),
            };
            return Err(top_problem(why));
        }
    };
    let mut notices = Vec::with_capacity(list.len());
    let mut skipped = Vec::new();
    let mut first_at: HashMap<String, usize> = HashMap::new();
    for (index, item) in list.iter().enumerate() {
        match read_item(index, item) {
            Ok(n) => {
                if let Some(&first) = first_at.get(&n.programme_id) {
                    skipped.push(Skipped {
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
    Ok(Feed {
        items: list.len(),
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
fn field(map: &Map<String, Value>, key: &str, notes: &mut Vec<String>) -> Option<String> {
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
fn line(map: &Map<String, Value>, key: &str, notes: &mut Vec<String>) -> Option<String> {
    field(map, key, notes)
        .map(|s| truncate_chars(&one_line(&s), LINE_CHARS))
        .filter(|s| !s.is_empty())
}

/// An address to keep: http(s) only; a path on bizinfo is completed when asked.
fn web_url(
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
    let kept: String = notice_id
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-' || *c == '_')
        .collect();
    format!("bizinfo-{kept}")
}

fn read_item(index: usize, item: &Value) -> Result<Notice, Skipped> {
    let skip = |notice_id: Option<String>, reason: SkipReason| Skipped {
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
    let Some(id) = line(map, "pblancId", &mut notes) else {
        return Err(skip(None, SkipReason::MissingId));
    };
    let programme_id = programme_id(&id);
    if programme_id == "bizinfo-" || programme_id.chars().count() > MAX_ID_CHARS + 8 {
        return Err(skip(Some(id), SkipReason::BadId));
    }
    let Some(title) = line(map, "pblancNm", &mut notes) else {
        return Err(skip(Some(id), SkipReason::MissingTitle));
    };
    let period_text = line(map, "reqstBeginEndDe", &mut notes).unwrap_or_default();
    let period = parse_period(&period_text);
    let summary = field(map, "bsnsSumryCn", &mut notes)
        .map(|html| truncate_chars(&html_to_text(&html), SUMMARY_CHARS))
        .filter(|s| !s.is_empty());
    let hashtags = match map.get("hashtags").or_else(|| map.get("hashTags")) {
        Some(Value::Array(list)) => list.iter().map(value_text).collect::<Vec<_>>().join(","),
        Some(Value::String(s)) => s.clone(),
        _ => String::new(),
    };
    let mut tags: Vec<String> = Vec::new();
    for t in hashtags.split([',', '#']) {
        let t = one_line(t);
        if !t.is_empty() && !tags.contains(&t) {
            tags.push(t);
        }
    }
    let url = web_url(map, "pblancUrl", true, &mut notes);
    let apply_url = web_url(map, "rceptEngnHmpgUrl", false, &mut notes);
    let created = field(map, "creatPnttm", &mut notes).and_then(|s| first_date(&s));
    let updated = field(map, "updtPnttm", &mut notes).and_then(|s| first_date(&s));
    Ok(Notice {
        index,
        id,
        programme_id,
        title,
        url,
        jurisdiction: line(map, "jrsdInsttNm", &mut notes),
        executor: line(map, "excInsttNm", &mut notes),
        field: line(map, "pldirSportRealmLclasCodeNm", &mut notes),
        subfield: line(map, "pldirSportRealmMlsfcCodeNm", &mut notes),
        target: line(map, "trgetNm", &mut notes),
        period_text,
        period,
        summary,
        hashtags: tags,
        apply_url,
        created,
        updated,
        notes,
    })
}
