//! `gachi fetch` against a local server on 127.0.0.1 (a thread with a
//! `TcpListener` on port 0 serving canned answers from tests/fixtures/feeds):
//! paging into one file that `gachi import` reads, a gateway error, a timeout, a
//! retry after a 500, a refused connection, an HTML page, plain http to another
//! host refused, and the key in no output, file or cache.

mod common;

use common::feed_server::{Reply, bizinfo_items, bizinfo_page, fixture, param, serve};
use serde_json::{Value, json};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const KEY: &str = "Test-Key+abc/123==";
const KEY_ENCODED: &str = "Test-Key%2Babc%2F123%3D%3D";

fn gachi(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gachi"));
    cmd.env("LANG", "en_US.UTF-8")
        .env_remove("GACHI_BIZINFO_KEY")
        .env_remove("GACHI_KSTARTUP_KEY")
        .args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("gachi runs")
}

/// `gachi fetch SOURCE --endpoint … --out OUT` with fast timings, plus `extra`.
fn fetch(source: &str, server: &str, out: &Path, extra: &[&str], env: &[(&str, &str)]) -> Output {
    let out = out.to_str().unwrap();
    let mut args = vec![
        "fetch",
        source,
        "--endpoint",
        server,
        "--out",
        out,
        "--connect-timeout-ms",
        "500",
        "--read-timeout-ms",
        "300",
        "--retry-delay-ms",
        "10",
        "--page-pause-ms",
        "0",
    ];
    args.extend_from_slice(extra);
    gachi(&args, env)
}

fn text(o: &[u8]) -> String {
    String::from_utf8_lossy(o).into_owned()
}

/// Asserts the exit code, showing standard error when it is another.
#[track_caller]
fn assert_exit(o: &Output, code: i32) {
    assert_eq!(o.status.code(), Some(code), "{}", text(&o.stderr));
}

/// Asserts that an output stream says `what`, showing the stream when it does not.
#[track_caller]
fn assert_says(stream: &[u8], what: &str) {
    assert!(text(stream).contains(what), "{}", text(stream));
}

/// `gachi import FEED --out CATALOGUE` succeeds and names the feed's kind: what a
/// fetched file is for.
#[track_caller]
fn imports(feed: &Path, cat: &Path, kind: &str) {
    let o = gachi(
        &[
            "import",
            feed.to_str().unwrap(),
            "--out",
            cat.to_str().unwrap(),
        ],
        &[],
    );
    assert_exit(&o, 0);
    assert_says(&o.stdout, kind);
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn cache_dir(dir: &Path, source: &str) -> PathBuf {
    let root = dir.join("feed-cache");
    let found: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("feed-cache exists")
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    let name = found[0].file_name().unwrap().to_str().unwrap().to_string();
    let date = name
        .strip_prefix(&format!("{source}-"))
        .expect("source-date");
    assert!(
        date.len() == 10 && date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-',
        "{name}"
    );
    found[0].clone()
}

#[test]
fn bizinfo_pages_are_combined_into_one_file_that_gachi_import_reads() {
    let items = bizinfo_items();
    let server = serve(move |t, _| Reply::Ok(bizinfo_page(&items, t)));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bizinfo.json");
    let o = fetch(
        "bizinfo",
        &server.endpoint(),
        &out,
        &["--key", KEY, "--page-size", "2"],
        &[],
    );
    assert_exit(&o, 0);
    let stdout = text(&o.stdout);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(
        stdout.contains("fetched 5 bizinfo notices in 3 pages"),
        "{stdout}"
    );
    assert!(stdout.contains("bizinfo.json"), "{stdout}");

    // Three requests, each with the key, JSON, the page size and its page number.
    let hits = server.hits();
    assert_eq!(hits.len(), 3, "{hits:?}");
    for (n, h) in hits.iter().enumerate() {
        assert!(h.starts_with("/api/feed.do?"), "{h}");
        assert_eq!(param(h, "crtfcKey").as_deref(), Some(KEY_ENCODED));
        assert_eq!(param(h, "dataType").as_deref(), Some("json"));
        assert_eq!(param(h, "pageUnit").as_deref(), Some("2"));
        assert_eq!(param(h, "searchCnt").as_deref(), Some("2"));
        assert_eq!(param(h, "pageIndex"), Some((n + 1).to_string()));
    }

    // One combined answer, in order.
    let combined: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let ids: Vec<&str> = combined["jsonArray"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["pblancId"].as_str().unwrap())
        .collect();
    let want: Vec<String> = bizinfo_items()
        .iter()
        .map(|i| i["pblancId"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, want);

    // The raw pages, kept by date.
    let cache = cache_dir(dir.path(), "bizinfo");
    for n in 1..=3 {
        let page: Value =
            serde_json::from_slice(&std::fs::read(cache.join(format!("page-{n}.json"))).unwrap())
                .unwrap();
        assert_eq!(
            page["jsonArray"].as_array().unwrap().len(),
            if n < 3 { 2 } else { 1 }
        );
    }

    // `gachi import` reads it.
    let cat = dir.path().join("catalogue.json");
    imports(&out, &cat, "bizinfo JSON");
    let cat: Value = serde_json::from_slice(&std::fs::read(&cat).unwrap()).unwrap();
    let feed_programmes = cat["programmes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["feed"]["source"] == "bizinfo")
        .count();
    assert_eq!(feed_programmes, 5);
}

#[test]
fn a_short_page_before_the_announced_total_does_not_end_the_fetch() {
    // The recorded answer says totCnt 1443 but has 5: a server that serves fewer
    // than asked is paged on until an empty page.
    let items: Vec<Value> = bizinfo_items()
        .into_iter()
        .map(|mut i| {
            i["totCnt"] = json!(1443);
            i
        })
        .collect();
    let server = serve(move |t, _| {
        let index: usize = param(t, "pageIndex").unwrap().parse().unwrap();
        // Never more than 2 a page, whatever was asked.
        let page: Vec<Value> = items
            .iter()
            .skip((index - 1) * 2)
            .take(2)
            .cloned()
            .collect();
        Reply::Ok(serde_json::to_vec(&json!({ "jsonArray": page })).unwrap())
    });
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("b.json");
    let o = fetch(
        "bizinfo",
        &server.endpoint(),
        &out,
        &["--key", KEY, "--page-size", "3"],
        &[],
    );
    assert_exit(&o, 0);
    assert_says(&o.stdout, "fetched 5 bizinfo notices in 4 pages");
}

#[test]
fn kstartup_pages_are_combined_and_the_key_may_come_from_the_environment() {
    let all: Value = serde_json::from_slice(&fixture("kstartup-announcements.json")).unwrap();
    let items = all["data"].as_array().unwrap().clone();
    let server = serve(move |t, _| {
        let page: usize = param(t, "page").unwrap().parse().unwrap();
        let per: usize = param(t, "perPage").unwrap().parse().unwrap();
        let data: Vec<Value> = items
            .iter()
            .skip((page - 1) * per)
            .take(per)
            .cloned()
            .collect();
        Reply::Ok(
            serde_json::to_vec(&json!({
                "currentCount": data.len(), "data": data, "matchCount": 7,
                "page": page, "perPage": per, "totalCount": 7
            }))
            .unwrap(),
        )
    });
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("k.json");
    let o = fetch(
        "kstartup",
        &server.endpoint(),
        &out,
        &["--page-size", "3"],
        &[("GACHI_KSTARTUP_KEY", KEY)],
    );
    assert_exit(&o, 0);
    assert_says(&o.stdout, "fetched 7 K-Startup notices in 3 pages");
    let hits = server.hits();
    assert_eq!(hits.len(), 3);
    for (n, h) in hits.iter().enumerate() {
        assert_eq!(param(h, "serviceKey").as_deref(), Some(KEY_ENCODED));
        assert_eq!(param(h, "returnType").as_deref(), Some("json"));
        assert_eq!(param(h, "perPage").as_deref(), Some("3"));
        assert_eq!(param(h, "page"), Some((n + 1).to_string()));
    }
    let combined: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(combined["data"].as_array().unwrap().len(), 7);
    let cat = dir.path().join("c.json");
    imports(&out, &cat, "K-Startup");
}

#[test]
fn a_gateway_error_says_the_key_is_not_registered_exits_2_and_writes_nothing() {
    let server = serve(|_, _| Reply::Ok(fixture("gateway-error-not-registered.json")));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("k.json");
    std::fs::write(&out, "earlier file").unwrap();
    for (lang, words) in [("en", "not registered"), ("ko", "등록되지 않았거나")] {
        let o = fetch(
            "kstartup",
            &server.endpoint(),
            &out,
            &["--key", KEY, "--lang", lang],
            &[],
        );
        assert_exit(&o, 2);
        let err = text(&o.stderr);
        assert!(err.contains(words), "{err}");
        assert!(err.contains("SERVICE_KEY_IS_NOT_REGISTERED_ERROR"), "{err}");
        assert!(err.contains("serviceKey=***"), "{err}");
        assert!(text(&o.stdout).is_empty());
    }
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "earlier file");
    // One request each: an error answer is not retried.
    assert_eq!(server.hits().len(), 2);
}

#[test]
fn a_bizinfo_error_answer_and_an_html_page_are_named() {
    let server = serve(|_, _| Reply::Ok(fixture("bizinfo-error-no-key.json")));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("b.json");
    let o = fetch("bizinfo", &server.endpoint(), &out, &["--key", KEY], &[]);
    assert_exit(&o, 2);
    assert_says(&o.stderr, "the bizinfo API answered with an error");
    assert!(!out.exists());

    let server = serve(|_, _| Reply::Ok(fixture("html-page.html")));
    let o = fetch("bizinfo", &server.endpoint(), &out, &["--key", KEY], &[]);
    assert_exit(&o, 1);
    let err = text(&o.stderr);
    assert!(
        err.contains("web page (HTML)") && err.contains("시스템 점검"),
        "{err}"
    );
    assert!(!out.exists());
}

#[test]
fn a_server_that_never_answers_times_out_after_the_retries() {
    let server = serve(|_, _| Reply::Hang);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("b.json");
    let started = Instant::now();
    let o = fetch("bizinfo", &server.endpoint(), &out, &["--key", KEY], &[]);
    let took = started.elapsed();
    assert_exit(&o, 1);
    let err = text(&o.stderr);
    assert!(
        err.contains("timeout") && err.contains("tried 4 times"),
        "{err}"
    );
    assert_eq!(server.hits().len(), 4);
    assert!(!out.exists());
    // 4 × 300 ms and 10 + 20 + 40 ms of pauses, with room for a loaded machine.
    assert!(took < Duration::from_secs(10), "{took:?}");
}

#[test]
fn a_500_is_retried_and_the_next_answer_is_used() {
    let items = bizinfo_items();
    let server = serve(move |t, n| {
        if n == 0 {
            Reply::Status(500, b"<html><title>busy</title></html>".to_vec())
        } else {
            Reply::Ok(bizinfo_page(&items, t))
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("b.json");
    let o = fetch("bizinfo", &server.endpoint(), &out, &["--key", KEY], &[]);
    assert_exit(&o, 0);
    assert_says(&o.stdout, "fetched 5 bizinfo notices in 1 pages");
    let hits = server.hits();
    assert_eq!(hits.len(), 2);
    assert_eq!(param(&hits[1], "pageIndex").as_deref(), Some("1"));
}

#[test]
fn a_4xx_is_not_retried_and_exits_2() {
    let server = serve(|_, _| Reply::Status(401, Vec::new()));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("b.json");
    let o = fetch("bizinfo", &server.endpoint(), &out, &["--key", KEY], &[]);
    assert_exit(&o, 2);
    assert_says(&o.stderr, "HTTP status 401");
    assert_eq!(server.hits().len(), 1);
}

#[test]
fn a_refused_connection_exits_1() {
    // A port that was free a moment ago, now closed.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("b.json");
    let o = fetch(
        "bizinfo",
        &format!("http://127.0.0.1:{port}/api"),
        &out,
        &["--key", KEY],
        &[],
    );
    assert_exit(&o, 1);
    assert_says(&o.stderr, "cannot connect");
    assert!(!out.exists());
}

#[test]
fn plain_http_to_another_host_is_refused_and_a_key_is_required() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("b.json");
    let o = fetch(
        "bizinfo",
        "http://www.bizinfo.go.kr/uss/rss/bizinfoApi.do",
        &out,
        &["--key", KEY],
        &[],
    );
    assert_exit(&o, 2);
    assert_says(&o.stderr, "plain http:// is allowed only to this machine");

    let o = fetch("bizinfo", "https://127.0.0.1:1/api", &out, &[], &[]);
    assert_exit(&o, 2);
    assert_says(&o.stderr, "GACHI_BIZINFO_KEY");
    assert!(!out.exists());
}

/// Every form of the key that could leak.
fn leaks(haystack: &str) -> bool {
    [KEY, KEY_ENCODED, "Test-Key+abc", "abc/123", "abc%2F123"]
        .iter()
        .any(|k| haystack.contains(k))
}

#[test]
fn the_key_appears_in_no_output_file_or_cache() {
    // A server that echoes the request, key included, into every answer: in a
    // notice on page 1 and in an error on page 2.
    let items = bizinfo_items();
    let server = serve(move |t, _| {
        if param(t, "pageIndex").as_deref() == Some("1") {
            let mut page = items[..2].to_vec();
            page[0]["bsnsSumryCn"] = json!(format!("echo {t}"));
            page[1]["pblancNm"] = json!(format!(
                "echo {}",
                t.replace("%2B", "+")
                    .replace("%2F", "/")
                    .replace("%3D", "=")
            ));
            Reply::Ok(serde_json::to_vec(&json!({ "jsonArray": page })).unwrap())
        } else {
            Reply::Ok(serde_json::to_vec(&json!({ "reqErr": format!("bad request {t}") })).unwrap())
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("b.json");

    // Success with one page, the key from the environment.
    let one = fetch(
        "bizinfo",
        &server.endpoint(),
        &out,
        &["--page-size", "2", "--max-pages", "1"],
        &[("GACHI_BIZINFO_KEY", KEY)],
    );
    // --max-pages 1 with a full page: the cap is reached, exit 1, nothing written.
    assert_exit(&one, 1);
    assert_says(&one.stderr, "after 1 pages");
    assert!(!out.exists());

    // Page 1 echoes the key into notices, page 2 into an error answer.
    let two = fetch(
        "bizinfo",
        &server.endpoint(),
        &out,
        &["--key", KEY, "--page-size", "2"],
        &[],
    );
    assert_exit(&two, 2);
    assert_says(&two.stderr, "crtfcKey=***");

    // The server did get the key (so the test is not vacuous) ...
    let hits = server.hits();
    assert!(hits.iter().all(|h| h.contains(KEY_ENCODED)), "{hits:?}");
    // ... and nothing shows it.
    for o in [&one, &two] {
        assert!(!leaks(&text(&o.stdout)), "{}", text(&o.stdout));
        assert!(!leaks(&text(&o.stderr)), "{}", text(&o.stderr));
    }
    let mut written = Vec::new();
    files_under(dir.path(), &mut written);
    assert!(written.len() >= 2, "{written:?}");
    for f in &written {
        let content = text(&std::fs::read(f).unwrap());
        assert!(!leaks(&content), "{}: {content}", f.display());
        assert!(content.contains("***"), "{}: {content}", f.display());
    }

    // A successful fetch writes a file without the key either.
    let items = bizinfo_items();
    let server = serve(move |t, _| {
        let mut page: Value = serde_json::from_slice(&bizinfo_page(&items, t)).unwrap();
        page["jsonArray"][0]["bsnsSumryCn"] = json!(format!("echo {t}"));
        Reply::Ok(serde_json::to_vec(&page).unwrap())
    });
    let o = fetch("bizinfo", &server.endpoint(), &out, &["--key", KEY], &[]);
    assert_exit(&o, 0);
    let content = std::fs::read_to_string(&out).unwrap();
    assert!(
        !leaks(&content) && content.contains("crtfcKey=***"),
        "{content}"
    );
    assert!(!leaks(&text(&o.stdout)) && !leaks(&text(&o.stderr)));
}
