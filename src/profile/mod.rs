//! The firm profile (`gachi-profile/1`), its strict reading, and facts derived from it.

mod application;
mod size;

pub use crate::ksic::{Ksic, MANUFACTURING, SECTIONS, ksic_prefix_ok};
pub use application::{Application, read_applications};
pub use size::{REFORM_2025, SizeAssessment, SizeFacts, SizeInputs, Tri, assess_size};

use crate::codes::{Certification, Goal, Market, Region, RootTech, SmartFactoryLevel};
use crate::json_read::{CodeSet, DateForm, Doc, Obj, Problem, ProblemKind, Problems, RangeOf};
use crate::month::YearMonth;
use crate::text::Text;
use serde::Serialize;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

pub const PROFILE_FORMAT: &str = "gachi-profile/1";

/// When the firm was founded: a year, or a year and month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Founded {
    Year(i32),
    Month(YearMonth),
}

impl Founded {
    pub fn parse(s: &str) -> Option<Founded> {
        if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
            let y: i32 = s.parse().ok()?;
            return (1900..=9999).contains(&y).then_some(Founded::Year(y));
        }
        YearMonth::parse(s).map(Founded::Month)
    }

    pub fn year(self) -> i32 {
        match self {
            Founded::Year(y) => y,
            Founded::Month(m) => m.year,
        }
    }

    /// The earliest month it may mean.
    pub fn earliest(self) -> YearMonth {
        match self {
            Founded::Year(y) => YearMonth { year: y, month: 1 },
            Founded::Month(m) => m,
        }
    }

    /// Whole years in business at a month, as (fewest, most): a bare year leaves a
    /// year's doubt.
    pub fn age_at(self, at: YearMonth) -> (i64, i64) {
        match self {
            Founded::Month(m) => {
                let y = at.months_since(m).div_euclid(12);
                (y, y)
            }
            Founded::Year(y) => {
                let most = at
                    .months_since(YearMonth { year: y, month: 1 })
                    .div_euclid(12);
                let fewest = at
                    .months_since(YearMonth { year: y, month: 12 })
                    .div_euclid(12);
                (fewest.max(0), most.max(0))
            }
        }
    }
}

impl std::fmt::Display for Founded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Founded::Year(y) => write!(f, "{y:04}"),
            Founded::Month(m) => write!(f, "{m}"),
        }
    }
}

/// A firm as the questionnaire or a profile file describes it. `None` = unknown.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FirmProfile {
    pub name: String,
    pub founded: Option<Founded>,
    pub employees: Option<u64>,
    pub revenue_krw: Option<u64>,
    pub region: Option<Region>,
    pub ksic: Option<String>,
    pub root_technologies: Option<Vec<RootTech>>,
    pub certifications: Option<Vec<Certification>>,
    pub smart_factory_level: Option<SmartFactoryLevel>,
    pub exporting: Option<bool>,
    pub target_markets: Option<Vec<Market>>,
    pub goals: Vec<Goal>,
    pub funding_need_krw: Option<u64>,
    pub received: Vec<String>,
    /// Added field (2026-12): the firm's applications, oldest first; the last record of a
    /// programme is where it stands now, the earlier ones its history.
    pub applications: Vec<Application>,
    pub notes: Option<String>,
    /// Added field: belongs to a 상호출자제한기업집단 (decides 대기업).
    pub enterprise_group: Option<bool>,
    /// Added field: total assets (≥ 5,000억 rules out SME status).
    pub assets_krw: Option<u64>,
    /// Fields this version does not know, kept as they were so nothing is lost.
    pub extra: BTreeMap<String, Value>,
}

/// Fields of the file that the contract does not know, each with the known field it
/// most likely misspells (at most two letters apart), as warnings in both languages:
/// kept and written back (a newer version's field), but a typo such as `regoin` would
/// otherwise leave the region silently unknown (trial 2026-11).
pub fn unknown_field_warnings(p: &FirmProfile) -> Vec<Text> {
    p.extra
        .keys()
        .map(|k| {
            let near = KNOWN_FIELDS
                .iter()
                .map(|f| (crate::text::edit_distance(k, f), *f))
                .filter(|(d, _)| *d <= 2)
                .min();
            match near {
                Some((_, f)) => Text::new(
                    crate::text::josa(&format!(
                        "알 수 없는 필드 \"{k}\"은(는) 읽지 않았습니다. \"{f}\"을(를) 쓰려던 것인가요?"
                    )),
                    format!("Unknown field \"{k}\" was not read. Did you mean \"{f}\"?"),
                ),
                None => Text::new(
                    crate::text::josa(&format!(
                        "알 수 없는 필드 \"{k}\"은(는) 읽지 않았습니다(파일에는 그대로 둡니다)."
                    )),
                    format!("Unknown field \"{k}\" was not read (kept in the file)."),
                ),
            }
        })
        .collect()
}

/// Every field of `gachi-profile/1` (docs/formats.md §1); others are kept as `extra`.
pub const KNOWN_FIELDS: &[&str] = &[
    "format",
    "name",
    "founded",
    "employees",
    "revenue_krw",
    "region",
    "ksic",
    "root_technologies",
    "certifications",
    "smart_factory_level",
    "exporting",
    "target_markets",
    "goals",
    "funding_need_krw",
    "received",
    "applications",
    "notes",
    "enterprise_group",
    "assets_krw",
];

impl FirmProfile {
    pub fn new(name: impl Into<String>) -> Self {
        FirmProfile {
            name: name.into(),
            ..Default::default()
        }
    }

    /// Where the firm stands with a programme now: the last of its `applications`
    /// records, or a `received` record (no month) when it is only listed in `received`.
    pub fn standing(&self, programme_id: &str) -> Option<Application> {
        self.applications
            .iter()
            .rev()
            .find(|a| a.programme_id == programme_id)
            .cloned()
            .or_else(|| {
                self.received.iter().any(|r| r == programme_id).then(|| {
                    Application::new(programme_id, crate::codes::ApplicationStatus::Received)
                })
            })
    }

    /// The records of a programme before the last one, oldest first (its history).
    pub fn history(&self, programme_id: &str) -> Vec<Application> {
        let mut all: Vec<Application> = self
            .applications
            .iter()
            .filter(|a| a.programme_id == programme_id)
            .cloned()
            .collect();
        all.pop();
        all
    }

    /// Received, or selected for: done as far as what follows is concerned (a follow-on
    /// may come after it; it is never proposed as a new application).
    pub fn has_done(&self, programme_id: &str) -> bool {
        use crate::codes::ApplicationStatus as A;
        matches!(
            self.standing(programme_id).map(|a| a.status),
            Some(A::Received | A::Selected)
        )
    }

    pub fn size_inputs(&self) -> SizeInputs<'_> {
        SizeInputs {
            employees: self.employees,
            revenue_krw: self.revenue_krw,
            ksic: self.ksic.as_deref(),
            assets_krw: self.assets_krw,
            enterprise_group: self.enterprise_group,
        }
    }

    pub fn size_at(&self, at: YearMonth) -> SizeAssessment {
        assess_size(self.size_inputs(), at)
    }

    pub fn ksic_parsed(&self) -> Option<Ksic> {
        self.ksic.as_deref().and_then(Ksic::parse)
    }

    /// 소공인: a manufacturer (KSIC C) with fewer than 10 employees.
    pub fn is_micro_manufacturer(&self) -> Tri {
        match (
            self.ksic_parsed().map(|k| k.is_manufacturing()),
            self.employees,
        ) {
            (Some(false), _) | (_, Some(10..)) => Tri::No,
            (Some(true), Some(_)) => Tri::Yes,
            _ => Tri::Maybe,
        }
    }

    /// Checks the contract rules that need more than the shape: a founding month
    /// not after `now`. Returns every problem.
    pub fn check_dates(&self, now: YearMonth) -> Vec<Problem> {
        let mut out = Vec::new();
        if let Some(f) = self.founded
            && f.earliest() > now
        {
            out.push(Problem::new(
                "founded",
                ProblemKind::Future {
                    value: f.to_string(),
                    now: now.to_string(),
                },
            ));
        }
        out
    }

    /// The profile as `gachi-profile/1` JSON: every contract field, unknowns as null,
    /// then any fields this version does not know.
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("format".into(), json!(PROFILE_FORMAT));
        m.insert("name".into(), json!(self.name));
        m.insert("founded".into(), json!(self.founded.map(|f| f.to_string())));
        m.insert("employees".into(), json!(self.employees));
        m.insert("revenue_krw".into(), json!(self.revenue_krw));
        m.insert("region".into(), json!(self.region));
        m.insert("ksic".into(), json!(self.ksic));
        m.insert("root_technologies".into(), json!(self.root_technologies));
        m.insert("certifications".into(), json!(self.certifications));
        m.insert(
            "smart_factory_level".into(),
            json!(self.smart_factory_level),
        );
        m.insert("exporting".into(), json!(self.exporting));
        m.insert("target_markets".into(), json!(self.target_markets));
        m.insert("goals".into(), json!(self.goals));
        m.insert("funding_need_krw".into(), json!(self.funding_need_krw));
        m.insert("received".into(), json!(self.received));
        if !self.applications.is_empty() {
            m.insert("applications".into(), json!(self.applications));
        }
        if let Some(n) = &self.notes {
            m.insert("notes".into(), json!(n));
        }
        if self.enterprise_group.is_some() {
            m.insert("enterprise_group".into(), json!(self.enterprise_group));
        }
        if self.assets_krw.is_some() {
            m.insert("assets_krw".into(), json!(self.assets_krw));
        }
        for (k, v) in &self.extra {
            m.insert(k.clone(), v.clone());
        }
        Value::Object(m)
    }

    pub fn to_pretty_json(&self) -> String {
        // Serialising a Value built from strings and numbers cannot fail.
        serde_json::to_string_pretty(&self.to_json()).unwrap_or_default() + "\n"
    }
}

impl Serialize for FirmProfile {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_json().serialize(s)
    }
}

/// Reads a profile from bytes, strictly: every problem, each naming its field.
/// `now` is the current month, for the no-future-founding rule.
pub fn parse_profile(bytes: &[u8], now: YearMonth) -> Result<FirmProfile, Vec<Problem>> {
    let value = crate::json_read::parse_json(bytes).map_err(|p| vec![p])?;
    let mut probs = Problems::default();
    let profile = read_profile(&value, &mut probs);
    match profile {
        Some(p) if probs.0.is_empty() => {
            let dates = p.check_dates(now);
            if dates.is_empty() { Ok(p) } else { Err(dates) }
        }
        _ => Err(probs.0),
    }
}

/// Reads a profile from a JSON value (also used for the profile inside a plan).
pub fn read_profile_value(value: &Value, now: YearMonth) -> Result<FirmProfile, Vec<Problem>> {
    let mut probs = Problems::default();
    match read_profile(value, &mut probs) {
        Some(p) if probs.0.is_empty() => {
            let dates = p.check_dates(now);
            if dates.is_empty() { Ok(p) } else { Err(dates) }
        }
        _ => Err(probs.0),
    }
}

fn read_profile(v: &Value, probs: &mut Problems) -> Option<FirmProfile> {
    let o = Obj::new("", v, probs)?;
    match o.req_str("format", probs) {
        Some(PROFILE_FORMAT) => {}
        Some(f) if f.starts_with("gachi-profile/") => {
            probs.push(
                "format",
                ProblemKind::NewerFormat {
                    found: f.to_string(),
                    reads: PROFILE_FORMAT.to_string(),
                },
            );
            return None;
        }
        Some(f) => {
            probs.push(
                "format",
                ProblemKind::NotFormat {
                    found: f.to_string(),
                    doc: Doc::Profile,
                    expected: PROFILE_FORMAT.to_string(),
                },
            );
            return None;
        }
        None => return None,
    }
    let name = o.req_str("name", probs).and_then(|n| {
        let len = n.chars().count();
        if n.trim().is_empty() || len > 200 {
            probs.push(
                "name",
                ProblemKind::OutOfRange {
                    value: len.to_string(),
                    range: RangeOf::NameLength,
                },
            );
            None
        } else {
            Some(n.to_string())
        }
    });
    let founded = o.opt_str("founded", probs).and_then(|s| {
        let f = Founded::parse(s);
        if f.is_none() {
            probs.push(
                "founded",
                ProblemKind::BadDate {
                    value: Some(s.to_string()),
                    form: DateForm::YearOrMonth,
                },
            );
        }
        f
    });
    let employees = o.opt_u64("employees", probs);
    let revenue_krw = o.opt_u64("revenue_krw", probs);
    let region = o.opt_str("region", probs).and_then(|s| {
        let r = Region::from_code(s);
        if r.is_none() {
            probs.push(
                "region",
                ProblemKind::UnknownCode {
                    set: CodeSet::Region,
                    value: s.to_string(),
                    expected: Region::expected(),
                },
            );
        }
        r
    });
    let ksic = o.opt_str("ksic", probs).and_then(|s| {
        if Ksic::parse(s).is_some() {
            Some(s.to_string())
        } else {
            probs.push(
                "ksic",
                Text::new(
                    crate::text::josa(&format!("\"{s}\"은(는) 한국표준산업분류(KSIC) 코드가 아닙니다; 대분류 문자와 2자리 중분류를 적어 주세요 (예: \"C24\", \"J62\", \"G47\")")),
                    format!("\"{s}\" is not a KSIC code; expected a section letter and its 2-digit division, e.g. \"C24\", \"J62\", \"G47\""),
                ),
            );
            None
        }
    });
    let root_technologies = o.opt_code_list(
        "root_technologies",
        probs,
        RootTech::from_code,
        CodeSet::RootTechnology,
        &RootTech::expected(),
    );
    let certifications = o.opt_code_list(
        "certifications",
        probs,
        Certification::from_code,
        CodeSet::Certification,
        &Certification::expected(),
    );
    let smart_factory_level = o.opt_str("smart_factory_level", probs).and_then(|s| {
        let l = SmartFactoryLevel::from_code(s);
        if l.is_none() {
            probs.push(
                "smart_factory_level",
                ProblemKind::UnknownCode {
                    set: CodeSet::SmartFactoryLevel,
                    value: s.to_string(),
                    expected: SmartFactoryLevel::expected(),
                },
            );
        }
        l
    });
    let exporting = o.opt_bool("exporting", probs);
    let target_markets = o.opt_code_list(
        "target_markets",
        probs,
        Market::from_code,
        CodeSet::TargetMarket,
        &Market::expected(),
    );
    let goals = o
        .opt_code_list(
            "goals",
            probs,
            Goal::from_code,
            CodeSet::Goal,
            &Goal::expected(),
        )
        .unwrap_or_default();
    let funding_need_krw = o.opt_u64("funding_need_krw", probs);
    let received: Vec<String> = o
        .opt_str_list("received", probs)
        .unwrap_or_default()
        .into_iter()
        .map(str::to_string)
        .collect();
    let applications = read_applications(&o, probs);
    let notes = o.opt_str("notes", probs).map(str::to_string);
    let enterprise_group = o.opt_bool("enterprise_group", probs);
    let assets_krw = o.opt_u64("assets_krw", probs);
    let extra = o
        .map
        .iter()
        .filter(|(k, _)| !KNOWN_FIELDS.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    Some(FirmProfile {
        name: name?,
        founded,
        employees,
        revenue_krw,
        region,
        ksic,
        root_technologies: root_technologies.map(dedup),
        certifications: certifications.map(dedup),
        smart_factory_level,
        exporting,
        target_markets: target_markets.map(dedup),
        goals: dedup(goals),
        funding_need_krw,
        received,
        applications,
        notes,
        enterprise_group,
        assets_krw,
        extra,
    })
}

fn dedup<T: PartialEq>(v: Vec<T>) -> Vec<T> {
    let mut out: Vec<T> = Vec::with_capacity(v.len());
    for x in v {
        if !out.contains(&x) {
            out.push(x);
        }
    }
    out
}
