//! From a notice to a catalogue programme: ministry, category, regions and tags,
//! eligibility (always to verify), support, windows and provenance.

use super::dates::Period;
use super::detect::Source;
use super::feed::{BIZINFO_HOME, Notice};
use super::kstartup::{self, AgeRule};
use crate::catalogue::{
    CallPeriod, Confidence, Criterion, FeedNotice, Programme, Provenance, Stage, Support,
    SupportKind, WindowStatus, Windows,
};
use crate::codes::SizeClass;
use crate::codes::{Goal, Region};
use crate::month::YearMonth;
use crate::text::Text;

/// The source name written in `feed.source` for bizinfo notices.
pub const SOURCE: &str = "bizinfo";
/// K-Startup's home page, the provenance of a K-Startup notice without its own address.
pub const KSTARTUP_HOME: &str = "https://www.k-startup.go.kr";

/// Central bodies with their own code; everything else is `LOCAL` (a 시·도 or
/// 시·군·구) or `OTHER`.
const MINISTRIES: &[(&str, &str)] = &[
    ("중소벤처기업부", "MSS"),
    ("산업통상자원부", "MOTIE"),
    ("산업통상부", "MOTIE"),
    ("금융위원회", "FSC"),
    ("조달청", "PPS"),
    ("과학기술정보통신부", "MSIT"),
    ("고용노동부", "MOEL"),
    ("농림축산식품부", "MAFRA"),
    ("해양수산부", "MOF"),
    ("문화체육관광부", "MCST"),
    ("국토교통부", "MOLIT"),
    ("환경부", "ME"),
    ("기후에너지환경부", "MCEE"),
    ("보건복지부", "MOHW"),
    ("특허청", "KIPO"),
    ("지식재산처", "KIPO"),
    ("기획재정부", "MOEF"),
];

/// The ministry code of a `jrsdInsttNm`: the table above; a regional office of the
/// MSS (…지방중소벤처기업청) is MSS; a 시·도 or 시·군·구 (…특별시, 광역시, 도, 시, 군, 구)
/// is LOCAL; anything else, or nothing, is OTHER.
pub fn ministry_code(jurisdiction: Option<&str>) -> &'static str {
    let Some(name) = jurisdiction else {
        return "OTHER";
    };
    let name: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some((_, code)) = MINISTRIES.iter().find(|(ko, _)| *ko == name) {
        return code;
    }
    if name.ends_with("중소벤처기업청") {
        return "MSS";
    }
    let local_end = [
        "특별시",
        "광역시",
        "특별자치시",
        "특별자치도",
        "도",
        "시",
        "군",
        "구",
    ]
    .iter()
    .any(|e| name.ends_with(e));
    if local_end && !name.ends_with("연구") && name.chars().count() <= 12 {
        return "LOCAL";
    }
    "OTHER"
}

/// The category of a `pldirSportRealmLclasCodeNm`, and whether it marks a start-up
/// programme: 금융 finance, 기술 rnd, 인력 growth, 수출 export, 내수 sales,
/// 창업 growth (tag startup), 경영 growth, 기타 and anything else growth.
pub fn category(field: Option<&str>) -> (Goal, bool) {
    match field.map(str::trim) {
        Some("금융") => (Goal::Finance, false),
        Some("기술") => (Goal::Rnd, false),
        Some("수출") => (Goal::Export, false),
        Some("내수") => (Goal::Sales, false),
        Some("창업") => (Goal::Growth, true),
        _ => (Goal::Growth, false),
    }
}

/// The 시·도 a hashtag names, short (서울, 경남) or in full (서울특별시, 경상남도).
pub fn region_of(tag: &str) -> Option<Region> {
    let t: String = tag.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(r) = Region::ALL.iter().copied().find(|r| r.ko() == t) {
        return Some(r);
    }
    let full = [
        ("서울특별시", Region::Seoul),
        ("서울시", Region::Seoul),
        ("부산광역시", Region::Busan),
        ("대구광역시", Region::Daegu),
        ("인천광역시", Region::Incheon),
        ("광주광역시", Region::Gwangju),
        ("대전광역시", Region::Daejeon),
        ("울산광역시", Region::Ulsan),
        ("세종특별자치시", Region::Sejong),
        ("세종시", Region::Sejong),
        ("경기도", Region::Gyeonggi),
        ("강원도", Region::Gangwon),
        ("강원특별자치도", Region::Gangwon),
        ("충청북도", Region::Chungbuk),
        ("충청남도", Region::Chungnam),
        ("전라북도", Region::Jeonbuk),
        ("전북특별자치도", Region::Jeonbuk),
        ("전라남도", Region::Jeonnam),
        ("경상북도", Region::Gyeongbuk),
        ("경상남도", Region::Gyeongnam),
        ("제주특별자치도", Region::Jeju),
        ("제주도", Region::Jeju),
        // Merged on 2026-07-01; notices name it in several ways.
        ("전남광주통합특별시", Region::JeonnamGwangju),
        ("전남광주특별시", Region::JeonnamGwangju),
        ("광주특별시", Region::JeonnamGwangju),
    ];
    full.iter().find(|(ko, _)| *ko == t).map(|(_, r)| *r)
}

/// Whether a list of regions covers the whole country: every 시·도, with 광주 and 전남
/// either both named or named as 전남광주 (2026 notices list 16 regions, older ones 17).
fn nationwide_list(regions: &[Region]) -> bool {
    use Region::{Gwangju, Jeonnam, JeonnamGwangju};
    let others = Region::ALL
        .iter()
        .filter(|r| !matches!(r, Gwangju | Jeonnam | JeonnamGwangju))
        .all(|r| regions.contains(r));
    others
        && (regions.contains(&JeonnamGwangju)
            || (regions.contains(&Gwangju) && regions.contains(&Jeonnam)))
}

/// Regions and tags from the hashtags. Regions only when the notice names some but
/// not all (16 or 17, see `nationwide_list`) and not 전국 (nationwide); the other
/// hashtags become lower-case tags with spaces as `_`.
pub fn regions_and_tags(hashtags: &[String]) -> (Vec<Region>, Vec<String>) {
    let mut regions: Vec<Region> = Vec::new();
    let mut tags: Vec<String> = Vec::new();
    let mut nationwide = false;
    for h in hashtags {
        if let Some(r) = region_of(h) {
            if !regions.contains(&r) {
                regions.push(r);
            }
        } else if h.trim() == "전국" {
            nationwide = true;
        } else {
            let tag = h
                .split_whitespace()
                .collect::<Vec<_>>()
                .join("_")
                .to_lowercase();
            if !tag.is_empty() && !tags.contains(&tag) {
                tags.push(tag);
            }
        }
    }
    if nationwide || nationwide_list(&regions) {
        regions.clear();
    }
    regions.sort();
    (regions, tags)
}

/// `excInsttNm` values that name a kind of body rather than an agency.
const NOT_AN_AGENCY: &[&str] = &[
    "직접수행",
    "기초자치단체",
    "광역자치단체",
    "해당없음",
    "없음",
    "-",
];

/// The implementing agency: `excInsttNm`, else `jrsdInsttNm`.
pub fn agency(n: &Notice) -> String {
    let exc = n
        .executor
        .as_deref()
        .filter(|e| !NOT_AN_AGENCY.contains(&e.trim()));
    exc.or(n.jurisdiction.as_deref())
        .or(n.executor.as_deref())
        .unwrap_or(match n.source {
            Source::Bizinfo => "기관 미기재 (기업마당 공고)",
            Source::KStartup => "기관 미기재 (K-Startup 공고)",
        })
        .to_string()
}

/// The notice's dated call in months.
pub fn call_period(period: Period) -> Option<CallPeriod> {
    match period {
        Period::Dated { from, to } => Some(CallPeriod {
            from: from.year_month(),
            to: to.year_month(),
        }),
        _ => None,
    }
}

/// The `feed` record of a notice.
pub fn feed_notice(n: &Notice) -> FeedNotice {
    FeedNotice {
        source: n.source.code().to_string(),
        notice_id: n.id.clone(),
        title: n.title.clone(),
        period_text: n.period_text.clone(),
        url: n.url.clone(),
    }
}

/// The period as written, for the window note.
fn period_note(n: &Notice) -> Text {
    if n.period_text.is_empty() {
        Text::new(
            "공고에 신청기간이 없습니다. 공고문을 확인하세요.",
            "The notice gives no application period; check the notice.",
        )
    } else {
        Text::new(
            format!("공고의 신청기간: {}", n.period_text),
            format!("Application period in the notice: {}", n.period_text),
        )
    }
}

/// The size classes a target group names, where the law defines it: 소상공인 (the
/// 소상공인기본법 class) and 중소기업 (중소기업기본법: 소상공인, 소기업, 중기업). Other
/// groups (창업벤처, 중견기업, 개인 …) stay in the manual condition (trial 2026-11: a
/// 중기업 was offered a notice for 소상공인 as "to verify").
fn target_size_criterion(n: &Notice) -> Option<Criterion> {
    let t = n.target.as_deref()?;
    let mut any_of: Vec<SizeClass> = Vec::new();
    for part in t
        .split([',', '·', '/'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let classes: &[SizeClass] = match part {
            "소상공인" => &[SizeClass::Micro],
            "중소기업" => &[SizeClass::Micro, SizeClass::Small, SizeClass::Medium],
            _ => return None,
        };
        for c in classes {
            if !any_of.contains(c) {
                any_of.push(*c);
            }
        }
    }
    (!any_of.is_empty()).then_some(Criterion::SizeClass { any_of })
}

/// The manual condition stating who may apply, as the notice writes it.
fn target_criterion(n: &Notice) -> Criterion {
    match &n.target {
        Some(t) => Criterion::Manual {
            ko: format!("공고에 적힌 지원 대상: {t}"),
            en: format!("Target as stated in the notice: {t}"),
        },
        None => Criterion::Manual {
            ko: "지원 대상은 공고문에서 확인하세요.".into(),
            en: "The notice gives no target group; check the notice.".into(),
        },
    }
}

/// K-Startup's conditions beyond region and target: business age (`biz_enyy`)
/// as a `business_age` criterion where the bands allow, else manual; who may not
/// apply (`aply_excl_trgt_ctnt`) as a manual condition.
fn kstartup_criteria(n: &Notice) -> Vec<Criterion> {
    let mut out = Vec::new();
    let Some(k) = &n.kstartup else {
        return out;
    };
    if let Some(bands) = &k.age_bands {
        match kstartup::age_rule(bands) {
            Some(AgeRule::MaxYears(max)) => out.push(Criterion::BusinessAge {
                min_years: None,
                max_years: Some(max),
            }),
            Some(AgeRule::PreFounderOnly) => out.push(Criterion::Manual {
                ko: "예비창업자(사업자 등록 전)만 신청할 수 있습니다 (공고의 업력: 예비창업자).".into(),
                en: "Only pre-founders (no business registered yet) may apply (business age in the notice: 예비창업자).".into(),
            }),
            Some(AgeRule::Unreadable) => out.push(Criterion::Manual {
                ko: format!("공고에 적힌 업력: {bands}"),
                en: format!("Business age as stated in the notice: {bands}"),
            }),
            Some(AgeRule::Any) | None => {}
        }
    }
    if let Some(x) = &k.excluded
        && !matches!(x.trim(), "없음" | "해당없음" | "해당 없음" | "-")
    {
        out.push(Criterion::Manual {
            ko: format!("공고에 적힌 지원 제외 대상: {x}"),
            en: format!("Excluded as stated in the notice: {x}"),
        });
    }
    out
}

/// A feed programme: everything the notice says; its eligibility to verify except
/// what the feed gives in machine-readable form (regions; K-Startup's business age).
pub fn programme(n: &Notice, as_of: YearMonth) -> Programme {
    let (category, startup, kind) = match n.source {
        Source::Bizinfo => {
            let (c, startup) = category(n.field.as_deref());
            let kind = if c == Goal::Finance {
                SupportKind::Loan
            } else {
                SupportKind::Grant
            };
            (c, startup, kind)
        }
        Source::KStartup => {
            let (c, kind) = kstartup::category(n.field.as_deref());
            (c, true, kind)
        }
    };
    let (regions, mut tags) = regions_and_tags(&n.hashtags);
    let mut own = vec![n.source.code().to_string()];
    if startup {
        own.push("startup".into());
    }
    if category == Goal::Export {
        own.push("export".into());
    }
    if n.source == Source::KStartup
        && let Some(f) = &n.field
    {
        let t = f
            .split_whitespace()
            .collect::<Vec<_>>()
            .join("_")
            .to_lowercase();
        if !own.contains(&t) {
            own.push(t);
        }
    }
    for t in own.into_iter().rev() {
        tags.retain(|x| *x != t);
        tags.insert(0, t);
    }
    let mut criteria = Vec::new();
    if !regions.is_empty() {
        criteria.push(Criterion::Region { any_of: regions });
    }
    criteria.extend(kstartup_criteria(n));
    if let Some(c) = target_size_criterion(n) {
        criteria.push(c);
    }
    criteria.push(target_criterion(n));
    let (feed_ko, feed_en) = match n.source {
        Source::Bizinfo => ("기업마당", "bizinfo"),
        Source::KStartup => ("K-Startup", "K-Startup"),
    };
    let summary = match &n.summary {
        Some(s) => Text::new(
            s.clone(),
            format!("Summary from the {feed_en} notice, in Korean: {s}"),
        ),
        None => Text::new(
            format!("공고에 사업 요약이 없습니다. {feed_ko} 공고문을 확인하세요."),
            format!("The notice has no summary; see the notice on {feed_en}."),
        ),
    };
    let (mut note_ko, mut note_en) = (
        "지원 내용과 금액은 공고문에서 확인하세요.".to_string(),
        "Check the support and the amount in the notice.".to_string(),
    );
    if let Some(u) = &n.apply_url {
        note_ko.push_str(&format!(" 신청: {u}"));
        note_en.push_str(&format!(" Apply at: {u}"));
    }
    let support = Support {
        kind,
        max_krw: None,
        self_share_pct: None,
        note: Some(Text::new(note_ko, note_en)),
    };
    let current = call_period(n.period);
    let windows = Windows {
        status: match n.period {
            Period::Dated { .. } => WindowStatus::Confirmed,
            Period::Rolling => WindowStatus::Rolling,
            Period::Tba => WindowStatus::Tba,
        },
        months: n.period.months(),
        year: current.map(|c| c.from.year),
        note: Some(period_note(n)),
        current,
        calls: Vec::new(),
    };
    let mut note = match n.source {
        Source::Bizinfo => format!("bizinfo open API notice {}, imported {as_of}", n.id),
        Source::KStartup => format!("K-Startup announcement {}, imported {as_of}", n.id),
    };
    if let Some(sub) = &n.subfield {
        note.push_str(&format!("; field {sub}"));
    }
    if let Some(k) = &n.kstartup {
        for (label, v) in [
            ("region", &k.region),
            ("business age", &k.age_bands),
            ("applicants", &k.target_kinds),
            ("founder age", &k.founder_age),
        ] {
            if let Some(v) = v {
                note.push_str(&format!("; {label} {v}"));
            }
        }
    }
    if let Some(u) = &n.umbrella {
        note.push_str(&format!("; part of {u}"));
    }
    for x in &n.notes {
        note.push_str("; ");
        note.push_str(x);
    }
    let home = match n.source {
        Source::Bizinfo => BIZINFO_HOME,
        Source::KStartup => KSTARTUP_HOME,
    };
    let provenance = Provenance {
        url: n.url.clone().unwrap_or_else(|| home.to_string()),
        date: n
            .created
            .or(n.updated)
            .map(|d| d.to_string())
            .unwrap_or_else(|| as_of.to_string()),
        confidence: if n.period.is_dated() {
            Confidence::Confirmed
        } else {
            Confidence::Uncertain
        },
        research_ref: None,
        refs: Vec::new(),
        note: Some(note),
        checked: None,
        figures: Vec::new(),
    };
    let ministry = match n.source {
        Source::Bizinfo => ministry_code(n.jurisdiction.as_deref()),
        Source::KStartup => kstartup::ministry_code(n.executor.as_deref()),
    };
    Programme {
        id: n.programme_id.clone(),
        name: Text::new(n.title.clone(), n.title.clone()),
        ministry: ministry.to_string(),
        agency: agency(n),
        agency_en: None,
        category,
        stage: Stage::of_category(category),
        purpose: n.programme_id.clone(),
        grants: None,
        serves: Vec::new(),
        tags,
        summary,
        criteria,
        support,
        windows,
        duration_months: None,
        aliases: Vec::new(),
        documents: Vec::new(),
        apply_url: None,
        sites: Vec::new(),
        links: Vec::new(),
        provenance,
        feed: Some(feed_notice(n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ministries() {
        assert_eq!(ministry_code(Some("중소벤처기업부")), "MSS");
        assert_eq!(ministry_code(Some("산업통상자원부")), "MOTIE");
        assert_eq!(ministry_code(Some("금융위원회")), "FSC");
        assert_eq!(ministry_code(Some("조달청")), "PPS");
        assert_eq!(ministry_code(Some("경상북도")), "LOCAL");
        assert_eq!(ministry_code(Some("서울특별시")), "LOCAL");
        assert_eq!(ministry_code(Some("수원시")), "LOCAL");
        assert_eq!(ministry_code(Some("서울특별시 강남구")), "LOCAL");
        assert_eq!(ministry_code(Some("부산지방중소벤처기업청")), "MSS");
        assert_eq!(ministry_code(Some("한국산업기술진흥원")), "OTHER");
        assert_eq!(ministry_code(None), "OTHER");
    }

    #[test]
    fn regions_only_when_some_are_named() {
        let tags = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let (r, t) = regions_and_tags(&tags(&["수출", "경남", "부산광역시", "Export Voucher"]));
        assert_eq!(r, vec![Region::Busan, Region::Gyeongnam]);
        assert_eq!(t, vec!["수출".to_string(), "export_voucher".to_string()]);
        let all: Vec<String> = Region::ALL.iter().map(|r| r.ko().to_string()).collect();
        assert!(regions_and_tags(&all).0.is_empty());
        assert!(regions_and_tags(&tags(&["서울", "전국"])).0.is_empty());
        // 2026: 16 regions with 전남광주 in place of 광주 and 전남 is nationwide too.
        let merged: Vec<String> = Region::ALL
            .iter()
            .filter(|r| !matches!(r, Region::Gwangju | Region::Jeonnam))
            .map(|r| r.ko().to_string())
            .collect();
        assert_eq!(merged.len(), 16);
        assert!(regions_and_tags(&merged).0.is_empty());
        // The old 17 without the merged name: nationwide.
        let old: Vec<String> = Region::ALL
            .iter()
            .filter(|r| **r != Region::JeonnamGwangju)
            .map(|r| r.ko().to_string())
            .collect();
        assert!(regions_and_tags(&old).0.is_empty());
        // A notice for the merged region alone is not nationwide.
        assert_eq!(
            regions_and_tags(&tags(&["전남광주"])).0,
            vec![Region::JeonnamGwangju]
        );
        assert_eq!(
            regions_and_tags(&tags(&["전남광주통합특별시"])).0,
            vec![Region::JeonnamGwangju]
        );
    }
}
