//! "What changed for each client" (issue 15, item 5): `gachi::review` on a small
//! workspace of three firms and a catalogue edited between two reviews, and the
//! `gachi review` command in Korean, English and JSON.
//!
//! The old catalogue has three programmes (a factory grant for small manufacturers,
//! an R&D grant for software firms, a retail grant); the new one is a copy with: a
//! casting voucher for 경남 foundries added, a factory call opening on 2026-12-31
//! (30 days after 2026-12-01) and its maximum raised from 1억 to 1억 5,000만, an R&D
//! call closing on 2026-12-11 (10 days) and the R&D staff limit lowered from 299 to
//! 99. The plan month is 2026-12 throughout.

use gachi::YearMonth;
use gachi::catalogue::{CallDate, Catalogue, parse_catalogue};
use gachi::plan::{Eligibility, Outcome};
use gachi::profile::{FirmProfile, read_profile_value};
use gachi::review::{NewBecause, review};
use serde_json::{Value, json};
use std::path::Path;
use std::process::{Command, Output};

fn ym(s: &str) -> YearMonth {
    YearMonth::parse(s).expect("test month")
}

fn day(s: &str) -> CallDate {
    CallDate::parse(s).expect("test date")
}

const AS_OF: &str = "2026-12";

fn call(open: &str, close: &str, source: &str) -> Value {
    json!({ "round": null, "open": open, "close": close, "until_budget": false,
            "source": source, "source_date": "2026-11-20" })
}

fn programme(
    id: &str,
    ministry: &str,
    category: &str,
    criteria: Value,
    max_krw: u64,
    windows: Value,
) -> Value {
    json!({
        "id": id,
        "name": { "ko": format!("{id} 사업"), "en": format!("{id} programme") },
        "ministry": ministry,
        "agency": format!("{id} 기관"),
        "category": category,
        "purpose": id,
        "summary": { "ko": "요약", "en": "summary" },
        "criteria": criteria,
        "support": { "kind": "grant", "max_krw": max_krw, "self_share_pct": null },
        "windows": windows,
        "provenance": { "url": format!("https://example.org/{id}"), "date": "2026-11-20",
                        "confidence": "confirmed" }
    })
}

fn old_catalogue() -> Value {
    json!({
        "format": "gachi-catalogue/1",
        "id": "review-test",
        "version": "1",
        "as_of": "2026-11",
        "notice": { "ko": "시험용", "en": "for tests" },
        "programmes": [
            programme(
                "mss-factory", "MSS", "automation",
                json!([{ "kind": "ksic", "prefixes": ["C"] }, { "kind": "employees", "max": 49 }]),
                100_000_000,
                json!({ "status": "confirmed", "months": [3], "year": 2027,
                        "calls": [call("2027-03-02", "2027-03-31", "https://example.org/factory-2027")] }),
            ),
            programme(
                "motie-rnd", "MOTIE", "rnd",
                json!([{ "kind": "ksic", "prefixes": ["J"] }, { "kind": "employees", "max": 299 }]),
                300_000_000,
                json!({ "status": "forecast", "months": [4], "year": 2026,
                        "calls": [call("2026-04-01", "2026-04-30", "https://example.org/rnd-2026")] }),
            ),
            programme(
                "mss-retail", "MSS", "sales",
                json!([{ "kind": "ksic", "prefixes": ["G"] }]),
                20_000_000,
                json!({ "status": "rolling", "months": [], "year": null }),
            ),
        ]
    })
}

/// The old catalogue, edited as the module comment says.
fn new_catalogue() -> Value {
    let mut c = old_catalogue();
    c["version"] = json!("2");
    let ps = c["programmes"].as_array_mut().unwrap();
    // The factory grant: a call opening in 30 days, and a higher maximum.
    ps[0]["support"]["max_krw"] = json!(150_000_000);
    // (Calls are listed newest first: after the 2027-03 call.)
    ps[0]["windows"]["calls"].as_array_mut().unwrap().push(call(
        "2026-12-31",
        "2027-01-29",
        "https://example.org/factory-2026-12",
    ));
    // The R&D grant: a call closing in 10 days, and a lower staff limit.
    ps[1]["criteria"][1]["max"] = json!(99);
    ps[1]["windows"]["calls"].as_array_mut().unwrap().insert(
        0,
        call(
            "2026-11-20",
            "2026-12-11",
            "https://example.org/rnd-2026-11",
        ),
    );
    // A new programme that only the 경남 foundry fits.
    ps.push(programme(
        "mss-casting-voucher",
        "MSS",
        "automation",
        json!([{ "kind": "root_technology", "any_of": ["casting"] },
               { "kind": "region", "any_of": ["gyeongnam"] }]),
        30_000_000,
        json!({ "status": "rolling", "months": [], "year": null }),
    ));
    c
}

fn catalogue(v: &Value) -> Catalogue {
    parse_catalogue(&serde_json::to_vec(v).unwrap()).unwrap_or_else(|p| panic!("{p:?}"))
}

/// The three clients: a 경남 casting foundry, a 서울 software firm, a 제주 shop.
fn client_files() -> Vec<(&'static str, Value)> {
    vec![
        (
            "a-daesung.json",
            json!({ "format": "gachi-profile/1", "name": "대성주물", "founded": "2009-03",
                    "employees": 8, "revenue_krw": 2_400_000_000u64, "region": "gyeongnam",
                    "ksic": "C24", "root_technologies": ["casting"], "certifications": [],
                    "exporting": false, "goals": ["automation"] }),
        ),
        (
            "b-hanbit.json",
            json!({ "format": "gachi-profile/1", "name": "한빛소프트", "founded": "2018",
                    "employees": 40, "revenue_krw": 8_000_000_000u64, "region": "seoul",
                    "ksic": "J62", "root_technologies": [], "certifications": [],
                    "exporting": false, "goals": ["rnd"] }),
        ),
        (
            "c-jeju.json",
            json!({ "format": "gachi-profile/1", "name": "제주상회", "founded": "2015",
                    "employees": 3, "revenue_krw": 300_000_000u64, "region": "jeju",
                    "ksic": "G47", "root_technologies": [], "certifications": [],
                    "exporting": false, "goals": ["sales"] }),
        ),
    ]
}

fn clients() -> Vec<(String, FirmProfile)> {
    client_files()
        .into_iter()
        .map(|(f, v)| {
            let p = read_profile_value(&v, ym(AS_OF)).unwrap_or_else(|e| panic!("{f}: {e:?}"));
            (f.to_string(), p)
        })
        .collect()
}

fn ids<T>(items: &[T], id: impl Fn(&T) -> &str) -> Vec<String> {
    items.iter().map(|i| id(i).to_string()).collect()
}

#[test]
fn each_client_gets_exactly_what_changed_for_it() {
    let (old, new) = (catalogue(&old_catalogue()), catalogue(&new_catalogue()));
    let r = review(&clients(), &new, Some(&old), ym(AS_OF));
    assert_eq!(r.format, "gachi-review/1");
    assert_eq!(r.since.as_ref().map(|s| s.version.as_str()), Some("1"));
    assert_eq!(r.clients.len(), 3);
    let [a, b, c] = &r.clients[..] else {
        unreachable!()
    };

    // 대성주물: the voucher is new and eligible; the factory call opens in 30 days;
    // the factory grant's maximum went up.
    assert_eq!(
        (a.file.as_str(), a.name.as_str()),
        ("a-daesung.json", "대성주물")
    );
    assert_eq!(ids(&a.new, |n| &n.programme_id), ["mss-casting-voucher"]);
    let voucher = &a.new[0];
    assert_eq!(voucher.because, NewBecause::Added);
    assert_eq!(voucher.standing.eligibility, Eligibility::Eligible);
    assert!(voucher.standing.step.is_some(), "a step of the plan");
    assert!(voucher.standing.to_verify.is_empty());
    assert_eq!(voucher.call, None, "rolling: no dated call");
    assert_eq!(voucher.name.ko, "mss-casting-voucher 사업");

    assert_eq!(ids(&a.opening, |i| &i.programme_id), ["mss-factory"]);
    let open = &a.opening[0];
    assert_eq!(open.call.open, day("2026-12-31"));
    assert_eq!(open.call.close, Some(day("2027-01-29")));
    assert_eq!(open.days, Some(30));
    assert_eq!(open.call.source, "https://example.org/factory-2026-12");
    assert_eq!(open.standing.eligibility, Eligibility::Eligible);
    assert_eq!(open.standing.start, Some(ym("2026-12")));
    assert!(a.closing.is_empty(), "{:?}", a.closing);

    assert_eq!(ids(&a.changed, |i| &i.programme_id), ["mss-factory"]);
    let ch = &a.changed[0];
    let m = ch.max_krw.as_ref().expect("amount changed");
    assert_eq!((m.before, m.after), (Some(100_000_000), Some(150_000_000)));
    assert!(ch.rules_added.is_empty() && ch.rules_removed.is_empty());
    assert_eq!(ch.eligibility_before, Some(Eligibility::Eligible));

    // 한빛소프트: nothing new, the R&D call closes in 10 days, its staff rule changed.
    assert_eq!(b.name, "한빛소프트");
    assert!(b.new.is_empty(), "{:?}", b.new);
    assert!(b.opening.is_empty(), "{:?}", b.opening);
    assert_eq!(ids(&b.closing, |i| &i.programme_id), ["motie-rnd"]);
    let closing = &b.closing[0];
    assert_eq!(closing.call.open, day("2026-11-20"));
    assert_eq!(closing.call.close, Some(day("2026-12-11")));
    assert_eq!(closing.days, Some(10));
    assert_eq!(closing.standing.step, Some(1));
    assert_eq!(ids(&b.changed, |i| &i.programme_id), ["motie-rnd"]);
    let ch = &b.changed[0];
    assert_eq!(ch.max_krw, None, "the amount did not change");
    let rule = |rs: &[gachi::plan::Reason]| {
        rs.iter()
            .map(|r| (r.criterion.clone(), r.outcome))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        rule(&ch.rules_removed),
        [("employees".to_string(), Outcome::Pass)]
    );
    assert_eq!(
        rule(&ch.rules_added),
        [("employees".to_string(), Outcome::Pass)]
    );
    assert!(
        ch.rules_removed[0].ko.contains("299"),
        "{}",
        ch.rules_removed[0].ko
    );
    assert!(
        ch.rules_added[0].en.contains("99"),
        "{}",
        ch.rules_added[0].en
    );

    // 제주상회: its only programme is unchanged.
    assert_eq!(c.name, "제주상회");
    assert!(c.is_empty(), "{c:?}");
}

#[test]
fn a_client_becomes_eligible_when_a_rule_is_lifted() {
    // The old factory grant allowed at most 5 employees: 대성주물 (8) failed it.
    let mut old = old_catalogue();
    old["programmes"][0]["criteria"][1]["max"] = json!(5);
    let r = review(
        &clients(),
        &catalogue(&new_catalogue()),
        Some(&catalogue(&old)),
        ym(AS_OF),
    );
    let a = &r.clients[0];
    assert_eq!(
        ids(&a.new, |n| &n.programme_id),
        ["mss-factory", "mss-casting-voucher"]
    );
    assert_eq!(a.new[0].because, NewBecause::NowEligible);
    let was = a.new[0].was_failing.as_ref().expect("the failing rule");
    assert!(was.ko.contains('8') && was.ko.contains('5'), "{}", was.ko);
    // The staff rule changed for a step: listed with the amount.
    assert_eq!(
        a.changed[0].eligibility_before,
        Some(Eligibility::NotEligible)
    );
    assert_eq!(a.changed[0].rules_removed.len(), 1);
    assert_eq!(a.changed[0].rules_removed[0].outcome, Outcome::Fail);
}

/// A bizinfo answer of one notice: a 경남 call from 2026-12-05 to 2026-12-12.
const FEED: &str = r#"{"jsonArray": [{
    "pblancId": "PBLN_000000000900001",
    "pblancNm": "2026년 경남 주조기업 공정개선 지원사업 참여기업 모집",
    "pblancUrl": "https://www.bizinfo.go.kr/sii/siia/selectSIIA200Detail.do?pblancId=PBLN_000000000900001",
    "jrsdInsttNm": "경상남도",
    "excInsttNm": "경남테크노파크",
    "pldirSportRealmLclasCodeNm": "기술",
    "trgetNm": "경남 소재 주조 중소기업",
    "reqstBeginEndDe": "2026-12-05 ~ 2026-12-12",
    "hashtags": "기술,경남,주조",
    "bsnsSumryCn": "<p>주조 공정개선을 지원합니다.</p>",
    "creatPnttm": "2026-11-28 10:00:00"
}]}"#;

#[test]
fn without_an_old_catalogue_the_feed_programmes_are_new() {
    let base = catalogue(&new_catalogue());
    let (imported, _) = gachi::bizinfo::import(&base, FEED.as_bytes(), ym("2026-11"))
        .unwrap_or_else(|p| panic!("{p:?}"));
    let r = review(&clients(), &imported, None, ym(AS_OF));
    assert_eq!(r.since, None);
    let [a, b, c] = &r.clients[..] else {
        unreachable!()
    };
    let feed_id = "bizinfo-pbln_000000000900001";

    // 대성주물 is in 경남: the notice is to verify (its target is free text), not a
    // step (an R&D notice; the firm asked for automation). The call's days come back
    // from the notice's period as written.
    assert_eq!(ids(&a.new, |n| &n.programme_id), [feed_id]);
    let n = &a.new[0];
    assert_eq!(n.because, NewBecause::Feed);
    assert_eq!(n.standing.eligibility, Eligibility::Verify);
    assert_eq!(n.standing.step, None);
    assert_eq!(n.standing.to_verify.len(), 1);
    assert!(
        n.standing.to_verify[0]
            .ko
            .contains("경남 소재 주조 중소기업")
    );
    let notice = n.notice.as_ref().expect("the notice");
    assert_eq!(
        (notice.source.as_str(), notice.notice_id.as_str()),
        ("bizinfo", "PBLN_000000000900001")
    );
    let call = n.call.as_ref().expect("its call");
    assert_eq!(
        (call.open, call.close),
        (day("2026-12-05"), Some(day("2026-12-12")))
    );

    assert_eq!(
        ids(&a.opening, |i| &i.programme_id),
        [feed_id, "mss-factory"]
    );
    assert_eq!(a.opening[0].days, Some(4));
    assert_eq!(a.opening[1].days, Some(30));
    assert_eq!(ids(&a.closing, |i| &i.programme_id), [feed_id]);
    assert_eq!(a.closing[0].days, Some(11));
    assert!(a.changed.is_empty(), "nothing to compare with");

    // The others are not in 경남: the notice is not theirs.
    assert!(b.new.is_empty() && b.opening.is_empty() && b.changed.is_empty());
    assert_eq!(ids(&b.closing, |i| &i.programme_id), ["motie-rnd"]);
    assert!(c.is_empty(), "{c:?}");
}

#[test]
fn a_month_only_close_in_the_plan_month_counts_as_closing_without_days() {
    let mut cat = old_catalogue();
    cat["programmes"][2]["windows"] = json!({ "status": "confirmed", "months": [12], "year": 2026,
        "calls": [call("2026-11", "2026-12", "https://example.org/retail")] });
    let r = review(&clients(), &catalogue(&cat), None, ym(AS_OF));
    let c = &r.clients[2];
    assert_eq!(ids(&c.closing, |i| &i.programme_id), ["mss-retail"]);
    assert_eq!(c.closing[0].days, None);
    assert!(c.opening.is_empty() && c.new.is_empty());
}

// ---- the command line ----

fn gachi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gachi"))
        .args(args)
        .env("LANG", "C.UTF-8")
        .output()
        .expect("the gachi binary runs")
}

/// `gachi review` of the workspace against the new catalogue since the old one, in
/// the test month, with `extra` arguments after.
fn review_since(ws: &str, new: &str, old: &str, extra: &[&str]) -> Output {
    let mut args = vec![
        "review",
        "--workspace",
        ws,
        "--catalogue",
        new,
        "--since",
        old,
        "--as-of",
        AS_OF,
    ];
    args.extend_from_slice(extra);
    gachi(&args)
}

fn write_json(path: &Path, v: &Value) {
    std::fs::write(path, serde_json::to_vec_pretty(v).unwrap()).unwrap();
}

/// A workspace with the three clients and a broken file, and both catalogues beside
/// it; returns (folder, workspace, old, new).
fn workspace() -> (tempfile::TempDir, String, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("clients");
    std::fs::create_dir(&ws).unwrap();
    for (f, v) in client_files() {
        write_json(&ws.join(f), &v);
    }
    std::fs::write(
        ws.join("broken.json"),
        "{ \"format\": \"gachi-profile/1\", ",
    )
    .unwrap();
    // The trash folder is not a client.
    std::fs::create_dir(ws.join("trash")).unwrap();
    std::fs::write(ws.join("trash").join("old.json"), "not json").unwrap();
    let old = dir.path().join("old.json");
    let new = dir.path().join("new.json");
    write_json(&old, &old_catalogue());
    write_json(&new, &new_catalogue());
    let s = |p: &Path| p.display().to_string();
    (dir, s(&ws), s(&old), s(&new))
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn the_command_reviews_every_readable_client_names_the_broken_one_and_exits_2() {
    let (_dir, ws, old, new) = workspace();
    let run = |lang| review_since(&ws, &new, &old, &["--lang", lang]);

    let ko = run("ko");
    assert_eq!(ko.status.code(), Some(2), "{}", err(&ko));
    let text = out(&ko);
    for line in [
        "고객별 변경 사항 — 2026-12 기준, 카탈로그 review-test 2 (이전: review-test 1)",
        "■ 대성주물 (a-daesung.json)",
        "  새로 해당하는 사업 1건",
        "    - mss-casting-voucher 사업 (mss-casting-voucher) — 자격 충족 · 계획 2단계 (2026-12) · 새로 들어온 사업",
        "  60일 안에 접수 시작 1건",
        "    - mss-factory 사업 (mss-factory) — 2026-12-31 접수 시작 (30일 후) · 자격 충족 · 계획 1단계 (2026-12)",
        "      2026-12-31 접수 시작, 2027-01-29 마감",
        "  금액·요건이 바뀐 단계 1건",
        "      최대 지원 1억원 → 1억 5,000만원",
        "■ 한빛소프트 (b-hanbit.json)",
        "  14일 안에 마감 1건",
        "    - motie-rnd 사업 (motie-rnd) — 2026-12-11 마감 (10일 후) · 자격 충족 · 계획 1단계 (2026-12)",
        "■ 제주상회 (c-jeju.json)",
        "  바뀐 것 없음",
        "읽지 못해 건너뛴 고객 파일: broken.json (이유는 표준 오류에)",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "missing {line:?} in\n{text}"
        );
    }
    assert!(
        !text.contains("trash") && !text.contains("old.json"),
        "{text}"
    );
    let e = err(&ko);
    assert!(e.contains("broken.json"), "{e}");
    assert_eq!(
        e.lines().count(),
        e.lines().filter(|l| l.contains("broken.json")).count()
    );

    let en = run("en");
    assert_eq!(en.status.code(), Some(2));
    let text = out(&en);
    for line in [
        "What changed for each client — as of 2026-12, catalogue review-test 2 (since review-test 1)",
        "■ 대성주물 (a-daesung.json)",
        "  newly eligible or to verify: 1",
        "    - mss-casting-voucher programme (mss-casting-voucher) — eligible · step 2 of the plan (2026-12) · new in the catalogue",
        "  opening within 60 days: 1",
        "    - mss-factory programme (mss-factory) — opens 2026-12-31 (in 30 days) · eligible · step 1 of the plan (2026-12)",
        "  steps whose amount or rules changed: 1",
        "      maximum KRW 100,000,000 → KRW 150,000,000",
        "  closing within 14 days: 1",
        "    - motie-rnd programme (motie-rnd) — closes 2026-12-11 (in 10 days) · eligible · step 1 of the plan (2026-12)",
        "■ 제주상회 (c-jeju.json)",
        "  nothing changed",
        "client files skipped, unreadable: broken.json (reasons on standard error)",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "missing {line:?} in\n{text}"
        );
    }
    assert!(text.contains("      rule before: "), "{text}");
    assert!(text.contains("      rule now: "), "{text}");
}

#[test]
fn the_command_prints_the_review_as_json() {
    let (_dir, ws, old, new) = workspace();
    let o = review_since(&ws, &new, &old, &["--json"]);
    assert_eq!(o.status.code(), Some(2), "the broken file: {}", err(&o));
    let v: Value = serde_json::from_str(&out(&o)).expect("JSON on standard output");
    assert_eq!(v["format"], "gachi-review/1");
    assert_eq!(v["as_of"], "2026-12");
    assert_eq!(
        v["catalogue"],
        json!({ "id": "review-test", "version": "2" })
    );
    assert_eq!(v["since"], json!({ "id": "review-test", "version": "1" }));
    let files: Vec<&str> = v["clients"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["a-daesung.json", "b-hanbit.json", "c-jeju.json"]);
    let a = &v["clients"][0];
    assert_eq!(a["name"], "대성주물");
    assert_eq!(a["new"][0]["programme_id"], "mss-casting-voucher");
    assert_eq!(a["new"][0]["eligibility"], "eligible");
    assert_eq!(a["new"][0]["because"], "added");
    assert_eq!(a["new"][0]["step"], 2);
    assert_eq!(a["new"][0]["call"], Value::Null);
    assert_eq!(a["opening"][0]["programme_id"], "mss-factory");
    assert_eq!(a["opening"][0]["call"]["open"], "2026-12-31");
    assert_eq!(a["opening"][0]["call"]["close"], "2027-01-29");
    assert_eq!(a["opening"][0]["days"], 30);
    assert_eq!(a["closing"], json!([]));
    assert_eq!(
        a["changed"][0]["max_krw"],
        json!({ "before": 100_000_000, "after": 150_000_000 })
    );
    let b = &v["clients"][1];
    assert_eq!(b["closing"][0]["call"]["close"], "2026-12-11");
    assert_eq!(b["closing"][0]["days"], 10);
    assert_eq!(b["changed"][0]["rules_added"][0]["criterion"], "employees");
    assert!(b["changed"][0].get("max_krw").is_none());
    let c = &v["clients"][2];
    for list in ["new", "opening", "closing", "changed"] {
        assert_eq!(c[list], json!([]), "{list}");
    }
    assert_eq!(v["skipped"][0]["file"], "broken.json");
}

#[test]
fn a_workspace_without_broken_files_exits_0_and_a_missing_one_exits_2() {
    let (_dir, ws, old, new) = workspace();
    std::fs::remove_file(Path::new(&ws).join("broken.json")).unwrap();
    let o = review_since(&ws, &new, &old, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(err(&o).is_empty(), "{}", err(&o));

    let missing = format!("{ws}-nowhere");
    let o = gachi(&[
        "review",
        "--workspace",
        &missing,
        "--catalogue",
        &new,
        "--as-of",
        AS_OF,
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("cannot read the client folder"),
        "{}",
        err(&o)
    );
    assert!(out(&o).is_empty());
    assert!(
        !Path::new(&missing).exists(),
        "a review never creates the folder"
    );

    // A broken catalogue: nothing reviewed.
    let o = gachi(&[
        "review",
        "--workspace",
        &ws,
        "--catalogue",
        &ws,
        "--as-of",
        AS_OF,
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(out(&o).is_empty());
}

/// Issue 17: a programme the firm applied to or was selected for is under way, so a
/// call opening for it is no news; a planned or rejected one still is (the firm means
/// to apply, or to try again).
#[test]
fn a_call_for_a_programme_under_way_is_no_news() {
    let (old, new) = (catalogue(&old_catalogue()), catalogue(&new_catalogue()));
    let with = |status: &str| {
        let mut v = client_files()[0].1.clone();
        v["applications"] = json!([{ "programme_id": "mss-factory", "status": status,
                                     "month": "2026-11" }]);
        let p = read_profile_value(&v, ym(AS_OF)).expect("profile");
        review(&[("a.json".to_string(), p)], &new, Some(&old), ym(AS_OF))
    };
    for status in ["applied", "selected"] {
        let r = with(status);
        assert!(
            !r.clients[0]
                .opening
                .iter()
                .any(|i| i.programme_id == "mss-factory"),
            "{status}: {:?}",
            ids(&r.clients[0].opening, |i| &i.programme_id)
        );
    }
    for status in ["planned", "rejected"] {
        let r = with(status);
        assert_eq!(
            ids(&r.clients[0].opening, |i| &i.programme_id),
            ["mss-factory"],
            "{status}"
        );
    }
}
