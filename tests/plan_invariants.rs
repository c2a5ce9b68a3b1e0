//! Rules every plan must keep (spec/formats.md §2), checked over a spread of
//! hand-built profiles and months with the built-in catalogue.

use gachi::catalogue::{Catalogue, LinkKind, builtin};
use gachi::codes::{Certification, Goal, Region, RootTech, SmartFactoryLevel};
use gachi::matcher::{Eligibility, Outcome, build_plan};
use gachi::month::YearMonth;
use gachi::plan::{Plan, parse_plan};
use gachi::profile::{FirmProfile, Founded};
use std::collections::{HashMap, HashSet};

fn ym(s: &str) -> YearMonth {
    YearMonth::parse(s).expect("valid month")
}

const MONTHS: &[&str] = &[
    "2025-01", "2025-06", "2025-09", "2026-03", "2026-12", "2027-07",
];

fn profiles() -> Vec<FirmProfile> {
    let casting = FirmProfile {
        founded: Some(Founded::Month(ym("2009-03"))),
        employees: Some(8),
        revenue_krw: Some(2_400_000_000),
        region: Some(Region::Gyeongnam),
        ksic: Some("C24".into()),
        root_technologies: Some(vec![RootTech::Casting]),
        certifications: Some(vec![Certification::RootCompany]),
        smart_factory_level: Some(SmartFactoryLevel::None),
        exporting: Some(false),
        target_markets: Some(vec![]),
        goals: vec![Goal::Automation, Goal::Digital, Goal::Finance],
        funding_need_krw: Some(500_000_000),
        ..FirmProfile::new("대성주물")
    };
    let mut out = vec![
        casting.clone(),
        FirmProfile {
            received: vec!["mss-micro-smart-manufacturing".into()],
            ..casting.clone()
        },
        FirmProfile {
            received: vec![
                "mss-micro-smart-manufacturing".into(),
                "motie-root-automation".into(),
                "mss-smart-factory-loan".into(),
                "no-such-programme".into(),
            ],
            ..casting.clone()
        },
        FirmProfile {
            goals: vec![],
            ..casting.clone()
        },
        FirmProfile {
            founded: Some(Founded::Year(2019)),
            employees: Some(45),
            revenue_krw: Some(15_000_000_000),
            region: Some(Region::Daegu),
            ksic: Some("C29".into()),
            root_technologies: Some(vec![RootTech::Robotics, RootTech::Sensors]),
            certifications: Some(vec![Certification::Venture, Certification::RndCenter]),
            goals: vec![Goal::Automation, Goal::Finance, Goal::Rnd],
            ..FirmProfile::new("로보텍")
        },
        FirmProfile {
            founded: Some(Founded::Month(ym("2008-04"))),
            employees: Some(60),
            revenue_krw: Some(30_000_000_000),
            region: Some(Region::Gyeonggi),
            ksic: Some("C26".into()),
            root_technologies: Some(vec![]),
            exporting: Some(true),
            goals: vec![Goal::Certification, Goal::Export],
            ..FirmProfile::new("한결전자")
        },
        FirmProfile {
            founded: Some(Founded::Month(ym("1978-05"))),
            employees: Some(3200),
            revenue_krw: Some(2_500_000_000_000),
            ksic: Some("C29".into()),
            enterprise_group: Some(true),
            exporting: Some(true),
            goals: vec![Goal::Rnd, Goal::Export, Goal::Automation, Goal::Finance],
            ..FirmProfile::new("한빛중공업")
        },
        FirmProfile {
            founded: Some(Founded::Month(ym("2019-05"))),
            employees: Some(3),
            revenue_krw: Some(300_000_000),
            region: Some(Region::Seoul),
            ksic: Some("G47".into()),
            goals: vec![Goal::Finance, Goal::Sales, Goal::Digital],
            ..FirmProfile::new("골목상회")
        },
        // Nothing known at all, and no goals: every kind of support.
        FirmProfile::new("모름상사"),
        // Nothing known but goals.
        FirmProfile {
            goals: vec![Goal::Growth, Goal::Export],
            ..FirmProfile::new("모름상사2")
        },
        FirmProfile {
            founded: Some(Founded::Month(ym("1996-09"))),
            employees: Some(420),
            revenue_krw: Some(120_000_000_000),
            region: Some(Region::Chungnam),
            ksic: Some("C29".into()),
            enterprise_group: Some(false),
            assets_krw: Some(300_000_000_000),
            exporting: Some(true),
            goals: vec![Goal::Growth, Goal::Export, Goal::Rnd],
            ..FirmProfile::new("중앙기계")
        },
        FirmProfile {
            founded: Some(Founded::Year(2024)),
            employees: Some(6),
            revenue_krw: Some(500_000_000),
            region: Some(Region::Seoul),
            ksic: Some("J62".into()),
            certifications: Some(vec![Certification::Venture]),
            goals: vec![Goal::Rnd, Goal::Finance],
            ..FirmProfile::new("새싹소프트")
        },
        // Partly known: employees and region only.
        FirmProfile {
            employees: Some(12),
            region: Some(Region::Jeju),
            goals: vec![Goal::Automation, Goal::Export, Goal::Sales, Goal::Growth],
            ..FirmProfile::new("반쯤상사")
        },
        // An exporting global small giant that already holds the designation.
        FirmProfile {
            founded: Some(Founded::Month(ym("2001-01"))),
            employees: Some(150),
            revenue_krw: Some(80_000_000_000),
            region: Some(Region::Busan),
            ksic: Some("C30".into()),
            certifications: Some(vec![
                Certification::GlobalSmallGiant,
                Certification::Innobiz,
            ]),
            smart_factory_level: Some(SmartFactoryLevel::Intermediate),
            exporting: Some(true),
            target_markets: Some(vec![gachi::codes::Market::Us]),
            goals: vec![Goal::Export, Goal::Certification, Goal::Growth, Goal::Rnd],
            ..FirmProfile::new("부산부품")
        },
    ];
    // Every goal on its own, for a small manufacturer.
    for g in Goal::ALL {
        out.push(FirmProfile {
            founded: Some(Founded::Month(ym("2015-02"))),
            employees: Some(25),
            revenue_krw: Some(7_000_000_000),
            region: Some(Region::Gwangju),
            ksic: Some("C25".into()),
            root_technologies: Some(vec![RootTech::Welding]),
            goals: vec![*g],
            ..FirmProfile::new(format!("목표-{}", g.code()))
        });
    }
    out
}

/// Checks one plan; returns every broken rule.
fn broken_rules(
    cat: &Catalogue,
    profile: &FirmProfile,
    as_of: YearMonth,
    plan: &Plan,
) -> Vec<String> {
    let mut e = Vec::new();
    let received: HashSet<&str> = profile.received.iter().map(String::as_str).collect();
    let mut start_of: HashMap<&str, YearMonth> = HashMap::new();
    let mut seen = HashSet::new();
    if plan.format != "gachi-plan/1" {
        e.push(format!("format {}", plan.format));
    }
    if plan.as_of != as_of {
        e.push(format!("as_of {} for a plan made at {as_of}", plan.as_of));
    }
    if plan.profile != profile.to_json() {
        e.push("the profile is not echoed whole".into());
    }
    for (k, s) in plan.steps.iter().enumerate() {
        let id = s.programme_id.as_str();
        if s.order != k + 1 {
            e.push(format!("{id}: order {} at position {}", s.order, k + 1));
        }
        if !seen.insert(id) {
            e.push(format!("{id} is a step twice"));
        }
        if cat.get(id).is_none() {
            e.push(format!("{id} is not in the catalogue"));
        }
        if received.contains(id) {
            e.push(format!("{id} was received but is a step"));
        }
        if s.start < as_of {
            e.push(format!("{id} starts {} before as_of {as_of}", s.start));
        }
        if s.end < s.start {
            e.push(format!("{id} ends {} before it starts {}", s.end, s.start));
        }
        for a in &s.after {
            match start_of.get(a.as_str()) {
                None => e.push(format!("{id} waits for {a}, which is not an earlier step")),
                Some(&st) if s.start < st => e.push(format!(
                    "{id} starts {} before {a}, which it waits for, starts {st}",
                    s.start
                )),
                Some(_) => {}
            }
        }
        if s.reasons.iter().any(|r| r.outcome == Outcome::Fail) {
            e.push(format!("{id} is a step with a failing reason"));
        }
        let want = if s.reasons.iter().all(|r| r.outcome == Outcome::Pass) {
            Eligibility::Eligible
        } else {
            Eligibility::Verify
        };
        if s.eligibility != want {
            e.push(format!(
                "{id}: eligibility {:?}, but its reasons make it {want:?}",
                s.eligibility
            ));
        }
        if let Some(p) = cat.get(id) {
            if s.ministry != p.ministry || s.category != p.category {
                e.push(format!("{id}: ministry/category differ from the catalogue"));
            }
            if s.support.max_krw != p.support.max_krw {
                e.push(format!("{id}: support.max_krw differs from the catalogue"));
            }
        }
        for r in &s.reasons {
            if r.ko.trim().is_empty() || r.en.trim().is_empty() || r.criterion.is_empty() {
                e.push(format!("{id}: a reason without text: {r:?}"));
            }
        }
        start_of.insert(id, s.start);
    }
    // Numbered by date: a firm reads the plan from the top (trial 2026-11).
    for w in plan.steps.windows(2) {
        if w[0].start > w[1].start {
            e.push(format!(
                "step {} ({}) starts {} after step {} ({}) starts {}",
                w[0].order,
                w[0].programme_id,
                w[0].start,
                w[1].order,
                w[1].programme_id,
                w[1].start
            ));
        }
    }
    // The to-verify grant figure leaves out the steps of which nothing could be
    // checked (no passed condition): docs/formats.md, trial 2026-11.
    let checked: u64 = plan
        .steps
        .iter()
        .filter(|s| s.category != gachi::codes::Goal::Rnd)
        .filter(|s| ["grant", "voucher", "consulting"].contains(&s.support.kind.as_str()))
        .filter(|s| {
            s.eligibility == Eligibility::Eligible
                || s.reasons.iter().any(|r| r.outcome == Outcome::Pass)
        })
        .filter_map(|s| s.support.max_krw)
        .sum();
    if plan.totals.max_grant_checked_krw != checked {
        e.push(format!(
            "max_grant_checked_krw {} but the steps with a met condition give {checked}",
            plan.totals.max_grant_checked_krw
        ));
    }
    // The to-verify grant figure lies between the headline and every non-R&D grant.
    let t = &plan.totals;
    if t.max_grant_checked_krw < t.max_grant_eligible_krw
        || t.max_grant_checked_krw > t.max_grant_non_rnd_krw
    {
        e.push(format!(
            "checked grants {} outside [{}, {}]",
            t.max_grant_checked_krw, t.max_grant_eligible_krw, t.max_grant_non_rnd_krw
        ));
    }
    // A step waits for every earlier step that links into it with an order.
    for s in &plan.steps {
        for (j, kind) in cat
            .position(&s.programme_id)
            .map(|i| cat.incoming[i].clone())
            .unwrap_or_default()
        {
            let from = &cat.programmes[j].id;
            // Except money for a project whose window is unknown: a loan or guarantee
            // is not held back by a guessed month (docs/formats.md).
            let money_before_unknown = ["loan", "guarantee"].contains(&s.support.kind.as_str())
                && kind != gachi::catalogue::LinkKind::Prerequisite
                && plan
                    .step(from)
                    .is_some_and(|f| f.window == gachi::matcher::WindowState::ToVerify);
            if kind.orders()
                && !money_before_unknown
                && start_of.contains_key(from.as_str())
                && plan.step(from).is_some_and(|f| f.order < s.order)
                && !s.after.contains(from)
            {
                e.push(format!(
                    "{} follows {from} ({kind:?}) but does not list it in after",
                    s.programme_id
                ));
            }
            if kind.orders()
                && !money_before_unknown
                && plan.step(from).is_some_and(|f| f.order > s.order)
            {
                e.push(format!(
                    "{} comes before {from}, which must come first ({kind:?})",
                    s.programme_id
                ));
            }
        }
    }
    if plan.totals.steps != plan.steps.len() {
        e.push(format!(
            "totals.steps {} for {} steps",
            plan.totals.steps,
            plan.steps.len()
        ));
    }
    let sum: u64 = plan.steps.iter().filter_map(|s| s.support.max_krw).sum();
    if plan.totals.max_support_krw != sum {
        e.push(format!(
            "totals.max_support_krw {} but the steps add up to {sum}",
            plan.totals.max_support_krw
        ));
    }
    // Grants (grant, voucher, consulting) and loans (loan, guarantee) summed apart, and
    // the old total is their sum.
    let side = |kinds: &[&str]| -> u64 {
        plan.steps
            .iter()
            .filter(|s| kinds.contains(&s.support.kind.as_str()))
            .filter_map(|s| s.support.max_krw)
            .sum()
    };
    let grants = side(&["grant", "voucher", "consulting"]);
    let loans = side(&["loan", "guarantee"]);
    if plan.totals.max_grant_krw != grants || plan.totals.max_loan_krw != loans {
        e.push(format!(
            "totals grant {} / loan {} but the steps add up to {grants} / {loans}",
            plan.totals.max_grant_krw, plan.totals.max_loan_krw
        ));
    }
    if plan.totals.max_support_krw != grants + loans {
        e.push("totals.max_support_krw is not grants + loans".to_string());
    }
    // The headline: only steps whose every condition is met, outside R&D.
    let eligible: u64 = plan
        .steps
        .iter()
        .filter(|s| s.eligibility == gachi::matcher::Eligibility::Eligible)
        .filter(|s| s.category != gachi::codes::Goal::Rnd)
        .filter(|s| ["grant", "voucher", "consulting"].contains(&s.support.kind.as_str()))
        .filter_map(|s| s.support.max_krw)
        .sum();
    if plan.totals.max_grant_eligible_krw != eligible {
        e.push(format!(
            "totals.max_grant_eligible_krw {} but the eligible steps add up to {eligible}",
            plan.totals.max_grant_eligible_krw
        ));
    }
    // R&D projects: the largest one, never a sum; the grant headline without them.
    let rnd: Vec<u64> = plan
        .steps
        .iter()
        .filter(|s| s.category == gachi::codes::Goal::Rnd)
        .filter(|s| ["grant", "voucher", "consulting"].contains(&s.support.kind.as_str()))
        .filter_map(|s| s.support.max_krw)
        .collect();
    let largest = rnd.iter().copied().max().unwrap_or(0);
    if plan.totals.max_rnd_project_krw != largest
        || plan.totals.max_grant_non_rnd_krw != grants - rnd.iter().sum::<u64>()
    {
        e.push(format!(
            "R&D totals {} / non-R&D grants {}: the largest R&D step is {largest}",
            plan.totals.max_rnd_project_krw, plan.totals.max_grant_non_rnd_krw
        ));
    }

    for n in &plan.not_eligible {
        if !n.reasons.iter().any(|r| r.outcome == Outcome::Fail) {
            e.push(format!(
                "{} is not_eligible without a failing reason",
                n.programme_id
            ));
        }
        if plan.step(&n.programme_id).is_some() {
            e.push(format!(
                "{} is both a step and not_eligible",
                n.programme_id
            ));
        }
    }
    for r in &profile.received {
        if plan.step(r).is_some() {
            e.push(format!("received {r} is a step"));
        }
    }
    // Goals: with goals chosen, each step serves one of them, unless it is there
    // because a later step requires it.
    if !profile.goals.is_empty() {
        for s in &plan.steps {
            let Some(p) = cat.get(&s.programme_id) else {
                continue;
            };
            let serves = profile.goals.iter().any(|g| p.serves_goal(*g));
            let required_by_a_step = p
                .links
                .iter()
                .any(|l| l.kind == LinkKind::Prerequisite && plan.step(&l.to).is_some());
            if !serves && !required_by_a_step {
                e.push(format!(
                    "{} serves none of the goals {:?}",
                    s.programme_id, profile.goals
                ));
            }
        }
    }
    e
}

#[test]
fn every_plan_keeps_the_contract_rules() {
    let cat = builtin().expect("built-in catalogue parses");
    let mut failures = Vec::new();
    let mut plans = 0;
    let mut steps = 0;
    for profile in profiles() {
        for m in MONTHS {
            let as_of = ym(m);
            if profile.founded.is_some_and(|f| f.earliest() > as_of) {
                continue;
            }
            let plan = build_plan(&cat, &profile, as_of, gachi::GENERATED_BY);
            plans += 1;
            steps += plan.steps.len();
            for b in broken_rules(&cat, &profile, as_of, &plan) {
                failures.push(format!("{} @ {m}: {b}", profile.name));
            }
        }
    }
    assert!(plans >= 100, "only {plans} plans checked");
    assert!(
        steps > plans,
        "plans should have steps ({steps} in {plans} plans)"
    );
    assert!(
        failures.is_empty(),
        "{} broken rule(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_plan_reads_back_equal() {
    let cat = builtin().expect("built-in catalogue parses");
    for profile in profiles() {
        for m in ["2025-06", "2026-12"] {
            let as_of = ym(m);
            if profile.founded.is_some_and(|f| f.earliest() > as_of) {
                continue;
            }
            let plan = build_plan(&cat, &profile, as_of, gachi::GENERATED_BY);
            let json = plan.to_pretty_json();
            let back = parse_plan(json.as_bytes())
                .unwrap_or_else(|p| panic!("{} @ {m}: parse_plan failed: {p:?}", profile.name));
            assert_eq!(back, plan, "{} @ {m}: round trip differs", profile.name);
            // And the JSON itself is stable through a second trip.
            assert_eq!(back.to_pretty_json(), json, "{} @ {m}", profile.name);
        }
    }
}

#[test]
fn plans_are_deterministic() {
    let cat = builtin().expect("built-in catalogue parses");
    for profile in profiles() {
        let a = build_plan(&cat, &profile, ym("2026-12"), gachi::GENERATED_BY);
        let b = build_plan(&cat, &profile, ym("2026-12"), gachi::GENERATED_BY);
        assert_eq!(a, b, "{}: the same input gives the same plan", profile.name);
    }
}

/// A two-programme catalogue: `mss-first` (for firms under 10 employees) is a
/// prerequisite of `motie-second` (no criteria). Both take applications all year.
fn prerequisite_catalogue() -> Catalogue {
    let programme =
        |id: &str, ministry: &str, criteria: serde_json::Value, links: serde_json::Value| {
            serde_json::json!({
                "id": id,
                "name": { "ko": format!("{id} 사업"), "en": format!("{id} programme") },
                "ministry": ministry,
                "agency": "테스트기관",
                "category": "automation",
                "summary": { "ko": "시험용 사업입니다.", "en": "A programme for tests." },
                "criteria": criteria,
                "support": { "kind": "grant", "max_krw": 10000000, "self_share_pct": null },
                "windows": { "status": "rolling", "months": [] },
                "duration_months": 3,
                "links": links,
                "provenance": {
                    "url": "https://example.org/source",
                    "date": "2026-01-05",
                    "confidence": "confirmed",
                    "research_ref": "P01"
                }
            })
        };
    let cat = serde_json::json!({
        "format": "gachi-catalogue/1",
        "id": "test",
        "version": "1",
        "as_of": "2026-11",
        "notice": { "ko": "시험용", "en": "for tests" },
        "programmes": [
            programme(
                "mss-first",
                "MSS",
                serde_json::json!([{ "kind": "employees", "max": 9 }]),
                serde_json::json!([{ "to": "motie-second", "kind": "prerequisite", "source": "test" }]),
            ),
            programme("motie-second", "MOTIE", serde_json::json!([]), serde_json::json!([])),
        ]
    });
    gachi::catalogue::parse_catalogue(&serde_json::to_vec(&cat).unwrap())
        .unwrap_or_else(|p| panic!("test catalogue: {p:?}"))
}

fn small_firm(employees: u64, received: &[&str]) -> FirmProfile {
    FirmProfile {
        employees: Some(employees),
        goals: vec![Goal::Automation],
        received: received.iter().map(|s| s.to_string()).collect(),
        ..FirmProfile::new("시험기업")
    }
}

#[test]
fn a_prerequisite_comes_first_and_the_next_step_waits_for_it() {
    let cat = prerequisite_catalogue();
    let as_of = ym("2026-12");
    let plan = build_plan(&cat, &small_firm(5, &[]), as_of, gachi::GENERATED_BY);
    let ids: Vec<&str> = plan.steps.iter().map(|s| s.programme_id.as_str()).collect();
    assert_eq!(ids, ["mss-first", "motie-second"]);
    let second = plan.step("motie-second").unwrap();
    assert_eq!(second.after, ["mss-first"]);
    assert!(second.start > plan.step("mss-first").unwrap().start);
    assert_eq!(plan.totals.cross_ministry_links, 1);
    assert!(broken_rules(&cat, &small_firm(5, &[]), as_of, &plan).is_empty());
}

#[test]
fn a_received_prerequisite_counts_as_done() {
    let cat = prerequisite_catalogue();
    let as_of = ym("2026-12");
    let firm = small_firm(5, &["mss-first"]);
    let plan = build_plan(&cat, &firm, as_of, gachi::GENERATED_BY);
    let ids: Vec<&str> = plan.steps.iter().map(|s| s.programme_id.as_str()).collect();
    assert_eq!(
        ids,
        ["motie-second"],
        "the received programme is not a step"
    );
    let second = plan.step("motie-second").unwrap();
    assert!(second.after.is_empty(), "nothing left to wait for");
    assert_eq!(second.start, as_of, "rolling window, nothing to wait for");
    assert_eq!(
        second.eligibility,
        Eligibility::Eligible,
        "{:?}",
        second.reasons
    );
    assert!(plan.received.contains(&"mss-first".to_string()));
    // Even a firm that no longer qualifies for the prerequisite has it done.
    let grown = small_firm(50, &["mss-first"]);
    let plan = build_plan(&cat, &grown, as_of, gachi::GENERATED_BY);
    assert!(
        plan.step("motie-second").is_some(),
        "{:?}",
        plan.not_eligible
    );
    assert!(broken_rules(&cat, &grown, as_of, &plan).is_empty());
}

#[test]
fn a_prerequisite_the_firm_cannot_get_blocks_what_follows() {
    let cat = prerequisite_catalogue();
    let as_of = ym("2026-12");
    let firm = small_firm(50, &[]);
    let plan = build_plan(&cat, &firm, as_of, gachi::GENERATED_BY);
    assert!(plan.steps.is_empty(), "{:?}", plan.steps);
    let refused: Vec<&str> = plan
        .not_eligible
        .iter()
        .map(|n| n.programme_id.as_str())
        .collect();
    assert!(refused.contains(&"mss-first") && refused.contains(&"motie-second"));
    assert!(broken_rules(&cat, &firm, as_of, &plan).is_empty());
}
