//! The programme catalogue as the engine sees it (typed, validated).
//! Serialises to the `gachi-catalogue/1` file format (docs/catalogue-format.md).

use crate::codes::{Certification, Goal, Region, RootTech, SizeClass, SmartFactoryLevel};
use crate::month::YearMonth;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub const CATALOGUE_FORMAT: &str = "gachi-catalogue/1";

#[derive(Debug, Clone, Serialize)]
pub struct Catalogue {
    pub format: &'static str,
    pub id: String,
    pub version: String,
    pub as_of: YearMonth,
    pub notice: Text,
    pub programmes: Vec<Programme>,
    /// 중복수혜 limits by count over a group of programmes (2026-12); absent when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub limits: Vec<GroupLimit>,
    /// Programme id → position, built once on load.
    #[serde(skip)]
    pub index: HashMap<String, usize>,
    /// SHA-256 (hex) of the bytes the catalogue was read from.
    #[serde(skip)]
    pub sha256: String,
    /// For each programme, the links that point at it: (from position, kind).
    #[serde(skip)]
    pub incoming: Vec<Vec<(usize, LinkKind)>>,
    /// For each programme, its own links as (to position, kind).
    #[serde(skip)]
    pub outgoing: Vec<Vec<(usize, LinkKind)>>,
    /// Positions in an order where every prerequisite/follow_on comes first.
    #[serde(skip)]
    pub link_order: Vec<usize>,
    #[serde(skip)]
    pub has_prerequisites: bool,
    /// Any `excludes` link (중복수혜 limit), so plans without them skip the check.
    #[serde(skip)]
    pub has_exclusions: bool,
}

impl Catalogue {
    pub fn get(&self, id: &str) -> Option<&Programme> {
        self.index.get(id).map(|&i| &self.programmes[i])
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    pub fn link_count(&self) -> usize {
        self.programmes.iter().map(|p| p.links.len()).sum()
    }

    /// How current the entries are: calls that opened in the 2026 cycle (from
    /// 2025-09, when the 2026 통합공고 began), only older calls, or no dated call; and
    /// how many entries carry a check date.
    pub fn freshness_counts(&self) -> FreshnessCounts {
        let cycle_start = YearMonth {
            year: 2025,
            month: 9,
        };
        let mut c = FreshnessCounts::default();
        for p in &self.programmes {
            match p.windows.latest_call() {
                Some(m) if m >= cycle_start => c.cycle_2026 += 1,
                Some(_) => c.older += 1,
                None => c.no_call += 1,
            }
            if p.provenance.checked.is_some() {
                c.checked += 1;
            }
        }
        c
    }

    /// Distinct ministry codes, in first-seen order.
    pub fn ministries(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for p in &self.programmes {
            if !out.contains(&p.ministry.as_str()) {
                out.push(&p.ministry);
            }
        }
        out
    }

    /// Builds the lookup tables derived from the programmes; call after any change.
    /// Assumes links were validated (no cycles over ordering links).
    pub fn rebuild_index(&mut self) {
        self.index = self
            .programmes
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect();
        let n = self.programmes.len();
        self.incoming = vec![Vec::new(); n];
        self.outgoing = vec![Vec::new(); n];
        let mut indegree = vec![0usize; n];
        for (i, p) in self.programmes.iter().enumerate() {
            for l in &p.links {
                if let Some(&j) = self.index.get(&l.to) {
                    self.incoming[j].push((i, l.kind));
                    self.outgoing[i].push((j, l.kind));
                    if l.kind.orders() {
                        indegree[j] += 1;
                    }
                }
            }
        }
        self.has_exclusions = self
            .programmes
            .iter()
            .any(|p| p.links.iter().any(|l| l.kind == LinkKind::Excludes))
            || !self.limits.is_empty();
        self.has_prerequisites = self
            .programmes
            .iter()
            .any(|p| p.links.iter().any(|l| l.kind == LinkKind::Prerequisite));
        // Kahn's algorithm; anything left by a cycle is appended so no programme is lost.
        let mut order: Vec<usize> = (0..n).filter(|&i| indegree[i] == 0).collect();
        let mut k = 0;
        while k < order.len() {
            let i = order[k];
            k += 1;
            for &(j, kind) in &self.outgoing[i] {
                if kind.orders() {
                    indegree[j] -= 1;
                    if indegree[j] == 0 {
                        order.push(j);
                    }
                }
            }
        }
        if order.len() < n {
            let placed: std::collections::HashSet<usize> = order.iter().copied().collect();
            order.extend((0..n).filter(|i| !placed.contains(i)));
        }
        self.link_order = order;
    }
}

/// Counts of entries by how recent their newest call is (`Catalogue::freshness_counts`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FreshnessCounts {
    /// Newest call opened from 2025-09 on (the 2026 cycle).
    pub cycle_2026: usize,
    /// Only calls that opened before 2025-09.
    pub older: usize,
    /// No dated call at all (designations, schemes open all year, or unknown).
    pub no_call: usize,
    /// Entries with `provenance.checked`.
    pub checked: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Programme {
    pub id: String,
    pub name: Text,
    pub ministry: String,
    pub agency: String,
    /// Added (2026-11): the agency in English (the catalogue's `agency_en`); absent
    /// in older catalogues, where English readers see the Korean name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency_en: Option<String>,
    pub category: Goal,
    pub stage: Stage,
    pub purpose: String,
    /// The certification or designation this programme grants: a firm that holds it
    /// already has nothing to gain and counts it as done.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grants: Option<Certification>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub serves: Vec<Goal>,
    pub tags: Vec<String>,
    pub summary: Text,
    pub criteria: Vec<Criterion>,
    pub support: Support,
    pub windows: Windows,
    pub duration_months: Option<u32>,
    pub links: Vec<Link>,
    pub provenance: Provenance,
    /// Earlier official names (a programme renamed in 2025–26 keeps its old name here
    /// so search still finds it).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The application documents the notice lists, where sourced.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<Text>,
    /// The official application page, where sourced (http/https only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apply_url: Option<String>,
    /// Where the service is delivered (a hub, a centre), where sourced: not an
    /// eligibility rule, but a firm in another region is less likely to use it, so it
    /// ranks lower (fresh-user trial 2026-11: a 경북 hub offered to a 경남 foundry).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sites: Vec<Region>,
    /// Set for programmes imported from a notice feed rather than curated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feed: Option<FeedNotice>,
}

impl Programme {
    /// The agency in `lang`: English when the catalogue gives it, else the Korean name.
    pub fn agency_in(&self, lang: crate::text::Lang) -> &str {
        match (&self.agency_en, lang) {
            (Some(en), crate::text::Lang::En) => en,
            _ => &self.agency,
        }
    }

    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.iter().any(|t| t == tag)
    }

    /// Whether the programme helps with a goal (its category or an extra it serves).
    pub fn serves_goal(&self, goal: Goal) -> bool {
        self.category == goal || self.serves.contains(&goal)
    }
}

/// A notice from an open-data feed (bizinfo) attached to a programme.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FeedNotice {
    pub source: String,
    pub notice_id: String,
    pub title: String,
    pub period_text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Pathway stages, in the default order a firm goes through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Status,
    Consulting,
    Rnd,
    Automation,
    Digital,
    Certification,
    Export,
    Finance,
    Sales,
    Growth,
}

impl Stage {
    pub const ALL: &'static [Stage] = &[
        Stage::Status,
        Stage::Consulting,
        Stage::Rnd,
        Stage::Automation,
        Stage::Digital,
        Stage::Certification,
        Stage::Export,
        Stage::Finance,
        Stage::Sales,
        Stage::Growth,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Stage::Status => "status",
            Stage::Consulting => "consulting",
            Stage::Rnd => "rnd",
            Stage::Automation => "automation",
            Stage::Digital => "digital",
            Stage::Certification => "certification",
            Stage::Export => "export",
            Stage::Finance => "finance",
            Stage::Sales => "sales",
            Stage::Growth => "growth",
        }
    }

    pub fn from_code(s: &str) -> Option<Stage> {
        Stage::ALL.iter().copied().find(|st| st.code() == s)
    }

    /// The default stage of a category when the catalogue gives none.
    pub fn of_category(c: Goal) -> Stage {
        match c {
            Goal::Rnd => Stage::Rnd,
            Goal::Automation => Stage::Automation,
            Goal::Digital => Stage::Digital,
            Goal::Certification => Stage::Certification,
            Goal::Finance => Stage::Finance,
            Goal::Export => Stage::Export,
            Goal::Sales => Stage::Sales,
            Goal::Growth => Stage::Growth,
        }
    }
}

/// One eligibility rule. All of a programme's criteria must hold.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Criterion {
    Employees {
        #[serde(skip_serializing_if = "Option::is_none")]
        min: Option<u64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        max: Option<u64>,
    },
    #[serde(rename = "revenue_krw")]
    Revenue {
        #[serde(skip_serializing_if = "Option::is_none")]
        min: Option<u64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        max: Option<u64>,
    },
    BusinessAge {
        #[serde(skip_serializing_if = "Option::is_none")]
        min_years: Option<u64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        max_years: Option<u64>,
    },
    SizeClass {
        any_of: Vec<SizeClass>,
    },
    /// Sales (won) that only firms of the given size classes must have; other firms
    /// pass. E.g. 월드클래스 플러스: a 중기업 may apply only as a "중견기업 후보" with
    /// 700억–1조 of sales, a 중견기업 with any sales under 1조 (KIAT 2024 call).
    RevenueForSize {
        size_class: Vec<SizeClass>,
        #[serde(skip_serializing_if = "Option::is_none")]
        min: Option<u64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        max: Option<u64>,
    },
    Region {
        any_of: Vec<Region>,
    },
    Ksic {
        prefixes: Vec<String>,
    },
    RootTechnology {
        any_of: Vec<RootTech>,
    },
    Certification {
        any_of: Vec<Certification>,
    },
    Exporting {
        value: bool,
    },
    SmartFactoryLevel {
        any_of: Vec<SmartFactoryLevel>,
    },
    Manual {
        ko: String,
        en: String,
    },
}

impl Criterion {
    pub const KINDS: &'static [&'static str] = &[
        "employees",
        "revenue_krw",
        "business_age",
        "size_class",
        "revenue_for_size",
        "region",
        "ksic",
        "root_technology",
        "certification",
        "exporting",
        "smart_factory_level",
        "manual",
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupportKind {
    Grant,
    Loan,
    Guarantee,
    Voucher,
    Consulting,
    Designation,
    Event,
}

impl SupportKind {
    pub const ALL: &'static [SupportKind] = &[
        SupportKind::Grant,
        SupportKind::Loan,
        SupportKind::Guarantee,
        SupportKind::Voucher,
        SupportKind::Consulting,
        SupportKind::Designation,
        SupportKind::Event,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SupportKind::Grant => "grant",
            SupportKind::Loan => "loan",
            SupportKind::Guarantee => "guarantee",
            SupportKind::Voucher => "voucher",
            SupportKind::Consulting => "consulting",
            SupportKind::Designation => "designation",
            SupportKind::Event => "event",
        }
    }

    pub fn from_code(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|k| k.code() == s)
    }

    pub fn label(self) -> Text {
        let (ko, en) = match self {
            SupportKind::Grant => ("보조금", "grant"),
            SupportKind::Loan => ("융자", "loan"),
            SupportKind::Guarantee => ("보증", "guarantee"),
            SupportKind::Voucher => ("바우처", "voucher"),
            SupportKind::Consulting => ("컨설팅", "consulting"),
            SupportKind::Designation => ("지정·확인", "designation"),
            SupportKind::Event => ("행사", "event"),
        };
        Text::new(ko, en)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Support {
    pub kind: SupportKind,
    /// Per-firm maximum, only where a source states it.
    pub max_krw: Option<u64>,
    /// The firm's own share in percent, only where a source states it.
    pub self_share_pct: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WindowStatus {
    /// Months confirmed for `year`.
    Confirmed,
    /// The months of the last known call, expected to recur.
    Forecast,
    /// Applications all year (상시).
    Rolling,
    /// Not known: to be announced.
    Tba,
}

impl WindowStatus {
    pub fn from_code(s: &str) -> Option<Self> {
        match s {
            "confirmed" => Some(Self::Confirmed),
            "forecast" => Some(Self::Forecast),
            "rolling" => Some(Self::Rolling),
            "tba" => Some(Self::Tba),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Windows {
    pub status: WindowStatus,
    pub months: Vec<u8>,
    pub year: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// A dated current call (from a feed notice): first and last month.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current: Option<CallPeriod>,
    /// The calls that actually happened, newest first (docs/catalogue-format.md).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub calls: Vec<Call>,
}

impl Windows {
    /// The newest call's opening month: from the dated calls, or a feed notice's
    /// current call.
    pub fn latest_call(&self) -> Option<YearMonth> {
        self.calls
            .iter()
            .map(|c| c.open.month)
            .chain(self.current.map(|c| c.from))
            .max()
    }
}

/// A day of a call's period, or only its month where the source gives no day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct CallDate {
    pub month: YearMonth,
    /// 1..=31, checked against the month's length.
    pub day: Option<u8>,
}

impl CallDate {
    /// Reads `YYYY-MM-DD` (a real date) or `YYYY-MM`.
    pub fn parse(s: &str) -> Option<CallDate> {
        if s.len() == 7 {
            return YearMonth::parse(s).map(|month| CallDate { month, day: None });
        }
        let (ym, d) = (s.get(..7)?, s.get(7..)?);
        let d = d.strip_prefix('-')?;
        if d.len() != 2 || !d.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let month = YearMonth::parse(ym)?;
        let day: u8 = d.parse().ok()?;
        (1..=days_in_month(month))
            .contains(&day)
            .then_some(CallDate {
                month,
                day: Some(day),
            })
    }
}

/// Days in a month of the Gregorian calendar.
pub fn days_in_month(m: YearMonth) -> u8 {
    match m.month {
        4 | 6 | 9 | 11 => 30,
        2 if (m.year % 4 == 0 && m.year % 100 != 0) || m.year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl std::fmt::Display for CallDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.day {
            Some(d) => write!(f, "{}-{d:02}", self.month),
            None => write!(f, "{}", self.month),
        }
    }
}

impl Serialize for CallDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for CallDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        CallDate::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!("bad date \"{s}\"; expected YYYY-MM-DD or YYYY-MM"))
        })
    }
}

/// One call for applications that actually happened (a 공고), with its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Call {
    /// "1차", "2차", … where the notice numbers its rounds.
    pub round: Option<String>,
    pub open: CallDate,
    /// Null when the call runs until the budget is used (`until_budget`), or when no
    /// source gives the closing date (then the call counts for its opening month only).
    pub close: Option<CallDate>,
    /// 예산 소진 시까지: open from `open` while money lasts; the plan counts it through
    /// June of that budget year (December when it opened after June).
    pub until_budget: bool,
    pub source: String,
    pub source_date: String,
}

impl Call {
    /// The last month the plan counts the call as taking applications: its close; for
    /// a call open until the budget is used, June of its budget year when it opened in
    /// the first half (else December) — money "until used" cannot be promised later,
    /// so later in the year the next call is forecast instead (issue 11: a call from
    /// 2026-01-05 is forecast for 2027-01 when planning in 2026-11; trial 2026-11: a
    /// loan shown "confirmed, open now" in late November); its opening month when the
    /// close is not known (the safe reading: do not promise a later month).
    pub fn last_month(&self) -> YearMonth {
        match (self.close, self.until_budget) {
            (Some(c), _) => c.month,
            (None, true) => YearMonth {
                year: self.open.month.year,
                month: if self.open.month.month <= 6 { 6 } else { 12 },
            },
            (None, false) => self.open.month,
        }
    }
}

/// The months of one dated call, first to last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallPeriod {
    pub from: YearMonth,
    pub to: YearMonth,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// The linking programme must come first and is required by the other.
    Prerequisite,
    /// The linking programme comes first; the other is its next step.
    FollowOn,
    /// The linking programme earns 가점 or preference in the other.
    Bonus,
    /// Used together; no order.
    Complement,
    /// 중복수혜 제한: a firm selected for or having received the linking programme may
    /// not receive the other (for the link's `period`). One way, as the other
    /// programme's notice states it; a mutual limit is a link each way.
    Excludes,
}

impl LinkKind {
    pub fn from_code(s: &str) -> Option<Self> {
        match s {
            "prerequisite" => Some(Self::Prerequisite),
            "follow_on" => Some(Self::FollowOn),
            "bonus" => Some(Self::Bonus),
            "complement" => Some(Self::Complement),
            "excludes" => Some(Self::Excludes),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Prerequisite => "prerequisite",
            Self::FollowOn => "follow_on",
            Self::Bonus => "bonus",
            Self::Complement => "complement",
            Self::Excludes => "excludes",
        }
    }

    /// Whether the link fixes the order of the two programmes.
    pub fn orders(self) -> bool {
        matches!(self, Self::Prerequisite | Self::FollowOn)
    }

    pub fn label(self) -> Text {
        let (ko, en) = match self {
            Self::Prerequisite => ("선행 필수", "prerequisite"),
            Self::FollowOn => ("다음 단계", "follow-on"),
            Self::Bonus => ("가점·우대", "bonus points"),
            Self::Complement => ("함께 활용", "complement"),
            Self::Excludes => ("중복수혜 제한", "not both (duplicate-support limit)"),
        };
        Text::new(ko, en)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    pub to: String,
    pub kind: LinkKind,
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// For `excludes`: how long the limit lasts, as the notice states it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<ExclusionPeriod>,
    /// For `period: within_years`: the number of years.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years: Option<u32>,
}

/// A 중복수혜 limit by count over a group of programmes (docs/catalogue-format.md
/// `limits`): a firm holding `max` of them — at once (`concurrent`: selected and not yet
/// ended) or within `years` years (`within_years`: selected or received in that time)
/// — may not take another of the group until one ends or drops out. Source: the
/// notice that states it (e.g. 2026 정책자금 융자계획: 최근 5년 이내 3회 이상).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupLimit {
    /// The catalogue ids counted and limited.
    pub programmes: Vec<String>,
    /// How many the firm may hold (at once, or within the years).
    pub max: u32,
    /// `concurrent` or `within_years`.
    pub period: ExclusionPeriod,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years: Option<u32>,
    /// The notice's address, date and words.
    pub source: String,
    /// The rule in plain words, both languages.
    pub note: Text,
}

/// How long a 중복수혜 limit (`excludes` link) lasts, in the notice's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExclusionPeriod {
    /// Not in the same calendar year (동일 연도): from January of the next year.
    SameYear,
    /// Not while the other project runs (수행 중·협약기간 중).
    Concurrent,
    /// Never after the other (기 수혜기업 제외, no time limit).
    Ever,
    /// Not within `years` years of the other (최근 N년 이내 수혜기업 제외).
    WithinYears,
}

impl ExclusionPeriod {
    pub fn from_code(s: &str) -> Option<Self> {
        match s {
            "same_year" => Some(Self::SameYear),
            "concurrent" => Some(Self::Concurrent),
            "ever" => Some(Self::Ever),
            "within_years" => Some(Self::WithinYears),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    Confirmed,
    Historical,
    Uncertain,
}

impl Confidence {
    pub fn from_code(s: &str) -> Option<Self> {
        match s {
            "confirmed" => Some(Self::Confirmed),
            "historical" => Some(Self::Historical),
            "uncertain" => Some(Self::Uncertain),
            _ => None,
        }
    }

    pub fn label(self) -> Text {
        match self {
            Self::Confirmed => Text::new("확인됨", "confirmed"),
            Self::Historical => Text::new("과거 자료", "historical"),
            Self::Uncertain => Text::new("불확실", "uncertain"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Provenance {
    pub url: String,
    pub date: String,
    pub confidence: Confidence,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub research_ref: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub refs: Vec<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// `YYYY-MM-DD`: when the entry was last verified against its sources.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checked: Option<String>,
    /// Sources of single figures or rules that changed (`support.max_krw`, `criteria`, …).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<FigureSource>,
}

/// The source of one figure or rule of an entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureSource {
    /// The field it sources, as a path: `support.max_krw`, `criteria`, `name`.
    pub field: String,
    pub url: String,
    /// When the source was published; absent when the page carries no date (an
    /// agency's standing guidance page), shown as "확인 필요".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Provenance {
    /// The source of the `documents` list: the figure source for field `documents`.
    pub fn documents_source(&self) -> Option<&FigureSource> {
        self.figures.iter().find(|f| f.field == "documents")
    }
}

/// Whether a URL may be opened in a browser: only http and https.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && url.len() > "https://".len()
        && !url.chars().any(|c| c.is_control() || c.is_whitespace())
}
