//! Issue 17 in the app: a consultant sets a step's status from its detail panel, ticks
//! its documents, and sees the client's applications; the plan follows at once and
//! the changes are unsaved edits of the client (saved with it).

mod common;

use common::{app, case_profile, click, harness, type_number};
use eframe::egui;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use gachi::codes::ApplicationStatus as S;
use gachi::view::state::Screen;

/// Clicks through accessibility: the detail panel's controls may be below its fold.
fn press(h: &mut egui_kittest::Harness<'_, gachi::view::GachiApp>, label: &str) {
    h.get_by_label(label).click_accesskit();
    h.run();
}

#[test]
fn setting_a_status_in_the_detail_panel_moves_the_step_and_keeps_the_history() {
    let mut a = app();
    a.state.profile = case_profile("o-applications-welding-firm");
    a.state.screen = Screen::Results;
    a.rt.selected = Some("mss-export-voucher".into());
    let mut h = harness(a);
    h.run();
    // The record as the case has it.
    // In the detail panel and as the step's note in the plan list.
    assert_eq!(
        h.get_all_by_label("탈락 · 2026-10 — 발표평가 탈락").count(),
        2
    );
    assert_eq!(
        h.state_mut()
            .plan()
            .step("mss-export-voucher")
            .and_then(|s| s.application.as_ref())
            .map(|a| a.status),
        Some(S::Rejected)
    );

    // After the rejection, the same-purpose alternative is offered as a link.
    h.get_by_label("산업 글로벌 진출역량 강화(산업바우처) · 긴급지원바우처");

    // The firm applied again in February.
    // Below the fold of the detail panel: through accessibility, as a screen reader.
    h.get_all_by_role_and_label(Role::ComboBox, "상태")
        .next()
        .expect("status")
        .click_accesskit();
    h.run();
    h.get_by_label("신청함 (결과 대기)").click_accesskit();
    h.run();
    // A month that has not come yet is not a record: refused with a reason.
    type_number(&mut h, "시기", 0, "2027-02");
    h.get_by_label_contains("아직 오지 않은 달입니다");
    press(&mut h, "상태 저장");
    assert_eq!(
        h.state()
            .state
            .profile
            .standing("mss-export-voucher")
            .map(|a| a.status),
        Some(S::Rejected),
        "nothing saved for a future month"
    );
    type_number(&mut h, "시기", 0, "2026-12");
    type_number(&mut h, "메모", 0, "2027년 1차 재신청");
    press(&mut h, "상태 저장");
    let p = &h.state().state.profile;
    let now = p.standing("mss-export-voucher").expect("record");
    assert_eq!(now.status, S::Applied);
    assert_eq!(now.month.map(|m| m.to_string()).as_deref(), Some("2026-12"));
    assert_eq!(now.note.as_deref(), Some("2027년 1차 재신청"));
    assert_eq!(
        p.history("mss-export-voucher")
            .iter()
            .map(|a| a.status)
            .collect::<Vec<_>>(),
        [S::Applied, S::Rejected],
        "the earlier records stay as history"
    );
    assert!(h.state().state.is_dirty(), "an unsaved edit of the client");
    let step = h
        .state_mut()
        .plan()
        .step("mss-export-voucher")
        .cloned()
        .expect("still a step");
    assert_eq!(
        step.start.to_string(),
        "2026-12",
        "where the application put it"
    );
    h.run();
    assert_eq!(
        h.get_all_by_label("신청함 (결과 대기) · 2026-12 — 2027년 1차 재신청")
            .count(),
        2
    );

    // A document ticked as ready.
    h.get_by_label_contains("사업신청서").click_accesskit();
    h.run();
    let ready = h
        .state()
        .state
        .profile
        .standing("mss-export-voucher")
        .expect("record")
        .documents_ready;
    assert_eq!(ready.len(), 1);
    assert!(ready[0].contains("사업신청서"), "{ready:?}");
    assert!(
        h.state_mut()
            .plan()
            .step("mss-export-voucher")
            .is_some_and(|s| s.documents.iter().any(|d| d.ready)),
        "the plan's checklist shows it"
    );

    // The what-if starts from the profile with its statuses: the plan it shows keeps
    // the new application.
    click(&mut h, "가정해 보기");
    assert!(h.state().rt.whatif.is_some());
    assert_eq!(
        h.state_mut()
            .plan()
            .step("mss-export-voucher")
            .and_then(|s| s.application.as_ref())
            .map(|a| a.status),
        Some(S::Applied)
    );

    // The client's applications list.
    click(&mut h, "신청 현황 (3)");
    // The smart factory: selected after an application (one earlier record).
    h.get_by_label("선정됨 · 2026-06 — 고도화1 선정, 협약 6월 (+1)");
    h.get_by_label("신청함 (결과 대기) · 2026-12 — 2027년 1차 재신청 (+2)");

    // Clearing the record: the plan no longer carries it.
    h.get_by_label("스마트제조혁신 지원사업 (스마트공장 구축 및 고도화)")
        .click();
    h.run();
    press(&mut h, "신청 기록 지우기");
    // It asks first, naming the programme and its records; cancelling keeps them.
    h.get_by_label_contains("기록 2건");
    press(&mut h, "취소");
    assert!(
        h.state()
            .state
            .profile
            .standing("mss-smart-factory")
            .is_some()
    );
    press(&mut h, "신청 기록 지우기");
    press(&mut h, "기록 지우기");
    assert!(
        h.state()
            .state
            .profile
            .standing("mss-smart-factory")
            .is_none()
    );
    assert!(
        h.state()
            .rt
            .whatif
            .as_ref()
            .is_some_and(|w| w.profile.standing("mss-smart-factory").is_none()),
        "the open what-if follows"
    );
    assert!(
        h.state_mut()
            .plan()
            .step("mss-smart-factory")
            .is_none_or(|s| s.application.is_none())
    );
    assert_eq!(
        h.state().rt.selected.as_deref(),
        Some("mss-smart-factory"),
        "the detail stays on the programme"
    );

    // One mistaken status away: the earlier records stay.
    // From the client's applications list.
    h.get_by_label("수출바우처 (중기부)").click_accesskit();
    h.run();
    press(&mut h, "마지막 기록만 지우기");
    let p = &h.state().state.profile;
    assert_eq!(
        p.standing("mss-export-voucher").map(|a| a.status),
        Some(S::Rejected)
    );
    assert_eq!(p.history("mss-export-voucher").len(), 1);
    h.key_press(egui::Key::Escape);
}

/// Every character of the built-in catalogue (names, notes, documents, the notices'
/// quotes in the 중복수혜 sources) is in the app's fonts: a missing glyph panics the
/// app (the 2026 notices write "선정‧신청" with U+2027).
#[test]
fn every_character_of_the_catalogue_and_the_screens_is_in_the_apps_fonts() {
    use eframe::egui::{FontFamily, FontId};
    let mut h = harness(app());
    h.run();
    let font = FontId::new(14.0, FontFamily::Proportional);
    let mut missing: Vec<String> = Vec::new();
    let ui_strings: String = gachi::strings::EVERY
        .iter()
        .flat_map(|s| [s.ko, s.en])
        .collect();
    // The marks the applications views draw beside the strings.
    let marks = "※";
    for c in gachi::catalogue::BUILTIN_JSON
        .chars()
        .chain(ui_strings.chars())
        .chain(marks.chars())
    {
        if !c.is_control()
            && !h.ctx.fonts_mut(|f| f.has_glyph(&font, c))
            && !missing.iter().any(|m| m.starts_with(c))
        {
            missing.push(format!("{c} (U+{:04X})", c as u32));
        }
    }
    assert!(missing.is_empty(), "no glyph: {missing:?}");
}
