//! The results screen from 1024×700 up, and the what-if panel typed into.

mod common;

use common::{app, case_profile, click, harness_sized, text_of, type_number};
use eframe::egui;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use gachi::view::{GachiApp, Screen};

fn results_app(case: &str) -> GachiApp {
    let mut a = app();
    a.state.profile = case_profile(case);
    a.state.doc.saved = a.state.profile.clone();
    a.state.screen = Screen::Results;
    a
}

/// Rows of 26 px that fit between `top` and the window's bottom edge.
fn rows_below(top: f32, height: f32) -> f32 {
    (height - top) / 26.0
}

#[test]
fn at_1024_by_700_the_lists_and_the_detail_have_room() {
    for whatif in [false, true] {
        let mut h = harness_sized(results_app("n-robot-si-no-goals"), 1024.0, 700.0);
        h.run();
        if whatif {
            click(&mut h, "가정해 보기");
        }
        let tabs = h.get_by_label_contains("계획 단계 (").rect();
        let rows = rows_below(tabs.bottom(), 700.0);
        assert!(
            rows >= 8.0,
            "what-if {whatif}: {rows:.1} list rows under {tabs:?}"
        );
        // The detail panel beside the list: from its first line to the bottom edge.
        let title = h.get_by_label("크게 보기").rect();
        let lines = (700.0 - title.bottom()) / 20.0;
        assert!(lines >= 8.0, "what-if {whatif}: {lines:.1} detail lines");
        // A plan longer than the room, so the layout is tried with a full list.
        let steps = h.state().cached_plan().map(|p| p.steps.len()).unwrap_or(0);
        assert!(steps >= 7, "{steps} steps");
    }
}

#[test]
fn the_detail_can_fill_the_screen_and_come_back() {
    let mut h = harness_sized(results_app("a-root-micro-casting"), 1024.0, 700.0);
    h.run();
    click(&mut h, "크게 보기");
    let back = h.get_by_label("← 경로로 돌아가기").rect();
    assert!(
        back.top() < 250.0,
        "the detail starts near the top: {back:?}"
    );
    assert!(h.query_by_label_contains("계획 단계 (").is_none());
    click(&mut h, "← 경로로 돌아가기");
    h.get_by_label_contains("계획 단계 (");
}

#[test]
fn the_pathway_folds_away_and_the_lists_take_the_room() {
    let mut h = harness_sized(results_app("a-root-micro-casting"), 1024.0, 700.0);
    h.run();
    let before = h.get_by_label_contains("계획 단계 (").rect().top();
    click(&mut h, "▲ 경로·일정 접기");
    let after = h.get_by_label_contains("계획 단계 (").rect().top();
    assert!(after < before - 100.0, "{before} → {after}");
    click(&mut h, "▼ 경로·일정 펼치기");
}

#[test]
fn choosing_a_programme_in_the_list_shows_its_detail_from_the_top() {
    let mut h = harness_sized(results_app("a-root-micro-casting"), 1024.0, 700.0);
    h.run();
    let plan = h.state().cached_plan().cloned().expect("plan");
    let last = plan.steps.last().expect("a step");
    let name = last.name.get(gachi::text::Lang::Ko).to_string();
    h.get_all_by_label_contains(&name)
        .find(|n| n.accesskit_node().role() == Role::Button)
        .expect("the step's list row")
        .click();
    h.run();
    assert_eq!(
        h.state().rt.selected.as_deref(),
        Some(last.programme_id.as_str())
    );
    // The detail starts at the programme's name.
    h.get_by_label("요약");
}

#[test]
fn typing_65_into_the_what_if_employees_gives_65_and_nothing_moves_meanwhile() {
    let mut h = harness_sized(results_app("b-robot-firm"), 1024.0, 700.0);
    h.run();
    click(&mut h, "가정해 보기");
    let field = |h: &egui_kittest::Harness<'_, GachiApp>| {
        h.get_all_by_role_and_label(Role::TextInput, "상시근로자 수")
            .next()
            .expect("employees field")
            .rect()
    };
    let revenue = |h: &egui_kittest::Harness<'_, GachiApp>| {
        h.get_all_by_role_and_label(Role::TextInput, "작년 매출액")
            .next()
            .expect("revenue field")
            .rect()
    };
    let (f0, r0) = (field(&h), revenue(&h));
    let builds = h.state().rt.recomputes;
    type_number(&mut h, "상시근로자 수", 0, "6");
    // "6" is on the way to "65": nothing is recomputed, nothing moves.
    assert_eq!(h.state().rt.recomputes, builds);
    assert_eq!(
        h.state()
            .rt
            .whatif
            .as_ref()
            .and_then(|w| w.profile.employees),
        Some(45)
    );
    h.get_all_by_role_and_label(Role::TextInput, "상시근로자 수")
        .next()
        .expect("employees field")
        .type_text("5");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(
        h.state()
            .rt
            .whatif
            .as_ref()
            .and_then(|w| w.profile.employees),
        Some(65)
    );
    assert_eq!(field(&h), f0, "the field stayed where it was");
    assert_eq!(revenue(&h), r0, "the next field too");
    // The saved profile is untouched until applied.
    assert_eq!(h.state().state.profile.employees, Some(45));
    // Typing into sales then behaves the same: 150억, employees still 65.
    type_number(&mut h, "작년 매출액", 0, "150");
    h.key_press(egui::Key::Enter);
    h.run();
    let w = h
        .state()
        .rt
        .whatif
        .as_ref()
        .map(|w| w.profile.clone())
        .expect("draft");
    assert_eq!(w.revenue_krw, Some(15_000_000_000));
    assert_eq!(w.employees, Some(65));
}

#[test]
fn a_what_if_gain_that_only_needs_checking_says_so_and_opens_its_detail() {
    // The consultant persona's client (120억, 47명) tried at 150억 and 65명: now a
    // 중기업. 중견바우처 opens only as "to verify" (it needs 예비 중견): the gained
    // list says so instead of listing it as a plain gain (trial 2026-11, F11).
    let mut h = harness_sized(results_app("n-robot-si-no-goals"), 1280.0, 800.0);
    h.run();
    click(&mut h, "가정해 보기");
    type_number(&mut h, "상시근로자 수", 0, "65");
    h.key_press(egui::Key::Enter);
    h.run();
    type_number(&mut h, "작년 매출액", 0, "150");
    h.key_press(egui::Key::Enter);
    h.run();
    let voucher = text_of(&h.get_by_label_contains("중견기업 글로벌 지원사업"));
    assert!(voucher.starts_with("? 확인 필요:"), "{voucher}");
    click(&mut h, &voucher);
    assert_eq!(
        h.state().rt.selected.as_deref(),
        Some("motie-midsize-global-voucher")
    );
}

#[test]
fn every_what_if_answer_has_dont_know() {
    let mut h = harness_sized(results_app("b-robot-firm"), 1280.0, 800.0);
    h.run();
    click(&mut h, "가정해 보기");
    for q in [
        "상시근로자 수",
        "작년 매출액",
        "설립 연월",
        "보유한 인증·지정",
    ] {
        h.get_by_label(&format!("가정해 보기 — {q} — 모름"));
    }
    h.get_by_label("가정해 보기 — 스마트공장 수준 — 모름");
    h.get_by_label("가정해 보기 — 지금 수출하고 있나요? — 모름");
}

#[test]
fn unticking_dont_know_fills_in_nothing() {
    let mut h = harness_sized(app(), 1280.0, 800.0);
    h.run();
    click(&mut h, "새 프로필");
    // No red before the user has been in the name field, nor on the first click
    // into it (trial 2026-11); leaving it empty then says so.
    assert!(h.query_by_label("회사 이름을 입력하세요.").is_none());
    h.get_all_by_role_and_label(Role::TextInput, "회사 이름")
        .next()
        .expect("name field")
        .click();
    h.run();
    h.run();
    assert!(h.query_by_label("회사 이름을 입력하세요.").is_none());
    h.key_press(egui::Key::Tab);
    h.run();
    h.run();
    assert!(h.query_by_label("회사 이름을 입력하세요.").is_some());
    let before = h.state().state.profile.clone();
    click(&mut h, "설립 연월 — 모름");
    click(&mut h, "상시근로자 수 — 모름");
    assert_eq!(h.state().state.profile, before, "no year, no 0 filled in");
    let year = h
        .get_all_by_role_and_label(Role::TextInput, "설립 연월")
        .next()
        .expect("year field");
    assert_eq!(year.value().unwrap_or_default(), "");
}

/// The detail panel scrolls with the mouse wheel (its offset was reset every frame).
#[test]
fn the_detail_panel_scrolls_with_the_wheel() {
    let mut h = harness_sized(results_app("a-root-micro-casting"), 1024.0, 700.0);
    h.run();
    let heading = h.get_by_label("요약").rect();
    h.hover_at(heading.center());
    h.run();
    for _ in 0..3 {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -200.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::default(),
        });
        h.run();
    }
    let moved = h.query_by_label("요약").map(|n| n.rect().top());
    assert!(
        moved.is_none_or(|top| top < heading.top() - 100.0),
        "the summary heading should have scrolled up from {} (now {moved:?})",
        heading.top()
    );
}

#[test]
fn plain_notices_go_by_themselves_and_at_most_three_stack() {
    use gachi::view::{MAX_NOTICES, NOTICE_SECONDS, Notice};
    use std::time::{Duration, Instant};
    let mut a = results_app("a-root-micro-casting");
    let notice = |title, error, age: u64| Notice {
        error,
        title,
        detail: String::new(),
        folder: None,
        since: Instant::now()
            .checked_sub(Duration::from_secs(age))
            .unwrap_or_else(Instant::now),
    };
    // An old success notice and an old error; then five fresh successes.
    a.rt.notices
        .push(notice(gachi::view::i18n::SAVED, false, NOTICE_SECONDS + 5));
    a.rt.notices
        .push(notice(gachi::view::i18n::SAVED, true, NOTICE_SECONDS + 5));
    for _ in 0..5 {
        a.rt.notices
            .push(notice(gachi::view::i18n::SAVED, false, 0));
    }
    let mut h = harness_sized(a, 1024.0, 700.0);
    for _ in 0..8 {
        h.run();
    }
    let left = &h.state().rt.notices;
    assert!(left.len() <= MAX_NOTICES, "{} notices stacked", left.len());
    // The error stays until closed by hand; the old success went.
    assert!(left.iter().any(|n| n.error));
    assert!(
        left.iter()
            .all(|n| n.error || n.since.elapsed() < Duration::from_secs(NOTICE_SECONDS))
    );
}
