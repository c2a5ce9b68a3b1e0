//! Tri-state eligibility: one reason per criterion, in Korean and English.

use crate::catalogue::{Criterion, Programme};
use crate::codes::SizeClass;
use crate::month::YearMonth;
pub use crate::plan::{Eligibility, Outcome, Reason};
use crate::profile::{FirmProfile, SizeAssessment};
use crate::text::{Text, krw_en, krw_ko};

/// Facts derived once per profile and month, shared by every programme's check.
pub struct FirmFacts<'a> {
    pub profile: &'a FirmProfile,
    pub as_of: YearMonth,
    pub size: SizeAssessment,
    /// Business age in whole years as (fewest, most).
    pub age: Option<(i64, i64)>,
}

impl<'a> FirmFacts<'a> {
    pub fn new(profile: &'a FirmProfile, as_of: YearMonth) -> Self {
        FirmFacts {
            profile,
            as_of,
            size: profile.size_at(as_of),
            age: profile.founded.map(|f| f.age_at(as_of)),
        }
    }
}

fn range_ko(min: Option<u64>, max: Option<u64>, unit: &dyn Fn(u64) -> String) -> String {
    match (min, max) {
        (Some(a), Some(b)) => format!("{}~{}", unit(a), unit(b)),
        (Some(a), None) => format!("{} 이상", unit(a)),
        (None, Some(b)) => format!("{} 이하", unit(b)),
        (None, None) => "제한 없음".to_string(),
    }
}

fn range_en(min: Option<u64>, max: Option<u64>, unit: &dyn Fn(u64) -> String) -> String {
    match (min, max) {
        (Some(a), Some(b)) => format!("{} to {}", unit(a), unit(b)),
        (Some(a), None) => format!("at least {}", unit(a)),
        (None, Some(b)) => format!("at most {}", unit(b)),
        (None, None) => "no limit".to_string(),
    }
}

/// A sales limit as people say it: "20억원 미만" rather than "19억 9,999만 9,999원 이하"
/// when the catalogue stores "under 20억" as 1,999,999,999.
fn revenue_range(min: Option<u64>, max: Option<u64>) -> (String, String) {
    match (min, max) {
        (None, Some(m)) if m % 10_000 == 9_999 => (
            format!("{} 미만", krw_ko(m + 1)),
            format!("under {}", krw_en(m + 1)),
        ),
        _ => (range_ko(min, max, &krw_ko), range_en(min, max, &krw_en)),
    }
}

fn in_range(v: u64, min: Option<u64>, max: Option<u64>) -> bool {
    min.is_none_or(|m| v >= m) && max.is_none_or(|m| v <= m)
}

fn join_labels<T: Copy>(items: &[T], f: impl Fn(T) -> &'static str, sep: &str) -> String {
    items.iter().map(|i| f(*i)).collect::<Vec<_>>().join(sep)
}

/// The outcome of one criterion alone, without the sentences: what the matcher needs
/// for every programme, at no allocation. The only place a criterion is decided;
/// `evaluate` writes the sentence for the outcome decided here.
pub fn outcome(c: &Criterion, f: &FirmFacts) -> Outcome {
    let p = f.profile;
    let yes = |b: bool| if b { Outcome::Pass } else { Outcome::Fail };
    match c {
        Criterion::Employees { min, max } => p
            .employees
            .map_or(Outcome::Unknown, |n| yes(in_range(n, *min, *max))),
        Criterion::Revenue { min, max } => p
            .revenue_krw
            .map_or(Outcome::Unknown, |r| yes(in_range(r, *min, *max))),
        Criterion::BusinessAge {
            min_years,
            max_years,
        } => match f.age {
            None => Outcome::Unknown,
            Some((lo, hi)) => {
                let ok = |y: i64| in_range(y.max(0) as u64, *min_years, *max_years);
                match (ok(lo), ok(hi)) {
                    (true, true) => Outcome::Pass,
                    (false, false) => Outcome::Fail,
                    _ => Outcome::Unknown,
                }
            }
        },
        Criterion::SizeClass { any_of } => {
            let possible = &f.size.possible;
            if possible.iter().all(|c| any_of.contains(c)) {
                Outcome::Pass
            } else if possible.iter().all(|c| !any_of.contains(c)) {
                Outcome::Fail
            } else {
                Outcome::Unknown
            }
        }
        Criterion::RevenueForSize {
            size_class,
            min,
            max,
        } => {
            let possible = &f.size.possible;
            let sales = p
                .revenue_krw
                .map_or(Outcome::Unknown, |r| yes(in_range(r, *min, *max)));
            if possible.iter().all(|c| !size_class.contains(c)) {
                Outcome::Pass
            } else if possible.iter().all(|c| size_class.contains(c)) || sales == Outcome::Pass {
                sales
            } else {
                Outcome::Unknown
            }
        }
        Criterion::Region { any_of } => p.region.map_or(Outcome::Unknown, |r| {
            crate::facts::region_within(r, any_of).map_or(Outcome::Unknown, yes)
        }),
        Criterion::Ksic { prefixes } => p.ksic.as_ref().map_or(Outcome::Unknown, |k| {
            yes(prefixes.iter().any(|pre| k.starts_with(pre.as_str())))
        }),
        Criterion::RootTechnology { any_of } => p
            .root_technologies
            .as_ref()
            .map_or(Outcome::Unknown, |have| {
                yes(have.iter().any(|t| any_of.is_empty() || any_of.contains(t)))
            }),
        Criterion::Certification { any_of } => {
            p.certifications.as_ref().map_or(Outcome::Unknown, |have| {
                yes(have.iter().any(|c| any_of.contains(c)))
            })
        }
        Criterion::Exporting { value } => {
            p.exporting.map_or(Outcome::Unknown, |e| yes(e == *value))
        }
        Criterion::SmartFactoryLevel { any_of } => p
            .smart_factory_level
            .map_or(Outcome::Unknown, |l| yes(any_of.contains(&l))),
        Criterion::Manual { .. } => Outcome::Unknown,
    }
}

/// Evaluates one criterion against the firm: its outcome (decided once, by
/// [`outcome`]) with the sentence that explains it.
pub fn evaluate(c: &Criterion, f: &FirmFacts) -> Reason {
    describe(c, f, outcome(c, f))
}

/// The sentence for a criterion's outcome, written from the outcome and the facts it
/// was decided on, so the two cannot disagree (issue 14: one decision per criterion).
fn describe(c: &Criterion, f: &FirmFacts, o: Outcome) -> Reason {
    let p = f.profile;
    match c {
        Criterion::Employees { min, max } => {
            let want_ko = range_ko(*min, *max, &|n| format!("{n}명"));
            let want_en = range_en(*min, *max, &|n| format!("{n}"));
            match (o, p.employees) {
                (Outcome::Unknown, _) | (_, None) => Reason::new(
                    "employees",
                    Outcome::Unknown,
                    format!("상시근로자 수를 몰라 확인이 필요합니다 (요건: {want_ko})."),
                    format!(
                        "Number of employees unknown: to verify (required: {want_en} employees)."
                    ),
                ),
                (Outcome::Pass, Some(n)) => Reason::new(
                    "employees",
                    Outcome::Pass,
                    format!("상시근로자 {n}명으로 {want_ko} 요건을 충족합니다."),
                    format!("{n} employees, within the required {want_en}."),
                ),
                (Outcome::Fail, Some(n)) => Reason::new(
                    "employees",
                    Outcome::Fail,
                    format!("상시근로자 {n}명으로 {want_ko} 요건에 맞지 않습니다."),
                    format!("{n} employees, outside the required {want_en}."),
                ),
            }
        }
        Criterion::Revenue { min, max } => {
            let (want_ko, want_en) = revenue_range(*min, *max);
            match (o, p.revenue_krw) {
                (Outcome::Unknown, _) | (_, None) => Reason::new(
                    "revenue_krw",
                    Outcome::Unknown,
                    format!("매출액을 몰라 확인이 필요합니다 (요건: {want_ko})."),
                    format!("Sales unknown: to verify (required: {want_en})."),
                ),
                (Outcome::Pass, Some(r)) => Reason::new(
                    "revenue_krw",
                    Outcome::Pass,
                    format!("매출액 {}으로 {want_ko} 요건을 충족합니다.", krw_ko(r)),
                    format!("Sales of {}, within the required {want_en}.", krw_en(r)),
                ),
                (Outcome::Fail, Some(r)) => Reason::new(
                    "revenue_krw",
                    Outcome::Fail,
                    format!("매출액 {}으로 {want_ko} 요건에 맞지 않습니다.", krw_ko(r)),
                    format!("Sales of {}, outside the required {want_en}.", krw_en(r)),
                ),
            }
        }
        Criterion::BusinessAge {
            min_years,
            max_years,
        } => {
            let want_ko = range_ko(*min_years, *max_years, &|n| format!("{n}년"));
            let want_en = range_en(*min_years, *max_years, &|n| format!("{n} years"));
            match f.age {
                None => Reason::new(
                    "founded",
                    Outcome::Unknown,
                    format!("설립 시기를 몰라 업력 확인이 필요합니다 (요건: 업력 {want_ko})."),
                    format!(
                        "Founding date unknown: business age to verify (required: {want_en} in business)."
                    ),
                ),
                Some((lo, hi)) => {
                    let age_ko = if lo == hi {
                        format!("{lo}년")
                    } else {
                        format!("{lo}~{hi}년")
                    };
                    let age_en = if lo == hi {
                        format!("{lo} years")
                    } else {
                        format!("{lo} to {hi} years")
                    };
                    if o == Outcome::Pass {
                        Reason::new(
                            "founded",
                            Outcome::Pass,
                            format!("업력 {age_ko}으로 {want_ko} 요건을 충족합니다."),
                            format!("{age_en} in business, within the required {want_en}."),
                        )
                    } else if o == Outcome::Fail {
                        Reason::new(
                            "founded",
                            Outcome::Fail,
                            format!("업력 {age_ko}으로 {want_ko} 요건에 맞지 않습니다."),
                            format!("{age_en} in business, outside the required {want_en}."),
                        )
                    } else {
                        Reason::new(
                            "founded",
                            Outcome::Unknown,
                            format!(
                                "설립 연도만 알아 업력이 {age_ko}입니다. 설립 월을 확인해야 합니다 (요건: {want_ko})."
                            ),
                            format!(
                                "Only the founding year is known, so the firm is {age_en} old: the month decides (required: {want_en})."
                            ),
                        )
                    }
                }
            }
        }
        Criterion::SizeClass { any_of } => {
            let want_ko = join_labels(any_of, SizeClass::ko, "·");
            let want_en = join_labels(any_of, SizeClass::en, ", ");
            let possible = &f.size.possible;
            let is_ko = join_labels(possible, SizeClass::ko, " 또는 ");
            let is_en = join_labels(possible, SizeClass::en, " or ");
            if o == Outcome::Pass {
                Reason::new(
                    "size_class",
                    Outcome::Pass,
                    format!("기업 규모({is_ko})가 지원 대상({want_ko})에 해당합니다."),
                    format!("The firm's size ({is_en}) is among those supported ({want_en})."),
                )
            } else if o == Outcome::Fail {
                Reason::new(
                    "size_class",
                    Outcome::Fail,
                    format!("기업 규모({is_ko})가 지원 대상({want_ko})이 아닙니다."),
                    format!("The firm's size ({is_en}) is not among those supported ({want_en})."),
                )
            } else if f.size.possible.len() == SizeClass::ALL.len() {
                Reason::new(
                    "size_class",
                    Outcome::Unknown,
                    format!(
                        "매출액·업종·근로자 수를 몰라 기업 규모를 확인해야 합니다 (대상: {want_ko})."
                    ),
                    format!(
                        "Sales, industry or employees unknown: size to verify (supported: {want_en})."
                    ),
                )
            } else {
                Reason::new(
                    "size_class",
                    Outcome::Unknown,
                    format!("기업 규모가 {is_ko}일 수 있어 확인이 필요합니다 (대상: {want_ko})."),
                    format!("The firm may be {is_en}: to verify (supported: {want_en})."),
                )
            }
        }
        Criterion::RevenueForSize {
            size_class,
            min,
            max,
        } => {
            let (want_ko, want_en) = revenue_range(*min, *max);
            let who_ko = join_labels(size_class, SizeClass::ko, "·");
            let who_en = join_labels(size_class, SizeClass::en, ", ");
            let (ko, en) = match (o, p.revenue_krw) {
                (Outcome::Pass, Some(r))
                    if f.size.possible.iter().any(|c| size_class.contains(c)) =>
                {
                    (
                        format!(
                            "매출액 {}으로 {who_ko}에 요구되는 {want_ko}을 충족합니다.",
                            krw_ko(r)
                        ),
                        format!(
                            "Sales of {} meet the {want_en} required of a {who_en}.",
                            krw_en(r)
                        ),
                    )
                }
                (Outcome::Pass, _) => (
                    format!(
                        "{who_ko}에만 요구되는 매출 요건({want_ko})은 이 기업에 해당하지 않습니다."
                    ),
                    format!(
                        "The sales rule for a {who_en} ({want_en}) does not apply to this firm."
                    ),
                ),
                (Outcome::Fail, Some(r)) => (
                    crate::text::josa(&format!(
                        "{who_ko}(은)는 매출 {want_ko}이어야 신청할 수 있는데 매출액이 {}입니다.",
                        krw_ko(r)
                    )),
                    format!(
                        "A {who_en} may apply only with sales {want_en}; the firm has {}.",
                        krw_en(r)
                    ),
                ),
                _ => (
                    format!(
                        "{who_ko}이면 매출 {want_ko}이어야 합니다: 기업 규모나 매출액을 확인해야 합니다."
                    ),
                    format!(
                        "A {who_en} needs sales {want_en}: the firm's size or sales must be checked."
                    ),
                ),
            };
            Reason::new("revenue_for_size", o, ko, en)
        }
        Criterion::Region { any_of } => {
            let want_ko = join_labels(any_of, crate::codes::Region::ko, "·");
            let want_en = join_labels(any_of, crate::codes::Region::en, ", ");
            match p.region {
                None => Reason::new(
                    "region",
                    Outcome::Unknown,
                    format!("본사 소재지를 몰라 확인이 필요합니다 (대상 지역: {want_ko})."),
                    format!("Head-office region unknown: to verify (regions: {want_en})."),
                ),
                Some(r) => match o {
                    Outcome::Pass => Reason::new(
                        "region",
                        Outcome::Pass,
                        format!("본사가 {}에 있어 대상 지역에 해당합니다.", r.ko()),
                        format!("Head office in {}, a supported region.", r.en()),
                    ),
                    Outcome::Unknown => Reason::new(
                        "region",
                        Outcome::Unknown,
                        format!(
                            "본사가 전남광주에 있으나 대상은 옛 {want_ko} 지역이라, 옛 광주·전남 중 어느 쪽인지 확인이 필요합니다."
                        ),
                        format!(
                            "Head office in Jeonnam-Gwangju, but the programme names the former {want_en}: which part is to verify."
                        ),
                    ),
                    Outcome::Fail => Reason::new(
                        "region",
                        Outcome::Fail,
                        format!("본사가 {}에 있어 대상 지역({want_ko})이 아닙니다.", r.ko()),
                        format!(
                            "Head office in {}, not a supported region ({want_en}).",
                            r.en()
                        ),
                    ),
                },
            }
        }
        Criterion::Ksic { prefixes } => {
            let want = prefixes.join(", ");
            let manufacturing_only = prefixes.iter().all(|p| p == "C");
            let (want_ko, want_en) = if manufacturing_only {
                (
                    "제조업(C)".to_string(),
                    "manufacturing (KSIC C)".to_string(),
                )
            } else {
                (format!("업종 {want}"), format!("KSIC {want}"))
            };
            match (o, &p.ksic) {
                (Outcome::Unknown, _) | (_, None) => Reason::new(
                    "ksic",
                    Outcome::Unknown,
                    format!("업종을 몰라 확인이 필요합니다 (대상: {want_ko})."),
                    format!("Industry unknown: to verify (supported: {want_en})."),
                ),
                (Outcome::Pass, Some(k)) => Reason::new(
                    "ksic",
                    Outcome::Pass,
                    format!("업종({k})이 지원 대상({want_ko})에 해당합니다."),
                    format!("Industry {k} is supported ({want_en})."),
                ),
                (Outcome::Fail, Some(k)) => Reason::new(
                    "ksic",
                    Outcome::Fail,
                    format!("업종({k})이 지원 대상({want_ko})이 아닙니다."),
                    format!("Industry {k} is not supported ({want_en})."),
                ),
            }
        }
        Criterion::RootTechnology { any_of } => {
            let (want_ko, want_en) = if any_of.is_empty() {
                (
                    "뿌리기술(14개 중 하나)".to_string(),
                    "a root technology (any of the 14)".to_string(),
                )
            } else {
                (
                    join_labels(any_of, crate::codes::RootTech::ko, "·"),
                    join_labels(any_of, crate::codes::RootTech::en, ", "),
                )
            };
            match (o, &p.root_technologies) {
                (Outcome::Unknown, _) | (_, None) => Reason::new(
                    "root_technologies",
                    Outcome::Unknown,
                    format!("뿌리기술 사용 여부를 몰라 확인이 필요합니다 (대상: {want_ko})."),
                    format!("Root technologies unknown: to verify (required: {want_en})."),
                ),
                (_, Some(have)) => {
                    // The technology named: the first the firm works in that counts.
                    let hit = have
                        .iter()
                        .copied()
                        .find(|t| any_of.is_empty() || any_of.contains(t));
                    if let (Outcome::Pass, Some(first)) = (o, hit) {
                        Reason::new(
                            "root_technologies",
                            Outcome::Pass,
                            format!(
                                "뿌리기술({})을 사용하는 기업으로 요건을 충족합니다.",
                                first.ko()
                            ),
                            format!("Works in a root technology ({}), as required.", first.en()),
                        )
                    } else {
                        Reason::new(
                            "root_technologies",
                            Outcome::Fail,
                            format!("대상 뿌리기술({want_ko})을 사용하지 않습니다."),
                            format!("Does not work in the required root technology ({want_en})."),
                        )
                    }
                }
            }
        }
        Criterion::Certification { any_of } => {
            let want_ko = join_labels(any_of, crate::codes::Certification::ko, " 또는 ");
            let want_en = join_labels(any_of, crate::codes::Certification::en, " or ");
            match (o, &p.certifications) {
                (Outcome::Unknown, _) | (_, None) => Reason::new(
                    "certifications",
                    Outcome::Unknown,
                    format!("보유 인증을 몰라 확인이 필요합니다 (필요: {want_ko})."),
                    format!("Certifications unknown: to verify (needs: {want_en})."),
                ),
                (_, Some(have)) => match (o, have.iter().find(|c| any_of.contains(c))) {
                    (Outcome::Pass, Some(c)) => Reason::new(
                        "certifications",
                        Outcome::Pass,
                        format!("{}을(를) 보유하여 요건을 충족합니다.", c.ko()),
                        format!("Holds {}, as required.", c.en()),
                    ),
                    _ => Reason::new(
                        "certifications",
                        Outcome::Fail,
                        format!("{want_ko}이(가) 필요하지만 보유하지 않았습니다."),
                        format!("Needs {want_en}, which the firm does not hold."),
                    ),
                },
            }
        }
        Criterion::Exporting { value } => {
            let (want_ko, want_en) = if *value {
                ("수출 중인 기업", "firms that export")
            } else {
                ("아직 수출하지 않는 기업", "firms that do not export yet")
            };
            match (o, p.exporting) {
                (Outcome::Unknown, _) | (_, None) => Reason::new(
                    "exporting",
                    Outcome::Unknown,
                    format!("수출 여부를 몰라 확인이 필요합니다 (대상: {want_ko})."),
                    format!("Export status unknown: to verify (for {want_en})."),
                ),
                (Outcome::Pass, Some(_)) => Reason::new(
                    "exporting",
                    Outcome::Pass,
                    format!("{want_ko} 대상이며 이에 해당합니다."),
                    format!("For {want_en}; the firm is one."),
                ),
                (Outcome::Fail, Some(_)) => Reason::new(
                    "exporting",
                    Outcome::Fail,
                    format!("{want_ko}만 대상이라 해당하지 않습니다."),
                    format!("Only for {want_en}; the firm is not one."),
                ),
            }
        }
        Criterion::SmartFactoryLevel { any_of } => {
            let want_ko = join_labels(any_of, crate::codes::SmartFactoryLevel::ko, "·");
            let want_en = join_labels(any_of, crate::codes::SmartFactoryLevel::en, ", ");
            match (o, p.smart_factory_level) {
                (Outcome::Unknown, _) | (_, None) => Reason::new(
                    "smart_factory_level",
                    Outcome::Unknown,
                    format!("스마트공장 수준을 몰라 확인이 필요합니다 (대상: {want_ko})."),
                    format!("Smart-factory level unknown: to verify (for: {want_en})."),
                ),
                (Outcome::Pass, Some(l)) => Reason::new(
                    "smart_factory_level",
                    Outcome::Pass,
                    format!("스마트공장 수준({})이 대상에 해당합니다.", l.ko()),
                    format!("Smart-factory level ({}) is supported.", l.en()),
                ),
                (Outcome::Fail, Some(l)) => Reason::new(
                    "smart_factory_level",
                    Outcome::Fail,
                    format!("스마트공장 수준({})이 대상({want_ko})이 아닙니다.", l.ko()),
                    format!(
                        "Smart-factory level ({}) is not supported ({want_en}).",
                        l.en()
                    ),
                ),
            }
        }
        Criterion::Manual { ko, en } => Reason::new(
            "manual",
            Outcome::Unknown,
            format!("공고문에서 직접 확인: {ko}"),
            format!("Check in the official notice: {en}"),
        ),
    }
}

/// Every criterion of a programme, in catalogue order.
pub fn evaluate_programme(p: &Programme, f: &FirmFacts) -> Vec<Reason> {
    p.criteria.iter().map(|c| evaluate(c, f)).collect()
}

/// A prerequisite that cannot be met blocks the programme.
pub fn prerequisite_reason(name: &Text, outcome: Outcome) -> Reason {
    match outcome {
        Outcome::Pass => Reason::new(
            "prerequisite",
            Outcome::Pass,
            format!("선행 사업 '{}'을(를) 이미 받았습니다.", name.ko),
            format!("The prerequisite '{}' has been received.", name.en),
        ),
        Outcome::Unknown => Reason::new(
            "prerequisite",
            Outcome::Unknown,
            format!("먼저 '{}'을(를) 받아야 합니다 (계획에 포함).", name.ko),
            format!("'{}' must come first (included in the plan).", name.en),
        ),
        Outcome::Fail => Reason::new(
            "prerequisite",
            Outcome::Fail,
            format!("먼저 받아야 하는 '{}'의 요건을 충족하지 못합니다.", name.ko),
            format!(
                "The firm does not qualify for '{}', which must come first.",
                name.en
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::parse_profile;

    /// A sentence says what its outcome says: a met condition never reads as unmet or
    /// open, an unmet one never as met, an open one asks to verify.
    #[test]
    fn every_sentence_says_what_its_outcome_says() {
        let cat = crate::catalogue::builtin().expect("built-in catalogue");
        let now = YearMonth {
            year: 2026,
            month: 12,
        };
        let profiles = [
            r#"{"format":"gachi-profile/1","name":"a"}"#,
            r#"{"format":"gachi-profile/1","name":"b","founded":"2019","employees":8,"revenue_krw":2400000000,"region":"gyeongnam","ksic":"C24","root_technologies":["casting"],"certifications":["root_company"],"smart_factory_level":"none","exporting":false}"#,
            r#"{"format":"gachi-profile/1","name":"c","founded":"1990-01","employees":900,"revenue_krw":300000000000,"region":"seoul","ksic":"J62","root_technologies":[],"certifications":[],"smart_factory_level":"advanced","exporting":true,"enterprise_group":true}"#,
            r#"{"format":"gachi-profile/1","name":"d","founded":"2024","employees":45,"revenue_krw":15000000000,"region":"jeonnam_gwangju","ksic":"C29","root_technologies":["robotics"],"certifications":["venture"],"smart_factory_level":"basic","exporting":true}"#,
        ];
        // How each kind says "not met" (a rule that does not bind the firm is met:
        // "…은 이 기업에 해당하지 않습니다").
        let unmet = [
            "맞지 않",
            "아닙니다",
            "보유하지 않",
            "사용하지 않",
            "신청할 수 있는데",
            "대상이라 해당하지 않",
        ];
        let mut seen = [0usize; 3];
        for text in profiles {
            let p = parse_profile(text.as_bytes(), now).expect("test profile");
            let f = FirmFacts::new(&p, now);
            for prog in &cat.programmes {
                for c in &prog.criteria {
                    let r = evaluate(c, &f);
                    let says_unmet = unmet.iter().any(|w| r.ko.contains(w));
                    match r.outcome {
                        Outcome::Pass => {
                            seen[0] += 1;
                            assert!(!says_unmet && !r.ko.contains("확인이 필요"), "{r:?}");
                        }
                        Outcome::Fail => {
                            seen[1] += 1;
                            assert!(says_unmet && !r.ko.contains("충족합니다"), "{r:?}");
                        }
                        Outcome::Unknown => {
                            seen[2] += 1;
                            assert!(r.ko.contains("확인"), "{r:?}");
                        }
                    }
                }
            }
        }
        assert!(seen.iter().all(|&n| n > 20), "{seen:?}");
    }
}
