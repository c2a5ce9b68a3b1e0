//! Issue 17: the plan follows the firm's applications (profile `applications`) and
//! the 중복수혜 limits (`excludes` links). Each test builds a small catalogue whose
//! windows and durations make the expected months follow from the rules alone:
//! - rolling windows take applications any month; `forecast` months [3, 11] mean
//!   March and November every year;
//! - a step that follows another starts the month after the other ends (start +
//!   duration − 1), docs/formats.md §2;
//! - selected/applied programmes are steps fixed at the record's month; rejected or
//!   withdrawn ones come back only at a call after that month; received or selected
//!   ones count as done (issue 17, "The plan reacts").

mod common;

use common::month;
use gachi::catalogue::{Catalogue, parse_catalogue};
use gachi::codes::ApplicationStatus as S;
use gachi::matcher::build_plan;
use gachi::plan::{Eligibility, Outcome, Plan, Step};
use gachi::profile::{Application, FirmProfile, parse_profile};
use serde_json::{Value, json};

fn programme(id: &str, category: &str, purpose: &str, windows: Value) -> Value {
    json!({
        "id": id, "name": {"ko": format!("{id} 사업"), "en": format!("{id} programme")},
        "ministry": "MSS", "agency": "기관", "category": category, "purpose": purpose,
        "summary": {"ko": "요약", "en": "summary"},
        "support": {"kind": "grant", "max_krw": 100_000_000},
        "windows": windows, "duration_months": 6,
        "provenance": {"url": "https://example.org", "date": "2026", "confidence": "confirmed"},
        "links": []
    })
}

/// Five programmes: `mss-a` (automation, calls in March and November) leads to
/// `mss-b`; `mss-a2` serves the same purpose as `mss-a`; `mss-x` and `mss-y` (digital)
/// are joined by whatever link `link` gives (`None`: no link).
fn catalogue(x_to_y: Option<Value>) -> Catalogue {
    with_limits(x_to_y, json!([]))
}

/// The same catalogue with group limits (`limits`).
fn with_limits(x_to_y: Option<Value>, limits: Value) -> Catalogue {
    let rolling = json!({"status": "rolling"});
    let twice = json!({"status": "forecast", "months": [3, 11]});
    let mut a = programme("mss-a", "automation", "line", twice);
    a["links"] = json!([{"to": "mss-b", "kind": "follow_on", "source": "test"}]);
    let mut x = programme("mss-x", "digital", "x", rolling.clone());
    if let Some(l) = x_to_y {
        x["links"] = json!([l]);
    }
    let cat = json!({
        "format": "gachi-catalogue/1", "id": "t", "version": "1", "as_of": "2026-11",
        "notice": {"ko": "안내", "en": "notice"},
        "programmes": [
            a,
            programme("mss-b", "automation", "next", rolling.clone()),
            programme("mss-a2", "automation", "line", rolling.clone()),
            x,
            programme("mss-y", "digital", "y", rolling),
        ],
        "limits": limits
    });
    parse_catalogue(cat.to_string().as_bytes()).unwrap_or_else(|p| panic!("{p:?}"))
}

fn excludes(period: &str, years: Option<u32>) -> Value {
    let mut l = json!({"to": "mss-y", "kind": "excludes", "period": period,
        "source": "https://example.org/notice (2026-03-31)",
        "note": {"ko": "제한", "en": "limit"}});
    if let Some(y) = years {
        l["years"] = json!(y);
    }
    l
}

fn firm(records: &[(&str, S, Option<&str>)]) -> FirmProfile {
    let mut p = FirmProfile::new("테스트 기업");
    p.goals = vec![gachi::codes::Goal::Automation, gachi::codes::Goal::Digital];
    p.applications = records
        .iter()
        .map(|(id, st, m)| {
            let mut a = Application::new(*id, *st);
            a.month = m.map(month);
            a
        })
        .collect();
    p
}

fn plan(cat: &Catalogue, p: &FirmProfile, as_of: &str) -> Plan {
    build_plan(cat, p, month(as_of), "test")
}

fn step<'p>(plan: &'p Plan, id: &str) -> &'p Step {
    plan.steps
        .iter()
        .find(|s| s.programme_id == id)
        .unwrap_or_else(|| {
            let ids: Vec<_> = plan.steps.iter().map(|s| &s.programme_id).collect();
            panic!("{id} is not a step; steps: {ids:?}")
        })
}

fn is_step(plan: &Plan, id: &str) -> bool {
    plan.steps.iter().any(|s| s.programme_id == id)
}

fn status(s: &Step) -> Option<S> {
    s.application.as_ref().map(|a| a.status)
}

/// The reason of that criterion, which must have that outcome.
fn reason<'r>(
    reasons: &'r [gachi::plan::Reason],
    criterion: &str,
    o: Outcome,
) -> &'r gachi::plan::Reason {
    let r = reasons
        .iter()
        .find(|r| r.criterion == criterion)
        .unwrap_or_else(|| panic!("no {criterion} reason in {reasons:?}"));
    assert_eq!(r.outcome, o, "{criterion}");
    r
}

fn why_ko(s: &Step) -> String {
    s.why
        .iter()
        .map(|t| t.ko.clone())
        .collect::<Vec<_>>()
        .join(" / ")
}

#[test]
fn without_applications_the_line_starts_at_its_next_call() {
    // The baseline the other tests move from: at 2026-12, mss-a's next call is March.
    let cat = catalogue(None);
    let p = plan(&cat, &firm(&[]), "2026-12");
    let a = step(&p, "mss-a");
    assert_eq!(a.start, month("2027-03"));
    assert_eq!(a.application, None);
    assert_eq!(step(&p, "mss-b").start, month("2027-09"));
    assert!(!is_step(&p, "mss-a2"), "one programme per purpose");
}

#[test]
fn planned_is_a_normal_step_carrying_its_record() {
    let cat = catalogue(None);
    let p = plan(&cat, &firm(&[("mss-a2", S::Planned, None)]), "2026-12");
    // The firm's own choice wins its purpose over the programme the engine preferred.
    let a2 = step(&p, "mss-a2");
    assert_eq!(status(a2), Some(S::Planned));
    assert_eq!(a2.start, month("2026-12"), "rolling: from the plan month");
    assert!(!is_step(&p, "mss-a"));
}

#[test]
fn applied_is_fixed_at_its_month_and_what_follows_waits_for_it() {
    let cat = catalogue(None);
    let p = plan(
        &cat,
        &firm(&[("mss-a", S::Applied, Some("2026-11"))]),
        "2026-12",
    );
    let a = step(&p, "mss-a");
    assert_eq!(status(a), Some(S::Applied));
    assert_eq!(a.start, month("2026-11"), "where the application put it");
    assert_eq!(a.end, month("2027-04"));
    let b = step(&p, "mss-b");
    assert_eq!(b.start, month("2027-05"), "after mss-a's project period");
    assert!(b.after.contains(&"mss-a".to_string()));
    assert!(why_ko(b).contains("결과를 기다립니다"), "{}", why_ko(b));
    assert!(
        b.why.iter().any(|t| t.en.contains("Waits for the result")),
        "{:?}",
        b.why
    );
}

#[test]
fn selected_is_done_for_what_follows_and_never_a_new_application() {
    let cat = catalogue(None);
    let p = plan(
        &cat,
        &firm(&[("mss-a", S::Selected, Some("2026-09"))]),
        "2026-12",
    );
    let a = step(&p, "mss-a");
    assert_eq!(status(a), Some(S::Selected));
    assert_eq!(
        a.start,
        month("2026-09"),
        "the running project, not a new call"
    );
    assert!(why_ko(a).contains("선정되었습니다"), "{}", why_ko(a));
    assert_eq!(step(&p, "mss-b").start, month("2027-03"));
    assert!(!p.received.contains(&"mss-a".to_string()));
}

#[test]
fn received_in_applications_is_the_same_as_the_received_list() {
    let cat = catalogue(None);
    let mut listed = firm(&[]);
    listed.received = vec!["mss-a".into()];
    let recorded = firm(&[("mss-a", S::Received, None)]);
    let (p1, p2) = (
        plan(&cat, &listed, "2026-12"),
        plan(&cat, &recorded, "2026-12"),
    );
    assert!(!is_step(&p1, "mss-a") && !is_step(&p2, "mss-a"));
    assert_eq!(p1.received, vec!["mss-a".to_string()]);
    assert_eq!(p1.received, p2.received);
    let ids = |p: &Plan| {
        p.steps
            .iter()
            .map(|s| (s.programme_id.clone(), s.start))
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&p1), ids(&p2));
}

#[test]
fn rejected_comes_back_at_a_later_call_with_its_history_and_an_alternative() {
    let cat = catalogue(None);
    let f = firm(&[
        ("mss-a", S::Applied, Some("2026-03")),
        ("mss-a", S::Rejected, Some("2026-11")),
    ]);
    let p = plan(&cat, &f, "2026-11");
    let a = step(&p, "mss-a");
    assert_eq!(status(a), Some(S::Rejected));
    // November's call is the one that rejected it: the next is March.
    assert_eq!(a.start, month("2027-03"));
    assert_eq!(a.history.len(), 1);
    assert_eq!(a.history[0].status, S::Applied);
    let alts: Vec<&str> = a
        .alternatives
        .iter()
        .map(|x| x.programme_id.as_str())
        .collect();
    assert_eq!(alts, ["mss-a2"], "the other programme of the same purpose");
    assert!(why_ko(a).contains("탈락"), "{}", why_ko(a));
}

#[test]
fn withdrawn_comes_back_after_its_month_without_being_forced_in() {
    let cat = catalogue(None);
    let p = plan(
        &cat,
        &firm(&[("mss-a", S::Withdrawn, Some("2027-03"))]),
        "2027-03",
    );
    let a = step(&p, "mss-a");
    assert_eq!(a.start, month("2027-11"), "not the March call it left");
    assert_eq!(status(a), Some(S::Withdrawn));
}

#[test]
fn an_ever_limit_closes_the_other_programme_with_the_reason_in_both_languages() {
    let cat = catalogue(Some(excludes("ever", None)));
    let p = plan(
        &cat,
        &firm(&[("mss-x", S::Received, Some("2025-05"))]),
        "2026-12",
    );
    assert!(!is_step(&p, "mss-y"));
    let n = p
        .not_eligible
        .iter()
        .find(|n| n.programme_id == "mss-y")
        .expect("mss-y refused");
    let r = reason(&n.reasons, "excludes", Outcome::Fail);
    assert!(
        r.ko.contains("중복수혜 제한") && r.ko.contains("mss-x 사업"),
        "{}",
        r.ko
    );
    assert!(r.en.contains("duplicate-support limit"), "{}", r.en);
    // One way: having mss-y does not close mss-x.
    let p = plan(&cat, &firm(&[("mss-y", S::Received, None)]), "2026-12");
    assert!(is_step(&p, "mss-x"));
}

#[test]
fn a_same_year_limit_moves_the_other_to_january_and_ends_with_the_year() {
    let cat = catalogue(Some(excludes("same_year", None)));
    let f = firm(&[("mss-x", S::Selected, Some("2026-03"))]);
    let p = plan(&cat, &f, "2026-05");
    let y = step(&p, "mss-y");
    assert_eq!(y.start, month("2027-01"));
    assert_eq!(y.eligibility, Eligibility::Eligible);
    assert!(why_ko(y).contains("2027년 1월 이후"), "{}", why_ko(y));
    // The next year the limit is gone.
    let p = plan(&cat, &f, "2027-02");
    assert_eq!(step(&p, "mss-y").start, month("2027-02"));
    // Without the month of the record, which year is to verify.
    let p = plan(&cat, &firm(&[("mss-x", S::Received, None)]), "2026-05");
    let y = step(&p, "mss-y");
    assert_eq!(y.eligibility, Eligibility::Verify);
    assert!(
        y.reasons
            .iter()
            .any(|r| r.criterion == "excludes" && r.outcome == Outcome::Unknown)
    );
}

#[test]
fn a_concurrent_limit_waits_for_the_selected_project_to_end() {
    let cat = catalogue(Some(excludes("concurrent", None)));
    let p = plan(
        &cat,
        &firm(&[("mss-x", S::Selected, Some("2026-10"))]),
        "2026-12",
    );
    // mss-x runs 6 months from October: through March.
    assert_eq!(step(&p, "mss-y").start, month("2027-04"));
    // Received (finished): no wait.
    let p = plan(
        &cat,
        &firm(&[("mss-x", S::Received, Some("2026-10"))]),
        "2026-12",
    );
    assert_eq!(step(&p, "mss-y").start, month("2026-12"));
}

#[test]
fn a_limit_of_years_counts_from_the_record() {
    let cat = catalogue(Some(excludes("within_years", Some(2))));
    let p = plan(
        &cat,
        &firm(&[("mss-x", S::Received, Some("2025-06"))]),
        "2026-12",
    );
    assert_eq!(step(&p, "mss-y").start, month("2027-06"));
}

#[test]
fn two_new_steps_that_may_never_go_together_keep_one() {
    let cat = catalogue(Some(excludes("ever", None)));
    let p = plan(&cat, &firm(&[]), "2026-12");
    assert!(
        is_step(&p, "mss-x") != is_step(&p, "mss-y"),
        "exactly one of the pair"
    );
    let left = p
        .also_eligible
        .iter()
        .find(|a| a.programme_id == "mss-x" || a.programme_id == "mss-y")
        .expect("the other is listed as also eligible");
    assert!(left.why_not_chosen.ko.contains("중복수혜 제한"));
    // Two new steps under a same-year limit: the second goes to the next year.
    let cat = catalogue(Some(excludes("same_year", None)));
    let p = plan(&cat, &firm(&[]), "2026-12");
    assert_eq!(step(&p, "mss-x").start, month("2026-12"));
    assert_eq!(step(&p, "mss-y").start, month("2027-01"));
}

#[test]
fn the_profile_keeps_applications_and_names_a_bad_one() {
    let text = json!({
        "format": "gachi-profile/1", "name": "기업",
        "applications": [
            {"programme_id": "mss-a", "status": "rejected", "month": "2026-04",
             "note": "평가 점수 부족", "documents_ready": ["사업계획서"]},
            {"programme_id": "mss-b", "status": "won"},
            {"programme_id": "mss-b", "status": "applied", "month": "2026-4"}
        ]
    })
    .to_string();
    let e = parse_profile(text.as_bytes(), month("2026-12")).expect_err("two bad records");
    let paths: Vec<&str> = e.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["applications[1].status", "applications[2].month"]);
    let ko = e[0].in_lang(gachi::text::Lang::Ko);
    assert!(ko.contains("신청 상태") && ko.contains("won"), "{ko}");
    let en = e[0].in_lang(gachi::text::Lang::En);
    assert!(en.contains("planned, applied, selected"), "{en}");

    let good = json!({
        "format": "gachi-profile/1", "name": "기업",
        "applications": [{"programme_id": "mss-a", "status": "rejected", "month": "2026-04",
             "note": "평가 점수 부족", "documents_ready": ["사업계획서"]}]
    })
    .to_string();
    let p = parse_profile(good.as_bytes(), month("2026-12")).expect("reads");
    assert_eq!(p.applications[0].status, S::Rejected);
    assert_eq!(p.applications[0].documents_ready, ["사업계획서"]);
    let again = parse_profile(p.to_pretty_json().as_bytes(), month("2026-12")).expect("re-reads");
    assert_eq!(again, p, "written and read back unchanged");
}

fn group(ids: &[&str], max: u32, period: &str, years: Option<u32>) -> Value {
    let mut g = json!({"programmes": ids, "max": max, "period": period,
        "source": "https://example.org/loans (2026-04-20): \"최근 5년 이내 3회 이상\"",
        "note": {"ko": "묶음 제한입니다.", "en": "A group limit."}});
    if let Some(y) = years {
        g["years"] = json!(y);
    }
    g
}

#[test]
fn a_count_within_years_waits_until_the_oldest_drops_out() {
    // At most 2 of the group within 5 years (the loan notices' rule, with 2 for a
    // small test): two received, so the third waits until the older one is 5 years old.
    let cat = with_limits(
        None,
        json!([group(
            &["mss-x", "mss-y", "mss-a2"],
            2,
            "within_years",
            Some(5)
        )]),
    );
    let f = firm(&[
        ("mss-x", S::Received, Some("2023-03")),
        ("mss-a2", S::Received, Some("2024-06")),
    ]);
    let p = plan(&cat, &f, "2026-12");
    let y = step(&p, "mss-y");
    assert_eq!(y.start, month("2028-03"));
    assert!(why_ko(y).contains("묶음 제한입니다.") && why_ko(y).contains("중복수혜 제한"));
    // One of them only: under the count, no wait.
    let f = firm(&[("mss-x", S::Received, Some("2023-03"))]);
    assert_eq!(
        step(&plan(&cat, &f, "2026-12"), "mss-y").start,
        month("2026-12")
    );
    // A record without a month could reach the count: to verify.
    let f = firm(&[
        ("mss-x", S::Received, None),
        ("mss-a2", S::Received, Some("2024-06")),
    ]);
    let y = plan(&cat, &f, "2026-12");
    let y = step(&y, "mss-y");
    assert_eq!(y.eligibility, Eligibility::Verify);
    assert_eq!(y.start, month("2026-12"));
}

#[test]
fn a_count_at_once_waits_for_a_running_project_to_end() {
    let cat = with_limits(
        None,
        json!([group(&["mss-x", "mss-y"], 1, "concurrent", None)]),
    );
    let f = firm(&[("mss-x", S::Selected, Some("2026-10"))]);
    assert_eq!(
        step(&plan(&cat, &f, "2026-12"), "mss-y").start,
        month("2027-04")
    );
    // A received (finished) one does not count at once.
    let f = firm(&[("mss-x", S::Received, Some("2026-10"))]);
    assert_eq!(
        step(&plan(&cat, &f, "2026-12"), "mss-y").start,
        month("2026-12")
    );
}

#[test]
fn a_broken_group_limit_is_refused_with_every_problem() {
    let bad = json!([
        {"programmes": ["mss-x", "mss-nowhere"], "max": 0, "period": "ever",
         "source": "s", "note": {"ko": "가", "en": "a"}},
        {"programmes": ["mss-x", "mss-y"], "max": 2, "period": "within_years",
         "source": "s", "note": {"ko": "가", "en": "a"}}
    ]);
    let mut v: Value = serde_json::from_str(
        &serde_json::to_string(&json!({
            "format": "gachi-catalogue/1", "id": "t", "version": "1", "as_of": "2026-11",
            "notice": {"ko": "안내", "en": "notice"},
            "programmes": [
                programme("mss-x", "digital", "x", json!({"status": "rolling"})),
                programme("mss-y", "digital", "y", json!({"status": "rolling"}))
            ]
        }))
        .unwrap(),
    )
    .unwrap();
    v["limits"] = bad;
    let e = parse_catalogue(v.to_string().as_bytes()).expect_err("refused");
    let paths: Vec<&str> = e.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "limits[0].programmes[1]",
            "limits[0].max",
            "limits[0].period",
            "limits[1].years"
        ]
    );
}

/// A record dated after the plan month tells of something that has not happened: the
/// plan does not use it and says to check it (eighth trial: a report read
/// "선정되었습니다 (2027-03)" on 2026-11-30).
#[test]
fn a_record_dated_in_the_future_is_not_used() {
    let cat = catalogue(None);
    let f = firm(&[
        ("mss-a", S::Applied, Some("2026-03")),
        ("mss-a", S::Selected, Some("2027-01")),
    ]);
    let p = plan(&cat, &f, "2026-12");
    let a = step(&p, "mss-a");
    assert_eq!(
        status(a),
        Some(S::Applied),
        "the last record that has happened"
    );
    assert_eq!(a.start, month("2026-03"));
    assert!(a.history.is_empty());
    let r = reason(&a.reasons, "applications", Outcome::Unknown);
    assert!(
        r.ko.contains("2027-01") && r.ko.contains("아직 오지 않은 달"),
        "{}",
        r.ko
    );
    assert_eq!(a.eligibility, Eligibility::Verify);
    // Planned for a future month is a plan, not a record of the past: used.
    let f = firm(&[("mss-a2", S::Planned, Some("2027-05"))]);
    let p = plan(&cat, &f, "2026-12");
    let a2 = step(&p, "mss-a2");
    assert_eq!(status(a2), Some(S::Planned));
    assert_eq!(
        a2.start,
        month("2027-05"),
        "from the planned month (rolling)"
    );
    assert!(
        why_ko(a2).contains("2027-05에 신청할 예정"),
        "{}",
        why_ko(a2)
    );
}

/// The month decides which record is the latest, not where it is written (ninth
/// trial); the file's order is warned about.
#[test]
fn records_are_read_in_month_order() {
    let cat = catalogue(None);
    let f = firm(&[
        ("mss-a", S::Rejected, Some("2026-10")),
        ("mss-a", S::Applied, Some("2026-02")),
    ]);
    let p = plan(&cat, &f, "2026-12");
    let a = step(&p, "mss-a");
    assert_eq!(status(a), Some(S::Rejected));
    assert_eq!(a.history.len(), 1);
    assert_eq!(a.history[0].status, S::Applied);
    assert_eq!(
        a.start,
        month("2027-03"),
        "the next call after the rejection"
    );
    let w = gachi::matcher::record_warnings(&cat, &f, month("2026-12"));
    assert!(
        w.iter().any(|w| w.path == "applications[1].month"
            && w.record == 1
            && w.text.ko.contains("달 순서로")),
        "{w:?}"
    ); // A past event without a month is warned about too.
    let f = firm(&[("mss-a", S::Applied, None)]);
    let w = gachi::matcher::record_warnings(&cat, &f, month("2026-12"));
    assert!(
        w.iter().any(|w| w.path == "applications[0].month"
            && w.record == 0
            && w.text.ko.contains("시기가 없습니다")),
        "{w:?}"
    );
}
