//! What would unlock a programme: for each criterion a firm fails, the smallest
//! change to its profile that would pass it — derived from the criterion, not
//! written per programme. A firm is never asked to shrink or go back: fewer
//! employees, lower sales, a smaller size class, a younger firm, no longer exporting,
//! a lower smart-factory level or leaving a business group are not suggested, and a
//! programme with such a failure has no unlock. Moving the head office or changing
//! industry is a major change, listed apart (`Change::is_major`).

use super::eligibility::{FirmFacts, Outcome, outcome};
use crate::catalogue::{Criterion, Programme};
use crate::codes::{RootTech, SizeClass, SmartFactoryLevel};
use crate::month::YearMonth;
use crate::profile::{FirmProfile, Founded};

pub use crate::plan::{Change, Unlock};

fn level_rank(l: SmartFactoryLevel) -> u8 {
    match l {
        SmartFactoryLevel::None => 0,
        SmartFactoryLevel::Basic => 1,
        SmartFactoryLevel::Intermediate => 2,
        SmartFactoryLevel::Advanced => 3,
    }
}

/// The change that makes one failing criterion pass, if a firm can make it.
pub fn unlock_criterion(c: &Criterion, f: &FirmFacts) -> Option<Unlock> {
    let p = f.profile;
    let change = match c {
        // Only growing: a firm over a ceiling is never told to shrink.
        Criterion::Employees { min, .. } => {
            let n = p.employees?;
            match min {
                Some(mn) if n < *mn => Change::EmployeesAtLeast { employees: *mn },
                _ => return None,
            }
        }
        Criterion::Revenue { min, .. } => {
            let r = p.revenue_krw?;
            match min {
                Some(mn) if r < *mn => Change::RevenueAtLeast { revenue_krw: *mn },
                _ => return None,
            }
        }
        // Only "not old enough yet" can change, by waiting.
        Criterion::BusinessAge {
            min_years: Some(mn),
            ..
        } => {
            let (_, most) = f.age?;
            if most >= *mn as i64 {
                return None;
            }
            let founded = match p.founded? {
                Founded::Month(m) => m,
                Founded::Year(y) => YearMonth { year: y, month: 12 },
            };
            Change::WaitUntil {
                month: founded.plus_months(*mn as i64 * 12),
                years: *mn,
            }
        }
        Criterion::BusinessAge { .. } => return None,
        // Size follows sales, staff and group: only growing into a larger class is a
        // change to suggest; leaving a group or shrinking is not.
        Criterion::SizeClass { any_of } => {
            if p.enterprise_group == Some(true) {
                return None;
            }
            let largest = f.size.possible.iter().copied().max()?;
            let larger: Vec<SizeClass> = any_of.iter().copied().filter(|c| *c > largest).collect();
            if larger.is_empty() {
                return None;
            }
            Change::SizeClass { any_of: larger }
        }
        Criterion::Region { any_of } => Change::MoveTo {
            any_of: any_of.clone(),
        },
        Criterion::Ksic { prefixes } => Change::Industry {
            prefixes: prefixes.clone(),
        },
        Criterion::RootTechnology { any_of } => Change::RootTechnology {
            any_of: any_of.clone(),
        },
        Criterion::Certification { any_of } => Change::Obtain {
            any_of: any_of.clone(),
        },
        Criterion::Exporting { value: true } => Change::StartExporting,
        Criterion::Exporting { value: false } => return None,
        Criterion::SmartFactoryLevel { any_of } => {
            let now = level_rank(p.smart_factory_level?);
            let higher: Vec<SmartFactoryLevel> = any_of
                .iter()
                .copied()
                .filter(|l| level_rank(*l) > now)
                .collect();
            if higher.is_empty() {
                return None;
            }
            Change::SmartFactory { any_of: higher }
        }
        // Growing into the sales band is possible, but it is said by the size rule's
        // own unlock; a sales band for a size class is not a change to suggest alone.
        Criterion::Manual { .. } | Criterion::RevenueForSize { .. } => return None,
    };
    Some(Unlock { change })
}

/// Every change a refused programme needs, or None when one of its failures cannot
/// be changed (then nothing is suggested).
pub fn unlock_programme(p: &Programme, f: &FirmFacts) -> Option<Vec<Unlock>> {
    let mut out = Vec::new();
    for c in &p.criteria {
        if outcome(c, f) == Outcome::Fail {
            out.push(unlock_criterion(c, f)?);
        }
    }
    (!out.is_empty()).then_some(out)
}

impl Change {
    /// The profile with this change made, for a what-if.
    pub fn apply(&self, p: &FirmProfile) -> FirmProfile {
        let mut q = p.clone();
        match self {
            Change::EmployeesAtMost { employees } | Change::EmployeesAtLeast { employees } => {
                q.employees = Some(*employees)
            }
            Change::RevenueAtMost { revenue_krw } | Change::RevenueAtLeast { revenue_krw } => {
                q.revenue_krw = Some(*revenue_krw)
            }
            Change::WaitUntil { .. } | Change::SizeClass { .. } | Change::Industry { .. } => {}
            Change::MoveTo { any_of } => q.region = any_of.first().copied(),
            Change::RootTechnology { any_of } => {
                let t = any_of.first().copied().unwrap_or(RootTech::Casting);
                let list = q.root_technologies.get_or_insert_with(Vec::new);
                if !list.contains(&t) {
                    list.push(t);
                }
            }
            Change::Obtain { any_of } => {
                if let Some(c) = any_of.first() {
                    let list = q.certifications.get_or_insert_with(Vec::new);
                    if !list.contains(c) {
                        list.push(*c);
                    }
                }
            }
            Change::StartExporting => q.exporting = Some(true),
            Change::SmartFactory { any_of } => q.smart_factory_level = any_of.first().copied(),
        }
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::{Certification, Region};
    use crate::profile::parse_profile;

    const NOW: YearMonth = YearMonth {
        year: 2026,
        month: 12,
    };

    fn firm(json: &str) -> FirmProfile {
        parse_profile(json.as_bytes(), NOW).expect("test profile")
    }

    fn base() -> FirmProfile {
        firm(
            r#"{"format":"gachi-profile/1","name":"t","founded":"2023-06","employees":12,"revenue_krw":3000000000,"region":"seoul","ksic":"G47","root_technologies":[],"certifications":[],"smart_factory_level":"basic","exporting":false}"#,
        )
    }

    /// The suggestion for a failing criterion, checked to really make it pass.
    fn check(c: Criterion, p: &FirmProfile, expect_ko: &str) {
        let f = FirmFacts::new(p, NOW);
        assert_eq!(outcome(&c, &f), Outcome::Fail, "{c:?} should fail first");
        let u = unlock_criterion(&c, &f).unwrap_or_else(|| panic!("no unlock for {c:?}"));
        let t = u.text();
        assert!(t.ko.contains(expect_ko), "{} (wanted {expect_ko})", t.ko);
        assert!(!t.en.is_empty());
        if !matches!(
            u.change,
            Change::WaitUntil { .. } | Change::SizeClass { .. } | Change::Industry { .. }
        ) {
            let q = u.change.apply(p);
            assert_eq!(
                outcome(&c, &FirmFacts::new(&q, NOW)),
                Outcome::Pass,
                "applying {:?}",
                u.change
            );
        }
    }

    #[test]
    fn every_changeable_criterion_kind_gets_a_suggestion_that_works() {
        let p = base();
        check(
            Criterion::Employees {
                min: Some(20),
                max: None,
            },
            &p,
            "20명 이상",
        );
        check(
            Criterion::Revenue {
                min: Some(5_000_000_000),
                max: None,
            },
            &p,
            "매출 50억원 이상이 되면",
        );
        check(
            Criterion::Region {
                any_of: vec![Region::Gyeongnam],
            },
            &p,
            "본사를 경남으로 옮기면",
        );
        check(
            Criterion::Ksic {
                prefixes: vec!["C".into()],
            },
            &p,
            "업종을 C로 바꾸면",
        );
        check(
            Criterion::RootTechnology {
                any_of: vec![RootTech::Casting],
            },
            &p,
            "주조",
        );
        check(
            Criterion::Certification {
                any_of: vec![Certification::Venture],
            },
            &p,
            "벤처기업을 받으면",
        );
        check(Criterion::Exporting { value: true }, &p, "수출을 시작하면");
        check(
            Criterion::SmartFactoryLevel {
                any_of: vec![SmartFactoryLevel::Intermediate],
            },
            &p,
            "중간",
        );
        // A 소기업 (12 employees, 30억, G47) can grow into a 중기업.
        check(
            Criterion::SizeClass {
                any_of: vec![SizeClass::Medium, SizeClass::Midsize],
            },
            &p,
            "중기업·중견기업으로 성장하면",
        );
    }

    #[test]
    fn a_firm_is_never_asked_to_shrink() {
        // 45 employees and 200억 sales (C29 소기업 ceiling 120억): over these limits.
        let big = firm(
            r#"{"format":"gachi-profile/1","name":"b","founded":"2010-01","employees":45,"revenue_krw":20000000000,"region":"gyeonggi","ksic":"C29","exporting":true}"#,
        );
        let f = FirmFacts::new(&big, NOW);
        for c in [
            Criterion::Employees {
                min: None,
                max: Some(9),
            },
            Criterion::Revenue {
                min: None,
                max: Some(1_999_999_999),
            },
            Criterion::SizeClass {
                any_of: vec![SizeClass::Micro],
            },
            Criterion::SizeClass {
                any_of: vec![SizeClass::Micro, SizeClass::Small],
            },
        ] {
            assert_eq!(outcome(&c, &f), Outcome::Fail, "{c:?}");
            assert_eq!(
                unlock_criterion(&c, &f),
                None,
                "{c:?} must not be unlocked by shrinking"
            );
        }
    }

    #[test]
    fn moving_or_changing_industry_is_a_major_change() {
        let p = base();
        let f = FirmFacts::new(&p, NOW);
        let mv = unlock_criterion(
            &Criterion::Region {
                any_of: vec![Region::Busan],
            },
            &f,
        )
        .unwrap();
        assert!(mv.change.is_major());
        assert!(mv.text().ko.contains("(큰 변화)"), "{}", mv.text().ko);
        let ind = unlock_criterion(
            &Criterion::Ksic {
                prefixes: vec!["C".into()],
            },
            &f,
        )
        .unwrap();
        assert!(ind.change.is_major());
        let cert = unlock_criterion(
            &Criterion::Certification {
                any_of: vec![Certification::Venture],
            },
            &f,
        )
        .unwrap();
        assert!(!cert.change.is_major());
    }

    #[test]
    fn a_young_firm_is_told_when_it_will_be_old_enough() {
        let p = base();
        let c = Criterion::BusinessAge {
            min_years: Some(7),
            max_years: None,
        };
        let f = FirmFacts::new(&p, NOW);
        let u = unlock_criterion(&c, &f).expect("unlock");
        assert_eq!(
            u.change,
            Change::WaitUntil {
                month: YearMonth {
                    year: 2030,
                    month: 6
                },
                years: 7
            }
        );
        assert!(u.text().ko.contains("2030-06"), "{}", u.text().ko);
    }

    #[test]
    fn changes_a_firm_cannot_make_are_not_suggested() {
        let p = base();
        let f = FirmFacts::new(&p, NOW);
        // Getting younger.
        assert_eq!(
            unlock_criterion(
                &Criterion::BusinessAge {
                    min_years: None,
                    max_years: Some(2)
                },
                &f
            ),
            None
        );
        // Stopping exports.
        let exporter = firm(
            r#"{"format":"gachi-profile/1","name":"e","exporting":true,"smart_factory_level":"advanced"}"#,
        );
        let fe = FirmFacts::new(&exporter, NOW);
        assert_eq!(
            unlock_criterion(&Criterion::Exporting { value: false }, &fe),
            None
        );
        // A lower smart-factory level.
        assert_eq!(
            unlock_criterion(
                &Criterion::SmartFactoryLevel {
                    any_of: vec![SmartFactoryLevel::Basic]
                },
                &fe
            ),
            None
        );
        // Leaving a business group.
        let group = firm(r#"{"format":"gachi-profile/1","name":"g","enterprise_group":true}"#);
        let fg = FirmFacts::new(&group, NOW);
        assert_eq!(
            unlock_criterion(
                &Criterion::SizeClass {
                    any_of: vec![SizeClass::Small]
                },
                &fg
            ),
            None
        );
        // Manual conditions are never failures, so never unlocks.
        assert_eq!(
            unlock_criterion(
                &Criterion::Manual {
                    ko: "x".into(),
                    en: "x".into()
                },
                &f
            ),
            None
        );
    }
}
