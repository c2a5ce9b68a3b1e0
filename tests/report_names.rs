//! The printable report is for a client, a bank or an agency: it names programmes,
//! never shows their ids, says the size sentence once, and keeps to one language.

mod common;

use common::{case_profile, month};
use gachi::matcher::build_plan;
use gachi::text::Lang;

fn report(case: &str, lang: Lang) -> (String, gachi::Catalogue) {
    let cat = gachi::catalogue::builtin().expect("built-in catalogue");
    let plan = build_plan(
        &cat,
        &case_profile(case),
        month("2026-12"),
        gachi::GENERATED_BY,
    );
    (gachi::export::report_html(&plan, lang), cat)
}

#[test]
fn the_report_names_every_programme_and_shows_no_id() {
    for case in [
        "a-root-micro-casting",
        "b-robot-firm",
        "g-received-micro-smart",
    ] {
        for lang in [Lang::Ko, Lang::En] {
            let (html, cat) = report(case, lang);
            let ids: Vec<&str> = cat
                .programmes
                .iter()
                .map(|p| p.id.as_str())
                .filter(|id| html.contains(id))
                .collect();
            assert!(
                ids.is_empty(),
                "{case} {lang:?}: ids in the report: {ids:?}"
            );
            // The lists outside the plan are there, by name.
            assert!(html.contains(match lang {
                Lang::Ko => "그 밖에 신청할 수 있는 사업",
                Lang::En => "Also eligible",
            }));
        }
    }
    let (html, cat) = report("a-root-micro-casting", Lang::Ko);
    let smart = cat.get("mss-smart-factory").expect("programme");
    assert!(html.contains(&smart.name.ko), "named in the lists");
}

#[test]
fn a_korean_report_has_no_english_placeholders() {
    for case in ["a-root-micro-casting", "f-all-unknown"] {
        let (html, _) = report(case, Lang::Ko);
        assert!(!html.contains("to verify"), "{case}");
    }
}

#[test]
fn the_size_sentence_is_said_once() {
    for case in [
        "h-midsize-candidate-after-reform",
        "a-root-micro-casting",
        "f-all-unknown",
    ] {
        let (html, _) = report(case, Lang::Ko);
        // The core's sentence ends "… (2025년 9월 개편 기준 확인 필요) (2025년 9월 개편 기준)".
        assert!(
            !html.contains("확인 필요) (2025년 9월 개편 기준)"),
            "{case}: the remark is repeated"
        );
    }
}

#[test]
fn programmes_only_an_imported_catalogue_knows_are_named_in_the_report() {
    // Trial 2026-11: after importing notices the report listed "(이름 없는 사업)".
    let base = gachi::catalogue::builtin().expect("built-in catalogue");
    let feed = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/feeds/bizinfo-live-5-notices-2026-10.json"),
    )
    .expect("fixture");
    let (cat, _) = gachi::bizinfo::import(&base, &feed, month("2026-12")).expect("imports");
    let plan = build_plan(
        &cat,
        &case_profile("c-exporter-certification"),
        month("2026-12"),
        gachi::GENERATED_BY,
    );
    let listed: Vec<&gachi::plan::AlsoEligible> = plan
        .also_eligible
        .iter()
        .filter(|a| a.programme_id.starts_with("bizinfo-"))
        .collect();
    assert!(
        !listed.is_empty(),
        "the 경기 notices are listed for the 경기 firm"
    );
    for lang in [Lang::Ko, Lang::En] {
        let html = gachi::export::report_html(&plan, lang);
        assert!(!html.contains("(이름 없는 사업)") && !html.contains("(unnamed programme)"));
        for a in &listed {
            let name = cat
                .get(&a.programme_id)
                .expect("in the catalogue")
                .name
                .ko
                .clone();
            assert!(html.contains(&gachi::export::escape_html(&name)), "{name}");
        }
    }
}
