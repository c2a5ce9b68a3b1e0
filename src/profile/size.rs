//! Firm size classes under the 중소기업기본법 (research/programmes.md §5).
//!
//! The law changed on 2025-09-01 (시행령 개정, 국무회의 2025-08-26): SME ceilings
//! 400억–1,800억 in 7 bands (16 of 44 industries +200–300억), 소기업 15억–140억 in 9
//! bands (12 of 43 industries +5–20억). Both tables, before and after, are dated data
//! in data/size-law.json with their sources, chosen by the plan's month; where only
//! the section of the industry is known, the range over its divisions is used and a
//! revenue inside it is "to verify". Every answer carries the rule it applied.

use crate::codes::SizeClass;
use crate::ksic::Ksic;
use crate::month::YearMonth;
use crate::text::{Text, krw_en, krw_ko};

const EOK: u64 = 100_000_000;

/// The first month of the 2025 reform of 별표1 and 별표3.
pub const REFORM_2025: YearMonth = YearMonth {
    year: 2025,
    month: 9,
};

const SIZE_LAW: &str = include_str!("../../data/size-law.json");

/// One table of 별표1 or 별표3 and the months it is in force (inclusive; `until` null =
/// still in force), with its source.
#[derive(Debug, serde::Deserialize)]
struct CeilingTable {
    from: YearMonth,
    until: Option<YearMonth>,
    /// Where the table was read (kept with the data; a test checks every table has one).
    #[cfg_attr(not(test), allow(dead_code))]
    source: String,
    rows: Vec<CeilingRow>,
}

/// A ceiling (억원, "이하") for KSIC sections ("G") or divisions ("C29").
#[derive(Debug, serde::Deserialize)]
struct CeilingRow {
    ksic: Vec<String>,
    eok: u64,
}

#[derive(Debug, serde::Deserialize, Default)]
struct SizeLaw {
    sme_revenue_ceiling: Vec<CeilingTable>,
    small_revenue_ceiling: Vec<CeilingTable>,
}

fn size_law() -> &'static SizeLaw {
    static LAW: std::sync::OnceLock<SizeLaw> = std::sync::OnceLock::new();
    // Built into the binary and read by a test; empty only if that test fails.
    LAW.get_or_init(|| serde_json::from_str(SIZE_LAW).unwrap_or_default())
}

/// The ceiling (억원) of a table for an industry at a month, as (lowest, highest): one
/// figure when the division (or a whole-section row) decides it; for a section-only
/// code, the range over its divisions. None when the table has no row for it.
fn ceiling(tables: &[CeilingTable], k: Ksic, at: YearMonth) -> Option<(u64, u64)> {
    let t = tables
        .iter()
        .find(|t| t.from <= at && t.until.is_none_or(|u| at <= u))?;
    let section = k.section.to_string();
    let division = k.division.map(|d| format!("{}{d:02}", k.section));
    let mut lo = u64::MAX;
    let mut hi = 0;
    for row in &t.rows {
        for code in &row.ksic {
            let hit = match &division {
                Some(d) => code == d || *code == section,
                None => code.starts_with(&section),
            };
            if hit {
                if division.is_some() {
                    return Some((row.eok, row.eok));
                }
                lo = lo.min(row.eok);
                hi = hi.max(row.eok);
            }
        }
    }
    (hi > 0).then_some((lo, hi))
}

/// 별표1 ceiling (억원) on average sales for SME status at a month: the table in force
/// then (data/size-law.json: 2015-01 – 2025-08, and from 2025-09 the revised table).
fn sme_ceiling(k: Ksic, at: YearMonth) -> Option<(u64, u64)> {
    ceiling(&size_law().sme_revenue_ceiling, k, at)
}

/// 별표3 ceiling (억원) on average sales for 소기업 (소상공인 included) at a month.
fn small_ceiling(k: Ksic, at: YearMonth) -> Option<(u64, u64)> {
    ceiling(&size_law().small_revenue_ceiling, k, at)
}

/// Bounds over every industry, for firms whose industry is not known.
fn any_industry(at: YearMonth, f: fn(Ksic, YearMonth) -> Option<(u64, u64)>) -> (u64, u64) {
    let mut lo = u64::MAX;
    let mut hi = 0;
    for &(section, first, last, ..) in crate::ksic::SECTIONS {
        for d in first..=last {
            if let Some((a, b)) = f(
                Ksic {
                    section,
                    division: Some(d),
                },
                at,
            ) {
                lo = lo.min(a);
                hi = hi.max(b);
            }
        }
    }
    (lo, hi)
}

/// Yes, no, or cannot tell from what is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tri {
    Yes,
    No,
    Maybe,
}

fn under(value: Option<u64>, bounds: (u64, u64)) -> Tri {
    match value {
        None => Tri::Maybe,
        Some(v) if v <= bounds.0 * EOK => Tri::Yes,
        Some(v) if v > bounds.1 * EOK => Tri::No,
        Some(_) => Tri::Maybe,
    }
}

/// What the profile says about size.
#[derive(Debug, Clone, Copy, Default)]
pub struct SizeInputs<'a> {
    pub employees: Option<u64>,
    pub revenue_krw: Option<u64>,
    pub ksic: Option<&'a str>,
    pub assets_krw: Option<u64>,
    pub enterprise_group: Option<bool>,
}

/// The size classes a firm may be in, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct SizeAssessment {
    /// Never empty; one element when the class is certain.
    pub possible: Vec<SizeClass>,
    pub explanation: Text,
}

impl SizeAssessment {
    pub fn certain(&self) -> Option<SizeClass> {
        (self.possible.len() == 1).then(|| self.possible[0])
    }

    /// The plan's `size_class` code: the most specific class the firm certainly is in,
    /// or "unknown". In law 소상공인 ⊂ 소기업, so a firm that is 소상공인 or 소기업 is
    /// certainly a 소기업 ("small"); whether it is also 소상공인 is in `facts().micro`.
    pub fn code(&self) -> &'static str {
        use SizeClass::*;
        match self.certain() {
            Some(c) => c.code(),
            None if self.possible.iter().all(|c| matches!(c, Micro | Small)) => Small.code(),
            None => "unknown",
        }
    }

    /// For each legal class, whether the firm certainly is in it, certainly is not, or
    /// may be (중소기업기본법 §2, 시행령 §3, §8; 중견기업법 §2): 소상공인 ⊂ 소기업 ⊂
    /// 중소기업, and 중견기업, 대기업 outside them.
    pub fn facts(&self) -> SizeFacts {
        use SizeClass::*;
        let p = &self.possible;
        let tri = |inside: &[SizeClass]| -> Option<bool> {
            if p.iter().all(|c| inside.contains(c)) {
                Some(true)
            } else if p.iter().all(|c| !inside.contains(c)) {
                Some(false)
            } else {
                None
            }
        };
        SizeFacts {
            sme: tri(&[Micro, Small, Medium]),
            small: tri(&[Micro, Small]),
            micro: tri(&[Micro]),
            midsize: tri(&[Midsize]),
            large: tri(&[Large]),
        }
    }

    pub fn is_possibly(&self, c: SizeClass) -> bool {
        self.possible.contains(&c)
    }
}

/// The plan's `size_facts`: for each legal class `Some(true)` (certainly),
/// `Some(false)` (certainly not) or `None` (may be; JSON null).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct SizeFacts {
    /// 중소기업 (소상공인, 소기업 and 중기업 together).
    pub sme: Option<bool>,
    /// 소기업, 소상공인 included.
    pub small: Option<bool>,
    /// 소상공인.
    pub micro: Option<bool>,
    /// 중견기업.
    pub midsize: Option<bool>,
    /// 대기업.
    pub large: Option<bool>,
}

impl SizeFacts {
    /// The firm's size in words an owner reads: "소기업 (소상공인 여부는 상시근로자 수로
    /// 정해짐)", "중소기업 아님 — 중견기업 또는 대기업".
    pub fn describe(&self) -> Text {
        let t = |ko: &str, en: &str| Text::new(ko, en);
        match (self.sme, self.small, self.micro) {
            (_, _, Some(true)) => t(
                "소상공인 (소기업·중소기업)",
                "micro business (a small firm and an SME)",
            ),
            (_, Some(true), None) => t(
                "소기업 (소상공인 여부는 상시근로자 수로 정해짐)",
                "small firm (whether it is also a micro business depends on the number of employees)",
            ),
            (_, Some(true), Some(false)) => t(
                "소기업 (소상공인 아님)",
                "small firm (not a micro business)",
            ),
            (Some(true), Some(false), _) => t("중기업 (중소기업)", "medium firm (an SME)"),
            (Some(true), None, _) => t(
                "중소기업 (소기업 여부는 매출액으로 정해짐)",
                "SME (whether it is a small firm depends on sales)",
            ),
            (Some(false), ..) => match (self.midsize, self.large) {
                (Some(true), _) => t("중소기업 아님 — 중견기업", "not an SME — a mid-sized firm"),
                (_, Some(true)) => t("중소기업 아님 — 대기업", "not an SME — a large firm"),
                _ => t(
                    "중소기업 아님 — 중견기업 또는 대기업",
                    "not an SME — mid-sized or large",
                ),
            },
            (None, ..) => {
                if self.small == Some(false) {
                    t(
                        "중기업 또는 중견기업 이상 (확인 필요)",
                        "medium firm or larger (to verify)",
                    )
                } else {
                    t("기업 규모 확인 필요", "size to verify")
                }
            }
        }
    }
}

fn eok_text(bounds: (u64, u64)) -> Text {
    if bounds.0 == bounds.1 {
        Text::new(krw_ko(bounds.0 * EOK), krw_en(bounds.0 * EOK))
    } else {
        Text::new(
            format!(
                "{}~{} (업종에 따라 다름)",
                krw_ko(bounds.0 * EOK),
                krw_ko(bounds.1 * EOK)
            ),
            format!(
                "{} to {} (depends on the industry)",
                krw_en(bounds.0 * EOK),
                krw_en(bounds.1 * EOK)
            ),
        )
    }
}

/// Derives the size class at a month from employees, sales, industry, assets and group.
pub fn assess_size(inp: SizeInputs, at: YearMonth) -> SizeAssessment {
    use SizeClass::*;
    if inp.enterprise_group == Some(true) {
        return SizeAssessment {
            possible: vec![Large],
            explanation: Text::new(
                "상호출자제한기업집단 소속이므로 대기업으로 봅니다.",
                "Belongs to a large business group (상호출자제한기업집단), so it counts as a large firm.",
            ),
        };
    }
    let ksic = inp.ksic.and_then(Ksic::parse);
    let (sme_bounds, small_bounds) = match ksic {
        Some(k) if k.division.is_some() || sme_ceiling(k, at).is_some() => (
            sme_ceiling(k, at).unwrap_or_else(|| any_industry(at, sme_ceiling)),
            small_ceiling(k, at).unwrap_or_else(|| any_industry(at, small_ceiling)),
        ),
        _ => (
            any_industry(at, sme_ceiling),
            any_industry(at, small_ceiling),
        ),
    };
    let assets_ok = match inp.assets_krw {
        Some(a) if a >= 5000 * EOK => Tri::No,
        _ => Tri::Yes,
    };
    let mut sme = under(inp.revenue_krw, sme_bounds);
    if assets_ok == Tri::No {
        sme = Tri::No;
    }
    let small = if sme == Tri::No {
        Tri::No
    } else {
        under(inp.revenue_krw, small_bounds)
    };
    // 소상공인: a 소기업 with fewer than 10 regular employees in mining, manufacturing,
    // construction and transport, fewer than 5 elsewhere (§5.3).
    let micro_limit = ksic.map(|k| {
        if matches!(k.section, 'B' | 'C' | 'F' | 'H') {
            10
        } else {
            5
        }
    });
    let micro_staff = match (inp.employees, micro_limit) {
        (None, _) => Tri::Maybe,
        (Some(e), Some(l)) => {
            if e < l {
                Tri::Yes
            } else {
                Tri::No
            }
        }
        (Some(e), None) => {
            if e < 5 {
                Tri::Yes
            } else if e >= 10 {
                Tri::No
            } else {
                Tri::Maybe
            }
        }
    };
    let mut possible = Vec::new();
    if small != Tri::No {
        if micro_staff != Tri::No {
            possible.push(Micro);
        }
        if micro_staff != Tri::Yes {
            possible.push(Small);
        }
    }
    if sme != Tri::No && small != Tri::Yes {
        possible.push(Medium);
    }
    if sme != Tri::Yes {
        possible.push(Midsize);
        if inp.enterprise_group != Some(false) {
            possible.push(Large);
        }
    }

    let revenue = inp.revenue_krw.map(|r| (krw_ko(r), krw_en(r)));
    let table = if at < REFORM_2025 {
        ("2025년 8월까지의 기준", "table in force until 2025-08")
    } else {
        ("2025년 9월 개편 기준", "table in force from 2025-09")
    };
    let sme_t = eok_text(sme_bounds);
    let small_t = eok_text(small_bounds);
    let mut ko = Vec::new();
    let mut en = Vec::new();
    match &revenue {
        Some((rk, re)) => {
            ko.push(format!(
                "매출액 {rk}: 중소기업 상한 {}, 소기업 상한 {} ({}).",
                sme_t.ko, small_t.ko, table.0
            ));
            en.push(format!(
                "Sales {re}: SME ceiling {}, small-firm ceiling {} ({}).",
                sme_t.en, small_t.en, table.1
            ));
        }
        None => {
            ko.push("매출액을 모르면 기업 규모를 정할 수 없습니다.".to_string());
            en.push("Without sales the size class cannot be decided.".to_string());
        }
    }
    if ksic.is_none() {
        ko.push(
            "업종(KSIC)을 모르면 업종별 기준 중 가장 낮은 값과 높은 값을 함께 봅니다.".to_string(),
        );
        en.push("Without the industry (KSIC) the lowest and highest ceilings of all industries are used.".to_string());
    }
    if assets_ok == Tri::No {
        ko.push("자산총액 5,000억원 이상이면 중소기업이 아닙니다.".to_string());
        en.push("Total assets of KRW 500 billion or more rule out SME status.".to_string());
    }
    if let (Some(e), Some(l)) = (inp.employees, micro_limit) {
        ko.push(format!("상시근로자 {e}명 (소상공인 기준 {l}명 미만)."));
        en.push(format!(
            "{e} employees (micro-business limit: fewer than {l})."
        ));
    }
    if possible.contains(&Midsize) && possible.contains(&Large) && sme == Tri::No {
        ko.push("중견기업인지 대기업인지는 기업집단 소속 여부로 정해집니다.".to_string());
        en.push(
            "Whether it is mid-sized or large depends on business-group membership.".to_string(),
        );
    }
    let (kc, ec): (Vec<&str>, Vec<&str>) = possible.iter().map(|c| (c.ko(), c.en())).unzip();
    ko.push(format!("결과: {}.", kc.join(" 또는 ")));
    en.push(format!("Result: {}.", ec.join(" or ")));
    SizeAssessment {
        possible,
        explanation: Text::new(ko.join(" "), en.join(" ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use SizeClass::*;

    fn at(y: i32, m: u8) -> YearMonth {
        YearMonth::new(y, m).unwrap()
    }

    fn size(emp: u64, rev_eok: u64, ksic: &str, when: YearMonth) -> Vec<SizeClass> {
        assess_size(
            SizeInputs {
                employees: Some(emp),
                revenue_krw: Some(rev_eok * EOK),
                ksic: Some(ksic),
                ..Default::default()
            },
            when,
        )
        .possible
    }

    const BEFORE: YearMonth = YearMonth {
        year: 2025,
        month: 8,
    };
    const AFTER: YearMonth = YearMonth {
        year: 2025,
        month: 9,
    };

    #[test]
    fn micro_needs_fewer_than_ten_in_manufacturing_and_five_elsewhere() {
        assert_eq!(size(9, 24, "C24", BEFORE), vec![Micro]);
        assert_eq!(size(10, 24, "C24", BEFORE), vec![Small]);
        assert_eq!(size(4, 5, "G47", BEFORE), vec![Micro]);
        assert_eq!(size(5, 5, "G47", BEFORE), vec![Small]);
    }

    #[test]
    fn small_firm_ceiling_before_the_reform_is_exact() {
        // 1차금속 (C24): 소기업 120억, 중소기업 1,500억.
        assert_eq!(size(30, 120, "C24", BEFORE), vec![Small]);
        assert_eq!(size(30, 121, "C24", BEFORE), vec![Medium]);
        // 도소매 (G): 소기업 50억, 중소기업 1,000억.
        assert_eq!(size(30, 50, "G46", BEFORE), vec![Small]);
        assert_eq!(size(30, 51, "G46", BEFORE), vec![Medium]);
    }

    #[test]
    fn sme_ceiling_before_the_reform_is_exact() {
        assert_eq!(size(300, 1500, "C24", BEFORE), vec![Medium]);
        assert_eq!(size(300, 1501, "C24", BEFORE), vec![Midsize, Large]);
        assert_eq!(size(300, 1000, "C29", BEFORE), vec![Medium]);
        assert_eq!(size(300, 1001, "C29", BEFORE), vec![Midsize, Large]);
        assert_eq!(size(300, 800, "J62", BEFORE), vec![Medium]);
        assert_eq!(size(300, 801, "J62", BEFORE), vec![Midsize, Large]);
    }

    #[test]
    fn after_the_reform_the_new_ceilings_apply() {
        // C29 (기타 기계·장비): 1,000억 → 1,200억 (별표1, 2025-09).
        assert_eq!(size(300, 1001, "C29", AFTER), vec![Medium]);
        assert_eq!(size(300, 1200, "C29", AFTER), vec![Medium]);
        assert_eq!(size(300, 1201, "C29", AFTER), vec![Midsize, Large]);
        // The top ceiling is 1,800억 (C24 1차금속: 1,500 → 1,800).
        assert_eq!(size(300, 1800, "C24", AFTER), vec![Medium]);
        assert_eq!(size(300, 1801, "C24", AFTER), vec![Midsize, Large]);
        // An industry not raised keeps its ceiling (C26: 1,000억).
        assert_eq!(size(300, 1001, "C26", AFTER), vec![Midsize, Large]);
        // 소기업: C24 120억 → 140억; G 50억 → 60억.
        assert_eq!(size(30, 140, "C24", AFTER), vec![Small]);
        assert_eq!(size(30, 140, "C24", BEFORE), vec![Medium]);
        assert_eq!(size(30, 60, "G46", AFTER), vec![Small]);
        assert_eq!(size(30, 60, "G46", BEFORE), vec![Medium]);
    }

    #[test]
    fn transport_ceiling_rose_to_one_thousand_eok_in_september_2025() {
        assert_eq!(size(300, 900, "H49", BEFORE), vec![Midsize, Large]);
        assert_eq!(size(300, 900, "H49", AFTER), vec![Medium]);
        assert_eq!(size(300, 1001, "H49", AFTER), vec![Midsize, Large]);
    }

    #[test]
    fn lodging_small_ceiling_is_fifteen_eok_after_the_reform() {
        assert_eq!(size(20, 14, "I56", BEFORE), vec![Medium]);
        assert_eq!(size(20, 14, "I56", AFTER), vec![Small]);
        assert_eq!(size(20, 15, "I56", AFTER), vec![Small]);
        assert_eq!(size(20, 16, "I56", AFTER), vec![Medium]);
    }

    #[test]
    fn a_section_only_industry_leaves_the_range_of_its_divisions_to_verify() {
        // Manufacturing (C) without the division: SME ceilings from 600억 to 1,800억.
        // (C34 기타 제품 is the lowest at 600억.)
        assert_eq!(size(300, 600, "C", AFTER), vec![Medium]);
        assert_eq!(size(300, 1000, "C", AFTER), vec![Medium, Midsize, Large]);
        assert_eq!(size(300, 1801, "C", AFTER), vec![Midsize, Large]);
    }

    #[test]
    fn the_size_law_data_reads_and_covers_both_periods() {
        let law: SizeLaw = serde_json::from_str(SIZE_LAW).expect("size-law.json");
        for tables in [&law.sme_revenue_ceiling, &law.small_revenue_ceiling] {
            assert_eq!(tables.len(), 2);
            assert_eq!(
                tables[0].until,
                Some(YearMonth {
                    year: 2025,
                    month: 8
                })
            );
            assert_eq!(tables[1].from, REFORM_2025);
            assert!(tables.iter().all(|t| t.source.starts_with("https://")));
        }
        // 44 industries in 별표1, 43 in 별표3 (a row may name several KSIC codes).
        let bands: std::collections::BTreeSet<u64> = law.sme_revenue_ceiling[1]
            .rows
            .iter()
            .map(|r| r.eok)
            .collect();
        assert_eq!(
            bands.into_iter().collect::<Vec<_>>(),
            vec![400, 600, 800, 1000, 1200, 1500, 1800]
        );
        let small: std::collections::BTreeSet<u64> = law.small_revenue_ceiling[1]
            .rows
            .iter()
            .map(|r| r.eok)
            .collect();
        assert_eq!(
            small.into_iter().collect::<Vec<_>>(),
            vec![15, 30, 40, 50, 60, 80, 100, 120, 140]
        );
    }

    #[test]
    fn missing_inputs_leave_every_class_possible() {
        let a = assess_size(SizeInputs::default(), at(2026, 12));
        assert_eq!(a.possible, vec![Micro, Small, Medium, Midsize, Large]);
        assert_eq!(a.code(), "unknown");
        let f = a.facts();
        assert_eq!(
            (f.sme, f.small, f.micro, f.midsize, f.large),
            (None, None, None, None, None)
        );
    }

    #[test]
    fn business_group_membership_means_large_and_assets_rule_out_sme() {
        let group = SizeInputs {
            enterprise_group: Some(true),
            ..Default::default()
        };
        assert_eq!(assess_size(group, at(2026, 1)).possible, vec![Large]);
        let rich = SizeInputs {
            employees: Some(50),
            revenue_krw: Some(100 * EOK),
            ksic: Some("C29"),
            assets_krw: Some(5000 * EOK),
            enterprise_group: Some(false),
        };
        assert_eq!(assess_size(rich, at(2026, 1)).possible, vec![Midsize]);
    }
}
