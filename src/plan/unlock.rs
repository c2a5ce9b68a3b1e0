//! A profile change that would unlock a programme, as a plan carries it
//! (computed by `matcher::unlock`).

use crate::codes::{Certification, Region, RootTech, SizeClass, SmartFactoryLevel};
use crate::month::YearMonth;
use crate::text::{Text, krw_en, krw_ko};
use serde::{Deserialize, Serialize};

/// One profile change, concrete enough to apply in a what-if.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    EmployeesAtMost {
        employees: u64,
    },
    EmployeesAtLeast {
        employees: u64,
    },
    RevenueAtMost {
        revenue_krw: u64,
    },
    RevenueAtLeast {
        revenue_krw: u64,
    },
    /// Business age is reached with time: `years` old from this month on.
    WaitUntil {
        month: YearMonth,
        years: u64,
    },
    SizeClass {
        any_of: Vec<SizeClass>,
    },
    MoveTo {
        any_of: Vec<Region>,
    },
    Industry {
        prefixes: Vec<String>,
    },
    RootTechnology {
        any_of: Vec<RootTech>,
    },
    Obtain {
        any_of: Vec<Certification>,
    },
    StartExporting,
    SmartFactory {
        any_of: Vec<SmartFactoryLevel>,
    },
}

/// A suggested change. Its sentence ("벤처기업을 받으면") is written from the
/// change only when shown or saved, so checking a large catalogue stays cheap.
#[derive(Debug, Clone, PartialEq)]
pub struct Unlock {
    pub change: Change,
}

fn labels<T: Copy>(items: &[T], f: fn(T) -> &'static str, sep: &str) -> String {
    items.iter().map(|i| f(*i)).collect::<Vec<_>>().join(sep)
}

impl Change {
    /// The profile field or rule the change is about (as a plan reason's `criterion`).
    pub fn criterion(&self) -> &'static str {
        match self {
            Change::EmployeesAtMost { .. } | Change::EmployeesAtLeast { .. } => "employees",
            Change::RevenueAtMost { .. } | Change::RevenueAtLeast { .. } => "revenue_krw",
            Change::WaitUntil { .. } => "founded",
            Change::SizeClass { .. } => "size_class",
            Change::MoveTo { .. } => "region",
            Change::Industry { .. } => "ksic",
            Change::RootTechnology { .. } => "root_technologies",
            Change::Obtain { .. } => "certifications",
            Change::StartExporting => "exporting",
            Change::SmartFactory { .. } => "smart_factory_level",
        }
    }

    /// The change as a condition a firm owner reads, in Korean and English.
    pub fn text(&self) -> Text {
        let t = self.text_with_notation();
        Text::new(crate::text::josa(&t.ko), t.en)
    }

    /// Whether the change is a major one (moving the head office, changing
    /// industry), shown apart from the changes a firm can simply make.
    pub fn is_major(&self) -> bool {
        matches!(self, Change::MoveTo { .. } | Change::Industry { .. })
    }

    fn text_with_notation(&self) -> Text {
        match self {
            Change::EmployeesAtMost { employees: n } => Text::new(
                format!("상시근로자가 {n}명 이하일 때"),
                format!("with at most {n} employees"),
            ),
            Change::EmployeesAtLeast { employees: n } => Text::new(
                format!("상시근로자가 {n}명 이상이 되면"),
                format!("once the firm has at least {n} employees"),
            ),
            Change::RevenueAtMost { revenue_krw: r } => Text::new(
                format!("매출액이 {} 이하일 때", krw_ko(*r)),
                format!("with sales of at most {}", krw_en(*r)),
            ),
            Change::RevenueAtLeast { revenue_krw: r } => Text::new(
                format!("매출 {} 이상이 되면", krw_ko(*r)),
                format!("once sales reach {}", krw_en(*r)),
            ),
            Change::WaitUntil { month, years } => Text::new(
                format!("업력 {years}년이 되는 {month}부터"),
                format!("from {month}, when the firm is {years} years old"),
            ),
            Change::SizeClass { any_of } => Text::new(
                format!("{}(으)로 성장하면", labels(any_of, SizeClass::ko, "·")),
                format!(
                    "once the firm grows into a {}",
                    labels(any_of, SizeClass::en, " or ")
                ),
            ),
            Change::MoveTo { any_of } => Text::new(
                format!(
                    "본사를 {}(으)로 옮기면 (큰 변화)",
                    labels(any_of, Region::ko, "·")
                ),
                format!(
                    "moving the head office to {} (a major change)",
                    labels(any_of, Region::en, ", ")
                ),
            ),
            Change::Industry { prefixes } => Text::new(
                format!("업종을 {}(으)로 바꾸면 (큰 변화)", prefixes.join("·")),
                format!(
                    "changing industry to {} (a major change)",
                    prefixes.join(", ")
                ),
            ),
            Change::RootTechnology { any_of } if any_of.is_empty() => {
                Text::new("뿌리기술을 쓰면", "when using a root technology")
            }
            Change::RootTechnology { any_of } => Text::new(
                format!("{}(을)를 쓰면", labels(any_of, RootTech::ko, "·")),
                format!("when using {}", labels(any_of, RootTech::en, " or ")),
            ),
            Change::Obtain { any_of } => Text::new(
                format!(
                    "{}(을)를 받으면",
                    labels(any_of, Certification::ko, " 또는 ")
                ),
                format!(
                    "after obtaining {}",
                    labels(any_of, Certification::en, " or ")
                ),
            ),
            Change::StartExporting => Text::new("수출을 시작하면", "once the firm exports"),
            Change::SmartFactory { any_of } => Text::new(
                format!(
                    "스마트공장 수준이 {}(이)가 되면",
                    labels(any_of, SmartFactoryLevel::ko, "·")
                ),
                format!(
                    "at smart-factory level {}",
                    labels(any_of, SmartFactoryLevel::en, " or ")
                ),
            ),
        }
    }
}

impl Unlock {
    pub fn text(&self) -> Text {
        self.change.text()
    }
}

/// In a plan: `{"criterion": …, "change": …, <the change's fields>, "ko": …, "en": …}`.
#[derive(Serialize)]
struct UnlockOut<'a> {
    criterion: &'static str,
    #[serde(flatten)]
    change: &'a Change,
    ko: String,
    en: String,
}

#[derive(Deserialize)]
struct UnlockIn {
    #[serde(flatten)]
    change: Change,
}

impl Serialize for Unlock {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let t = self.change.text();
        UnlockOut {
            criterion: self.change.criterion(),
            change: &self.change,
            ko: t.ko,
            en: t.en,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Unlock {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        UnlockIn::deserialize(d).map(|u| Unlock { change: u.change })
    }
}
