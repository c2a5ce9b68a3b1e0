//! Facts about Korea that change with time — regions (시·도) and ministry names — kept as
//! dated data (`data/dated-facts.json`, built into the binary), each row with the months
//! it is valid for and its source, and chosen by the plan's month. The core reads no
//! clock: callers pass the month.

use crate::codes::Region;
use crate::month::YearMonth;
use crate::text::{Lang, Text};
use serde::Deserialize;
use std::sync::OnceLock;

const DATED_FACTS: &str = include_str!("../data/dated-facts.json");

/// One dated row: valid from `from` to `until`, both inclusive; `None` = open-ended.
#[derive(Debug, Clone, Deserialize)]
pub struct RegionRow {
    pub code: String,
    pub ko: String,
    pub en: String,
    pub from: Option<YearMonth>,
    pub until: Option<YearMonth>,
    /// The full official name where the short one is not it (전남광주통합특별시).
    #[serde(default)]
    pub full_ko: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
}

/// A ministry's names for a span of months.
#[derive(Debug, Clone, Deserialize)]
pub struct MinistryRow {
    pub code: String,
    pub ko: String,
    pub en: String,
    pub short_ko: String,
    pub short_en: String,
    pub from: Option<YearMonth>,
    pub until: Option<YearMonth>,
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
struct DatedFacts {
    regions: Vec<RegionRow>,
    ministries: Vec<MinistryRow>,
}

fn facts() -> &'static DatedFacts {
    static FACTS: OnceLock<DatedFacts> = OnceLock::new();
    // The file is part of the build and a test reads it; an empty table only if it
    // were broken, which that test catches.
    FACTS.get_or_init(|| serde_json::from_str(DATED_FACTS).unwrap_or_default())
}

fn valid_at(from: Option<YearMonth>, until: Option<YearMonth>, at: YearMonth) -> bool {
    from.is_none_or(|f| f <= at) && until.is_none_or(|u| at <= u)
}

/// The 시·도 in force at a month, in the data file's order: before 2026-07 광주 and 전남,
/// from 2026-07 전남광주 in their place. Source: the rows of `data/dated-facts.json`.
pub fn regions_at(at: YearMonth) -> Vec<Region> {
    facts()
        .regions
        .iter()
        .filter(|r| valid_at(r.from, r.until, at))
        .filter_map(|r| Region::from_code(&r.code))
        .collect()
}

/// The dated row of a region code, if the data has it.
pub fn region_row(r: Region) -> Option<&'static RegionRow> {
    facts().regions.iter().find(|row| row.code == r.code())
}

/// Whether a region code still names a 시·도 at a month (광주 and 전남 end in 2026-06).
pub fn region_in_force(r: Region, at: YearMonth) -> bool {
    region_row(r).is_some_and(|row| valid_at(row.from, row.until, at))
}

/// Whether a firm in `firm` is inside a criterion's list of regions: `Some(true)`,
/// `Some(false)`, or `None` when it cannot be told. 광주 and 전남 lie inside 전남광주;
/// a firm coded 전남광주 asked about only one of its two parts cannot be placed.
pub fn region_within(firm: Region, any_of: &[Region]) -> Option<bool> {
    use Region::{Gwangju, Jeonnam, JeonnamGwangju};
    if any_of.contains(&firm) {
        return Some(true);
    }
    match firm {
        Gwangju | Jeonnam if any_of.contains(&JeonnamGwangju) => Some(true),
        JeonnamGwangju => match (any_of.contains(&Gwangju), any_of.contains(&Jeonnam)) {
            (true, true) => Some(true),
            (false, false) => Some(false),
            _ => None,
        },
        _ => Some(false),
    }
}

fn ministry_row(code: &str, at: Option<YearMonth>) -> Option<&'static MinistryRow> {
    let rows = facts().ministries.iter().filter(|m| m.code == code);
    match at {
        Some(at) => rows
            .clone()
            .find(|m| valid_at(m.from, m.until, at))
            // A month before the first row: the oldest name known.
            .or_else(|| rows.min_by_key(|m| m.from)),
        // No month: the newest name.
        None => rows.max_by_key(|m| m.from),
    }
}

/// A ministry's full name at a month (`MOTIE`: 산업통상자원부 until 2025-09, 산업통상부
/// from 2025-10); an unknown code is shown as itself.
pub fn ministry_name_at(code: &str, at: YearMonth) -> Text {
    match ministry_row(code, Some(at)) {
        Some(m) => Text::new(m.ko.clone(), m.en.clone()),
        None => Text::new(code, code),
    }
}

/// A ministry's current full name (the newest row), for screens without a plan month.
pub fn ministry_name(code: &str, lang: Lang) -> String {
    match ministry_row(code, None) {
        Some(m) => Text::new(m.ko.clone(), m.en.clone()).get(lang).to_string(),
        None => code.to_string(),
    }
}

/// A ministry's short name for cards ("산업부", "중기부").
pub fn ministry_short(code: &str, lang: Lang) -> String {
    match ministry_row(code, None) {
        Some(m) => match lang {
            Lang::Ko => m.short_ko.clone(),
            Lang::En => m.short_en.clone(),
        },
        None => code.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(s: &str) -> YearMonth {
        YearMonth::parse(s).unwrap()
    }

    #[test]
    fn the_data_file_reads_and_names_every_region_code() {
        let f: DatedFacts = serde_json::from_str(DATED_FACTS).expect("dated-facts.json");
        assert!(f.ministries.len() >= 5);
        for r in Region::ALL {
            assert!(
                f.regions.iter().any(|row| row.code == r.code()),
                "{r:?} has no row"
            );
        }
    }

    #[test]
    fn gwangju_and_jeonnam_become_jeonnam_gwangju_in_july_2026() {
        let before = regions_at(ym("2026-06"));
        assert_eq!(before.len(), 17);
        assert!(before.contains(&Region::Gwangju) && before.contains(&Region::Jeonnam));
        assert!(!before.contains(&Region::JeonnamGwangju));
        let after = regions_at(ym("2026-07"));
        assert_eq!(after.len(), 16);
        assert!(after.contains(&Region::JeonnamGwangju));
        assert!(!after.contains(&Region::Gwangju) && !after.contains(&Region::Jeonnam));
        assert!(!region_in_force(Region::Gwangju, ym("2026-12")));
        assert!(region_in_force(Region::Gwangju, ym("2026-06")));
    }

    #[test]
    fn the_merged_region_contains_its_parts_but_a_part_cannot_be_told_from_it() {
        use Region::*;
        assert_eq!(region_within(Gwangju, &[JeonnamGwangju]), Some(true));
        assert_eq!(region_within(Jeonnam, &[JeonnamGwangju, Seoul]), Some(true));
        assert_eq!(region_within(JeonnamGwangju, &[JeonnamGwangju]), Some(true));
        assert_eq!(
            region_within(JeonnamGwangju, &[Gwangju, Jeonnam]),
            Some(true)
        );
        assert_eq!(region_within(JeonnamGwangju, &[Gwangju]), None);
        assert_eq!(region_within(JeonnamGwangju, &[Jeonnam, Busan]), None);
        assert_eq!(region_within(JeonnamGwangju, &[Busan]), Some(false));
        assert_eq!(region_within(Gwangju, &[Jeonnam]), Some(false));
        assert_eq!(region_within(Seoul, &[JeonnamGwangju]), Some(false));
    }

    #[test]
    fn motie_is_named_by_the_month() {
        assert_eq!(
            ministry_name_at("MOTIE", ym("2024-05")).ko,
            "산업통상자원부"
        );
        assert_eq!(
            ministry_name_at("MOTIE", ym("2025-09")).ko,
            "산업통상자원부"
        );
        assert_eq!(ministry_name_at("MOTIE", ym("2025-10")).ko, "산업통상부");
        assert_eq!(
            ministry_name_at("MOTIE", ym("2026-12")).en,
            "Ministry of Trade and Industry"
        );
        assert_eq!(ministry_name_at("MSS", ym("2026-12")).ko, "중소벤처기업부");
        assert_eq!(ministry_name("MOTIE", Lang::Ko), "산업통상부");
        assert_eq!(ministry_short("MSS", Lang::Ko), "중기부");
        assert_eq!(ministry_name_at("XYZ", ym("2026-12")).ko, "XYZ");
    }
}
