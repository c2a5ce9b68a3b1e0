//! 새 소식 on the clients screen (issue 15, item 5): after notices are imported in a
//! session, each client the new notices concern is listed with what changed, and its
//! row carries a badge; before any import there is no such list.

mod common;

use common::{app, case_profile, click, harness, workspace_with};
use egui_kittest::kittest::Queryable;
use std::path::Path;

#[test]
fn after_an_import_the_clients_screen_lists_what_changed_for_each_client() {
    // 대성주물 (경남, 소상공인 C24) and 한결전자 (경기, 중기업 exporter).
    let (dir, paths) = workspace_with(&[
        case_profile("a-root-micro-casting"),
        case_profile("c-exporter-certification"),
    ]);
    let mut a = app();
    a.state.workspace = Some(dir.path().to_path_buf());
    // Planned in October 2026, while the notices of this answer are open.
    a.rt.as_of = common::month("2026-10");
    let mut h = harness(a);
    h.run();
    click(&mut h, "고객");
    assert!(
        h.query_all_by_label_contains("새 소식 (").next().is_none(),
        "nothing imported yet: no news"
    );

    // The real 5-notice answer of 2026-10: one nationwide notice for SMEs (혁신제품
    // 지정기간 연장), three for 경기 or 서울·인천·경기 firms, one for 부천 startups.
    let feed = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/feeds/bizinfo-live-5-notices-2026-10.json");
    assert!(h.state_mut().import_bizinfo_path(&feed));
    h.run();
    h.get_by_label("새 소식 (2)");
    // The 경남 firm: only the nationwide notice for SMEs; the 경기 firm (a 중기업):
    // that, the 서울·인천·경기 internship and the 부천 startup forum (to verify: a
    // target of 창업벤처 is not a size class), not the 경기 live-commerce call for
    // 소상공인.
    h.get_by_label("새 사업 1 · 곧 열림 1");
    h.get_by_label("새 사업 3 · 곧 열림 2 · 곧 마감 1");
    assert!(
        h.query_all_by_label_contains("● 새 소식").count() >= 2,
        "a badge on each row"
    );
    h.get_by_label("● 새 소식 2");
    // The notice is named under the client when unfolded.
    let details: Vec<_> = h.query_all_by_label("무엇이 바뀌었나").collect();
    assert_eq!(details.len(), 2);
    details[0].click();
    h.run();
    assert!(
        h.query_all_by_label_contains("혁신제품 지정기간 연장")
            .next()
            .is_some()
    );
    // 열기 opens that client.
    let open: Vec<_> = h.query_all_by_label("열기").collect();
    open[0].click();
    h.run();
    assert_eq!(h.state().state.doc.client.as_ref(), Some(&paths[0]));
}

#[test]
fn notices_that_closed_before_the_plan_month_are_no_news() {
    // Trial 2026-11: the October notices were listed as new on 2026-11-30.
    let (dir, _) = workspace_with(&[case_profile("c-exporter-certification")]);
    let mut a = app(); // planned in December 2026
    a.state.workspace = Some(dir.path().to_path_buf());
    let mut h = harness(a);
    h.run();
    let feed = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/feeds/bizinfo-live-5-notices-2026-10.json");
    assert!(h.state_mut().import_bizinfo_path(&feed));
    click(&mut h, "고객");
    h.get_by_label("새 소식 (0)");
    assert!(
        h.query_all_by_label_contains("● 새 소식").next().is_none(),
        "no badge"
    );
}

#[test]
fn without_a_file_dialog_a_typed_path_imports_the_notices() {
    // Trial 2026-11: on a Linux desktop with no file dialog the import was impossible.
    let mut h = harness(app());
    h.run();
    h.state_mut().no_dialog(gachi::view::Purpose::ImportBizinfo);
    h.run();
    let feed = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/feeds/bizinfo-live-5-notices-2026-10.json");
    let before = h.state().rt.catalogue.programmes.len();
    h.get_by_label("파일 경로")
        .set_text_value_accesskit(&feed.display().to_string());
    h.run();
    click(&mut h, "열기");
    h.get_by_label("기업마당 공고를 카탈로그에 합쳤습니다");
    assert_eq!(h.state().rt.catalogue.programmes.len(), before + 5);
}
