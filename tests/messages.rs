//! Messages in the user's language (issue 12 item 7): every reader — profile,
//! catalogue, plan, bizinfo feed, files — reports each problem with Korean and
//! English text, and the command line picks the language once (`--lang`, else LANG).

use gachi::cli::{Langs, lang_from_env};
use gachi::files::{FileError, load_profile};
use gachi::json_read::Problem;
use gachi::month::YearMonth;
use gachi::text::Lang;
use std::path::Path;

/// A change that breaks a valid document.
type Edit = Box<dyn Fn(&mut serde_json::Value)>;

fn ym(s: &str) -> YearMonth {
    YearMonth::parse(s).expect("a valid month")
}

fn profile_problems(json: &str) -> Vec<Problem> {
    gachi::profile::parse_profile(json.as_bytes(), ym("2026-12")).expect_err("refused")
}

fn catalogue_problems(json: &str) -> Vec<Problem> {
    gachi::catalogue::parse_catalogue(json.as_bytes())
        .map(|_| ())
        .expect_err("refused")
}

fn both(p: &[Problem]) -> Vec<(String, String)> {
    p.iter()
        .map(|p| (p.in_lang(Lang::Ko), p.in_lang(Lang::En)))
        .collect()
}

/// Korean text is Korean: it holds Hangul and none of the English sentence words.
fn is_korean(s: &str) -> bool {
    s.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
        && !s.contains("expected")
        && !s.contains("field ")
        && !s.contains("is required")
}

#[test]
fn profile_problems_in_both_languages() {
    let p = profile_problems(
        r#"{"format": "gachi-profile/1", "name": "대성주물", "region": "gyungnam",
            "employees": "eight", "founded": "March 2009", "exporting": "yes",
            "goals": ["growth", "world_domination"], "ksic": "Z99",
            "smart_factory_level": "expert", "revenue_krw": -3}"#,
    );
    let texts = both(&p);
    assert!(texts.contains(&(
        "필드 \"employees\": 0 이상의 정수가 아니라 텍스트입니다".into(),
        "field \"employees\": expected a whole number ≥ 0, found text".into()
    )));
    assert!(texts.contains(&(
        "필드 \"founded\": \"March 2009\"는 올바른 날짜가 아닙니다; YYYY 또는 YYYY-MM 형식이어야 합니다".into(),
        "field \"founded\": bad date \"March 2009\"; expected YYYY or YYYY-MM".into()
    )));
    assert!(texts.contains(&(
        "필드 \"exporting\": 참/거짓이 아니라 텍스트입니다".into(),
        "field \"exporting\": expected true or false, found text".into()
    )));
    assert!(texts.contains(&(
        "필드 \"revenue_krw\": 음수일 수 없습니다 (입력값 -3)".into(),
        "field \"revenue_krw\": must not be negative, found -3".into()
    )));
    let region = texts
        .iter()
        .find(|(_, en)| en.starts_with("field \"region\""))
        .expect("the region problem");
    assert!(
        region
            .0
            .starts_with("필드 \"region\": 알 수 없는 지역 \"gyungnam\"; 가능한 값: seoul, busan"),
        "{}",
        region.0
    );
    assert!(
        texts.iter().any(
            |(ko, _)| ko.starts_with("필드 \"goals[1]\": 알 수 없는 목표 \"world_domination\"")
        )
    );
    assert!(texts.iter().any(|(ko, _)| {
        ko.starts_with("필드 \"ksic\": \"Z99\"는 한국표준산업분류(KSIC) 코드가 아닙니다")
    }));
    assert!(texts.iter().any(|(ko, _)| {
        ko.starts_with("필드 \"smart_factory_level\": 알 수 없는 스마트공장 수준 \"expert\"")
    }));
    for (ko, en) in &texts {
        assert!(is_korean(ko), "{ko}");
        assert!(
            en.is_ascii() || en.contains('≥') || en.contains("대성"),
            "{en}"
        );
    }

    let missing = both(&profile_problems(r#"{"format": "gachi-profile/1"}"#));
    assert_eq!(
        missing,
        [(
            "필드 \"name\": 필수 항목입니다 (텍스트)".to_string(),
            "field \"name\": is required (text)".to_string()
        )]
    );
    let future = both(&profile_problems(
        r#"{"format": "gachi-profile/1", "name": "a", "founded": "2099-07"}"#,
    ));
    assert_eq!(
        future[0].0,
        "필드 \"founded\": \"2099-07\"은 미래 날짜입니다 (현재 2026-12)"
    );
    let other = both(&profile_problems(
        r#"{"format": "gachi-catalogue/1", "name": "a"}"#,
    ));
    assert_eq!(
        other[0].0,
        "필드 \"format\": \"gachi-catalogue/1\"은 같이(Gachi) 프로필 파일이 아닙니다; \"gachi-profile/1\"이어야 합니다"
    );
}

#[test]
fn whole_file_problems_in_both_languages() {
    let cut = both(&profile_problems(r#"{"format": "gachi-profile/1", "#));
    assert!(cut[0].0.starts_with("JSON이 중간에 끝납니다"), "{:?}", cut);
    assert!(cut[0].1.contains("cut off"));
    let bad = profile_problems("\u{feff}{\"a\": 1,}");
    assert!(
        bad[0].in_lang(Lang::Ko).contains("올바른 JSON이 아닙니다"),
        "{bad:?}"
    );
    assert!(bad[0].in_lang(Lang::En).contains("not valid JSON"));
    let not_utf8 = gachi::profile::parse_profile(b"{\"name\": \"\xb4\xeb\"}", ym("2026-12"))
        .expect_err("refused");
    assert!(
        not_utf8[0]
            .in_lang(Lang::Ko)
            .contains("UTF-8 텍스트 파일이 아닙니다")
    );
}

/// A catalogue with one programme, changed by `edit` to break one rule.
fn catalogue(edit: impl Fn(&mut serde_json::Value)) -> String {
    let mut v = serde_json::json!({
        "format": "gachi-catalogue/1", "id": "t", "version": "1", "as_of": "2026-01",
        "notice": {"ko": "안내", "en": "notice"},
        "programmes": [{
            "id": "mss-alpha", "name": {"ko": "알파", "en": "Alpha"},
            "ministry": "MSS", "agency": "기관", "category": "finance",
            "summary": {"ko": "요약", "en": "summary"},
            "support": {"kind": "grant", "max_krw": 1000},
            "windows": {"status": "rolling"},
            "provenance": {"url": "https://example.org", "date": "2026", "confidence": "confirmed"},
            "links": []
        }]
    });
    edit(&mut v);
    v.to_string()
}

#[test]
fn catalogue_problems_in_both_languages() {
    let ok = catalogue(|_| {});
    assert!(gachi::catalogue::parse_catalogue(ok.as_bytes()).is_ok());

    let cases: Vec<(Edit, &str, &str)> = vec![
        (
            Box::new(|v| {
                v["programmes"][0]["links"] =
                    serde_json::json!([{"to": "mss-alpha", "kind": "follow_on", "source": "s"}])
            }),
            "필드 \"programmes[0].links[0].to\": \"mss-alpha\"가 자기 자신을 가리킵니다",
            "field \"programmes[0].links[0].to\": \"mss-alpha\" links to itself",
        ),
        (
            Box::new(|v| {
                v["programmes"][0]["links"] =
                    serde_json::json!([{"to": "motie-gamma", "kind": "follow_on", "source": "s"}])
            }),
            "필드 \"programmes[0].links[0].to\": 카탈로그에 없는 \"motie-gamma\"를 가리킵니다",
            "field \"programmes[0].links[0].to\": links to \"motie-gamma\", which is not in the catalogue",
        ),
        (
            Box::new(|v| v["programmes"][0]["provenance"]["url"] = "javascript:alert(1)".into()),
            "필드 \"programmes[0].provenance.url\": \"javascript:alert(1)\"는 http(s) 주소가 아닙니다; http:// 또는 https:// 링크만 쓸 수 있습니다",
            "field \"programmes[0].provenance.url\": \"javascript:alert(1)\" is not an http(s) address; only http:// and https:// links are allowed",
        ),
        (
            Box::new(|v| v["programmes"][0]["support"]["self_share_pct"] = 150.into()),
            "필드 \"programmes[0].support.self_share_pct\": 150은 0~100 사이의 비율이 아닙니다",
            "field \"programmes[0].support.self_share_pct\": 150 is not a percentage (0 to 100)",
        ),
        (
            Box::new(|v| v["as_of"] = "2026-13".into()),
            "필드 \"as_of\": \"2026-13\"은 YYYY-MM 형식의 월이 아닙니다",
            "field \"as_of\": bad month \"2026-13\"; expected YYYY-MM",
        ),
        (
            Box::new(|v| v["programmes"][0]["support"]["kind"] = "gift".into()),
            "필드 \"programmes[0].support.kind\": 알 수 없는 지원 유형 \"gift\"; 가능한 값: grant, loan, guarantee, voucher, consulting, designation, event",
            "field \"programmes[0].support.kind\": unknown support kind \"gift\"; expected one of grant, loan, guarantee, voucher, consulting, designation, event",
        ),
        (
            Box::new(|v| {
                v["programmes"][0]["criteria"] =
                    serde_json::json!([{"kind": "employees", "min": 50, "max": 9}])
            }),
            "필드 \"programmes[0].criteria[0]\": 불가능한 범위: min 50이 max 9보다 큽니다",
            "field \"programmes[0].criteria[0]\": impossible range: min 50 is above max 9",
        ),
        (
            Box::new(|v| {
                let p = v["programmes"][0].clone();
                v["programmes"].as_array_mut().expect("a list").push(p);
            }),
            "필드 \"programmes[1].id\": id \"mss-alpha\"가 중복됩니다 (programmes[0]에도 있음)",
            "field \"programmes[1].id\": duplicate id \"mss-alpha\" (also at programmes[0])",
        ),
    ];
    for (edit, ko, en) in cases {
        let probs = catalogue_problems(&catalogue(edit));
        let texts = both(&probs);
        assert!(
            texts.contains(&(ko.to_string(), en.to_string())),
            "{ko}\n{texts:#?}"
        );
    }
}

#[test]
fn plan_problems_in_both_languages() {
    let e = gachi::plan::parse_plan(b"[]")
        .map(|_| ())
        .expect_err("refused");
    assert_eq!(
        e[0].in_lang(Lang::Ko),
        "계획 파일(JSON 객체)이 아니라 목록입니다"
    );
    assert_eq!(
        e[0].in_lang(Lang::En),
        "expected a plan (a JSON object), found a list"
    );
    let e = gachi::plan::parse_plan(br#"{"format": "gachi-plan/2"}"#)
        .map(|_| ())
        .expect_err("refused");
    assert!(e[0].in_lang(Lang::Ko).contains("더 새로운 버전"), "{e:?}");
    let e = gachi::plan::parse_plan(br#"{"format": "gachi-plan/1", "steps": "none"}"#)
        .map(|_| ())
        .expect_err("refused");
    assert!(
        e[0].in_lang(Lang::Ko).starts_with("필드 \"")
            && e[0]
                .in_lang(Lang::Ko)
                .contains("계획 파일의 형식에 맞지 않습니다"),
        "{e:?}"
    );
}

#[test]
fn feed_problems_in_both_languages() {
    let e = gachi::bizinfo::parse_feed(b"[]").expect_err("refused");
    assert!(
        e[0].in_lang(Lang::Ko).starts_with("기업마당 API 응답"),
        "{e:?}"
    );
    assert!(
        e[0].in_lang(Lang::En)
            .starts_with("expected the bizinfo API answer")
    );
    let e = gachi::bizinfo::parse_feed(br#"{"jsonArray": "none"}"#).expect_err("refused");
    assert_eq!(
        e[0].in_lang(Lang::Ko),
        "필드 \"jsonArray\": 공고 목록이 아니라 텍스트입니다"
    );
    let e =
        gachi::bizinfo::parse_feed(r#"{"reqErr": "인증키 오류"}"#.as_bytes()).expect_err("refused");
    assert!(
        e[0].in_lang(Lang::Ko)
            .contains("오류를 돌려주었습니다: 인증키 오류")
    );
    let e = gachi::bizinfo::parse_feed(br#"{"other": 1}"#).expect_err("refused");
    assert!(
        e[0].in_lang(Lang::Ko)
            .contains("가치가 읽는 공고 파일이 아닙니다 (있는 필드: \"other\")"),
        "{e:?}"
    );
}

#[test]
fn file_errors_name_the_file_in_both_languages() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let missing = dir.path().join("nowhere.json");
    let e = load_profile(&missing, ym("2026-12")).expect_err("no file");
    let ko = e.lines_in(Lang::Ko);
    assert!(
        ko[0].ends_with("nowhere.json: 파일을 열 수 없습니다: 파일이 없습니다"),
        "{ko:?}"
    );
    assert!(e.lines()[0].contains("nowhere.json: cannot open the file"));
    assert_eq!(e.lines(), e.lines_in(Lang::En), "lines() stays English");
    assert_eq!(e.to_string(), e.text(Lang::En));

    let folder = load_profile(dir.path(), ym("2026-12")).expect_err("a folder");
    assert!(
        folder.text(Lang::Ko).contains("파일이 아니라 폴더입니다"),
        "{folder}"
    );

    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        r#"{"format": "gachi-profile/1", "name": "a", "region": "gyungnam"}"#,
    )
    .expect("write");
    let e = load_profile(&bad, ym("2026-12")).expect_err("refused");
    let line = &e.lines_in(Lang::Ko)[0];
    assert!(
        line.contains("bad.json: 필드 \"region\": 알 수 없는 지역 \"gyungnam\"; 가능한 값: "),
        "{line}"
    );

    // Control characters from the file stay escaped in Korean too.
    let e = FileError::whole(
        Path::new("x.json"),
        gachi::text::Text::new("줄\n바꿈", "line\nbreak"),
    );
    assert_eq!(e.lines_in(Lang::Ko), ["x.json: 줄\\u{a}바꿈"]);
}

#[test]
fn the_language_comes_from_the_flag_then_lang() {
    assert_eq!(lang_from_env(Some("ko_KR.UTF-8")), Lang::Ko);
    assert_eq!(lang_from_env(Some("ko_KR.eucKR")), Lang::Ko);
    assert_eq!(lang_from_env(Some("ko")), Lang::Ko);
    assert_eq!(lang_from_env(Some("en_US.UTF-8")), Lang::En);
    assert_eq!(lang_from_env(Some("C.UTF-8")), Lang::En);
    assert_eq!(
        lang_from_env(Some("kok_IN")),
        Lang::En,
        "Konkani is not Korean"
    );
    // No LANG (every Windows console): Korean, the owners' language.
    assert_eq!(lang_from_env(Some("")), Lang::Ko);
    assert_eq!(lang_from_env(None), Lang::Ko);

    let l = Langs::choose(None, Some("ko_KR.UTF-8"));
    assert_eq!((l.messages, l.output), (Lang::Ko, Lang::Ko));
    let l = Langs::choose(None, Some("en_US.UTF-8"));
    assert_eq!(
        (l.messages, l.output),
        (Lang::En, Lang::Ko),
        "reports stay Korean"
    );
    let l = Langs::choose(Some(Lang::En), Some("ko_KR.UTF-8"));
    assert_eq!((l.messages, l.output), (Lang::En, Lang::En), "--lang wins");
}
