//! Reading and validating a catalogue from bytes: every problem at once, each with
//! its JSON path. No file I/O here; the caller hands over the bytes.

use super::model::*;
use crate::codes::{Certification, Goal, Region, RootTech, SizeClass, SmartFactoryLevel};
use crate::json_read::{
    CodeSet, DateForm, Doc, JsonType, Obj, Problem, ProblemKind, Problems, RangeOf, index,
    parse_json, want,
};
use crate::month::YearMonth;
use crate::text::{Text, josa};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};

/// Parses and validates a catalogue. On failure returns every problem found.
pub fn parse_catalogue(bytes: &[u8]) -> Result<Catalogue, Vec<Problem>> {
    let value = parse_json(bytes).map_err(|p| vec![p])?;
    let mut probs = Problems::default();
    let cat = read_catalogue(&value, &mut probs);
    match cat {
        Some(mut c) if probs.0.is_empty() => {
            c.sha256 = sha256_hex(bytes);
            Ok(c)
        }
        _ => Err(probs.0),
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn read_catalogue(v: &Value, probs: &mut Problems) -> Option<Catalogue> {
    let top = Obj::new("", v, probs)?;
    if !top.check_format(CATALOGUE_FORMAT, Doc::Catalogue, probs) {
        return None;
    }
    let id = top.req_nonempty("id", probs);
    let version = top.req_nonempty("version", probs);
    let as_of = top.req_str("as_of", probs).and_then(|s| {
        let m = YearMonth::parse(s);
        if m.is_none() {
            probs.push(
                "as_of",
                ProblemKind::BadDate {
                    value: Some(s.to_string()),
                    form: DateForm::Month,
                },
            );
        }
        m
    });
    let notice = top.req_text("notice", probs);
    let Some(list) = top.opt_arr("programmes", probs) else {
        if !top.has("programmes") {
            probs.push(
                "programmes",
                ProblemKind::Required {
                    what: Text::new("프로그램 목록", "a list of programmes"),
                },
            );
        }
        return None;
    };
    let mut programmes = Vec::with_capacity(list.len());
    for (i, pv) in list.iter().enumerate() {
        if let Some(p) = read_programme(&index("programmes", i), pv, probs) {
            programmes.push((i, p));
        }
    }
    // Ids of every entry, including ones rejected for another reason, so a link to
    // such an entry is not also reported as pointing nowhere.
    let all_ids: HashSet<&str> = list
        .iter()
        .filter_map(|v| v.get("id").and_then(Value::as_str))
        .collect();
    check_ids_and_links(&programmes, &all_ids, probs);
    let limits = read_limits(&top, &all_ids, probs);
    let mut cat = Catalogue {
        format: CATALOGUE_FORMAT,
        id: id?.to_string(),
        version: version?.to_string(),
        as_of: as_of?,
        notice: notice?,
        programmes: programmes.into_iter().map(|(_, p)| p).collect(),
        limits,
        index: HashMap::new(),
        sha256: String::new(),
        incoming: Vec::new(),
        outgoing: Vec::new(),
        link_order: Vec::new(),
        has_prerequisites: false,
        has_exclusions: false,
    };
    cat.rebuild_index();
    Some(cat)
}

/// `limits`: each group of known programmes, `max` ≥ 1, `period` `concurrent` or
/// `within_years` (with `years` ≥ 1), a source and a note; every problem with its path.
fn read_limits(top: &Obj, ids: &HashSet<&str>, probs: &mut Problems) -> Vec<GroupLimit> {
    let mut out = Vec::new();
    let Some(list) = top.opt_arr("limits", probs) else {
        return out;
    };
    for (i, v) in list.iter().enumerate() {
        let Some(o) = Obj::new(index("limits", i), v, probs) else {
            continue;
        };
        let before = probs.0.len();
        let programmes: Vec<String> = o
            .opt_str_list("programmes", probs)
            .unwrap_or_default()
            .into_iter()
            .map(str::to_string)
            .collect();
        for (k, id) in programmes.iter().enumerate() {
            if !ids.contains(id.as_str()) {
                probs.push(
                    index(&o.path_of("programmes"), k),
                    ProblemKind::UnknownLinkTarget { to: id.clone() },
                );
            }
        }
        if programmes.len() < 2 {
            probs.push(
                o.path_of("programmes"),
                Text::new(
                    "묶음에는 사업이 둘 이상 있어야 합니다",
                    "a group needs two or more programmes",
                ),
            );
        }
        let max = o.opt_u64("max", probs);
        if !matches!(max, Some(1..=100)) {
            probs.push(
                o.path_of("max"),
                Text::new(
                    "1~100 사이의 횟수가 필요합니다",
                    "expected a count from 1 to 100",
                ),
            );
        }
        let period = o.req_str("period", probs).and_then(|s| {
            let p = ExclusionPeriod::from_code(s).filter(|p| {
                matches!(
                    p,
                    ExclusionPeriod::Concurrent | ExclusionPeriod::WithinYears
                )
            });
            if p.is_none() {
                probs.push(
                    o.path_of("period"),
                    unknown(CodeSet::ExclusionPeriod, s, "concurrent, within_years"),
                );
            }
            p
        });
        let years = o.opt_u64("years", probs);
        if period == Some(ExclusionPeriod::WithinYears) && !matches!(years, Some(1..=50)) {
            probs.push(
                o.path_of("years"),
                Text::new(
                    "1~50 사이의 연수가 필요합니다",
                    "expected a number of years from 1 to 50",
                ),
            );
        }
        let source = o.req_nonempty("source", probs);
        let note = o.req_text("note", probs);
        if probs.0.len() != before {
            continue;
        }
        if let (Some(max), Some(period), Some(source), Some(note)) = (max, period, source, note) {
            out.push(GroupLimit {
                programmes,
                max: max as u32,
                period,
                years: years.map(|y| y as u32),
                source: source.to_string(),
                note,
            });
        }
    }
    out
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 120
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

fn unknown(set: CodeSet, value: &str, expected: &str) -> ProblemKind {
    ProblemKind::UnknownCode {
        set,
        value: value.to_string(),
        expected: expected.to_string(),
    }
}

fn code<T>(
    o: &Obj,
    key: &str,
    probs: &mut Problems,
    parse: impl Fn(&str) -> Option<T>,
    set: CodeSet,
    expected: &str,
) -> Option<T> {
    let s = o.req_str(key, probs)?;
    let c = parse(s);
    if c.is_none() {
        probs.push(o.path_of(key), unknown(set, s, expected));
    }
    c
}

fn read_programme(path: &str, v: &Value, probs: &mut Problems) -> Option<Programme> {
    let o = Obj::new(path, v, probs)?;
    let id = o.req_nonempty("id", probs).and_then(|id| {
        if valid_id(id) {
            Some(id.to_string())
        } else {
            probs.push(
                o.path_of("id"),
                Text::new(
                    josa(&format!(
                        "\"{id}\"은(는) 쓸 수 있는 id가 아닙니다; 영문 소문자, 숫자와 '-'만 쓰세요"
                    )),
                    format!("\"{id}\" is not a valid id; use lower-case letters, digits and '-'"),
                ),
            );
            None
        }
    });
    let name = o.req_text("name", probs);
    let ministry = o.req_nonempty("ministry", probs).and_then(|m| {
        if m.len() <= 12 && m.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_') {
            Some(m.to_string())
        } else {
            probs.push(
                o.path_of("ministry"),
                Text::new(
                    josa(&format!("\"{m}\"은(는) 부처 코드가 아닙니다; MOTIE, MSS 같은 짧은 영문 대문자 코드여야 합니다")),
                    format!("\"{m}\" is not a ministry code; expected MOTIE, MSS or another short upper-case code"),
                ),
            );
            None
        }
    });
    let agency = o.req_nonempty("agency", probs);
    let agency_en = o
        .opt_str("agency_en", probs)
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_string);
    let category = code(
        &o,
        "category",
        probs,
        Goal::from_code,
        CodeSet::Category,
        &Goal::expected(),
    );
    let stage = match o.opt_str("stage", probs) {
        Some(s) => {
            let st = Stage::from_code(s);
            if st.is_none() {
                let exp: Vec<&str> = Stage::ALL.iter().map(|s| s.code()).collect();
                probs.push(
                    o.path_of("stage"),
                    unknown(CodeSet::Stage, s, &exp.join(", ")),
                );
            }
            st
        }
        None => category.map(Stage::of_category),
    };
    let purpose = o.opt_str("purpose", probs).map(str::to_string);
    let grants = o.opt_str("grants", probs).and_then(|g| {
        let c = Certification::from_code(g);
        if c.is_none() {
            probs.push(
                o.path_of("grants"),
                unknown(CodeSet::Certification, g, &Certification::expected()),
            );
        }
        c
    });
    let serves = o
        .opt_code_list(
            "serves",
            probs,
            Goal::from_code,
            CodeSet::Goal,
            &Goal::expected(),
        )
        .unwrap_or_default();
    let tags: Vec<String> = o
        .opt_str_list("tags", probs)
        .unwrap_or_default()
        .into_iter()
        .map(str::to_string)
        .collect();
    let summary = o.req_text("summary", probs);
    let mut criteria = Vec::new();
    if let Some(list) = o.opt_arr("criteria", probs) {
        for (i, cv) in list.iter().enumerate() {
            if let Some(c) = read_criterion(&index(&o.path_of("criteria"), i), cv, probs) {
                criteria.push(c);
            }
        }
    }
    let support = o
        .req_obj("support", probs)
        .and_then(|s| read_support(&s, probs));
    let windows = o
        .req_obj("windows", probs)
        .and_then(|w| read_windows(&w, probs));
    let duration_months = o.opt_u64("duration_months", probs).and_then(|d| {
        if (1..=240).contains(&d) {
            Some(Some(d as u32))
        } else {
            probs.push(
                o.path_of("duration_months"),
                ProblemKind::OutOfRange {
                    value: d.to_string(),
                    range: RangeOf::DurationMonths,
                },
            );
            None
        }
    });
    let mut links = Vec::new();
    if let Some(list) = o.opt_arr("links", probs) {
        for (i, lv) in list.iter().enumerate() {
            if let Some(l) = read_link(&index(&o.path_of("links"), i), lv, probs) {
                links.push(l);
            }
        }
    }
    let provenance = o
        .req_obj("provenance", probs)
        .and_then(|p| read_provenance(&p, probs));
    let feed = o
        .get("feed")
        .and_then(|f| match serde_json::from_value::<FeedNotice>(f.clone()) {
            Ok(n) if n.url.as_deref().is_some_and(|u| !is_web_url(u)) => {
                probs.push(o.path_of("feed") + ".url", not_web(None, None));
                None
            }
            Ok(n) => Some(n),
            Err(e) => {
                probs.push(
                    o.path_of("feed"),
                    Text::new(
                        format!("기업마당 공고 정보가 형식에 맞지 않습니다: {e}"),
                        format!("bad feed notice: {e}"),
                    ),
                );
                None
            }
        });
    let aliases: Vec<String> = o
        .opt_str_list("aliases", probs)
        .unwrap_or_default()
        .into_iter()
        .map(str::to_string)
        .collect();
    let mut documents = Vec::new();
    if let Some(list) = o.opt_arr("documents", probs) {
        for (i, dv) in list.iter().enumerate() {
            let path = index(&o.path_of("documents"), i);
            if let Some(d) = Obj::new(&path, dv, probs) {
                let ko = d.req_nonempty("ko", probs);
                let en = d.req_nonempty("en", probs);
                if let (Some(ko), Some(en)) = (ko, en) {
                    documents.push(Text::new(ko, en));
                }
            }
        }
    }
    let apply_url = o.opt_str("apply_url", probs).and_then(|u| {
        if is_web_url(u) {
            Some(u.to_string())
        } else {
            probs.push(o.path_of("apply_url"), not_web(Some(u), None));
            None
        }
    });
    let sites = o
        .opt_code_list(
            "sites",
            probs,
            Region::from_code,
            CodeSet::Region,
            &Region::expected(),
        )
        .unwrap_or_default();
    let id = id?;
    Some(Programme {
        sites,
        aliases,
        documents,
        apply_url,
        purpose: purpose.unwrap_or_else(|| id.clone()),
        grants,
        id,
        name: name?,
        ministry: ministry?,
        agency: agency?.to_string(),
        agency_en,
        category: category?,
        stage: stage?,
        serves,
        tags,
        summary: summary?,
        criteria,
        support: support?,
        windows: windows?,
        duration_months: duration_months.unwrap_or(None),
        links,
        provenance: provenance?,
        feed,
    })
}

fn range(o: &Obj, lo: &str, hi: &str, probs: &mut Problems) -> (Option<u64>, Option<u64>) {
    let min = o.opt_u64(lo, probs);
    let max = o.opt_u64(hi, probs);
    if let (Some(a), Some(b)) = (min, max)
        && a > b
    {
        probs.push(
            o.path.clone(),
            ProblemKind::ImpossibleRange {
                lo: lo.to_string(),
                lo_value: a,
                hi: hi.to_string(),
                hi_value: b,
            },
        );
    }
    if min.is_none() && max.is_none() && !o.has(lo) && !o.has(hi) {
        probs.push(
            o.path.clone(),
            ProblemKind::NeedsOneOf {
                a: lo.to_string(),
                b: hi.to_string(),
            },
        );
    }
    (min, max)
}

fn nonempty_codes<T>(
    o: &Obj,
    probs: &mut Problems,
    parse: impl Fn(&str) -> Option<T>,
    set: CodeSet,
    expected: &str,
    allow_empty: bool,
) -> Option<Vec<T>> {
    if o.get("any_of").is_none() {
        let what = set.name();
        probs.push(
            o.path_of("any_of"),
            ProblemKind::Required {
                what: Text::new(
                    format!("{} 코드 목록", what.ko),
                    format!("a list of {} codes", what.en),
                ),
            },
        );
        return None;
    }
    let list = o.opt_code_list("any_of", probs, parse, set, expected)?;
    if list.is_empty() && !allow_empty {
        probs.push(
            o.path_of("any_of"),
            Text::new(
                "비어 있으면 안 됩니다: 어떤 기업도 통과할 수 없습니다",
                "must not be empty: no firm could pass",
            ),
        );
    }
    Some(list)
}

fn read_criterion(path: &str, v: &Value, probs: &mut Problems) -> Option<Criterion> {
    let o = Obj::new(path, v, probs)?;
    let kind = o.req_str("kind", probs)?;
    Some(match kind {
        "employees" => {
            let (min, max) = range(&o, "min", "max", probs);
            Criterion::Employees { min, max }
        }
        "revenue_krw" => {
            let (min, max) = range(&o, "min", "max", probs);
            Criterion::Revenue { min, max }
        }
        "business_age" => {
            let (min_years, max_years) = range(&o, "min_years", "max_years", probs);
            Criterion::BusinessAge {
                min_years,
                max_years,
            }
        }
        "size_class" => Criterion::SizeClass {
            any_of: nonempty_codes(
                &o,
                probs,
                SizeClass::from_code,
                CodeSet::SizeClass,
                &SizeClass::expected(),
                false,
            )?,
        },
        "revenue_for_size" => {
            let (min, max) = range(&o, "min", "max", probs);
            let size_class = o
                .opt_code_list(
                    "size_class",
                    probs,
                    SizeClass::from_code,
                    CodeSet::SizeClass,
                    &SizeClass::expected(),
                )
                .unwrap_or_default();
            if size_class.is_empty() {
                probs.push(
                    o.path_of("size_class"),
                    Text::new(
                        "매출 요건이 적용되는 기업 규모 코드 목록이 필요합니다",
                        "needs the size classes the sales range applies to",
                    ),
                );
            }
            Criterion::RevenueForSize {
                size_class,
                min,
                max,
            }
        }
        "region" => Criterion::Region {
            any_of: nonempty_codes(
                &o,
                probs,
                Region::from_code,
                CodeSet::Region,
                &Region::expected(),
                false,
            )?,
        },
        "root_technology" => Criterion::RootTechnology {
            any_of: nonempty_codes(
                &o,
                probs,
                RootTech::from_code,
                CodeSet::RootTechnology,
                &RootTech::expected(),
                true,
            )?,
        },
        "certification" => Criterion::Certification {
            any_of: nonempty_codes(
                &o,
                probs,
                Certification::from_code,
                CodeSet::Certification,
                &Certification::expected(),
                false,
            )?,
        },
        "smart_factory_level" => Criterion::SmartFactoryLevel {
            any_of: nonempty_codes(
                &o,
                probs,
                SmartFactoryLevel::from_code,
                CodeSet::SmartFactoryLevel,
                &SmartFactoryLevel::expected(),
                false,
            )?,
        },
        "ksic" => {
            let prefixes = o.opt_str_list("prefixes", probs);
            let Some(prefixes) = prefixes.filter(|p| !p.is_empty()) else {
                probs.push(
                    o.path_of("prefixes"),
                    ProblemKind::Required {
                        what: Text::new(
                            "\"C\", \"C29\" 같은 KSIC 앞자리 목록",
                            "KSIC prefixes such as \"C\" or \"C29\"",
                        ),
                    },
                );
                return None;
            };
            for (i, p) in prefixes.iter().enumerate() {
                if !crate::ksic::ksic_prefix_ok(p) {
                    probs.push(
                        index(&o.path_of("prefixes"), i),
                        Text::new(
                            josa(&format!("\"{p}\"은(는) KSIC 앞자리가 아닙니다; 대분류 문자와 2자리 이하 숫자여야 합니다 (예: \"C\", \"C29\")")),
                            format!("\"{p}\" is not a KSIC prefix; expected a section letter and up to 2 digits, e.g. \"C\" or \"C29\""),
                        ),
                    );
                }
            }
            Criterion::Ksic {
                prefixes: prefixes.into_iter().map(str::to_string).collect(),
            }
        }
        "exporting" => match o.opt_bool("value", probs) {
            Some(value) => Criterion::Exporting { value },
            None => {
                if o.get("value").is_none() {
                    probs.push(
                        o.path_of("value"),
                        ProblemKind::Required {
                            what: want::true_or_false(),
                        },
                    );
                }
                return None;
            }
        },
        "manual" => {
            let ko = o.req_nonempty("ko", probs);
            let en = o.req_nonempty("en", probs);
            Criterion::Manual {
                ko: ko?.to_string(),
                en: en?.to_string(),
            }
        }
        other => {
            probs.push(
                o.path_of("kind"),
                unknown(CodeSet::CriterionKind, other, &Criterion::KINDS.join(", ")),
            );
            return None;
        }
    })
}

fn read_support(o: &Obj, probs: &mut Problems) -> Option<Support> {
    let kind = code(
        o,
        "kind",
        probs,
        SupportKind::from_code,
        CodeSet::SupportKind,
        "grant, loan, guarantee, voucher, consulting, designation, event",
    );
    let max_krw = o.opt_u64("max_krw", probs);
    let self_share_pct = o.opt_u64("self_share_pct", probs).and_then(|p| {
        if p <= 100 {
            Some(p as u8)
        } else {
            probs.push(
                o.path_of("self_share_pct"),
                ProblemKind::OutOfRange {
                    value: p.to_string(),
                    range: RangeOf::Percent,
                },
            );
            None
        }
    });
    let note = o.opt_text("note", probs);
    Some(Support {
        kind: kind?,
        max_krw,
        self_share_pct,
        note,
    })
}

fn read_windows(o: &Obj, probs: &mut Problems) -> Option<Windows> {
    let status = code(
        o,
        "status",
        probs,
        WindowStatus::from_code,
        CodeSet::WindowStatus,
        "confirmed, forecast, rolling, tba",
    );
    let mut months = Vec::new();
    if let Some(list) = o.opt_arr("months", probs) {
        for (i, m) in list.iter().enumerate() {
            match m.as_u64() {
                Some(n @ 1..=12) => {
                    if !months.contains(&(n as u8)) {
                        months.push(n as u8);
                    }
                }
                _ => probs.push(
                    index(&o.path_of("months"), i),
                    ProblemKind::OutOfRange {
                        value: m.to_string(),
                        range: RangeOf::MonthNumber,
                    },
                ),
            }
        }
    }
    months.sort_unstable();
    let year = o.opt_u64("year", probs).and_then(|y| {
        if (1990..=2100).contains(&y) {
            Some(y as i32)
        } else {
            probs.push(
                o.path_of("year"),
                ProblemKind::OutOfRange {
                    value: y.to_string(),
                    range: RangeOf::Year,
                },
            );
            None
        }
    });
    let note = o.opt_text("note", probs);
    let current = o.opt_obj("current", probs).and_then(|c| {
        let from = c.req_str("from", probs).and_then(YearMonth::parse);
        let to = c.req_str("to", probs).and_then(YearMonth::parse);
        match (from, to) {
            (Some(from), Some(to)) if from <= to => Some(CallPeriod { from, to }),
            _ => {
                probs.push(
                    c.path.clone(),
                    Text::new(
                        "{\"from\": \"YYYY-MM\", \"to\": \"YYYY-MM\"} 형식이어야 하고 from이 to보다 늦으면 안 됩니다",
                        "expected {\"from\": \"YYYY-MM\", \"to\": \"YYYY-MM\"} with from ≤ to",
                    ),
                );
                None
            }
        }
    });
    let mut calls = Vec::new();
    if let Some(list) = o.opt_arr("calls", probs) {
        for (i, cv) in list.iter().enumerate() {
            if let Some(c) = read_call(&index(&o.path_of("calls"), i), cv, probs) {
                calls.push(c);
            }
        }
        let newest_first = calls.windows(2).all(|w| w[0].open >= w[1].open);
        if !newest_first {
            probs.push(
                o.path_of("calls"),
                Text::new(
                    "공고(calls)는 접수 시작일 기준 최신순으로 적어야 합니다",
                    "calls must be listed newest first (by their open date)",
                ),
            );
        }
    }
    let status = status?;
    if matches!(status, WindowStatus::Confirmed | WindowStatus::Forecast)
        && months.is_empty()
        && current.is_none()
    {
        probs.push(
            o.path_of("months"),
            Text::new(
                "확정(confirmed)이나 예상(forecast) 접수 시기에는 월이 하나 이상 있어야 합니다",
                "a confirmed or forecast window needs at least one month",
            ),
        );
    }
    if status == WindowStatus::Confirmed && year.is_none() && current.is_none() {
        probs.push(
            o.path_of("year"),
            Text::new(
                "확정(confirmed)된 접수 시기에는 그 연도가 있어야 합니다",
                "a confirmed window needs the year it was confirmed for",
            ),
        );
    }
    Some(Windows {
        status,
        months,
        year,
        note,
        current,
        calls,
    })
}

/// One dated call: real dates, open ≤ close, a close or `until_budget`, and a source.
fn read_call(path: &str, v: &Value, probs: &mut Problems) -> Option<Call> {
    let o = Obj::new(path, v, probs)?;
    let date = |key: &str, probs: &mut Problems| -> Option<CallDate> {
        let s = o.opt_str(key, probs)?;
        let d = CallDate::parse(s);
        if d.is_none() {
            probs.push(
                o.path_of(key),
                ProblemKind::BadDate {
                    value: Some(s.to_string()),
                    form: DateForm::DayOrMonth,
                },
            );
        }
        d
    };
    let round = o.opt_str("round", probs).map(str::to_string);
    if o.get("open").is_none() {
        probs.push(
            o.path_of("open"),
            ProblemKind::Required {
                what: Text::new(
                    "YYYY-MM-DD 또는 YYYY-MM 형식의 날짜",
                    "YYYY-MM-DD or YYYY-MM",
                ),
            },
        );
    }
    let open = date("open", probs);
    let close = date("close", probs);
    // A null close without `until_budget` is a call whose closing date no source gives.
    let until_budget = o.opt_bool("until_budget", probs).unwrap_or(false);
    if !o.has("until_budget") {
        probs.push(
            o.path_of("until_budget"),
            ProblemKind::Required {
                what: Text::new(
                    "예산 소진 시까지 접수하면 true",
                    "true when the call runs until the budget is used",
                ),
            },
        );
    }
    if let (Some(a), Some(b)) = (open, close) {
        // A month-only date may stand for any day of it, so compare what both give.
        let later = match (a.day, b.day) {
            (Some(_), Some(_)) => a > b,
            _ => a.month > b.month,
        };
        if later {
            probs.push(
                o.path_of("close"),
                Text::new(
                    josa(&format!("마감 {b}이(가) 접수 시작 {a}보다 이릅니다")),
                    format!("{b} is before the opening {a}"),
                ),
            );
        }
    }
    let source = o.req_nonempty("source", probs).and_then(|u| {
        if is_web_url(u) {
            Some(u.to_string())
        } else {
            probs.push(
                o.path_of("source"),
                not_web(
                    Some(u),
                    Some(Text::new(
                        "공고마다 출처 링크가 있어야 합니다",
                        "every call needs the link to its source",
                    )),
                ),
            );
            None
        }
    });
    let source_date = o.req_nonempty("source_date", probs).and_then(|d| {
        if source_date_ok(d) {
            Some(d.to_string())
        } else {
            probs.push(
                o.path_of("source_date"),
                ProblemKind::BadDate {
                    value: Some(d.to_string()),
                    form: DateForm::SourceDate,
                },
            );
            None
        }
    });
    Some(Call {
        round,
        open: open?,
        close,
        until_budget,
        source: source?,
        source_date: source_date?,
    })
}

fn read_link(path: &str, v: &Value, probs: &mut Problems) -> Option<Link> {
    let o = Obj::new(path, v, probs)?;
    let to = o.req_nonempty("to", probs);
    let kind = code(
        &o,
        "kind",
        probs,
        LinkKind::from_code,
        CodeSet::LinkKind,
        "prerequisite, follow_on, bonus, complement, excludes",
    );
    let source = o.req_nonempty("source", probs);
    let note = o.opt_text("note", probs);
    let period = o.opt_str("period", probs).and_then(|s| {
        let p = ExclusionPeriod::from_code(s);
        if p.is_none() {
            probs.push(
                o.path_of("period"),
                unknown(
                    CodeSet::ExclusionPeriod,
                    s,
                    "same_year, concurrent, ever, within_years",
                ),
            );
        }
        p
    });
    let years = o
        .opt_u64("years", probs)
        .map(|y| y.min(u64::from(u32::MAX)) as u32);
    match (kind, period) {
        (Some(LinkKind::Excludes), None) if !o.has("period") => probs.push(
            o.path_of("period"),
            ProblemKind::Required {
                what: Text::new(
                    "중복수혜 제한 기간 (same_year, concurrent, ever, within_years)",
                    "the limit's period (same_year, concurrent, ever, within_years)",
                ),
            },
        ),
        (Some(LinkKind::Excludes), Some(ExclusionPeriod::WithinYears)) if years.is_none() => probs
            .push(
                o.path_of("years"),
                ProblemKind::Required {
                    what: Text::new("연수 (1 이상)", "the number of years (1 or more)"),
                },
            ),
        (Some(k), Some(_)) if k != LinkKind::Excludes => probs.push(
            o.path_of("period"),
            Text::new(
                "기간(period)은 중복수혜 제한(excludes) 연결에만 씁니다",
                "a period is only for an excludes link",
            ),
        ),
        _ => {}
    }
    Some(Link {
        to: to?.to_string(),
        kind: kind?,
        source: source?.to_string(),
        note,
        period,
        years,
    })
}

fn read_provenance(o: &Obj, probs: &mut Problems) -> Option<Provenance> {
    let url = o.req_nonempty("url", probs).and_then(|u| {
        if is_web_url(u) {
            Some(u.to_string())
        } else {
            probs.push(o.path_of("url"), not_web(Some(u), None));
            None
        }
    });
    let date = o.req_nonempty("date", probs).and_then(|d| {
        if source_date_ok(d) {
            Some(d.to_string())
        } else {
            probs.push(
                o.path_of("date"),
                ProblemKind::BadDate {
                    value: Some(d.to_string()),
                    form: DateForm::SourceDate,
                },
            );
            None
        }
    });
    let confidence = code(
        o,
        "confidence",
        probs,
        Confidence::from_code,
        CodeSet::Confidence,
        "confirmed, historical, uncertain",
    );
    let research_ref = o.opt_str("research_ref", probs).map(str::to_string);
    let refs = match o.opt_arr("refs", probs) {
        Some(list) => list
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                let n = r.as_u64();
                if n.is_none() {
                    probs.push(
                        index(&o.path_of("refs"), i),
                        ProblemKind::WrongType {
                            expected: Text::new("참고자료 번호", "a reference number"),
                            found: JsonType::of(r),
                        },
                    );
                }
                n
            })
            .collect(),
        None => Vec::new(),
    };
    let note = o.opt_str("note", probs).map(str::to_string);
    let checked = o.opt_str("checked", probs).and_then(|d| {
        if CallDate::parse(d).is_some_and(|c| c.day.is_some()) {
            Some(d.to_string())
        } else {
            probs.push(
                o.path_of("checked"),
                ProblemKind::BadDate {
                    value: Some(d.to_string()),
                    form: DateForm::CheckedDay,
                },
            );
            None
        }
    });
    let mut figures = Vec::new();
    if let Some(list) = o.opt_arr("figures", probs) {
        for (i, fv) in list.iter().enumerate() {
            let path = index(&o.path_of("figures"), i);
            let Some(f) = Obj::new(&path, fv, probs) else {
                continue;
            };
            let field = f.req_nonempty("field", probs);
            let url = f.req_nonempty("url", probs).filter(|u| {
                let ok = is_web_url(u);
                if !ok {
                    probs.push(
                        f.path_of("url"),
                        ProblemKind::NotWebAddress {
                            value: None,
                            why: None,
                        },
                    );
                }
                ok
            });
            let date = f.opt_str("date", probs).filter(|d| {
                let ok = source_date_ok(d);
                if !ok {
                    probs.push(
                        f.path_of("date"),
                        ProblemKind::BadDate {
                            value: None,
                            form: DateForm::SourceDate,
                        },
                    );
                }
                ok
            });
            let note = f.opt_str("note", probs).map(str::to_string);
            if let (Some(field), Some(url)) = (field, url) {
                figures.push(FigureSource {
                    field: field.to_string(),
                    url: url.to_string(),
                    date: date.map(str::to_string),
                    note,
                });
            }
        }
    }
    Some(Provenance {
        checked,
        figures,
        url: url?,
        date: date?,
        confidence: confidence?,
        research_ref,
        refs,
        note,
    })
}

/// A link that is not http(s): "only http:// and https:// links are allowed" unless
/// `why` says what the link is for.
fn not_web(value: Option<&str>, why: Option<Text>) -> ProblemKind {
    ProblemKind::NotWebAddress {
        value: value.map(str::to_string),
        why: Some(why.unwrap_or_else(|| {
            Text::new(
                "http:// 또는 https:// 링크만 쓸 수 있습니다",
                "only http:// and https:// links are allowed",
            )
        })),
    }
}

fn source_date_ok(d: &str) -> bool {
    let parts: Vec<&str> = d.split('-').collect();
    let num = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] => num(y, 4),
        [y, m] => num(y, 4) && YearMonth::parse(&format!("{y}-{m}")).is_some(),
        [y, m, day] => {
            num(y, 4)
                && YearMonth::parse(&format!("{y}-{m}")).is_some()
                && num(day, 2)
                && (1..=31).contains(&day.parse::<u8>().unwrap_or(0))
        }
        _ => false,
    }
}

/// Duplicate ids, links to missing programmes or to themselves, and cycles over the
/// ordering links (prerequisite, follow_on), which would make any order impossible.
fn check_ids_and_links(
    programmes: &[(usize, Programme)],
    all_ids: &HashSet<&str>,
    probs: &mut Problems,
) {
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, p) in programmes {
        if let Some(prev) = first.insert(p.id.as_str(), *i) {
            probs.push(
                format!("programmes[{i}].id"),
                ProblemKind::DuplicateId {
                    id: p.id.clone(),
                    first: prev,
                },
            );
            first.insert(p.id.as_str(), prev);
        }
    }
    let mut edges: HashMap<&str, Vec<&str>> = HashMap::new();
    for (i, p) in programmes {
        let mut seen = HashSet::new();
        for (j, l) in p.links.iter().enumerate() {
            let path = format!("programmes[{i}].links[{j}].to");
            // A limit on reapplying to the same programme is an excludes link to itself.
            if l.to == p.id && l.kind != LinkKind::Excludes {
                probs.push(path, ProblemKind::SelfLink { id: p.id.clone() });
            } else if !all_ids.contains(l.to.as_str()) {
                probs.push(path, ProblemKind::UnknownLinkTarget { to: l.to.clone() });
            } else if first.contains_key(l.to.as_str()) {
                if !seen.insert((l.to.as_str(), l.kind)) {
                    probs.push(
                        format!("programmes[{i}].links[{j}]"),
                        ProblemKind::RepeatedLink {
                            kind: l.kind.code().to_string(),
                            to: l.to.clone(),
                        },
                    );
                }
                if l.kind.orders() {
                    edges.entry(p.id.as_str()).or_default().push(l.to.as_str());
                }
            }
        }
    }
    // Depth-first search with colours; each cycle reported once, by its members.
    #[derive(Clone, Copy, PartialEq)]
    enum Colour {
        White,
        Grey,
        Black,
    }
    let mut colour: HashMap<&str, Colour> = first.keys().map(|k| (*k, Colour::White)).collect();
    let mut ids: Vec<&str> = first.keys().copied().collect();
    ids.sort_by_key(|id| first[id]);
    for start in ids {
        if colour[start] != Colour::White {
            continue;
        }
        let mut stack: Vec<(&str, usize)> = vec![(start, 0)];
        let mut trail: Vec<&str> = vec![start];
        colour.insert(start, Colour::Grey);
        while let Some((node, next)) = stack.last_mut() {
            let succ = edges.get(node).map(Vec::as_slice).unwrap_or(&[]);
            if *next < succ.len() {
                let s = succ[*next];
                *next += 1;
                match colour[s] {
                    Colour::White => {
                        colour.insert(s, Colour::Grey);
                        stack.push((s, 0));
                        trail.push(s);
                    }
                    Colour::Grey => {
                        let from = trail.iter().position(|t| *t == s).unwrap_or(0);
                        let mut cycle: Vec<&str> = trail[from..].to_vec();
                        cycle.push(s);
                        let at = first[s];
                        probs.push(
                            format!("programmes[{at}].links"),
                            ProblemKind::LinkCycle {
                                members: cycle.iter().map(|m| m.to_string()).collect(),
                            },
                        );
                    }
                    Colour::Black => {}
                }
            } else {
                colour.insert(node, Colour::Black);
                stack.pop();
                trail.pop();
            }
        }
    }
}
