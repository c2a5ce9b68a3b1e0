//! UI tests: the app driven by its labels, as a user would, with no display.
//! egui_kittest panics on a glyph no font has, so every test that shows Hangul also
//! proves the bundled Korean font is installed.

mod common;

use common::{app, choose, click, harness, month, text_of, type_number};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gachi::view::{GachiApp, Screen};

/// Fills in the questionnaire for a root-industry micro-manufacturer, by label.
fn answer_root_micro_manufacturer(h: &mut Harness<'_, GachiApp>) {
    click(h, "새 프로필");
    let name = h.get_by_label("회사 이름");
    name.focus();
    name.type_text("대성주물");
    h.run();
    click(h, "설립 연월 — 모름");
    type_number(h, "설립 연월", 0, "2009");
    click(h, "상시근로자 수 — 모름");
    type_number(h, "상시근로자 수", 0, "8");
    click(h, "작년 매출액 — 모름");
    type_number(h, "작년 매출액", 0, "24");
    choose(h, "본사 소재지", 0, "경남");
    click(h, "다음 →");
    choose(h, "업종", 0, "C 제조업");
    choose(h, "업종", 1, "C24 1차 금속");
    click(h, "사용하는 뿌리기술 — 모름");
    click(h, "주조");
    click(h, "다음 →");
    click(h, "스마트공장 수준 — 없음");
    click(h, "지금 수출하고 있나요? — 아니오");
    click(h, "다음 →");
    click(h, "자동화·스마트공장");
    click(h, "디지털 전환");
    click(h, "자금·보증");
    click(h, "경로 보기 →");
}

#[test]
fn a_root_micro_manufacturer_filled_in_by_label_gets_the_mss_motie_mss_chain() {
    let mut h = harness(app());
    h.run();
    answer_root_micro_manufacturer(&mut h);

    let p = &h.state().state.profile;
    assert_eq!(p.name, "대성주물");
    assert_eq!(p.employees, Some(8));
    assert_eq!(p.revenue_krw, Some(2_400_000_000));
    assert_eq!(p.ksic.as_deref(), Some("C24"));
    assert_eq!(h.state().state.screen, Screen::Results);

    // The live size class on the results screen.
    // In the law's words: a 소상공인 is also a 소기업 and an SME.
    h.get_by_label("소상공인 (소기업·중소기업)");
    // The joint pathway line spells the hand-overs out: 중기부 → 산업부 → 중기부.
    let chain = h
        .get_all_by_label_contains("→")
        .map(|n| text_of(&n))
        .find(|l| l.contains("(산업부)") && l.contains("(중기부)"))
        .expect("a joint pathway line");
    let ministries: Vec<&str> = chain
        .split("→")
        .map(|part| {
            if part.contains("(중기부)") {
                "MSS"
            } else if part.contains("(산업부)") {
                "MOTIE"
            } else {
                "?"
            }
        })
        .collect();
    assert_eq!(ministries, ["MSS", "MOTIE", "MSS"], "chain: {chain}");
    assert!(chain.contains("소공인 스마트제조"), "{chain}");
    assert!(chain.contains("뿌리기업 공정 자동화"), "{chain}");
    // The card of step one, besides the joint pathway line.
    assert!(
        h.get_all_by_label_contains("① 소공인 스마트제조 지원")
            .count()
            >= 2
    );
    h.get_by_label("① 소공인 스마트제조 지원사업 (구 스마트공방)");
}

#[test]
fn switching_to_english_shows_english_labels_everywhere() {
    let mut h = harness(app());
    h.run();
    click(&mut h, "English");
    for label in [
        "Start",
        "Firm profile",
        "Pathway",
        "Programmes",
        "New profile",
        "Open profile…",
        "File ▼",
        "한국어",
    ] {
        assert!(h.query_all_by_label(label).next().is_some(), "no '{label}'");
    }
    click(&mut h, "File ▼");
    h.get_by_label("Export plan…");
    h.key_press(eframe::egui::Key::Escape);
    h.run();
    click(&mut h, "New profile");
    h.get_by_label("Firm name");
    h.get_by_label("Regular employees — Don't know");
    click(&mut h, "Programmes");
    h.get_by_label_contains("shown");
}

#[test]
fn the_exported_plan_equals_the_command_lines_plan_for_the_same_profile_and_month() {
    let mut h = harness(app());
    h.run();
    answer_root_micro_manufacturer(&mut h);
    let dir = tempfile::tempdir().expect("temp dir");
    let profile_path = dir.path().join("firm.json");
    let plan_path = dir.path().join("plan.json");
    assert!(h.state_mut().save_profile_path(&profile_path));
    assert!(h.state_mut().export_plan_path(&plan_path));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gachi"))
        .args(["plan", "--profile"])
        .arg(&profile_path)
        .args(["--as-of", "2026-12"])
        .output()
        .expect("run gachi");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let from_cli: serde_json::Value = serde_json::from_slice(&out.stdout).expect("cli json");
    let from_app: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&plan_path).expect("plan file")).expect("app json");
    assert_eq!(from_app, from_cli);
    assert_eq!(from_app["format"], "gachi-plan/1");
}

#[test]
fn opening_a_broken_profile_shows_the_error_and_keeps_the_previous_profile() {
    let mut h = harness(app());
    h.run();
    answer_root_micro_manufacturer(&mut h);
    let before = h.state().state.profile.clone();
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("broken.json");
    std::fs::write(
        &bad,
        r#"{"format":"gachi-profile/1","name":"x","region":"gyungnam"}"#,
    )
    .expect("write");
    assert!(!h.state_mut().open_profile_path(&bad));
    h.run();
    assert_eq!(h.state().state.profile, before);
    h.get_by_label("열 수 없습니다");
    let msg = text_of(&h.get_by_label_contains("gyungnam"));
    assert!(
        msg.contains("broken.json") && msg.contains("region"),
        "{msg}"
    );
    click(&mut h, "닫기");
    assert!(h.query_by_label("열 수 없습니다").is_none());
}

#[test]
fn the_plan_is_rebuilt_only_when_the_profile_changes() {
    let mut a = app();
    a.state.profile.name = "한빛".into();
    a.state.screen = Screen::Results;
    let mut h = harness(a);
    h.run();
    for _ in 0..10 {
        h.step();
    }
    assert_eq!(h.state().rt.recomputes, 1);
    h.state_mut().state.profile.employees = Some(12);
    h.run();
    h.step();
    assert_eq!(h.state().rt.recomputes, 2);
}

/// eframe's storage kept in memory: the same RON encoding as the app's file.
#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_string(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn answers_given_so_far_survive_a_restart() {
    let mut h = harness(app());
    h.run();
    click(&mut h, "새 프로필");
    let name = h.get_by_label("회사 이름");
    name.focus();
    name.type_text("세움전자");
    h.run();
    click(&mut h, "상시근로자 수 — 모름");
    type_number(&mut h, "상시근로자 수", 0, "30");
    click(&mut h, "다음 →");
    // Written to and read back from a storage, through eframe's own (RON) encoding.
    let mut storage = MemoryStorage::default();
    eframe::set_value(&mut storage, "gachi-state", &h.state().state);
    let saved: gachi::view::AppState =
        eframe::get_value(&storage, "gachi-state").expect("the stored state reads back");
    // A new process restores from what was written.
    let restored = app().restore(saved);
    assert_eq!(restored.state.profile.name, "세움전자");
    assert_eq!(restored.state.profile.employees, Some(30));
    assert_eq!(restored.state.page, 1);
    assert_eq!(restored.state.screen, Screen::Questions);
    // Not saved as a client anywhere: it is still marked unsaved after the restart.
    assert!(restored.state.is_dirty());
}

#[test]
fn the_what_if_panel_moves_the_pathway_and_lists_what_is_gained_and_lost() {
    let mut a = app();
    a.state.profile = gachi::profile::parse_profile(
        r#"{"format":"gachi-profile/1","name":"대성주물","founded":"2009-03","employees":8,"revenue_krw":2400000000,"region":"gyeongnam","ksic":"C24","root_technologies":["casting"],"certifications":[],"smart_factory_level":"none","exporting":false,"goals":["automation","digital","finance"]}"#
            .as_bytes(),
        month("2026-12"),
    )
    .expect("profile");
    a.state.screen = Screen::Results;
    let saved = a.state.profile.clone();
    let mut h = harness(a);
    h.run();
    click(&mut h, "가정해 보기");
    assert!(h.state().rt.whatif.is_some());
    // Twelve employees: no longer a 소공인, so the micro-manufacturer programme is lost.
    type_number(&mut h, "상시근로자 수", 0, "12");
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(
        h.state()
            .rt
            .whatif
            .as_ref()
            .and_then(|w| w.profile.employees),
        Some(12)
    );
    assert_eq!(
        h.state().state.profile,
        saved,
        "the saved profile is untouched"
    );
    let lost = text_of(&h.get_by_label_contains("더 이상 안 되는 사업"));
    assert!(!lost.contains("(0)"), "{lost}");
    h.get_by_label("− 소공인 스마트제조 지원사업 (구 스마트공방)");
    assert!(
        h.state_mut()
            .plan()
            .step("mss-micro-smart-manufacturing")
            .is_none()
    );
    // Exporting: the global small-giant designation becomes possible.
    // Far down the panel's scroll area: act through accessibility, as a screen reader would.
    h.get_by_label("가정해 보기 — 수출").click_accesskit();
    h.run();
    click(&mut h, "프로필에 적용");
    assert!(h.state().rt.whatif.is_none());
    assert_eq!(h.state().state.profile.employees, Some(12));
    assert!(
        h.state()
            .state
            .profile
            .goals
            .contains(&gachi::codes::Goal::Export)
    );
}

#[test]
fn a_refused_programme_says_what_would_unlock_it() {
    let mut a = app();
    a.state.profile = gachi::profile::parse_profile(
        r#"{"format":"gachi-profile/1","name":"대성주물","founded":"2009-03","employees":8,"revenue_krw":2400000000,"region":"gyeongnam","ksic":"C24","exporting":false}"#
            .as_bytes(),
        month("2026-12"),
    )
    .expect("profile");
    a.state.screen = Screen::Results;
    a.rt.selected = Some("mss-global-small-giant-1000".into());
    let mut h = harness(a);
    h.run();
    h.get_by_label("이렇게 되면 받을 수 있습니다");
    h.get_by_label("• 수출을 시작하면");
}

#[test]
fn the_client_list_creates_searches_duplicates_renames_and_deletes_to_the_trash() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut a = app();
    a.state.workspace = Some(dir.path().to_path_buf());
    let mut h = harness(a);
    h.run();
    click(&mut h, "고객");
    click(&mut h, "새 고객");
    // A new client opens on the questionnaire; name it there and save it back.
    assert_eq!(h.state().state.screen, Screen::Questions);
    h.get_by_label("회사 이름")
        .set_text_value_accesskit("대성주물");
    h.run();
    assert_eq!(h.state().state.profile.name, "대성주물");
    assert!(h.state_mut().save_client());
    let first = h.state().state.doc.client.clone().expect("client file");
    // The file took the firm's name (not the placeholder's).
    assert_eq!(
        first.file_name().and_then(|n| n.to_str()),
        Some("대성주물.json")
    );
    click(&mut h, "고객");
    h.get_by_label("▶ 대성주물");
    click(&mut h, "복제 — 대성주물");
    h.get_by_label("대성주물 (사본)");
    let files = common::files_in;
    assert_eq!(files(dir.path()), 2);
    // Search narrows the list.
    let search = h.get_by_label("검색");
    search.focus();
    search.type_text("사본");
    h.run();
    assert!(h.query_by_label("복제 — 대성주물").is_none());
    h.get_by_label("복제 — 대성주물 (사본)");
    // Rename the copy.
    click(&mut h, "이름 바꾸기 — 대성주물 (사본)");
    let field = h.get_by_label("이름 바꾸기");
    field.focus();
    field.type_text(" 2호");
    h.run();
    click(&mut h, "확인");
    h.get_by_label("검색").set_text_value_accesskit("");
    h.run();
    h.get_by_label("대성주물 (사본) 2호");
    // Delete the original: asked first, then it moves to the trash folder.
    click(&mut h, "삭제 — 대성주물");
    assert!(first.exists(), "nothing is deleted before the answer");
    click(&mut h, "삭제");
    assert!(!first.exists());
    assert_eq!(
        files(&dir.path().join("trash")),
        3,
        "the placeholder's first version, the renamed file's old copy and the deleted one"
    );
    assert_eq!(files(dir.path()), 1);
    h.get_by_label("휴지통 폴더로 옮겼습니다");
}

#[test]
fn importing_a_bizinfo_file_shows_the_counts_and_marks_feed_programmes() {
    let mut h = harness(app());
    h.run();
    let before = h.state().rt.catalogue.programmes.len();
    let file =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bizinfo/clean.json");
    assert!(h.state_mut().import_bizinfo_path(&file));
    h.run();
    h.get_by_label("기업마당 공고를 카탈로그에 합쳤습니다");
    let counts = text_of(&h.get_by_label_contains("새 공고"));
    assert!(
        // The 2027 edition has 예비창업패키지, so its notice attaches to that entry.
        counts.contains("새 공고 4")
            && counts.contains("기존 사업에 연결 2")
            && counts.contains("건너뜀 0"),
        "{counts}"
    );
    assert_eq!(h.state().rt.catalogue.programmes.len(), before + 4);
    click(&mut h, "사업 목록");
    choose(&mut h, "태그", 0, "bizinfo");
    assert_eq!(h.get_all_by_label_contains("[기업마당 공고]").count(), 4);
    // A file that is not a feed changes nothing.
    let bad = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bizinfo/not_json.json");
    let n = h.state().rt.catalogue.programmes.len();
    assert!(!h.state_mut().import_bizinfo_path(&bad));
    assert_eq!(h.state().rt.catalogue.programmes.len(), n);
}

#[test]
fn opening_the_what_if_panel_changes_nothing_by_itself() {
    let mut a = app();
    a.state.profile.name = "모름 기업".into();
    a.state.screen = Screen::Results;
    let mut h = harness(a);
    h.run();
    let before = h.state_mut().plan().clone();
    click(&mut h, "가정해 보기");
    assert_eq!(
        h.state().rt.whatif.as_ref().map(|w| &w.profile),
        Some(&h.state().state.profile)
    );
    assert_eq!(h.state_mut().plan().steps, before.steps);
    h.get_by_label("새로 가능한 사업 (0)");
    h.get_by_label("더 이상 안 되는 사업 (0)");
}

#[test]
fn the_results_screen_saves_a_report_and_a_calendar_and_compares_plans() {
    let mut h = harness(app());
    h.run();
    answer_root_micro_manufacturer(&mut h);
    let dir = tempfile::tempdir().expect("temp dir");
    let before = dir.path().join("before.plan.json");
    assert!(h.state_mut().export_plan_path(&before));
    let report = dir.path().join("firm.report.html");
    let ics = dir.path().join("firm.ics");
    assert!(h.state_mut().export_report_path(&report));
    assert!(h.state_mut().export_ics_path(&ics));
    let html = std::fs::read_to_string(&report).expect("report");
    assert!(html.contains("대성주물") && html.contains("<svg"));
    let cal = std::fs::read_to_string(&ics).expect("ics");
    assert!(cal.starts_with("BEGIN:VCALENDAR"));
    // Hire four more people: no longer a 소공인; the comparison says what moved.
    h.state_mut().state.profile.employees = Some(12);
    h.run();
    assert!(h.state_mut().compare_with_plan_path(&before));
    h.run();
    h.get_by_label_contains("계획 비교");
    let text = h
        .state()
        .rt
        .comparison
        .as_ref()
        .map(|c| c.text.clone())
        .unwrap_or_default();
    assert!(text.contains("소공인 스마트제조 지원"), "{text}");
    // Side by side: the saved plan still lists the micro-manufacturer programme.
    h.get_by_label_contains("저장된 계획 (2026-12)");
    h.get_by_label_contains("지금 계획 (2026-12)");
    h.get_by_label_contains("① 소공인 스마트제조 지원사업 (구 스마트공방) · ");
}
