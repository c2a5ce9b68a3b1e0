//! Reading JSON contracts field by field, so that every problem is reported at once
//! with its path (`programmes[3].criteria[0].max`) instead of stopping at the first.
//!
//! Every problem has its text in Korean and English: the reading code picks a
//! [`ProblemKind`] (or, for a one-off, writes a [`Text`] with both languages) and
//! the caller shows it in the user's language with [`Problem::in_lang`].

use crate::text::{Lang, Text, josa};
use serde_json::{Map, Value};
use std::fmt;

/// One thing wrong with an input, located by its JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON path of the field; empty for the document as a whole.
    pub path: String,
    /// What is wrong, in Korean and English.
    pub message: Text,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<Text>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
        }
    }

    /// A problem with the document as a whole (no field).
    pub fn whole(message: impl Into<Text>) -> Self {
        Problem::new(String::new(), message)
    }

    /// The problem in one language: `field "region": unknown region …` or
    /// `필드 "region": 알 수 없는 지역 …`; the message alone for the whole document.
    pub fn in_lang(&self, lang: Lang) -> String {
        let message = self.message.get(lang);
        if self.path.is_empty() {
            return message.to_string();
        }
        match lang {
            Lang::Ko => format!("필드 \"{}\": {message}", self.path),
            Lang::En => format!("field \"{}\": {message}", self.path),
        }
    }

    /// Same as [`Problem::in_lang`]; the name the view uses for other texts.
    pub fn text(&self, lang: Lang) -> String {
        self.in_lang(lang)
    }
}

/// English, as before: `field "x": what was expected`.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

/// Problems collected while reading one document.
#[derive(Debug, Default)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    pub fn push(&mut self, path: impl Into<String>, message: impl Into<Text>) {
        self.0.push(Problem::new(path, message));
    }
}

/// The type of a JSON value, as messages name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonType {
    Null,
    Bool,
    Number,
    Text,
    List,
    Object,
}

impl JsonType {
    pub fn of(v: &Value) -> JsonType {
        match v {
            Value::Null => JsonType::Null,
            Value::Bool(_) => JsonType::Bool,
            Value::Number(_) => JsonType::Number,
            Value::String(_) => JsonType::Text,
            Value::Array(_) => JsonType::List,
            Value::Object(_) => JsonType::Object,
        }
    }

    /// "a number" / "숫자", …
    pub fn name(self) -> Text {
        let (ko, en) = match self {
            JsonType::Null => ("null", "null"),
            JsonType::Bool => ("참/거짓", "true/false"),
            JsonType::Number => ("숫자", "a number"),
            JsonType::Text => ("텍스트", "text"),
            JsonType::List => ("목록", "a list"),
            JsonType::Object => ("객체", "an object"),
        };
        Text::new(ko, en)
    }
}

/// Names a JSON value's type for messages, in English.
pub fn type_name(v: &Value) -> &'static str {
    match JsonType::of(v) {
        JsonType::Null => "null",
        JsonType::Bool => "true/false",
        JsonType::Number => "a number",
        JsonType::Text => "text",
        JsonType::List => "a list",
        JsonType::Object => "an object",
    }
}

/// What a field should hold, as messages name it ("expected …", "is required (…)").
pub mod want {
    use crate::text::Text;

    pub fn text() -> Text {
        Text::new("텍스트", "text")
    }
    pub fn object() -> Text {
        Text::new("객체", "an object")
    }
    pub fn list() -> Text {
        Text::new("목록", "a list")
    }
    pub fn true_or_false() -> Text {
        Text::new("참/거짓", "true or false")
    }
    pub fn whole_number() -> Text {
        Text::new("0 이상의 정수", "a whole number ≥ 0")
    }
}

/// Which date form a field takes (each has its own wording).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateForm {
    /// `YYYY` or `YYYY-MM` (a founding date).
    YearOrMonth,
    /// `YYYY-MM`.
    Month,
    /// `YYYY-MM-DD` or `YYYY-MM` (a call's opening or closing).
    DayOrMonth,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (when a source was published).
    SourceDate,
    /// `YYYY-MM-DD`, the day an entry was verified.
    CheckedDay,
}

/// Which range a number fell out of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeOf {
    /// A percentage, 0 to 100.
    Percent,
    /// A month number, 1 to 12.
    MonthNumber,
    /// A year, 1990 to 2100.
    Year,
    /// A duration in months, 1 to 240.
    DurationMonths,
    /// A name's length in characters, 1 to 200.
    NameLength,
}

/// The closed sets of codes, as "unknown …" messages name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeSet {
    Region,
    RootTechnology,
    Certification,
    TargetMarket,
    Goal,
    SmartFactoryLevel,
    SizeClass,
    SupportKind,
    WindowStatus,
    LinkKind,
    Confidence,
    Category,
    Stage,
    CriterionKind,
    ApplicationStatus,
    ExclusionPeriod,
}

impl CodeSet {
    /// Every set, for checks over all of them.
    pub const ALL: [CodeSet; 16] = [
        CodeSet::Region,
        CodeSet::RootTechnology,
        CodeSet::Certification,
        CodeSet::TargetMarket,
        CodeSet::Goal,
        CodeSet::SmartFactoryLevel,
        CodeSet::SizeClass,
        CodeSet::SupportKind,
        CodeSet::WindowStatus,
        CodeSet::LinkKind,
        CodeSet::Confidence,
        CodeSet::Category,
        CodeSet::Stage,
        CodeSet::CriterionKind,
        CodeSet::ApplicationStatus,
        CodeSet::ExclusionPeriod,
    ];

    pub fn name(self) -> Text {
        let (ko, en) = match self {
            CodeSet::Region => ("지역", "region"),
            CodeSet::RootTechnology => ("뿌리기술", "root technology"),
            CodeSet::Certification => ("인증", "certification"),
            CodeSet::TargetMarket => ("목표 시장", "target market"),
            CodeSet::Goal => ("목표", "goal"),
            CodeSet::SmartFactoryLevel => ("스마트공장 수준", "smart-factory level"),
            CodeSet::SizeClass => ("기업 규모", "size class"),
            CodeSet::SupportKind => ("지원 유형", "support kind"),
            CodeSet::WindowStatus => ("접수 상태", "window status"),
            CodeSet::LinkKind => ("연결 유형", "link kind"),
            CodeSet::Confidence => ("신뢰도", "confidence"),
            CodeSet::Category => ("분류", "category"),
            CodeSet::Stage => ("단계", "stage"),
            CodeSet::CriterionKind => ("조건 종류", "criterion kind"),
            CodeSet::ApplicationStatus => ("신청 상태", "application status"),
            CodeSet::ExclusionPeriod => ("중복수혜 제한 기간", "duplicate-support limit period"),
        };
        Text::new(ko, en)
    }
}

/// Which kind of Gachi file a `format` field names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doc {
    Profile,
    Catalogue,
    Plan,
}

impl Doc {
    fn name(self) -> Text {
        match self {
            Doc::Profile => Text::new("프로필", "profile"),
            Doc::Catalogue => Text::new("카탈로그", "catalogue"),
            Doc::Plan => Text::new("계획", "plan"),
        }
    }
}

/// The kinds of problem the readers report. Each call site picks one and fills in
/// what it found; [`ProblemKind::text`] writes the sentence in both languages, and
/// `Display` (an error type, with `thiserror`) its English.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProblemKind {
    /// A value of another JSON type: "expected text, found a number".
    #[error("{}", self.text().en)]
    WrongType { expected: Text, found: JsonType },
    /// A field that must be given: "is required (text)".
    #[error("{}", self.text().en)]
    Required { what: Text },
    /// Text that is blank.
    #[error("{}", self.text().en)]
    Blank,
    /// A negative number where only 0 and up make sense.
    #[error("{}", self.text().en)]
    Negative { value: String },
    /// A fraction where a whole number is needed.
    #[error("{}", self.text().en)]
    NotWhole { value: String },
    /// A number too large to hold (over 64 bits).
    #[error("{}", self.text().en)]
    TooLarge { value: String },
    /// A code outside its closed set: "unknown region "x"; expected one of …".
    #[error("{}", self.text().en)]
    UnknownCode {
        set: CodeSet,
        value: String,
        expected: String,
    },
    /// Text that is not a date (or month) of the expected form.
    #[error("{}", self.text().en)]
    BadDate {
        value: Option<String>,
        form: DateForm,
    },
    /// A date after the current month.
    #[error("{}", self.text().en)]
    Future { value: String, now: String },
    /// A number outside its range.
    #[error("{}", self.text().en)]
    OutOfRange { value: String, range: RangeOf },
    /// `min` above `max`.
    #[error("{}", self.text().en)]
    ImpossibleRange {
        lo: String,
        lo_value: u64,
        hi: String,
        hi_value: u64,
    },
    /// Neither bound given.
    #[error("{}", self.text().en)]
    NeedsOneOf { a: String, b: String },
    /// A link that is not http:// or https://; `why` says what it is for.
    #[error("{}", self.text().en)]
    NotWebAddress {
        value: Option<String>,
        why: Option<Text>,
    },
    /// A programme id used twice.
    #[error("{}", self.text().en)]
    DuplicateId { id: String, first: usize },
    /// A link from a programme to itself.
    #[error("{}", self.text().en)]
    SelfLink { id: String },
    /// A link to a programme the catalogue does not have.
    #[error("{}", self.text().en)]
    UnknownLinkTarget { to: String },
    /// The same link twice.
    #[error("{}", self.text().en)]
    RepeatedLink { kind: String, to: String },
    /// Ordering links that go round in a circle.
    #[error("{}", self.text().en)]
    LinkCycle { members: Vec<String> },
    /// A `format` of a later version of the same file kind.
    #[error("{}", self.text().en)]
    NewerFormat { found: String, reads: String },
    /// A `format` of another kind of file.
    #[error("{}", self.text().en)]
    NotFormat {
        found: String,
        doc: Doc,
        expected: String,
    },
    /// Bytes that are not UTF-8.
    #[error("{}", self.text().en)]
    NotUtf8 { offset: usize },
    /// JSON that stops before its end.
    #[error("{}", self.text().en)]
    CutOff { line: usize, column: usize },
    /// JSON with a syntax error (serde_json's own English detail kept).
    #[error("{}", self.text().en)]
    NotJson {
        line: usize,
        column: usize,
        detail: String,
    },
}

impl ProblemKind {
    /// The sentence in Korean and English (without the field, which
    /// [`Problem::in_lang`] adds).
    pub fn text(&self) -> Text {
        use ProblemKind as K;
        let (ko, en) = match self {
            K::WrongType { expected, found } => {
                let found = found.name();
                (
                    format!("{}(이)가 아니라 {}입니다", expected.ko, found.ko),
                    format!("expected {}, found {}", expected.en, found.en),
                )
            }
            K::Required { what } => (
                format!("필수 항목입니다 ({})", what.ko),
                format!("is required ({})", what.en),
            ),
            K::Blank => ("비어 있으면 안 됩니다".into(), "must not be empty".into()),
            K::Negative { value } => (
                format!("음수일 수 없습니다 (입력값 {value})"),
                format!("must not be negative, found {value}"),
            ),
            K::NotWhole { value } => (
                format!("정수가 아니라 소수입니다 (입력값 {value})"),
                format!("expected a whole number, found {value}"),
            ),
            K::TooLarge { value } => (
                format!("숫자가 너무 큽니다 (입력값 {value})"),
                format!("number {value} is too large"),
            ),
            K::UnknownCode {
                set,
                value,
                expected,
            } => {
                let what = set.name();
                (
                    format!("알 수 없는 {} \"{value}\"; 가능한 값: {expected}", what.ko),
                    format!(
                        "unknown {} \"{value}\"; expected one of {expected}",
                        what.en
                    ),
                )
            }
            K::BadDate { value, form } => bad_date(value.as_deref(), *form),
            K::Future { value, now } => (
                format!("\"{value}\"은(는) 미래 날짜입니다 (현재 {now})"),
                format!("\"{value}\" is in the future (now is {now})"),
            ),
            K::OutOfRange { value, range } => out_of_range(value, *range),
            K::ImpossibleRange {
                lo,
                lo_value,
                hi,
                hi_value,
            } => (
                format!("불가능한 범위: {lo} {lo_value}이(가) {hi} {hi_value}보다 큽니다"),
                format!("impossible range: {lo} {lo_value} is above {hi} {hi_value}"),
            ),
            K::NeedsOneOf { a, b } => (
                format!("{a} 또는 {b} 중 하나가 필요합니다"),
                format!("needs {a} or {b}"),
            ),
            K::NotWebAddress { value, why } => {
                let (ko, en) = match value {
                    Some(v) => (
                        format!("\"{v}\"은(는) http(s) 주소가 아닙니다"),
                        format!("\"{v}\" is not an http(s) address"),
                    ),
                    None => (
                        "http(s) 주소가 아닙니다".to_string(),
                        "is not an http(s) address".to_string(),
                    ),
                };
                match why {
                    Some(w) => (format!("{ko}; {}", w.ko), format!("{en}; {}", w.en)),
                    None => (ko, en),
                }
            }
            K::DuplicateId { id, first } => (
                format!("id \"{id}\"이(가) 중복됩니다 (programmes[{first}]에도 있음)"),
                format!("duplicate id \"{id}\" (also at programmes[{first}])"),
            ),
            K::SelfLink { id } => (
                format!("\"{id}\"이(가) 자기 자신을 가리킵니다"),
                format!("\"{id}\" links to itself"),
            ),
            K::UnknownLinkTarget { to } => (
                format!("카탈로그에 없는 \"{to}\"을(를) 가리킵니다"),
                format!("links to \"{to}\", which is not in the catalogue"),
            ),
            K::RepeatedLink { kind, to } => (
                format!("\"{to}\"(으)로 가는 {kind} 연결이 두 번 있습니다"),
                format!("repeats the {kind} link to \"{to}\""),
            ),
            K::LinkCycle { members } => {
                let cycle = members.join(" → ");
                (
                    format!("선행(prerequisite)·후속(follow_on) 연결이 순환합니다: {cycle}"),
                    format!("the prerequisite/follow_on links form a cycle: {cycle}"),
                )
            }
            K::NewerFormat { found, reads } => (
                format!(
                    "\"{found}\"은(는) 더 새로운 버전의 같이(Gachi)로 만든 파일입니다; 이 버전은 \"{reads}\"만 읽습니다"
                ),
                format!(
                    "\"{found}\" was made by a newer version of Gachi; this version reads \"{reads}\""
                ),
            ),
            K::NotFormat {
                found,
                doc,
                expected,
            } => {
                let doc = doc.name();
                (
                    format!(
                        "\"{found}\"은(는) 같이(Gachi) {} 파일이 아닙니다; \"{expected}\"이어야 합니다",
                        doc.ko
                    ),
                    format!(
                        "\"{found}\" is not a Gachi {}; expected \"{expected}\"",
                        doc.en
                    ),
                )
            }
            K::NotUtf8 { offset } => (
                format!(
                    "UTF-8 텍스트 파일이 아닙니다 ({offset}번째 바이트부터 깨짐); UTF-8로 다시 저장해 주세요"
                ),
                format!(
                    "the file is not UTF-8 text (bad byte at offset {offset}); save it as UTF-8"
                ),
            ),
            K::CutOff { line, column } => (
                format!(
                    "JSON이 중간에 끝납니다 ({line}번째 줄 {column}번째 글자): 파일이 잘린 것 같습니다"
                ),
                format!(
                    "the JSON ends too early (line {line}, column {column}): the file looks cut off"
                ),
            ),
            K::NotJson {
                line,
                column,
                detail,
            } => (
                format!(
                    "올바른 JSON이 아닙니다 ({line}번째 줄 {column}번째 글자): {}",
                    json_detail_ko(detail)
                ),
                format!("not valid JSON: {detail}"),
            ),
        };
        Text::new(josa(&ko), en)
    }
}

impl From<ProblemKind> for Text {
    fn from(k: ProblemKind) -> Text {
        k.text()
    }
}

fn bad_date(value: Option<&str>, form: DateForm) -> (String, String) {
    let v = value.map(|v| format!("\"{v}\"")).unwrap_or_default();
    let subject_ko = if v.is_empty() {
        String::new()
    } else {
        format!("{v}은(는) ")
    };
    let subject_en = if v.is_empty() {
        "is".to_string()
    } else {
        format!("{v} is")
    };
    match form {
        DateForm::YearOrMonth => (
            format!("{subject_ko}올바른 날짜가 아닙니다; YYYY 또는 YYYY-MM 형식이어야 합니다"),
            format!("bad date {v}; expected YYYY or YYYY-MM"),
        ),
        DateForm::Month => (
            format!("{subject_ko}YYYY-MM 형식의 월이 아닙니다"),
            format!("bad month {v}; expected YYYY-MM"),
        ),
        DateForm::DayOrMonth => (
            format!("{subject_ko}실제 날짜가 아닙니다; YYYY-MM-DD 또는 YYYY-MM 형식이어야 합니다"),
            format!("{v} is not a real date; expected YYYY-MM-DD or YYYY-MM"),
        ),
        DateForm::SourceDate => (
            format!("{subject_ko}날짜가 아닙니다; YYYY, YYYY-MM 또는 YYYY-MM-DD 형식이어야 합니다"),
            format!("{subject_en} not a date; expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ),
        DateForm::CheckedDay => (
            format!(
                "{subject_ko}날짜가 아닙니다; 항목을 확인한 날을 YYYY-MM-DD 형식으로 적어 주세요"
            ),
            format!(
                "{subject_en} not a date; expected YYYY-MM-DD (the day the entry was verified)"
            ),
        ),
    }
}

fn out_of_range(value: &str, range: RangeOf) -> (String, String) {
    match range {
        RangeOf::Percent => (
            format!("{value}은(는) 0~100 사이의 비율이 아닙니다"),
            format!("{value} is not a percentage (0 to 100)"),
        ),
        RangeOf::MonthNumber => (
            format!("{value}은(는) 1~12 사이의 월이 아닙니다"),
            format!("{value} is not a month (1 to 12)"),
        ),
        RangeOf::Year => (
            format!("{value}은(는) 있을 수 있는 연도가 아닙니다 (1990~2100)"),
            format!("{value} is not a plausible year"),
        ),
        RangeOf::DurationMonths => (
            format!("{value}개월은 가능한 기간이 아닙니다 (1~240개월)"),
            format!("{value} months is not a possible duration (1 to 240)"),
        ),
        RangeOf::NameLength => (
            format!("1~200자여야 합니다 (지금 {value}자)"),
            format!("must be 1 to 200 characters, found {value}"),
        ),
    }
}

/// serde_json's detail in Korean for the common cases; otherwise its English words.
fn json_detail_ko(detail: &str) -> String {
    let core = detail.split(" at line ").next().unwrap_or(detail);
    match core {
        "recursion limit exceeded" => "중첩이 너무 깊습니다".to_string(),
        "trailing comma" => "끝에 쓸모없는 쉼표가 있습니다".to_string(),
        "expected value" => "값이 있어야 할 자리입니다".to_string(),
        "key must be a string" => "키는 따옴표로 감싼 텍스트여야 합니다".to_string(),
        "lone leading surrogate in hex escape" | "unexpected end of hex escape" => {
            "잘못된 \\u 이스케이프가 있습니다".to_string()
        }
        other => format!("{other} (JSON 문법 오류)"),
    }
}

/// The problem for a value of the wrong type.
pub fn wrong_type(expected: Text, found: &Value) -> ProblemKind {
    ProblemKind::WrongType {
        expected,
        found: JsonType::of(found),
    }
}

pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

pub fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

/// What is wrong with a contract file's `format` text `found` when `expected` was
/// wanted: `None` when it is right; a later version of the same kind of file
/// (`gachi-plan/2` for `gachi-plan/1`); or another kind of file.
pub fn format_problem(found: &str, expected: &str, doc: Doc) -> Option<ProblemKind> {
    if found == expected {
        return None;
    }
    let kind = expected.split('/').next().unwrap_or(expected);
    Some(
        if found
            .strip_prefix(kind)
            .is_some_and(|rest| rest.starts_with('/'))
        {
            ProblemKind::NewerFormat {
                found: found.to_string(),
                reads: expected.to_string(),
            }
        } else {
            ProblemKind::NotFormat {
                found: found.to_string(),
                doc,
                expected: expected.to_string(),
            }
        },
    )
}

/// Reads a text field holding a date in `form` with `parse`, pushing a bad-date
/// problem at `path` when it does not parse.
pub fn read_date_text<T>(
    v: &Value,
    path: &str,
    probs: &mut Problems,
    parse: impl Fn(&str) -> Option<T>,
    form: DateForm,
) -> Option<T> {
    let s = String::read(v, path, probs)?;
    let out = parse(&s);
    if out.is_none() {
        probs.push(
            path,
            ProblemKind::BadDate {
                value: Some(s),
                form,
            },
        );
    }
    out
}

/// A JSON object being read, with its path.
pub struct Obj<'a> {
    pub path: String,
    pub map: &'a Map<String, Value>,
}

impl<'a> Obj<'a> {
    pub fn new(path: impl Into<String>, v: &'a Value, probs: &mut Problems) -> Option<Obj<'a>> {
        let path = path.into();
        match v {
            Value::Object(map) => Some(Obj { path, map }),
            other => {
                probs.push(path, wrong_type(want::object(), other));
                None
            }
        }
    }

    pub fn path_of(&self, key: &str) -> String {
        join(&self.path, key)
    }

    /// The value, treating JSON null as absent.
    pub fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    pub fn has(&self, key: &str) -> bool {
        self.map.contains_key(key)
    }

    pub fn opt_str(&self, key: &str, probs: &mut Problems) -> Option<&'a str> {
        match self.get(key)? {
            Value::String(s) => Some(s),
            other => {
                probs.push(self.path_of(key), wrong_type(want::text(), other));
                None
            }
        }
    }

    /// Checks the object's `format` against `expected`, pushing what is wrong (absent,
    /// a later version, another kind of file). True only when it is `expected`.
    pub fn check_format(&self, expected: &str, doc: Doc, probs: &mut Problems) -> bool {
        match self.req_str("format", probs) {
            Some(f) => match format_problem(f, expected, doc) {
                None => true,
                Some(k) => {
                    probs.push(self.path_of("format"), k);
                    false
                }
            },
            None => false,
        }
    }

    pub fn req_str(&self, key: &str, probs: &mut Problems) -> Option<&'a str> {
        if self.get(key).is_none() {
            probs.push(
                self.path_of(key),
                ProblemKind::Required { what: want::text() },
            );
            return None;
        }
        self.opt_str(key, probs)
    }

    /// Required text that is not blank.
    pub fn req_nonempty(&self, key: &str, probs: &mut Problems) -> Option<&'a str> {
        let s = self.req_str(key, probs)?;
        if s.trim().is_empty() {
            probs.push(self.path_of(key), ProblemKind::Blank);
            return None;
        }
        Some(s)
    }

    /// A whole number ≥ 0 that fits in 64 bits.
    pub fn opt_u64(&self, key: &str, probs: &mut Problems) -> Option<u64> {
        u64::read(self.get(key)?, &self.path_of(key), probs)
    }

    pub fn opt_bool(&self, key: &str, probs: &mut Problems) -> Option<bool> {
        bool::read(self.get(key)?, &self.path_of(key), probs)
    }

    /// A field read by its type ([`FieldValue`]): absent or null gives the type's
    /// [`FieldValue::absent`] value, or "is required" when it has none.
    pub fn field<T: FieldValue>(&self, key: &str, probs: &mut Problems) -> Option<T> {
        match self.get(key) {
            Some(v) => T::read(v, &self.path_of(key), probs),
            None => T::absent().or_else(|| {
                probs.push(self.path_of(key), ProblemKind::Required { what: T::want() });
                None
            }),
        }
    }

    pub fn opt_arr(&self, key: &str, probs: &mut Problems) -> Option<&'a Vec<Value>> {
        match self.get(key)? {
            Value::Array(a) => Some(a),
            other => {
                probs.push(self.path_of(key), wrong_type(want::list(), other));
                None
            }
        }
    }

    pub fn opt_obj(&self, key: &str, probs: &mut Problems) -> Option<Obj<'a>> {
        let v = self.get(key)?;
        Obj::new(self.path_of(key), v, probs)
    }

    pub fn req_obj(&self, key: &str, probs: &mut Problems) -> Option<Obj<'a>> {
        if self.get(key).is_none() {
            probs.push(
                self.path_of(key),
                ProblemKind::Required {
                    what: want::object(),
                },
            );
            return None;
        }
        self.opt_obj(key, probs)
    }

    /// A list of text items, each checked.
    pub fn opt_str_list(&self, key: &str, probs: &mut Problems) -> Option<Vec<&'a str>> {
        let arr = self.opt_arr(key, probs)?;
        let path = self.path_of(key);
        let mut out = Vec::with_capacity(arr.len());
        for (i, v) in arr.iter().enumerate() {
            match v {
                Value::String(s) => out.push(s.as_str()),
                other => probs.push(index(&path, i), wrong_type(want::text(), other)),
            }
        }
        Some(out)
    }

    /// A list of codes from a closed set; unknown codes are reported and dropped.
    pub fn opt_code_list<T>(
        &self,
        key: &str,
        probs: &mut Problems,
        parse: impl Fn(&str) -> Option<T>,
        set: CodeSet,
        expected: &str,
    ) -> Option<Vec<T>> {
        let items = self.opt_str_list(key, probs)?;
        let path = self.path_of(key);
        let mut out = Vec::with_capacity(items.len());
        for (i, s) in items.iter().enumerate() {
            match parse(s) {
                Some(c) => out.push(c),
                None => probs.push(
                    index(&path, i),
                    ProblemKind::UnknownCode {
                        set,
                        value: s.to_string(),
                        expected: expected.to_string(),
                    },
                ),
            }
        }
        Some(out)
    }

    /// A `{ "ko": …, "en": … }` pair, both required and not blank.
    pub fn req_text(&self, key: &str, probs: &mut Problems) -> Option<Text> {
        let o = self.req_obj(key, probs)?;
        let ko = o.req_nonempty("ko", probs);
        let en = o.req_nonempty("en", probs);
        Some(Text::new(ko?, en?))
    }

    pub fn opt_text(&self, key: &str, probs: &mut Problems) -> Option<Text> {
        self.get(key)?;
        self.req_text(key, probs)
    }
}

/// A type a contract field holds: read from one JSON value with every problem pushed
/// under its path, and written back. The field's type chooses its reading, so a
/// record declares each field once (name and type) and [`Obj::field`] does the rest.
pub trait FieldValue: Sized {
    /// Lists of it drop repeated items, keeping the first (a set of codes).
    const SET: bool = false;

    /// What the field should hold, as "is required (…)" names it.
    fn want() -> Text;

    /// Reads a value that is present and not null; `None` once its problems are pushed.
    fn read(v: &Value, path: &str, probs: &mut Problems) -> Option<Self>;

    /// The value of an absent or null field; `None` when the field is required.
    fn absent() -> Option<Self> {
        None
    }

    /// The value as JSON.
    fn write(&self) -> Value;

    /// Whether there is something to write for a field written only when given (an
    /// `Option` that is `Some`, a list that is not empty).
    fn given(&self) -> bool {
        true
    }
}

impl FieldValue for u64 {
    fn want() -> Text {
        want::whole_number()
    }

    fn read(v: &Value, path: &str, probs: &mut Problems) -> Option<u64> {
        let Value::Number(n) = v else {
            probs.push(path, wrong_type(want::whole_number(), v));
            return None;
        };
        if let Some(u) = n.as_u64() {
            return Some(u);
        }
        let value = n.to_string();
        let kind = if n.as_i64().is_some_and(|i| i < 0) || n.as_f64().is_some_and(|f| f < 0.0) {
            ProblemKind::Negative { value }
        } else if n.is_f64() && n.as_f64().is_some_and(|f| f.fract() != 0.0) {
            ProblemKind::NotWhole { value }
        } else {
            ProblemKind::TooLarge { value }
        };
        probs.push(path, kind);
        None
    }

    fn write(&self) -> Value {
        Value::from(*self)
    }
}

impl FieldValue for bool {
    fn want() -> Text {
        want::true_or_false()
    }

    fn read(v: &Value, path: &str, probs: &mut Problems) -> Option<bool> {
        match v {
            Value::Bool(b) => Some(*b),
            other => {
                probs.push(path, wrong_type(want::true_or_false(), other));
                None
            }
        }
    }

    fn write(&self) -> Value {
        Value::Bool(*self)
    }
}

impl FieldValue for String {
    fn want() -> Text {
        want::text()
    }

    fn read(v: &Value, path: &str, probs: &mut Problems) -> Option<String> {
        match v {
            Value::String(s) => Some(s.clone()),
            other => {
                probs.push(path, wrong_type(want::text(), other));
                None
            }
        }
    }

    fn write(&self) -> Value {
        Value::String(self.clone())
    }
}

/// Optional: absent or null is `None` (unknown).
impl<T: FieldValue> FieldValue for Option<T> {
    fn want() -> Text {
        T::want()
    }

    fn read(v: &Value, path: &str, probs: &mut Problems) -> Option<Option<T>> {
        T::read(v, path, probs).map(Some)
    }

    fn absent() -> Option<Option<T>> {
        Some(None)
    }

    fn write(&self) -> Value {
        self.as_ref().map_or(Value::Null, T::write)
    }

    fn given(&self) -> bool {
        self.is_some()
    }
}

/// A list, each item read at `path[i]`; absent or null is empty. The items that read
/// are kept (those with a problem are left out, their problems pushed).
impl<T: FieldValue + PartialEq> FieldValue for Vec<T> {
    fn want() -> Text {
        want::list()
    }

    fn read(v: &Value, path: &str, probs: &mut Problems) -> Option<Vec<T>> {
        let Value::Array(items) = v else {
            probs.push(path, wrong_type(want::list(), v));
            return None;
        };
        let mut out: Vec<T> = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            if let Some(x) = T::read(item, &index(path, i), probs)
                && !(T::SET && out.contains(&x))
            {
                out.push(x);
            }
        }
        Some(out)
    }

    fn absent() -> Option<Vec<T>> {
        Some(Vec::new())
    }

    fn write(&self) -> Value {
        Value::Array(self.iter().map(T::write).collect())
    }

    fn given(&self) -> bool {
        !self.is_empty()
    }
}

/// Parses JSON text with messages a person can act on (BOM, encoding, syntax with line).
pub fn parse_json(bytes: &[u8]) -> Result<Value, Problem> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Problem::whole(ProblemKind::NotUtf8 {
            offset: e.valid_up_to(),
        })
    })?;
    serde_json::from_str(text).map_err(|e| {
        Problem::whole(if e.is_eof() {
            ProblemKind::CutOff {
                line: e.line(),
                column: e.column(),
            }
        } else {
            ProblemKind::NotJson {
                line: e.line(),
                column: e.column(),
                detail: e.to_string(),
            }
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn both(k: ProblemKind) -> (String, String) {
        let t = k.text();
        (t.ko, t.en)
    }

    #[test]
    fn every_kind_has_korean_and_english() {
        use ProblemKind as K;
        let cases: Vec<(ProblemKind, &str, &str)> = vec![
            (
                wrong_type(want::text(), &json!(8)),
                "텍스트가 아니라 숫자입니다",
                "expected text, found a number",
            ),
            (
                wrong_type(want::whole_number(), &json!("eight")),
                "0 이상의 정수가 아니라 텍스트입니다",
                "expected a whole number ≥ 0, found text",
            ),
            (
                wrong_type(want::list(), &json!({})),
                "목록이 아니라 객체입니다",
                "expected a list, found an object",
            ),
            (
                wrong_type(want::true_or_false(), &Value::Null),
                "참/거짓이 아니라 null입니다",
                "expected true or false, found null",
            ),
            (
                wrong_type(want::object(), &json!([true])),
                "객체가 아니라 목록입니다",
                "expected an object, found a list",
            ),
            (
                K::Required { what: want::text() },
                "필수 항목입니다 (텍스트)",
                "is required (text)",
            ),
            (K::Blank, "비어 있으면 안 됩니다", "must not be empty"),
            (
                K::Negative { value: "-3".into() },
                "음수일 수 없습니다 (입력값 -3)",
                "must not be negative, found -3",
            ),
            (
                K::NotWhole {
                    value: "8.5".into(),
                },
                "정수가 아니라 소수입니다 (입력값 8.5)",
                "expected a whole number, found 8.5",
            ),
            (
                K::TooLarge {
                    value: "1e30".into(),
                },
                "숫자가 너무 큽니다 (입력값 1e30)",
                "number 1e30 is too large",
            ),
            (
                K::UnknownCode {
                    set: CodeSet::Region,
                    value: "gyungnam".into(),
                    expected: "seoul, busan".into(),
                },
                "알 수 없는 지역 \"gyungnam\"; 가능한 값: seoul, busan",
                "unknown region \"gyungnam\"; expected one of seoul, busan",
            ),
            (
                K::BadDate {
                    value: Some("2026-13".into()),
                    form: DateForm::Month,
                },
                "\"2026-13\"은 YYYY-MM 형식의 월이 아닙니다",
                "bad month \"2026-13\"; expected YYYY-MM",
            ),
            (
                K::BadDate {
                    value: Some("March 2009".into()),
                    form: DateForm::YearOrMonth,
                },
                "\"March 2009\"는 올바른 날짜가 아닙니다; YYYY 또는 YYYY-MM 형식이어야 합니다",
                "bad date \"March 2009\"; expected YYYY or YYYY-MM",
            ),
            (
                K::BadDate {
                    value: Some("2026-02-30".into()),
                    form: DateForm::DayOrMonth,
                },
                "\"2026-02-30\"은 실제 날짜가 아닙니다; YYYY-MM-DD 또는 YYYY-MM 형식이어야 합니다",
                "\"2026-02-30\" is not a real date; expected YYYY-MM-DD or YYYY-MM",
            ),
            (
                K::BadDate {
                    value: None,
                    form: DateForm::SourceDate,
                },
                "날짜가 아닙니다; YYYY, YYYY-MM 또는 YYYY-MM-DD 형식이어야 합니다",
                "is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD",
            ),
            (
                K::BadDate {
                    value: Some("soon".into()),
                    form: DateForm::CheckedDay,
                },
                "\"soon\"은 날짜가 아닙니다; 항목을 확인한 날을 YYYY-MM-DD 형식으로 적어 주세요",
                "\"soon\" is not a date; expected YYYY-MM-DD (the day the entry was verified)",
            ),
            (
                K::Future {
                    value: "2099-07".into(),
                    now: "2026-12".into(),
                },
                "\"2099-07\"은 미래 날짜입니다 (현재 2026-12)",
                "\"2099-07\" is in the future (now is 2026-12)",
            ),
            (
                K::OutOfRange {
                    value: "150".into(),
                    range: RangeOf::Percent,
                },
                "150은 0~100 사이의 비율이 아닙니다",
                "150 is not a percentage (0 to 100)",
            ),
            (
                K::OutOfRange {
                    value: "13".into(),
                    range: RangeOf::MonthNumber,
                },
                "13은 1~12 사이의 월이 아닙니다",
                "13 is not a month (1 to 12)",
            ),
            (
                K::OutOfRange {
                    value: "1899".into(),
                    range: RangeOf::Year,
                },
                "1899는 있을 수 있는 연도가 아닙니다 (1990~2100)",
                "1899 is not a plausible year",
            ),
            (
                K::OutOfRange {
                    value: "300".into(),
                    range: RangeOf::DurationMonths,
                },
                "300개월은 가능한 기간이 아닙니다 (1~240개월)",
                "300 months is not a possible duration (1 to 240)",
            ),
            (
                K::OutOfRange {
                    value: "201".into(),
                    range: RangeOf::NameLength,
                },
                "1~200자여야 합니다 (지금 201자)",
                "must be 1 to 200 characters, found 201",
            ),
            (
                K::ImpossibleRange {
                    lo: "min".into(),
                    lo_value: 50,
                    hi: "max".into(),
                    hi_value: 9,
                },
                "불가능한 범위: min 50이 max 9보다 큽니다",
                "impossible range: min 50 is above max 9",
            ),
            (
                K::NeedsOneOf {
                    a: "min".into(),
                    b: "max".into(),
                },
                "min 또는 max 중 하나가 필요합니다",
                "needs min or max",
            ),
            (
                K::NotWebAddress {
                    value: Some("javascript:alert(1)".into()),
                    why: None,
                },
                "\"javascript:alert(1)\"는 http(s) 주소가 아닙니다",
                "\"javascript:alert(1)\" is not an http(s) address",
            ),
            (
                K::DuplicateId {
                    id: "mss-alpha".into(),
                    first: 0,
                },
                "id \"mss-alpha\"가 중복됩니다 (programmes[0]에도 있음)",
                "duplicate id \"mss-alpha\" (also at programmes[0])",
            ),
            (
                K::SelfLink {
                    id: "mss-alpha".into(),
                },
                "\"mss-alpha\"가 자기 자신을 가리킵니다",
                "\"mss-alpha\" links to itself",
            ),
            (
                K::UnknownLinkTarget {
                    to: "motie-gamma".into(),
                },
                "카탈로그에 없는 \"motie-gamma\"를 가리킵니다",
                "links to \"motie-gamma\", which is not in the catalogue",
            ),
            (
                K::RepeatedLink {
                    kind: "follow_on".into(),
                    to: "motie-beta".into(),
                },
                "\"motie-beta\"로 가는 follow_on 연결이 두 번 있습니다",
                "repeats the follow_on link to \"motie-beta\"",
            ),
            (
                K::LinkCycle {
                    members: vec!["a".into(), "b".into(), "a".into()],
                },
                "선행(prerequisite)·후속(follow_on) 연결이 순환합니다: a → b → a",
                "the prerequisite/follow_on links form a cycle: a → b → a",
            ),
            (
                K::NewerFormat {
                    found: "gachi-profile/2".into(),
                    reads: "gachi-profile/1".into(),
                },
                "\"gachi-profile/2\"는 더 새로운 버전의 같이(Gachi)로 만든 파일입니다; 이 버전은 \"gachi-profile/1\"만 읽습니다",
                "\"gachi-profile/2\" was made by a newer version of Gachi; this version reads \"gachi-profile/1\"",
            ),
            (
                K::NotFormat {
                    found: "gachi-catalogue/1".into(),
                    doc: Doc::Profile,
                    expected: "gachi-profile/1".into(),
                },
                "\"gachi-catalogue/1\"은 같이(Gachi) 프로필 파일이 아닙니다; \"gachi-profile/1\"이어야 합니다",
                "\"gachi-catalogue/1\" is not a Gachi profile; expected \"gachi-profile/1\"",
            ),
            (
                K::NotUtf8 { offset: 12 },
                "UTF-8 텍스트 파일이 아닙니다 (12번째 바이트부터 깨짐); UTF-8로 다시 저장해 주세요",
                "the file is not UTF-8 text (bad byte at offset 12); save it as UTF-8",
            ),
            (
                K::CutOff { line: 3, column: 1 },
                "JSON이 중간에 끝납니다 (3번째 줄 1번째 글자): 파일이 잘린 것 같습니다",
                "the JSON ends too early (line 3, column 1): the file looks cut off",
            ),
            (
                K::NotJson {
                    line: 1,
                    column: 129,
                    detail: "recursion limit exceeded at line 1 column 129".into(),
                },
                "올바른 JSON이 아닙니다 (1번째 줄 129번째 글자): 중첩이 너무 깊습니다",
                "not valid JSON: recursion limit exceeded at line 1 column 129",
            ),
        ];
        for (kind, ko, en) in cases {
            assert_eq!(
                both(kind.clone()),
                (ko.to_string(), en.to_string()),
                "{kind:?}"
            );
        }
    }

    #[test]
    fn every_code_set_is_named_in_both_languages() {
        for set in CodeSet::ALL {
            let n = set.name();
            assert!(
                !n.ko.is_empty() && n.ko.chars().any(|c| c > '\u{3000}'),
                "{set:?}"
            );
            assert!(n.en.is_ascii() && !n.en.is_empty(), "{set:?}");
        }
    }

    #[test]
    fn a_problem_names_its_field_in_the_chosen_language() {
        let p = Problem::new(
            "region",
            ProblemKind::UnknownCode {
                set: CodeSet::Region,
                value: "gyungnam".into(),
                expected: "seoul, busan".into(),
            },
        );
        assert_eq!(
            p.in_lang(Lang::Ko),
            "필드 \"region\": 알 수 없는 지역 \"gyungnam\"; 가능한 값: seoul, busan"
        );
        assert_eq!(
            p.in_lang(Lang::En),
            "field \"region\": unknown region \"gyungnam\"; expected one of seoul, busan"
        );
        assert_eq!(p.to_string(), p.in_lang(Lang::En), "Display stays English");
        let whole = Problem::whole(ProblemKind::CutOff { line: 1, column: 1 });
        assert!(whole.in_lang(Lang::Ko).starts_with("JSON이 중간에"));
    }

    #[test]
    fn reading_reports_each_problem_in_both_languages() {
        let v = json!({"n": "8", "s": 3, "e": " ", "b": "yes"});
        let mut probs = Problems::default();
        let o = Obj::new("", &v, &mut probs).expect("an object");
        assert_eq!(o.opt_u64("n", &mut probs), None);
        assert_eq!(o.req_str("s", &mut probs), None);
        assert_eq!(o.req_nonempty("e", &mut probs), None);
        assert_eq!(o.opt_bool("b", &mut probs), None);
        assert_eq!(o.req_str("missing", &mut probs), None);
        let ko: Vec<String> = probs.0.iter().map(|p| p.in_lang(Lang::Ko)).collect();
        assert_eq!(
            ko,
            [
                "필드 \"n\": 0 이상의 정수가 아니라 텍스트입니다",
                "필드 \"s\": 텍스트가 아니라 숫자입니다",
                "필드 \"e\": 비어 있으면 안 됩니다",
                "필드 \"b\": 참/거짓이 아니라 텍스트입니다",
                "필드 \"missing\": 필수 항목입니다 (텍스트)",
            ]
        );
        assert_eq!(
            probs.0[1].to_string(),
            "field \"s\": expected text, found a number"
        );
    }
}
