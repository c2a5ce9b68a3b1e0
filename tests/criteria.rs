//! Every criterion kind of the catalogue (docs/catalogue-format.md, "Criteria"):
//! pass, fail and unknown, each with readable Korean and English sentences that
//! mention the firm's own value where it has one. An unknown answer is never "fail".

use gachi::catalogue::Criterion;
use gachi::codes::{Certification, Region, RootTech, SizeClass, SmartFactoryLevel};
use gachi::matcher::Outcome::{self, Fail, Pass, Unknown};
use gachi::matcher::{Eligibility, FirmFacts, evaluate, outcome};
use gachi::month::YearMonth;
use gachi::profile::{FirmProfile, Founded};

fn ym(s: &str) -> YearMonth {
    YearMonth::parse(s).expect("valid month")
}

const AS_OF: &str = "2026-12";

fn unknown_firm() -> FirmProfile {
    FirmProfile::new("모름상사")
}

/// A small casting shop whose every answer is known.
fn casting_shop() -> FirmProfile {
    FirmProfile {
        founded: Some(Founded::Month(ym("2009-03"))),
        employees: Some(8),
        revenue_krw: Some(2_400_000_000),
        region: Some(Region::Gyeongnam),
        ksic: Some("C24".into()),
        root_technologies: Some(vec![RootTech::Casting]),
        certifications: Some(vec![Certification::RootCompany]),
        smart_factory_level: Some(SmartFactoryLevel::Basic),
        exporting: Some(false),
        enterprise_group: Some(false),
        ..FirmProfile::new("대성주물")
    }
}

/// The casting shop with one answer changed.
fn shop_with(change: impl FnOnce(&mut FirmProfile)) -> FirmProfile {
    let mut firm = casting_shop();
    change(&mut firm);
    firm
}

/// Evaluates one criterion and checks the outcome and the sentences.
/// `mentions` are fragments that must appear in (ko, en) respectively.
fn check(c: &Criterion, firm: &FirmProfile, at: &str, want: Outcome, mentions: &[(&str, &str)]) {
    let facts = FirmFacts::new(firm, ym(at));
    let r = evaluate(c, &facts);
    assert_eq!(
        r.outcome, want,
        "{c:?} for {} at {at}: expected {want:?}, got {:?} ({} / {})",
        firm.name, r.outcome, r.ko, r.en
    );
    assert!(
        !r.criterion.trim().is_empty(),
        "{c:?}: empty criterion name"
    );
    assert!(
        r.ko.trim().chars().count() >= 5,
        "{c:?}: Korean sentence too short: {:?}",
        r.ko
    );
    assert!(
        r.en.split_whitespace().count() >= 3,
        "{c:?}: English sentence too short: {:?}",
        r.en
    );
    assert!(
        r.ko.chars().any(|ch| ('가'..='힣').contains(&ch)),
        "{c:?}: the Korean sentence has no Korean: {:?}",
        r.ko
    );
    for (ko, en) in mentions {
        assert!(
            r.ko.contains(ko),
            "{c:?} ({want:?}): Korean sentence should mention {ko:?}: {:?}",
            r.ko
        );
        assert!(
            r.en.contains(en),
            "{c:?} ({want:?}): English sentence should mention {en:?}: {:?}",
            r.en
        );
    }
}

/// `check` in the test month.
fn check_now(c: &Criterion, firm: &FirmProfile, want: Outcome, mentions: &[(&str, &str)]) {
    check(c, firm, AS_OF, want, mentions);
}

#[test]
fn employees() {
    let c = Criterion::Employees {
        min: None,
        max: Some(9),
    };
    check_now(&c, &casting_shop(), Pass, &[("8", "8")]);
    let big = shop_with(|f| f.employees = Some(45));
    check_now(&c, &big, Fail, &[("45", "45")]);
    check_now(&c, &unknown_firm(), Unknown, &[("9", "9")]);
    // Limits are inclusive at both ends.
    let range = Criterion::Employees {
        min: Some(10),
        max: Some(45),
    };
    check_now(&range, &big, Pass, &[("45", "45")]);
    let ten = shop_with(|f| f.employees = Some(10));
    check_now(&range, &ten, Pass, &[("10", "10")]);
    check_now(&range, &casting_shop(), Fail, &[("8", "8")]);
    // Zero employees is a known answer, not an unknown one.
    let none = shop_with(|f| f.employees = Some(0));
    check_now(&range, &none, Fail, &[("0", "0")]);
}

#[test]
fn revenue_krw() {
    let min20 = Criterion::Revenue {
        min: Some(2_000_000_000),
        max: None,
    };
    // 24억 = KRW 2,400,000,000.
    check_now(&min20, &casting_shop(), Pass, &[("24억", "2,400,000,000")]);
    let under20 = Criterion::Revenue {
        min: None,
        max: Some(1_999_999_999),
    };
    check_now(
        &under20,
        &casting_shop(),
        Fail,
        &[("24억", "2,400,000,000")],
    );
    check_now(&min20, &unknown_firm(), Unknown, &[]);
    // Inclusive bounds.
    let exact = shop_with(|f| f.revenue_krw = Some(2_000_000_000));
    check_now(&min20, &exact, Pass, &[("20억", "2,000,000,000")]);
    check_now(&under20, &exact, Fail, &[("20억", "2,000,000,000")]);
}

#[test]
fn business_age_with_a_founding_month() {
    let max6 = Criterion::BusinessAge {
        min_years: None,
        max_years: Some(6),
    };
    // 2020-07 → 2026-12: 6 years 5 months, whole years 6.
    let young = shop_with(|f| f.founded = Some(Founded::Month(ym("2020-07"))));
    check_now(&max6, &young, Pass, &[("6", "6")]);
    // 2009-03 → 2026-12: 17 years.
    check_now(&max6, &casting_shop(), Fail, &[("17", "17")]);
    check_now(&max6, &unknown_firm(), Unknown, &[("6", "6")]);
    // The whole-year boundary: founded 2019-07, planned 2026-06 → 6 years 11 months.
    let almost7 = shop_with(|f| f.founded = Some(Founded::Month(ym("2019-07"))));
    check(&max6, &almost7, "2026-06", Pass, &[("6", "6")]);
    // Founded 2019-06, planned 2026-06 → exactly 7 years.
    let seven = shop_with(|f| f.founded = Some(Founded::Month(ym("2019-06"))));
    check(&max6, &seven, "2026-06", Fail, &[("7", "7")]);
    let min7 = Criterion::BusinessAge {
        min_years: Some(7),
        max_years: None,
    };
    check(&min7, &seven, "2026-06", Pass, &[("7", "7")]);
    check(&min7, &almost7, "2026-06", Fail, &[("6", "6")]);
}

#[test]
fn business_age_with_a_bare_founding_year() {
    let max6 = Criterion::BusinessAge {
        min_years: None,
        max_years: Some(6),
    };
    let min7 = Criterion::BusinessAge {
        min_years: Some(7),
        max_years: None,
    };
    // Founded "2019", planned 2026-06: January 2019 makes 7 years, December 2019 makes
    // 6. The year straddles the limit, so only the month can decide: unknown.
    let y2019 = shop_with(|f| f.founded = Some(Founded::Year(2019)));
    check(&max6, &y2019, "2026-06", Unknown, &[("6", "6")]);
    check(&min7, &y2019, "2026-06", Unknown, &[("7", "7")]);
    // Planned 2026-12, every month of 2019 gives 7 years: decided.
    check(&max6, &y2019, "2026-12", Fail, &[("7", "7")]);
    check(&min7, &y2019, "2026-12", Pass, &[("7", "7")]);
    // Far from the limit a bare year is enough either way.
    let y2024 = shop_with(|f| f.founded = Some(Founded::Year(2024)));
    check(&max6, &y2024, "2026-06", Pass, &[]);
    let y2010 = shop_with(|f| f.founded = Some(Founded::Year(2010)));
    check(&max6, &y2010, "2026-06", Fail, &[]);
}

#[test]
fn size_class() {
    let sme = Criterion::SizeClass {
        any_of: vec![SizeClass::Micro, SizeClass::Small, SizeClass::Medium],
    };
    // 8 employees in manufacturing, 24억 (under the 소기업 ceiling): 소상공인.
    check_now(&sme, &casting_shop(), Pass, &[("소상공인", "micro")]);
    // A member of a 상호출자제한기업집단 is a large firm.
    let group = shop_with(|f| f.enterprise_group = Some(true));
    check_now(&sme, &group, Fail, &[("대기업", "large")]);
    // Nothing known: every class is possible.
    check_now(&sme, &unknown_firm(), Unknown, &[]);
    // C29 with 1,200억 after the 2025-09 reform: the revised 별표1 raised C29 to
    // 1,200억, so it is a 중기업 again.
    let candidate = FirmProfile {
        employees: Some(420),
        revenue_krw: Some(120_000_000_000),
        ksic: Some("C29".into()),
        ..casting_shop()
    };
    check_now(&sme, &candidate, Pass, &[("중기업", "medium")]);
    // Only the section known (C): the ceiling is somewhere from 600억 to 1,800억.
    let section_only = FirmProfile {
        ksic: Some("C".into()),
        ..candidate.clone()
    };
    check_now(&sme, &section_only, Unknown, &[("중견", "mid")]);
    let growth = Criterion::SizeClass {
        any_of: vec![SizeClass::Medium, SizeClass::Midsize],
    };
    check_now(&growth, &candidate, Pass, &[]);
    // The same firm before the reform: certainly 중견 (C29 ceiling 1,000억).
    check(&sme, &candidate, "2025-06", Fail, &[("중견", "mid")]);
}

#[test]
fn region() {
    let non_capital = Criterion::Region {
        any_of: vec![Region::Busan, Region::Gyeongnam, Region::Gyeongbuk],
    };
    check_now(
        &non_capital,
        &casting_shop(),
        Pass,
        &[("경남", "Gyeongsang")],
    );
    let seoul = shop_with(|f| f.region = Some(Region::Seoul));
    check_now(&non_capital, &seoul, Fail, &[("서울", "Seoul")]);
    check_now(&non_capital, &unknown_firm(), Unknown, &[]);
}

#[test]
fn ksic() {
    let manufacturing = Criterion::Ksic {
        prefixes: vec!["C".into()],
    };
    check_now(&manufacturing, &casting_shop(), Pass, &[("C24", "C24")]);
    let shop = shop_with(|f| f.ksic = Some("G47".into()));
    check_now(&manufacturing, &shop, Fail, &[("G47", "G47")]);
    check_now(&manufacturing, &unknown_firm(), Unknown, &[]);
    // Division prefixes: C29 and C28 only.
    let machines = Criterion::Ksic {
        prefixes: vec!["C29".into(), "C28".into()],
    };
    check_now(&machines, &casting_shop(), Fail, &[("C24", "C24")]);
    let robots = shop_with(|f| f.ksic = Some("C29".into()));
    check_now(&machines, &robots, Pass, &[("C29", "C29")]);
}

#[test]
fn root_technology() {
    let casting_or_mold = Criterion::RootTechnology {
        any_of: vec![RootTech::Casting, RootTech::Mold],
    };
    check_now(
        &casting_or_mold,
        &casting_shop(),
        Pass,
        &[("주조", "casting")],
    );
    let welder = shop_with(|f| f.root_technologies = Some(vec![RootTech::Welding]));
    check_now(&casting_or_mold, &welder, Fail, &[]);
    check_now(&casting_or_mold, &unknown_firm(), Unknown, &[]);
}

#[test]
fn root_technology_with_an_empty_list_means_any_of_the_fourteen() {
    let any = Criterion::RootTechnology { any_of: vec![] };
    let welder = shop_with(|f| f.root_technologies = Some(vec![RootTech::Welding]));
    check_now(&any, &welder, Pass, &[("용접", "welding")]);
    check_now(&any, &casting_shop(), Pass, &[("주조", "casting")]);
    // [] = the firm works in no root technology: a known "no".
    let none = shop_with(|f| f.root_technologies = Some(vec![]));
    check_now(&any, &none, Fail, &[]);
    // null/absent = unknown.
    check_now(&any, &unknown_firm(), Unknown, &[]);
}

#[test]
fn certification() {
    let root = Criterion::Certification {
        any_of: vec![Certification::RootCompany, Certification::RootSpecialist],
    };
    check_now(&root, &casting_shop(), Pass, &[("뿌리기업", "root")]);
    let venture = shop_with(|f| f.certifications = Some(vec![Certification::Venture]));
    check_now(&root, &venture, Fail, &[]);
    let none = shop_with(|f| f.certifications = Some(vec![]));
    check_now(&root, &none, Fail, &[]);
    check_now(&root, &unknown_firm(), Unknown, &[]);
}

#[test]
fn exporting() {
    let exporters = Criterion::Exporting { value: true };
    let exporter = shop_with(|f| f.exporting = Some(true));
    check_now(&exporters, &exporter, Pass, &[]);
    check_now(&exporters, &casting_shop(), Fail, &[]);
    check_now(&exporters, &unknown_firm(), Unknown, &[]);
    let domestic = Criterion::Exporting { value: false };
    check_now(&domestic, &casting_shop(), Pass, &[]);
    check_now(&domestic, &exporter, Fail, &[]);
    check_now(&domestic, &unknown_firm(), Unknown, &[]);
}

#[test]
fn smart_factory_level() {
    let upgrades = Criterion::SmartFactoryLevel {
        any_of: vec![SmartFactoryLevel::Basic, SmartFactoryLevel::Intermediate],
    };
    check_now(&upgrades, &casting_shop(), Pass, &[("기초", "basic")]);
    let none = shop_with(|f| f.smart_factory_level = Some(SmartFactoryLevel::None));
    check_now(&upgrades, &none, Fail, &[("없음", "none")]);
    check_now(&upgrades, &unknown_firm(), Unknown, &[]);
}

#[test]
fn manual_is_never_machine_checked() {
    let c = Criterion::Manual {
        ko: "컨소시엄을 구성해야 함".into(),
        en: "Must apply as a consortium".into(),
    };
    // Whatever the firm says, a manual rule is "to verify", shown as its own sentence.
    for firm in [casting_shop(), unknown_firm()] {
        check_now(
            &c,
            &firm,
            Unknown,
            &[("컨소시엄을 구성해야 함", "Must apply as a consortium")],
        );
    }
}

#[test]
fn unknown_answers_never_fail_any_kind() {
    let all = [
        Criterion::Employees {
            min: Some(1),
            max: Some(9),
        },
        Criterion::Revenue {
            min: Some(1),
            max: Some(2),
        },
        Criterion::BusinessAge {
            min_years: Some(3),
            max_years: Some(4),
        },
        Criterion::SizeClass {
            any_of: vec![SizeClass::Large],
        },
        Criterion::Region {
            any_of: vec![Region::Jeju],
        },
        Criterion::Ksic {
            prefixes: vec!["A01".into()],
        },
        Criterion::RootTechnology { any_of: vec![] },
        Criterion::Certification {
            any_of: vec![Certification::WorldClass],
        },
        Criterion::Exporting { value: true },
        Criterion::SmartFactoryLevel {
            any_of: vec![SmartFactoryLevel::Advanced],
        },
        Criterion::Manual {
            ko: "확인".into(),
            en: "Check".into(),
        },
    ];
    let firm = unknown_firm();
    let facts = FirmFacts::new(&firm, ym(AS_OF));
    let reasons: Vec<_> = all.iter().map(|c| evaluate(c, &facts)).collect();
    for (c, r) in all.iter().zip(&reasons) {
        assert_eq!(r.outcome, Unknown, "{c:?}: {r:?}");
    }
    assert_eq!(Eligibility::of(&reasons), Eligibility::Verify);
}

/// 월드클래스 플러스 (KIAT 2024 call): a 중기업 may apply only with 700억–1조 of
/// sales; a 중견기업 with any sales under 1조. Trial 2026-11: a 150억 중기업 was
/// offered it.
#[test]
fn a_sales_band_for_one_size_class_binds_only_that_class() {
    let rule = Criterion::RevenueForSize {
        size_class: vec![SizeClass::Medium],
        min: Some(70_000_000_000),
        max: None,
    };
    let firm = |employees: u64, revenue: Option<u64>| {
        let mut p = FirmProfile::new("시험");
        p.ksic = Some("C29".into());
        p.employees = Some(employees);
        p.revenue_krw = revenue;
        p
    };
    let as_of = YearMonth::new(2026, 11).unwrap();
    let check = |p: &FirmProfile| {
        let f = FirmFacts::new(p, as_of);
        (outcome(&rule, &f), evaluate(&rule, &f))
    };
    // A 150억 중기업 (C29: 소기업 up to 120억): refused, and told why.
    let (o, r) = check(&firm(65, Some(15_000_000_000)));
    assert_eq!(o, Fail);
    assert!(r.ko.contains("중기업은 매출 700억원 이상"), "{}", r.ko);
    // An 800억 중기업: the candidate rule is met.
    assert_eq!(check(&firm(200, Some(80_000_000_000))).0, Pass);
    // A 소기업 is not bound by it (its size class is refused elsewhere).
    assert_eq!(check(&firm(20, Some(5_000_000_000))).0, Pass);
    // Sales unknown, size unknown: to verify.
    assert_eq!(check(&firm(65, None)).0, Unknown);
}
