//! No lost work: each way the review lost a client's data, driven through the UI
//! by label. Every test here failed on the app before the document model (issue 13).

mod common;

use common::{
    app, case_profile, click, files_in, harness, harness_sized, on_disk, text_of, type_number,
    workspace_with,
};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gachi::profile::FirmProfile;
use gachi::view::{GachiApp, Screen, install_fonts};

fn firm(name: &str, employees: u64) -> FirmProfile {
    let mut p = FirmProfile::new(name);
    p.employees = Some(employees);
    p
}

/// An app on a workspace with two clients; the first is opened from the list.
fn with_clients() -> (
    tempfile::TempDir,
    Vec<std::path::PathBuf>,
    Harness<'static, GachiApp>,
) {
    let (dir, paths) = workspace_with(&[firm("경남정밀주조", 8), firm("경기로봇SI", 45)]);
    let mut a = app();
    a.state.workspace = Some(dir.path().to_path_buf());
    let mut h = harness(a);
    h.run();
    click(&mut h, "고객");
    click(&mut h, "경남정밀주조");
    assert_eq!(h.state().state.doc.client.as_ref(), Some(&paths[0]));
    (dir, paths, h)
}

fn rename_in_questionnaire(h: &mut Harness<'_, GachiApp>, name: &str) {
    click(h, "기업 정보");
    h.get_by_label("회사 이름").set_text_value_accesskit(name);
    h.run();
}

#[test]
fn new_profile_detaches_so_saving_never_overwrites_the_client_open_before() {
    let (dir, paths, mut h) = with_clients();
    click(&mut h, "처음");
    click(&mut h, "새 프로필");
    assert_eq!(
        h.state().state.doc.client,
        None,
        "새 프로필 belongs to no client"
    );
    rename_in_questionnaire(&mut h, "다른회사");
    click(&mut h, "● 고객 저장");
    let before = on_disk(&paths[0]);
    assert_eq!(
        before.name, "경남정밀주조",
        "the client opened before is untouched"
    );
    assert_eq!(before.employees, Some(8));
    let new = dir.path().join("다른회사.json");
    assert_eq!(on_disk(&new).name, "다른회사", "saved as a new client");
    assert_eq!(h.state().state.doc.client.as_ref(), Some(&new));
}

#[test]
fn saving_a_profile_whose_firm_name_changed_asks_new_client_or_overwrite() {
    let (dir, paths, mut h) = with_clients();
    rename_in_questionnaire(&mut h, "세움전자");
    click(&mut h, "● 고객 저장");
    h.get_by_label("회사 이름이 고객 파일과 다릅니다");
    h.get_by_label_contains("경남정밀주조 → 세움전자");
    assert_eq!(
        on_disk(&paths[0]).name,
        "경남정밀주조",
        "nothing written yet"
    );
    click(&mut h, "새 고객으로 저장");
    assert_eq!(on_disk(&paths[0]).name, "경남정밀주조");
    assert_eq!(on_disk(&dir.path().join("세움전자.json")).name, "세움전자");
    assert!(!h.state().state.is_dirty());

    // The other answer: overwrite. The file follows the name; the old one is kept.
    rename_in_questionnaire(&mut h, "세움전자2");
    click(&mut h, "● 고객 저장");
    click(&mut h, "이 고객 파일에 덮어쓰기");
    assert!(!dir.path().join("세움전자.json").exists());
    assert_eq!(
        on_disk(&dir.path().join("세움전자2.json")).name,
        "세움전자2"
    );
    let trash = dir.path().join("trash");
    assert_eq!(on_disk(&trash.join("세움전자.json")).name, "세움전자");
}

#[test]
fn every_overwrite_keeps_the_previous_version_in_the_trash() {
    let (dir, paths, mut h) = with_clients();
    h.state_mut().state.profile.employees = Some(9);
    h.run();
    click(&mut h, "● 고객 저장");
    assert_eq!(on_disk(&paths[0]).employees, Some(9));
    let kept = dir.path().join("trash").join("경남정밀주조.json");
    assert_eq!(
        on_disk(&kept).employees,
        Some(8),
        "the version before the save"
    );
    // Saved: the marks are gone.
    h.get_by_label("고객 저장");
    assert!(!h.state().window_title().starts_with('●'));
}

#[test]
fn opening_another_client_with_unsaved_changes_asks_first() {
    let (_dir, paths, mut h) = with_clients();
    h.state_mut().state.profile.employees = Some(12);
    h.run();
    click(&mut h, "고객");
    click(&mut h, "경기로봇SI");
    h.get_by_label("저장하지 않은 변경이 있습니다");
    assert_eq!(
        h.state().state.doc.client.as_ref(),
        Some(&paths[0]),
        "still open"
    );
    assert_eq!(
        h.state().state.profile.employees,
        Some(12),
        "the edit is still there"
    );
    click(&mut h, "저장하고 계속");
    assert_eq!(
        on_disk(&paths[0]).employees,
        Some(12),
        "saved before switching"
    );
    assert_eq!(h.state().state.doc.client.as_ref(), Some(&paths[1]));
    assert_eq!(h.state().state.profile.name, "경기로봇SI");
}

#[test]
fn new_profile_with_unsaved_changes_asks_and_cancel_keeps_everything() {
    let (_dir, paths, mut h) = with_clients();
    h.state_mut().state.profile.employees = Some(12);
    h.run();
    click(&mut h, "처음");
    click(&mut h, "새 프로필");
    h.get_by_label("저장하지 않은 변경이 있습니다");
    click(&mut h, "취소");
    assert_eq!(h.state().state.profile.employees, Some(12));
    assert_eq!(h.state().state.doc.client.as_ref(), Some(&paths[0]));
    // "Without saving" drops the edit, and only then.
    click(&mut h, "새 프로필");
    click(&mut h, "저장하지 않고 계속");
    assert_eq!(h.state().state.profile, FirmProfile::default());
    assert_eq!(on_disk(&paths[0]).employees, Some(8));
}

#[test]
fn delete_asks_and_the_banner_can_undo_it() {
    let (dir, paths, mut h) = with_clients();
    click(&mut h, "고객");
    click(&mut h, "삭제 — 경기로봇SI");
    h.get_by_label("이 고객을 삭제할까요?");
    // The file is named: two clients may share a firm name (trial 2026-11).
    let file = paths[1].file_name().expect("a file").to_string_lossy();
    h.get_by_label(&format!("경기로봇SI ({file})"));
    assert!(paths[1].exists(), "nothing happens before the answer");
    click(&mut h, "삭제");
    assert!(!paths[1].exists());
    assert_eq!(files_in(&dir.path().join("trash")), 1);
    h.get_by_label("휴지통 폴더로 옮겼습니다");
    click(&mut h, "되돌리기");
    assert!(paths[1].exists(), "back where it was");
    assert_eq!(on_disk(&paths[1]).name, "경기로봇SI");
    h.get_by_label("경기로봇SI");
}

#[test]
fn applying_a_what_if_lists_the_changes_and_can_be_undone() {
    let mut a = app();
    a.state.profile = case_profile("b-robot-firm");
    a.state.doc.saved = a.state.profile.clone();
    a.state.screen = Screen::Results;
    let mut h = harness(a);
    h.run();
    click(&mut h, "가정해 보기");
    type_number(&mut h, "상시근로자 수", 0, "65");
    h.key_press(egui::Key::Enter);
    h.run();
    // The change is listed before applying.
    h.get_by_label("상시근로자 수 45명 → 65명");
    click(&mut h, "프로필에 적용");
    assert_eq!(h.state().state.profile.employees, Some(65));
    h.get_by_label("가정한 조건을 프로필에 적용했습니다");
    assert!(
        text_of(&h.get_by_label_contains("45명 → 65명")).contains("45명 → 65명"),
        "the banner says what changed"
    );
    click(&mut h, "되돌리기");
    assert_eq!(h.state().state.profile.employees, Some(45));
    assert!(!h.state().state.is_dirty(), "back to the saved profile");
}

#[test]
fn apply_and_reset_are_far_apart() {
    let mut a = app();
    a.state.profile = case_profile("b-robot-firm");
    a.state.screen = Screen::Results;
    let mut h = harness_sized(a, 1024.0, 700.0);
    h.run();
    click(&mut h, "가정해 보기");
    let reset = h.get_by_label("처음 값으로").rect();
    let apply = h.get_by_label("프로필에 적용").rect();
    let gap = (apply.top() - reset.bottom()).max(reset.top() - apply.bottom());
    assert!(gap > 100.0, "{reset:?} {apply:?}");
}

/// Through eframe's own `App::ui`, as the real window runs it: closing with unsaved
/// changes is refused and asked about; the title carries the unsaved mark.
#[test]
fn closing_the_window_with_unsaved_changes_asks_through_the_eframe_path() {
    let (dir, paths) = workspace_with(&[firm("경남정밀주조", 8)]);
    let mut a = app();
    a.state.workspace = Some(dir.path().to_path_buf());
    let mut h = Harness::builder()
        .with_size(egui::Vec2::new(1280.0, 800.0))
        .with_context_setup(install_fonts)
        .build_eframe(|_cc| a);
    h.run();
    assert!(h.state_mut().open_client(&paths[0]));
    h.state_mut().state.profile.employees = Some(10);
    h.run();
    assert!(
        h.state().rt.title.starts_with("● 경남정밀주조"),
        "{}",
        h.state().rt.title
    );
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
    h.get_by_label("저장하지 않고 닫을까요?");
    assert!(!h.state().rt.allow_close);
    click(&mut h, "저장하고 계속");
    assert_eq!(on_disk(&paths[0]).employees, Some(10));
    assert!(h.state().rt.allow_close, "then the window may close");
    assert!(h.state().rt.title.starts_with("경남정밀주조"));
}

/// On the open client's pathway: a what-if of 9 employees applied to the profile
/// (its 되돌리기 offered), then kept with 고객 저장.
fn apply_what_if_and_save(h: &mut Harness<'_, GachiApp>) {
    click(h, "추천 경로");
    click(h, "가정해 보기");
    type_number(h, "상시근로자 수", 0, "9");
    h.key_press(egui::Key::Enter);
    h.run();
    click(h, "프로필에 적용");
    h.get_by_label("가정한 조건을 프로필에 적용했습니다");
    click(h, "● 고객 저장");
}

#[test]
fn the_undo_of_a_what_if_never_reaches_another_client() {
    // Trial 2026-11: apply a what-if on one client, open another, click the old
    // 되돌리기 — the second client's profile was replaced by the first one's.
    let (_dir, paths, mut h) = with_clients();
    apply_what_if_and_save(&mut h);
    // Then go to the other client.
    click(&mut h, "고객");
    click(&mut h, "경기로봇SI");
    assert_eq!(h.state().state.doc.client.as_ref(), Some(&paths[1]));
    assert!(
        h.query_by_label("되돌리기").is_none(),
        "no undo of the first client's what-if is offered on the second"
    );
    assert_eq!(h.state().state.profile.name, "경기로봇SI");
    assert_eq!(h.state().state.profile.employees, Some(45));
}

#[test]
fn a_new_client_starts_clean_without_the_last_clients_undo_or_programme() {
    // Trial 2026-11: after 새 고객 the detail panel still showed the previous
    // client's programme; its what-if undo must not reach the new client either.
    let (_dir, _paths, mut h) = with_clients();
    apply_what_if_and_save(&mut h);
    h.state_mut().rt.selected = Some("mss-micro-business-loans".into());
    click(&mut h, "고객");
    click(&mut h, "새 고객");
    assert_eq!(h.state().rt.selected, None);
    assert!(
        h.query_by_label("되돌리기").is_none(),
        "no undo of the last client"
    );
}
