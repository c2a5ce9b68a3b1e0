//! The bizinfo importer (src/bizinfo, docs/feeds.md) on fixture files written in
//! the API's format (tests/fixtures/bizinfo): field mapping, HTML summaries, date
//! styles, broken items, duplicates, the merge with curated programmes, a 500-item
//! file, the round trip through the catalogue format, the command, and plans.

mod common;

use common::import::{AS_OF, base, base_path, call, manual_en, prog, regions, ym};
use gachi::bizinfo::{
    self, ImportReport, Merged, Period, SkipReason, catalogue_json, import, parse_feed, read_feed,
};
use gachi::catalogue::{
    CallPeriod, Catalogue, Confidence, Programme, SupportKind, WindowStatus, parse_catalogue,
};
use gachi::cli::Outcome;
use gachi::cli::run_import as run_import_cli;
use gachi::codes::{Goal, Region};
use gachi::matcher::{Eligibility, build_plan};
use gachi::profile::parse_profile;
use gachi::text::Lang;
use std::path::PathBuf;

/// This file's fixtures: tests/fixtures/bizinfo.
fn fixture_path(name: &str) -> PathBuf {
    common::import::fixture_path("bizinfo", name)
}

fn fixture(name: &str) -> Vec<u8> {
    common::import::fixture("bizinfo", name)
}

fn run(name: &str) -> (Catalogue, ImportReport) {
    import(&base(), &fixture(name), ym(AS_OF)).expect("a bizinfo answer")
}

/// The same import into the built-in catalogue, for tests of how plans rank feed
/// notices against current curated programmes (the 2026.1 fixture has no dated calls).
fn run_on_builtin(name: &str) -> (Catalogue, ImportReport) {
    let cat = gachi::catalogue::builtin().expect("built-in catalogue");
    import(&cat, &fixture(name), ym(AS_OF)).expect("a bizinfo answer")
}

/// Written with serde, read back with the catalogue reader, written again: the
/// same text, so nothing is lost on the way through the file format.
fn assert_round_trips(cat: &Catalogue) {
    let json = catalogue_json(cat).expect("serialises");
    let back = parse_catalogue(json.as_bytes())
        .unwrap_or_else(|p| panic!("the merged catalogue reads back: {p:?}"));
    assert_eq!(back.programmes.len(), cat.programmes.len());
    assert_eq!(catalogue_json(&back).expect("serialises"), json);
}

#[test]
fn clean_items_map_every_field() {
    let (cat, report) = run("clean.json");
    assert_eq!(report.items, 6);
    assert_eq!(report.imported.len(), 5, "{:?}", report.lines());
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    // 신용보증기금's notice names the curated 신용보증 (KODIT): attached, not added.
    assert_eq!(
        report.merged,
        vec![Merged {
            notice_id: "PBLN_000000000130002".into(),
            programme_id: "fsc-kodit-guarantee".into(),
            dated: false,
        }]
    );
    assert_eq!(cat.programmes.len(), base().programmes.len() + 5);
    assert_eq!(cat.id, "gachi-kr+bizinfo");
    assert_eq!(cat.version, "2026.1+bizinfo-2026-12");
    assert_eq!(cat.as_of, ym(AS_OF));
    assert!(cat.notice.ko.contains("기업마당 공고 6건"));

    let rnd = prog(&cat, "bizinfo-pbln_000000000130001");
    assert_eq!(
        rnd.name.ko,
        "2026년 중소기업 스마트 물류 고도화 기술개발 참여기업 모집"
    );
    assert_eq!(
        rnd.name.en, rnd.name.ko,
        "en is the Korean title, untranslated"
    );
    assert_eq!(rnd.ministry, "MSS");
    assert_eq!(rnd.agency, "중소기업기술정보진흥원");
    assert_eq!(rnd.category, Goal::Rnd);
    assert_eq!(rnd.purpose, rnd.id);
    assert_eq!(regions(rnd), None, "all 17 regions named: nationwide");
    assert_eq!(rnd.tags, vec!["bizinfo", "기술", "2026", "중소벤처기업부"]);
    assert_eq!(
        manual_en(rnd),
        vec!["Target as stated in the notice: 중소기업"]
    );
    assert_eq!(rnd.summary.ko, "물류 자동화 기술개발을 지원합니다.");
    assert_eq!(rnd.windows.status, WindowStatus::Confirmed);
    assert_eq!(rnd.windows.months, vec![11, 12]);
    assert_eq!(rnd.windows.year, Some(2026));
    assert_eq!(rnd.windows.current, call("2026-11", "2026-12"));
    assert_eq!(rnd.support.kind, SupportKind::Grant);
    assert_eq!(rnd.support.max_krw, None);
    let note = rnd.support.note.as_ref().expect("support note");
    assert!(note.en.contains("Apply at: https://www.smtech.go.kr"));
    let url = "https://www.bizinfo.go.kr/web/lay1/bbs/S1T122C128/AS/74/view.do?pblancId=PBLN_000000000130001";
    assert_eq!(rnd.provenance.url, url);
    assert_eq!(rnd.provenance.date, "2026-11-02");
    assert_eq!(rnd.provenance.confidence, Confidence::Confirmed);
    assert_eq!(rnd.provenance.research_ref, None);
    let feed = rnd.feed.as_ref().expect("feed notice");
    assert_eq!(feed.source, "bizinfo");
    assert_eq!(feed.notice_id, "PBLN_000000000130001");
    assert_eq!(feed.period_text, "2026-11-24 ~ 2026-12-15");
    assert_eq!(feed.url.as_deref(), Some(url));

    let kodit = prog(&cat, "fsc-kodit-guarantee");
    let before = prog(&base(), "fsc-kodit-guarantee").clone();
    assert_eq!(
        kodit.feed.as_ref().map(|f| f.period_text.as_str()),
        Some("상시")
    );
    assert_eq!(
        kodit.windows, before.windows,
        "an undated notice leaves the windows"
    );
    assert_eq!(kodit.criteria, before.criteria);

    let local = prog(&cat, "bizinfo-pbln_000000000130003");
    assert_eq!(local.ministry, "LOCAL");
    assert_eq!(local.category, Goal::Growth);
    assert_eq!(regions(local), Some(vec![Region::Gyeongbuk]));
    assert_eq!(local.tags, vec!["bizinfo", "경영", "컨설팅"]);
    assert_eq!(local.windows.current, call("2026-12", "2026-12"));

    let export = prog(&cat, "bizinfo-pbln_000000000130004");
    assert_eq!(export.ministry, "MOTIE");
    assert_eq!(export.agency, "대한무역투자진흥공사");
    assert_eq!(export.category, Goal::Export);
    assert!(export.has_tag("export") && export.has_tag("kotra"));
    assert_eq!(regions(export), Some(vec![Region::Seoul, Region::Gyeonggi]));

    let startup = prog(&cat, "bizinfo-pbln_000000000130005");
    assert_eq!(startup.category, Goal::Growth);
    assert!(startup.has_tag("startup"));
    assert_eq!(startup.windows.status, WindowStatus::Tba);
    assert_eq!(startup.windows.current, None);
    assert_eq!(startup.provenance.confidence, Confidence::Uncertain);

    let pps = prog(&cat, "bizinfo-pbln_000000000130006");
    assert_eq!(pps.ministry, "PPS");
    assert_eq!(
        pps.agency, "조달청",
        "직접수행 is not an agency: 소관기관 instead"
    );
    assert_eq!(pps.category, Goal::Sales);
    assert_eq!(pps.windows.status, WindowStatus::Tba);
    assert_eq!(
        pps.feed.as_ref().map(|f| f.period_text.as_str()),
        Some("예산 소진시까지")
    );
    assert!(
        pps.windows
            .note
            .as_ref()
            .expect("window note")
            .ko
            .contains("예산 소진시까지"),
        "the period text is shown"
    );
    assert_round_trips(&cat);
}

#[test]
fn every_item_is_imported_merged_or_skipped_once() {
    for name in [
        "clean.json",
        "html.json",
        "dates.json",
        "missing.json",
        "duplicates.json",
        "merge.json",
        "large.json",
    ] {
        let (cat, r) = run(name);
        assert_eq!(
            r.imported.len() + r.merged.len() + r.skipped.len(),
            r.items,
            "{name}"
        );
        let feed_programmes = cat
            .programmes
            .iter()
            .filter(|p| bizinfo::is_feed_programme(p))
            .count();
        assert_eq!(feed_programmes, r.imported.len(), "{name}");
        for p in cat.programmes.iter().filter(|p| p.feed.is_some()) {
            assert!(
                !p.criteria.is_empty() || !bizinfo::is_feed_programme(p),
                "{}: a feed programme always has a criterion to verify",
                p.id
            );
        }
        assert_round_trips(&cat);
    }
}

#[test]
fn finance_notices_are_loans() {
    let notices = parse_feed(
        r#"{"jsonArray":[{"pblancId":"P1","pblancNm":"정책자금 융자 공고","pldirSportRealmLclasCodeNm":"금융","jrsdInsttNm":"서울특별시"}]}"#
            .as_bytes(),
    )
    .expect("feed");
    let p = bizinfo::feed_programme(&notices[0], ym(AS_OF));
    assert_eq!(p.category, Goal::Finance);
    assert_eq!(p.support.kind, SupportKind::Loan);
    assert_eq!(p.ministry, "LOCAL");
    assert_eq!(p.agency, "서울특별시");
}

#[test]
fn html_summaries_become_plain_text() {
    let (cat, report) = run("html.json");
    assert_eq!(report.imported.len(), 4);
    let summary = |n: u32| {
        prog(&cat, &format!("bizinfo-pbln_00000000013100{n}"))
            .summary
            .clone()
    };
    assert_eq!(
        summary(1).ko,
        "○ 지원대상 : 중소기업 & 소상공인 구분 지원한도 일반 최대 5,000만원 우대 최대 1억원 문의: 1357 (중소기업 통합콜센터)"
    );
    let s2 = summary(2).ko;
    assert!(s2.starts_with("본문만 남습니다"), "{s2}");
    for leak in [
        "SCRIPT-LEAK",
        "STYLE-LEAK",
        "COMMENT-LEAK",
        "alert",
        "color:red",
    ] {
        assert!(!s2.contains(leak), "{leak} leaked into {s2}");
    }
    assert_eq!(summary(3).ko, "사업 목적 & 내용 하나 둘", "escaped twice");
    let s4 = summary(4);
    assert!(
        s4.ko
            .starts_with("첫째 항목 둘째 항목 자세히 보기 줄바꿈과 탭이 섞인 문단 긴 문단 반복.")
    );
    assert!(
        s4.ko.ends_with('…') && s4.ko.chars().count() <= 601,
        "cut to one paragraph"
    );
    assert!(
        s4.en.contains(&s4.ko),
        "en carries the Korean text, labelled"
    );
    for p in cat
        .programmes
        .iter()
        .filter(|p| bizinfo::is_feed_programme(p))
    {
        let s = &p.summary.ko;
        for bad in [
            "<", ">", "&amp;", "&nbsp;", "&#", "\n", "\r", "\t", "\u{a0}", "  ",
        ] {
            assert!(!s.contains(bad), "{bad:?} in {}: {s}", p.id);
        }
    }
    assert_round_trips(&cat);
}

#[test]
fn every_date_style() {
    let (cat, report) = run("dates.json");
    assert_eq!(report.imported.len(), 19);
    let apr_may = call("2026-04", "2026-05");
    let may = call("2026-05", "2026-05");
    let expected: &[(&str, WindowStatus, Option<CallPeriod>, &[u8])] = &[
        ("dash", WindowStatus::Confirmed, apr_may, &[4, 5]),
        ("compact", WindowStatus::Confirmed, apr_may, &[4, 5]),
        ("dots", WindowStatus::Confirmed, apr_may, &[4, 5]),
        ("nospace", WindowStatus::Confirmed, apr_may, &[4, 5]),
        ("dots-spaced", WindowStatus::Confirmed, apr_may, &[4, 5]),
        ("korean", WindowStatus::Confirmed, apr_may, &[4, 5]),
        ("with-time", WindowStatus::Confirmed, apr_may, &[4, 5]),
        ("single", WindowStatus::Confirmed, may, &[5]),
        ("deadline-only", WindowStatus::Confirmed, may, &[5]),
        (
            "year-crossing",
            WindowStatus::Confirmed,
            call("2026-11", "2027-01"),
            &[1, 11, 12],
        ),
        ("rolling", WindowStatus::Rolling, None, &[]),
        ("rolling-text", WindowStatus::Rolling, None, &[]),
        ("tba", WindowStatus::Tba, None, &[]),
        ("tba-spaced", WindowStatus::Tba, None, &[]),
        ("budget", WindowStatus::Tba, None, &[]),
        ("varies", WindowStatus::Tba, None, &[]),
        ("empty", WindowStatus::Tba, None, &[]),
        ("reversed", WindowStatus::Tba, None, &[]),
        ("impossible", WindowStatus::Tba, None, &[]),
    ];
    let raw: serde_json::Value = serde_json::from_slice(&fixture("dates.json")).expect("json");
    for (i, (style, status, current, months)) in expected.iter().enumerate() {
        let p = prog(&cat, &format!("bizinfo-pbln_dates_{i:02}"));
        assert_eq!(p.name.ko, format!("신청기간 형식 {style}"));
        assert_eq!(p.windows.status, *status, "{style}");
        assert_eq!(p.windows.current, *current, "{style}");
        assert_eq!(p.windows.months, months.to_vec(), "{style}");
        assert_eq!(p.windows.year, current.map(|c| c.from.year), "{style}");
        let text = raw["jsonArray"][i]["reqstBeginEndDe"]
            .as_str()
            .expect("text");
        let feed = p.feed.as_ref().expect("feed");
        assert_eq!(feed.period_text, text.trim(), "{style}: kept as written");
        let confidence = if current.is_some() {
            Confidence::Confirmed
        } else {
            Confidence::Uncertain
        };
        assert_eq!(p.provenance.confidence, confidence, "{style}");
    }
    assert_eq!(
        bizinfo::parse_period("2026-04-24 ~ 2026-05-15"),
        Period::Dated {
            from: bizinfo::Date::new(2026, 4, 24).expect("date"),
            to: bizinfo::Date::new(2026, 5, 15).expect("date"),
        }
    );
    assert_round_trips(&cat);
}

#[test]
fn missing_fields_and_broken_items() {
    let (cat, report) = run("missing.json");
    assert_eq!(report.items, 13);
    assert_eq!(
        report.imported,
        vec![
            "bizinfo-pbln_000000000132010",
            "bizinfo-pbln_000000000132011",
            "bizinfo-pbln_000000000132012",
            "bizinfo-132013",
        ]
    );
    let reasons: Vec<(usize, SkipReason)> = report
        .skipped
        .iter()
        .map(|s| (s.index, s.reason.clone()))
        .collect();
    let not_object = |found: &str| SkipReason::NotAnObject {
        found: found.into(),
    };
    assert_eq!(
        reasons,
        vec![
            (0, not_object("text")),
            (1, not_object("a number")),
            (2, not_object("null")),
            (3, not_object("a list")),
            (4, SkipReason::MissingId),
            (5, SkipReason::MissingId),
            (6, SkipReason::BadId),
            (7, SkipReason::MissingTitle),
            (8, SkipReason::MissingTitle),
        ]
    );
    assert_eq!(
        report.skipped[7].to_string(),
        "jsonArray[7] (PBLN_000000000132008): missing pblancNm (the notice title)"
    );
    let bare = prog(&cat, "bizinfo-pbln_000000000132010");
    assert_eq!(bare.ministry, "OTHER");
    assert_eq!(bare.agency, "기관 미기재 (기업마당 공고)");
    assert_eq!(bare.windows.status, WindowStatus::Tba);
    assert_eq!(bare.provenance.url, "https://www.bizinfo.go.kr");
    assert_eq!(
        bare.provenance.date, AS_OF,
        "no creatPnttm: the import month"
    );
    assert_eq!(
        manual_en(bare),
        vec!["The notice gives no target group; check the notice."]
    );
    let bad_url = prog(&cat, "bizinfo-pbln_000000000132011");
    assert_eq!(bad_url.provenance.url, "https://www.bizinfo.go.kr");
    assert_eq!(bad_url.feed.as_ref().and_then(|f| f.url.clone()), None);
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.contains("pblancUrl \"javascript:alert(1)\" is not an http(s) address")),
        "{:?}",
        report.notes
    );
    assert!(report.notes.iter().any(|n| n.contains("rceptEngnHmpgUrl")));
    let relative = prog(&cat, "bizinfo-pbln_000000000132012");
    assert_eq!(
        relative.provenance.url,
        "https://www.bizinfo.go.kr/web/lay1/bbs/S1T122C128/AS/74/view.do?pblancId=PBLN_000000000132012"
    );
    assert_eq!(relative.agency, "울산광역시");
    assert_eq!(relative.ministry, "LOCAL");
    assert_eq!(regions(relative), Some(vec![Region::Ulsan]));
    let numeric = prog(&cat, "bizinfo-132013");
    assert_eq!(
        numeric.feed.as_ref().map(|f| f.notice_id.as_str()),
        Some("132013")
    );
    assert_round_trips(&cat);
}

#[test]
fn duplicate_notices_are_imported_once() {
    let (cat, report) = run("duplicates.json");
    assert_eq!(
        report.imported,
        vec![
            "bizinfo-pbln_000000000133001",
            "bizinfo-pbln_000000000133002",
            "bizinfo-pbln_000000000133003",
        ]
    );
    let dups: Vec<(usize, Option<&str>, &SkipReason)> = report
        .skipped
        .iter()
        .map(|s| (s.index, s.notice_id.as_deref(), &s.reason))
        .collect();
    assert_eq!(
        dups,
        vec![
            (
                2,
                Some("PBLN_000000000133001"),
                &SkipReason::Duplicate { first: 0 }
            ),
            (
                3,
                Some("pbln_000000000133002"),
                &SkipReason::Duplicate { first: 1 }
            ),
        ]
    );
    assert_eq!(
        prog(&cat, "bizinfo-pbln_000000000133001").name.ko,
        "중복 시험 공고 A",
        "the first of the duplicates is kept"
    );
    assert_eq!(
        parse_feed(&fixture("duplicates.json")).expect("feed").len(),
        3
    );
}

#[test]
fn a_notice_that_is_a_curated_call_merges() {
    let base = base();
    let (cat, report) = run("merge.json");
    let merged: Vec<(&str, &str)> = report
        .merged
        .iter()
        .map(|m| (m.notice_id.as_str(), m.programme_id.as_str()))
        .collect();
    assert_eq!(
        merged,
        vec![
            ("PBLN_000000000134001", "mss-overseas-certification"),
            ("PBLN_000000000134002", "mss-export-voucher"),
            // No name contained, but 7 of the 8 Hangul bigrams of 중소기업 혁신바우처.
            ("PBLN_000000000134003", "mss-innovation-voucher"),
        ]
    );
    // The second call of the same programme, the same name by another agency, and
    // KOTRA's voucher (not the name of any KOTRA programme) are added on their own.
    assert_eq!(
        report.imported,
        vec![
            "bizinfo-pbln_000000000134004",
            "bizinfo-pbln_000000000134005",
            "bizinfo-pbln_000000000134006",
        ]
    );
    assert!(report.skipped.is_empty());
    assert!(report.notes.iter().any(|n| n.contains(
        "PBLN_000000000134004 also matches mss-overseas-certification, which took PBLN_000000000134001"
    )));
    assert_eq!(cat.programmes.len(), base.programmes.len() + 3);
    assert!(
        cat.get("bizinfo-pbln_000000000134001").is_none(),
        "not added twice"
    );

    let before = prog(&base, "mss-overseas-certification");
    let after = prog(&cat, "mss-overseas-certification");
    assert_eq!(after.criteria, before.criteria, "curated rules kept");
    assert_eq!(after.links, before.links);
    assert_eq!(after.support, before.support);
    assert_eq!(after.provenance, before.provenance);
    assert_eq!(after.name, before.name);
    assert_eq!(after.windows.status, WindowStatus::Confirmed);
    assert_eq!(
        after.windows.months, before.windows.months,
        "other window data kept"
    );
    assert_eq!(after.windows.year, before.windows.year);
    assert_eq!(after.windows.note, before.windows.note);
    assert_eq!(after.windows.current, call("2027-02", "2027-03"));
    let feed = after.feed.as_ref().expect("feed attached");
    assert_eq!(feed.notice_id, "PBLN_000000000134001");
    assert_eq!(feed.period_text, "2027-02-15 ~ 2027-03-13");

    let voucher = prog(&cat, "mss-export-voucher");
    assert_eq!(voucher.criteria, prog(&base, "mss-export-voucher").criteria);
    assert_eq!(voucher.windows.status, WindowStatus::Confirmed, "was tba");
    assert_eq!(voucher.windows.current, call("2027-01", "2027-02"));
    assert!(voucher.windows.months.is_empty());

    let second = prog(&cat, "bizinfo-pbln_000000000134004");
    assert_eq!(second.windows.status, WindowStatus::Tba);
    assert_eq!(
        prog(&cat, "bizinfo-pbln_000000000134005").agency,
        "한국산업기술시험원"
    );
    assert_round_trips(&cat);
}

#[test]
fn merge_rule_ignores_spaces_and_brackets_but_needs_agency_and_name() {
    let base = base();
    let feed = |exc: &str, title: &str| {
        let json = serde_json::json!({"jsonArray": [{
            "pblancId": "PBLN_1", "pblancNm": title, "excInsttNm": exc,
            "jrsdInsttNm": "중소벤처기업부", "reqstBeginEndDe": "2027-02-01 ~ 2027-02-28"
        }]});
        parse_feed(json.to_string().as_bytes())
            .expect("feed")
            .remove(0)
    };
    let matched = |exc: &str, title: &str| {
        bizinfo::curated_match(&base, &feed(exc, title)).map(|i| base.programmes[i].id.clone())
    };
    let cert = Some("mss-overseas-certification".to_string());
    assert_eq!(
        matched("한국화학융합시험연구원", "해외규격인증획득지원사업 공고"),
        cert
    );
    assert_eq!(
        matched(
            " 한국 화학융합 시험연구원 (KTR) ",
            "해외 규격인증 획득 지원사업"
        ),
        cert
    );
    assert_eq!(
        matched("한국화학융합시험연구원", "해외인증 설명회"),
        None,
        "name"
    );
    assert_eq!(
        matched("한국산업기술시험원", "해외규격인증획득지원사업"),
        None,
        "agency"
    );
    // The part before " (" of "수출바우처 (중기부)"; the agency inside brackets.
    assert_eq!(
        matched("중소벤처기업진흥공단", "2027 수출바우처 모집"),
        Some("mss-export-voucher".to_string())
    );
    assert_eq!(
        matched("KOTRA", "2027 중견기업 글로벌 지원사업 모집"),
        Some("motie-midsize-global-voucher".to_string())
    );
}

#[test]
fn a_500_item_file() {
    let bytes = fixture("large.json");
    let feed = read_feed(&bytes).expect("feed");
    assert_eq!(feed.items, 500);
    assert_eq!(feed.notices.len(), 495);
    let (cat, report) = run("large.json");
    assert_eq!(report.items, 500);
    assert_eq!(report.imported.len(), 495);
    assert!(report.merged.is_empty());
    let reasons: Vec<(usize, SkipReason)> = report
        .skipped
        .iter()
        .map(|s| (s.index, s.reason.clone()))
        .collect();
    assert_eq!(
        reasons,
        vec![
            (100, SkipReason::Duplicate { first: 99 }),
            (200, SkipReason::Duplicate { first: 199 }),
            (300, SkipReason::Duplicate { first: 299 }),
            (400, SkipReason::MissingTitle),
            (
                499,
                SkipReason::NotAnObject {
                    found: "text".into()
                }
            ),
        ]
    );
    assert_eq!(cat.programmes.len(), base().programmes.len() + 495);
    let count = |f: &dyn Fn(&Programme) -> bool| {
        cat.programmes
            .iter()
            .filter(|p| bizinfo::is_feed_programme(p) && f(p))
            .count()
    };
    // Periods rotate over 9 styles: 4 ranges and a single date, 상시, 3 to-be-announced.
    assert_eq!(count(&|p| p.windows.current.is_some()), 275);
    assert_eq!(count(&|p| p.windows.status == WindowStatus::Rolling), 55);
    assert_eq!(count(&|p| p.windows.status == WindowStatus::Tba), 165);
    assert_eq!(count(&|p| p.category == Goal::Export), 62);
    assert_eq!(count(&|p| p.ministry == "LOCAL"), 141);
    assert_round_trips(&cat);
}

#[test]
fn documents_that_are_not_a_bizinfo_answer_are_errors() {
    let message = |name: &str| {
        let probs = import(&base(), &fixture(name), ym(AS_OF)).expect_err(name);
        probs
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    };
    // not_json.json is an HTML page: said so (tests/feeds.rs has a full one).
    assert!(message("not_json.json").starts_with("this is a web page (HTML)"));
    let mirror = message("no_jsonarray.json");
    assert!(
        mirror.starts_with("no \"jsonArray\" (bizinfo) and no \"data\" (K-Startup)")
            && mirror.contains("(the bizinfo mirror) is not read"),
        "{mirror}"
    );
    assert!(message("req_err.json").contains("인증키가 유효하지 않습니다"));
    assert!(
        message("array_not_list.json").starts_with(
            "field \"jsonArray\": expected a list of notices, or an object with an \"item\" list"
        ),
        "{}",
        message("array_not_list.json")
    );
    assert!(parse_feed(b"[]").is_err());
    assert!(parse_feed(b"\xff\xfe").is_err());
    assert!(
        parse_feed(b"not json at all").expect_err("refused")[0]
            .to_string()
            .starts_with("not valid JSON")
    );
    // A feed with no notice is an error, never an empty import (issue 15).
    assert!(message("empty.json").starts_with("no notice: \"jsonArray\" is empty"));
}

#[test]
fn importing_twice_replaces_instead_of_doubling() {
    let (first, _) = run("merge.json");
    let (second, report) = import(&first, &fixture("merge.json"), ym("2027-01")).expect("feed");
    assert_eq!(second.programmes.len(), first.programmes.len());
    assert_eq!(report.merged.len(), 3);
    assert_eq!(report.imported.len(), 3);
    assert!(report.notes.iter().any(|n| n.contains("replaces")));
    assert_eq!(second.id, "gachi-kr+bizinfo");
    assert_eq!(second.version, "2026.1+bizinfo-2027-01");
    assert_eq!(second.notice.ko.matches("[bizinfo]").count(), 1);
}

fn outcome_lines(o: &Outcome) -> String {
    match o {
        Ok(()) => "ok".into(),
        Err(e) if e.is_bad_input() => {
            format!("bad input: {}", e.lines(Lang::En).join(" | "))
        }
        Err(e) => format!("failed: {e}"),
    }
}

#[test]
fn run_import_cli_writes_a_catalogue_check_catalogue_accepts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("merged.json");
    let o = run_import_cli(&fixture_path("merge.json"), &out, Some(&base_path()));
    assert!(o.is_ok(), "{}", outcome_lines(&o));
    let cat = gachi::files::load_catalogue(&out).expect("the written catalogue loads");
    assert_eq!(cat.programmes.len(), base().programmes.len() + 3);
    assert_eq!(cat.id, "gachi-kr+bizinfo");
    assert!(gachi::cli::run_check_catalogue(&out).is_ok());

    // With --base: the file written above, merged again.
    let again = dir.path().join("again.json");
    let o = run_import_cli(&fixture_path("clean.json"), &again, Some(&out));
    assert!(o.is_ok(), "{}", outcome_lines(&o));
    let cat2 = gachi::files::load_catalogue(&again).expect("loads");
    assert_eq!(cat2.programmes.len(), cat.programmes.len() + 5);
    assert!(cat2.get("bizinfo-pbln_000000000134004").is_some());

    // Bad input names the file and writes nothing.
    let none = dir.path().join("none.json");
    let o = run_import_cli(&fixture_path("not_json.json"), &none, None);
    let text = outcome_lines(&o);
    assert!(matches!(&o, Err(e) if e.is_bad_input()), "{text}");
    assert!(
        text.contains("not_json.json: this is a web page (HTML)"),
        "{text}"
    );
    assert!(!none.exists());
    let o = run_import_cli(
        &fixture_path("clean.json"),
        &none,
        Some(&fixture_path("clean.json")),
    );
    let text = outcome_lines(&o);
    assert!(matches!(&o, Err(e) if e.is_bad_input()), "{text}");
    assert!(text.contains("clean.json: field \"format\""), "{text}");
    let o = run_import_cli(&dir.path().join("missing.json"), &none, None);
    assert!(outcome_lines(&o).contains("missing.json: cannot open the file"));
    assert!(!none.exists());
}

#[test]
fn gachi_import_bizinfo_writes_a_catalogue_check_catalogue_accepts() {
    use std::process::Command;
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("merged.json");
    let file = fixture_path("merge.json");
    let o = Command::new(env!("CARGO_BIN_EXE_gachi"))
        .env("LANG", "C.UTF-8")
        .arg("import-bizinfo")
        .arg(&file)
        .arg("--out")
        .arg(&out)
        .output()
        .expect("gachi runs");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        stdout.contains("3 attached to curated programmes"),
        "{stdout}"
    );
    let o = Command::new(env!("CARGO_BIN_EXE_gachi"))
        .arg("check-catalogue")
        .arg(&out)
        .output()
        .expect("gachi runs");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = Command::new(env!("CARGO_BIN_EXE_gachi"))
        .env("LANG", "C.UTF-8")
        .arg("import-bizinfo")
        .arg(fixture_path("not_json.json"))
        .arg("--out")
        .arg(dir.path().join("none.json"))
        .output()
        .expect("gachi runs");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("not_json.json: this is a web page (HTML)")
    );
}

fn profile(json: &str) -> gachi::FirmProfile {
    parse_profile(json.as_bytes(), ym(AS_OF)).expect("profile")
}

#[test]
fn a_plan_can_include_a_feed_programme_as_a_verify_step() {
    let (cat, _) = run_on_builtin("clean.json");
    let feed_id = "bizinfo-pbln_000000000130004";
    // An exporting firm in 경기 that already used the overseas-branch programme: of
    // the curated export programmes only the MSS voucher still fits, so the feed
    // notice (region passes, target to verify, export tag) takes the second place.
    let firm = profile(
        r#"{"format":"gachi-profile/1","name":"수출기업","exporting":true,"region":"gyeonggi",
            "goals":["export"],"received":["motie-overseas-branch"]}"#,
    );
    let plan = build_plan(&cat, &firm, ym(AS_OF), "test");
    let step = plan
        .steps
        .iter()
        .find(|s| s.programme_id == feed_id)
        .expect("the feed notice is a step");
    assert_eq!(step.eligibility, Eligibility::Verify);
    assert_eq!(step.category, Goal::Export);
    assert_eq!(step.start, ym("2026-12"), "its dated call");
    assert_eq!(step.window.code(), "confirmed");
    assert!(step.reasons.iter().any(|r| {
        r.en.ends_with("Target as stated in the notice: 수출 중소기업")
    }));

    // Without that history the curated MSS voucher (its 2025-12 call dated in the 2027
    // edition) is the first export step; the notice, to verify, comes after it if at all.
    let firm = profile(
        r#"{"format":"gachi-profile/1","name":"수출기업","founded":"2015-01","employees":30,"revenue_krw":5000000000,"ksic":"C29","exporting":true,"region":"gyeonggi","goals":["export"]}"#,
    );
    let plan = build_plan(&cat, &firm, ym(AS_OF), "test");
    let voucher = plan
        .step("mss-export-voucher")
        .expect("the voucher is a step");
    let feed_order = plan
        .steps
        .iter()
        .find(|s| s.programme_id == feed_id)
        .map(|s| (s.order, s.eligibility));
    let listed = plan
        .also_eligible
        .iter()
        .find(|a| a.programme_id == feed_id)
        .map(|a| a.eligibility);
    match (feed_order, listed) {
        (Some((order, e)), None) => {
            assert!(order > voucher.order);
            assert_eq!(e, Eligibility::Verify);
        }
        (None, Some(e)) => assert_eq!(e, Eligibility::Verify),
        other => panic!("the notice is a step or also eligible, once: {other:?}"),
    }

    // A firm in 부산 fails the notice's region.
    let firm = profile(
        r#"{"format":"gachi-profile/1","name":"수출기업","exporting":true,"region":"busan","goals":["export"]}"#,
    );
    let plan = build_plan(&cat, &firm, ym(AS_OF), "test");
    assert!(plan.not_eligible.iter().any(|n| n.programme_id == feed_id));
}

#[test]
fn a_merged_programme_is_planned_on_the_notice_dates() {
    let firm = profile(
        r#"{"format":"gachi-profile/1","name":"수출기업","founded":"2015-01","employees":30,"revenue_krw":5000000000,"ksic":"C29","exporting":true,"region":"gyeonggi","goals":["export"]}"#,
    );
    let step_of = |cat: &Catalogue| {
        build_plan(cat, &firm, ym(AS_OF), "test")
            .steps
            .into_iter()
            .find(|s| s.programme_id == "mss-export-voucher")
            .expect("the voucher is a step")
    };
    // The 2027 edition has the 2025-12-17 – 2026-01-09 call: forecast for the next
    // December; the notice's own dates then confirm the 2027 call.
    let before = step_of(&gachi::catalogue::builtin().expect("built-in catalogue"));
    assert_eq!(before.window.code(), "forecast");
    let (cat, _) = run_on_builtin("merge.json");
    let after = step_of(&cat);
    assert_eq!(after.window.code(), "confirmed");
    assert_eq!(after.start, ym("2027-01"));
    assert_eq!(after.eligibility, before.eligibility);
}
