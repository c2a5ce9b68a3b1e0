//! The firm profile (`gachi-profile/1`), its strict reading, and facts derived from it.

mod application;
mod size;

pub use crate::ksic::{Ksic, MANUFACTURING, SECTIONS, ksic_prefix_ok};
pub use application::{Application, read_applications};
pub use size::{REFORM_2025, SizeAssessment, SizeFacts, SizeInputs, Tri, assess_size};

use crate::codes::{Certification, Goal, Market, Region, RootTech, SmartFactoryLevel};
use crate::json_read::{
    CodeSet, DateForm, Doc, FieldValue, Obj, Problem, ProblemKind, Problems, RangeOf,
};
use crate::month::YearMonth;
use crate::text::Text;
use serde::Serialize;
use serde_json::{Map, Value};
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

/// The profile's fields, each written once: its doc, name and type, whether it is
/// written always (unknown as null) or only when given, and an optional check beyond
/// its type. From this table come the `FirmProfile` struct, `KNOWN_FIELDS`, the
/// reading (each field by its type's [`FieldValue`] reading, then its check) and
/// the writing. A new field is one line here (docs/formats.md §1 too).
macro_rules! profile_fields {
    ($($(#[$doc:meta])* $field:ident: $ty:ty, $written:ident $(, check = $check:path)?;)*) => {
        /// A firm as the questionnaire or a profile file describes it. `None` = unknown.
        #[derive(Debug, Clone, PartialEq, Default)]
        pub struct FirmProfile {
            $($(#[$doc])* pub $field: $ty,)*
            /// Fields this version does not know, kept as they were so nothing is lost.
            pub extra: BTreeMap<String, Value>,
        }

        /// Every field of `gachi-profile/1` (docs/formats.md §1); others are kept as `extra`.
        pub const KNOWN_FIELDS: &[&str] = &["format", $(stringify!($field)),*];

        impl FirmProfile {
            /// Reads every field of the table from the profile object, pushing each
            /// problem with its path; `None` when a field has one.
            fn read_fields(o: &Obj, probs: &mut Problems) -> Option<FirmProfile> {
                $(
                    let $field = o.field::<$ty>(stringify!($field), probs)
                        $(.filter(|v| $check(v, &o.path_of(stringify!($field)), probs)))?;
                )*
                let extra = o
                    .map
                    .iter()
                    .filter(|(k, _)| !KNOWN_FIELDS.contains(&k.as_str()))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                Some(FirmProfile { $($field: $field?,)* extra })
            }

            /// Writes every field of the table that its rule writes.
            fn write_fields(&self, m: &mut Map<String, Value>) {
                $(
                    if $written(&self.$field) {
                        m.insert(stringify!($field).into(), self.$field.write());
                    }
                )*
            }
        }
    };
}

/// `"YYYY"` or `"YYYY-MM"`.
impl FieldValue for Founded {
    fn want() -> Text {
        crate::json_read::want::text()
    }

    fn read(v: &Value, path: &str, probs: &mut Problems) -> Option<Founded> {
        crate::json_read::read_date_text(v, path, probs, Founded::parse, DateForm::YearOrMonth)
    }

    fn write(&self) -> Value {
        Value::String(self.to_string())
    }
}

profile_fields! {
    /// The firm's name, 1 to 200 characters (required).
    name: String, always, check = check_name;
    /// When the firm was founded (business age is derived from it).
    founded: Option<Founded>, always;
    /// Regular employees (상시근로자).
    employees: Option<u64>, always;
    /// Last fiscal year's sales, in won.
    revenue_krw: Option<u64>, always;
    /// The head office's 시·도.
    region: Option<Region>, always;
    /// KSIC section letter and 2-digit division, e.g. "C24".
    ksic: Option<String>, always, check = check_ksic;
    /// The 뿌리기술 the firm works in; `[]` = none.
    root_technologies: Option<Vec<RootTech>>, always;
    /// Certifications held now; `[]` = none.
    certifications: Option<Vec<Certification>>, always;
    /// The current smart-factory level.
    smart_factory_level: Option<SmartFactoryLevel>, always;
    /// Exports today.
    exporting: Option<bool>, always;
    /// Markets the firm wants to enter.
    target_markets: Option<Vec<Market>>, always;
    /// What the firm wants help with; empty = every kind of support.
    goals: Vec<Goal>, always;
    /// Money the firm needs over the plan, in won.
    funding_need_krw: Option<u64>, always;
    /// Programmes already received (ids).
    received: Vec<String>, always;
    /// Added field (2026-12): the firm's applications, oldest first; the last record of a
    /// programme is where it stands now, the earlier ones its history.
    applications: Vec<Application>, when_given;
    /// Free text, kept as is.
    notes: Option<String>, when_given;
    /// Added field: belongs to a 상호출자제한기업집단 (decides 대기업).
    enterprise_group: Option<bool>, when_given;
    /// Added field: total assets (≥ 5,000억 rules out SME status).
    assets_krw: Option<u64>, when_given;
}

/// Write rule of a field written even when unknown (as null).
fn always<T>(_: &T) -> bool {
    true
}

/// Write rule of a field written only when given.
fn when_given<T: FieldValue>(v: &T) -> bool {
    v.given()
}

/// `name`: not blank, at most 200 characters.
fn check_name(n: &str, path: &str, probs: &mut Problems) -> bool {
    let len = n.chars().count();
    let ok = !n.trim().is_empty() && len <= 200;
    if !ok {
        probs.push(
            path,
            ProblemKind::OutOfRange {
                value: len.to_string(),
                range: RangeOf::NameLength,
            },
        );
    }
    ok
}

/// `ksic`: a KSIC section and division that exist.
fn check_ksic(k: &Option<String>, path: &str, probs: &mut Problems) -> bool {
    let Some(s) = k else { return true };
    if Ksic::parse(s).is_some() {
        return true;
    }
    probs.push(
        path,
        Text::new(
            crate::text::josa(&format!("\"{s}\"은(는) 한국표준산업분류(KSIC) 코드가 아닙니다; 대분류 문자와 2자리 중분류를 적어 주세요 (예: \"C24\", \"J62\", \"G47\")")),
            format!("\"{s}\" is not a KSIC code; expected a section letter and its 2-digit division, e.g. \"C24\", \"J62\", \"G47\""),
        ),
    );
    false
}

/// The closed code lists as field values: text, one of the list's codes; lists of
/// them are sets.
macro_rules! code_values {
    ($($t:ty => $set:expr),* $(,)?) => {$(
        impl FieldValue for $t {
            const SET: bool = true;

            fn want() -> Text {
                crate::json_read::want::text()
            }

            fn read(v: &Value, path: &str, probs: &mut Problems) -> Option<Self> {
                let s = String::read(v, path, probs)?;
                let code = <$t>::from_code(&s);
                if code.is_none() {
                    probs.push(
                        path,
                        ProblemKind::UnknownCode {
                            set: $set,
                            value: s,
                            expected: <$t>::expected(),
                        },
                    );
                }
                code
            }

            fn write(&self) -> Value {
                Value::from(self.code())
            }
        }
    )*};
}

code_values!(
    Region => CodeSet::Region,
    RootTech => CodeSet::RootTechnology,
    Certification => CodeSet::Certification,
    SmartFactoryLevel => CodeSet::SmartFactoryLevel,
    Market => CodeSet::TargetMarket,
    Goal => CodeSet::Goal,
    crate::codes::ApplicationStatus => CodeSet::ApplicationStatus,
);

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
        self.records_of(programme_id)
            .last()
            .map(|a| (*a).clone())
            .or_else(|| {
                self.received.iter().any(|r| r == programme_id).then(|| {
                    Application::new(programme_id, crate::codes::ApplicationStatus::Received)
                })
            })
    }

    /// The records of a programme before the last one, oldest first (its history).
    pub fn history(&self, programme_id: &str) -> Vec<Application> {
        let mut all: Vec<Application> =
            self.records_of(programme_id).into_iter().cloned().collect();
        all.pop();
        all
    }

    /// A programme's records in month order (the file's order where months are equal
    /// or absent; a record without a month stays after the one before it): the month
    /// decides, not where a record was written (ninth trial: an "applied 2026-02"
    /// written after "rejected 2026-10" was read as the newest).
    pub fn records_of(&self, programme_id: &str) -> Vec<&Application> {
        self.record_positions(programme_id)
            .into_iter()
            .map(|k| &self.applications[k])
            .collect()
    }

    /// Positions in `applications` of a programme's records, in month order (as
    /// [`Self::records_of`]); the last is the record in use, the one an edit changes.
    pub fn record_positions(&self, programme_id: &str) -> Vec<usize> {
        let mut keyed: Vec<(Option<YearMonth>, usize)> = Vec::new();
        let mut carry: Option<YearMonth> = None;
        for (k, a) in self.applications.iter().enumerate() {
            if a.programme_id == programme_id {
                carry = a.month.or(carry);
                keyed.push((carry, k));
            }
        }
        keyed.sort();
        keyed.into_iter().map(|(_, k)| k).collect()
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
        m.insert("format".into(), Value::from(PROFILE_FORMAT));
        self.write_fields(&mut m);
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
    read_profile_value(&value, now)
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
    if !o.check_format(PROFILE_FORMAT, Doc::Profile, probs) {
        return None;
    }
    FirmProfile::read_fields(&o, probs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The written shape is the contract: every field of the table, unknowns as null;
    /// `applications`, `notes`, `enterprise_group` and `assets_krw` only when given;
    /// extra fields written back as they were.
    #[test]
    fn writes_the_contract_shape() {
        let bare = FirmProfile::new("모름상사");
        assert_eq!(
            bare.to_json(),
            json!({
                "format": "gachi-profile/1", "name": "모름상사", "founded": null,
                "employees": null, "revenue_krw": null, "region": null, "ksic": null,
                "root_technologies": null, "certifications": null,
                "smart_factory_level": null, "exporting": null, "target_markets": null,
                "goals": [], "funding_need_krw": null, "received": []
            })
        );
        let text = r#"{"format": "gachi-profile/1", "name": "대성주물", "founded": "2009-03",
            "employees": 8, "revenue_krw": 2400000000, "region": "gyeongnam", "ksic": "C24",
            "root_technologies": ["casting", "casting"], "certifications": [],
            "smart_factory_level": "none", "exporting": false, "target_markets": ["eu"],
            "goals": ["automation", "digital"], "funding_need_krw": 500000000,
            "received": ["a", "a"], "notes": "메모", "enterprise_group": false,
            "assets_krw": 7,
            "applications": [{"programme_id": "mss-x", "status": "rejected", "month": "2026-04"}],
            "score": -1.5}"#;
        let now = YearMonth {
            year: 2026,
            month: 12,
        };
        let p = parse_profile(text.as_bytes(), now).expect("reads");
        let mut want: Value = serde_json::from_str(text).expect("json");
        // Codes are a set (the repeat dropped); ids are kept as written.
        want["root_technologies"] = json!(["casting"]);
        assert_eq!(p.to_json(), want);
        assert_eq!(parse_profile(p.to_pretty_json().as_bytes(), now), Ok(p));
    }

    #[test]
    fn every_written_field_is_known_once() {
        assert_eq!(KNOWN_FIELDS[0], "format");
        let written: Vec<String> = FirmProfile::new("x")
            .to_json()
            .as_object()
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default();
        for k in &written {
            assert!(KNOWN_FIELDS.contains(&k.as_str()), "{k}");
        }
        let mut unique = KNOWN_FIELDS.to_vec();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), KNOWN_FIELDS.len());
    }
}
