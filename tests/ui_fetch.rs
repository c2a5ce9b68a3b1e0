//! 공고 새로 받기 in the app, as a user: the dialog, the key in a password field,
//! the fetch on its own thread against a local server on 127.0.0.1 (a
//! `TcpListener` in a thread, as in tests/fetch.rs), the progress bar and 취소, the
//! banners, and the key kept only in the (in-memory) key store.

mod common;

use common::feed_server::{Reply, Server, bizinfo_items, bizinfo_page, fixture, serve};
use common::*;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gachi::bizinfo::Source;
use gachi::keys::MemoryStore;
use gachi::view::GachiApp;
use serde_json::json;
use std::path::Path;
use std::time::{Duration, Instant};

use eframe::egui;

const KEY: &str = "Test-Key+abc/123==";
const KEY_ENCODED: &str = "Test-Key%2Babc%2F123%3D%3D";

/// The app with an in-memory key store, the server as endpoint, two notices a page,
/// no pauses, and feeds written under `data`.
fn app_on(server: &Server, store: MemoryStore, data: &Path) -> GachiApp {
    let mut app = app();
    app.rt.fetch.store = Box::new(store);
    app.rt.fetch.endpoint = Some(server.endpoint());
    let mut settings = gachi::fetch::Settings::for_source(Source::Bizinfo);
    settings.page_size = 2;
    settings.page_pause = Duration::ZERO;
    settings.retry_delays = vec![];
    settings.read_timeout = Duration::from_secs(5);
    app.rt.fetch.settings = Some(settings);
    app.rt.fetch.data_dir = Some(data.to_path_buf());
    app
}

/// The programme ids of a catalogue.
fn ids(h: &Harness<'_, GachiApp>) -> Vec<String> {
    let mut v: Vec<String> = h
        .state()
        .rt
        .catalogue
        .programmes
        .iter()
        .map(|p| p.id.clone())
        .collect();
    v.sort();
    v
}

/// Opens the dialog and types the key (if any).
fn open_and_type(h: &mut Harness<'_, GachiApp>, key: &str) {
    click(h, "공고 새로 받기");
    assert!(h.query_by_label("서비스에서 공고 받기").is_some());
    if !key.is_empty() {
        let field = h.get_by_role_and_label(Role::PasswordInput, "API 키");
        field.focus();
        h.run();
        h.get_by_role_and_label(Role::PasswordInput, "API 키")
            .type_text(key);
        h.run();
    }
}

/// Clicks 받기: the fetch starts (one frame, not run to rest: it is under way).
fn fetch(h: &mut Harness<'_, GachiApp>) {
    h.get_by_label("받기").click();
    h.step();
}

/// Frames until the fetch is over (at most 20 s).
fn wait_done(h: &mut Harness<'_, GachiApp>) {
    let start = Instant::now();
    while h.state().rt.fetch.running.is_some() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "fetch never ended"
        );
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    h.run();
}

fn banner_titles(h: &Harness<'_, GachiApp>) -> Vec<&'static str> {
    h.state().rt.notices.iter().map(|n| n.title.ko).collect()
}

/// Every file under a folder, recursively.
fn all_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            all_files(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn assert_key_nowhere(h: &Harness<'_, GachiApp>, data: &Path) {
    let state = serde_json::to_string(&h.state().state).unwrap();
    for form in [KEY, KEY_ENCODED, "Test-Key"] {
        assert!(!state.contains(form), "the key is in the app state");
        let mut files = Vec::new();
        all_files(data, &mut files);
        for f in files {
            let text = String::from_utf8_lossy(&std::fs::read(&f).unwrap()).into_owned();
            assert!(!text.contains(form), "the key is in {}", f.display());
        }
        for n in &h.state().rt.notices {
            assert!(!n.detail.contains(form), "the key is in a banner");
        }
    }
    let debug = format!("{:?}", h.state().rt.fetch.form);
    assert!(!debug.contains("Test-Key"), "{debug}");
}

#[test]
fn a_typed_key_fetches_every_page_and_the_notices_join_the_catalogue() {
    let server = serve(|t, _| Reply::Ok(bizinfo_page(&bizinfo_items(), t)));
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(app_on(&server, MemoryStore::default(), data.path()));
    let before = ids(&h);
    let expected = {
        let answer = serde_json::to_vec(&json!({ "jsonArray": bizinfo_items() })).unwrap();
        let cat = gachi::catalogue::builtin().unwrap();
        let (cat, _) = gachi::bizinfo::import(&cat, &answer, month("2026-12")).unwrap();
        let mut v: Vec<String> = cat.programmes.iter().map(|p| p.id.clone()).collect();
        v.sort();
        v
    };
    assert!(expected.len() > before.len());
    open_and_type(&mut h, KEY);
    // The field shows dots, never the key.
    let shown = text_of(&h.get_by_role_and_label(Role::PasswordInput, "API 키"));
    assert!(!shown.contains("Test"), "{shown}");
    fetch(&mut h);
    wait_done(&mut h);
    assert!(
        banner_titles(&h).contains(&"기업마당 공고를 카탈로그에 합쳤습니다"),
        "{:?}",
        h.state().rt.notices
    );
    assert_eq!(ids(&h), expected);
    // Three pages of two, the key sent percent-encoded.
    let hits = server.hits.lock().unwrap().clone();
    assert_eq!(hits.len(), 3, "{hits:?}");
    assert!(hits[0].contains(&format!("crtfcKey={KEY_ENCODED}")));
    // The combined answer and the raw pages, dated.
    let today = gachi::clock::today();
    let out = data.path().join(format!("feeds/bizinfo-{today}.json"));
    assert!(out.is_file(), "{}", out.display());
    let cache = data
        .path()
        .join(format!("feeds/feed-cache/bizinfo-{today}"));
    assert_eq!(files_in(&cache), 3);
    assert_key_nowhere(&h, data.path());
    // Nothing was stored without asking.
    assert_eq!(h.state().rt.fetch.store.get(Source::Bizinfo), Ok(None));
}

#[test]
fn cancel_mid_way_leaves_the_catalogue_as_it_was() {
    let server = serve(|t, n| {
        if n == 0 {
            Reply::Ok(bizinfo_page(&bizinfo_items(), t))
        } else {
            Reply::Slow(
                Duration::from_millis(1500),
                bizinfo_page(&bizinfo_items(), t),
            )
        }
    });
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(app_on(&server, MemoryStore::default(), data.path()));
    let before = ids(&h);
    open_and_type(&mut h, KEY);
    fetch(&mut h);
    // The progress bar shows the first page, with 취소 beside it.
    let start = Instant::now();
    while h
        .state()
        .rt
        .fetch
        .running
        .as_ref()
        .is_none_or(|r| r.progress.is_none())
    {
        assert!(start.elapsed() < Duration::from_secs(10), "no progress");
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    h.run();
    let bar = h.get_by_role(Role::ProgressIndicator);
    assert!(
        text_of(&bar).contains("1쪽 · 공고 2건 / 전체 5건"),
        "{}",
        text_of(&bar)
    );
    click(&mut h, "취소");
    assert!(h.state().rt.fetch.running.is_none());
    assert!(banner_titles(&h).contains(&"받기를 취소했습니다"));
    assert!(h.query_by_role(Role::ProgressIndicator).is_none());
    // The slow page arrives later: still nothing imported or written.
    std::thread::sleep(Duration::from_millis(2000));
    h.run();
    assert_eq!(ids(&h), before);
    let out = data
        .path()
        .join(format!("feeds/bizinfo-{}.json", gachi::clock::today()));
    assert!(!out.exists());
    assert_key_nowhere(&h, data.path());
}

#[test]
fn a_gateway_error_shows_its_message_and_changes_nothing() {
    let server = serve(|_, _| Reply::Ok(fixture("gateway-error-not-registered.json")));
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(app_on(&server, MemoryStore::default(), data.path()));
    let before = ids(&h);
    open_and_type(&mut h, KEY);
    fetch(&mut h);
    wait_done(&mut h);
    let n = h
        .state()
        .rt
        .notices
        .iter()
        .find(|n| n.title.ko == "공고를 받지 못했습니다")
        .expect("error banner");
    assert!(n.error);
    assert!(
        n.detail.contains("SERVICE_KEY_IS_NOT_REGISTERED_ERROR"),
        "{}",
        n.detail
    );
    assert!(n.detail.contains("카탈로그는 바뀌지 않았습니다."));
    assert!(h.query_by_label("공고를 받지 못했습니다").is_some());
    assert_eq!(ids(&h), before);
    assert_key_nowhere(&h, data.path());
}

#[test]
fn a_saved_key_is_offered_next_time_used_and_can_be_deleted() {
    let server = serve(|t, _| Reply::Ok(bizinfo_page(&bizinfo_items(), t)));
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(app_on(&server, MemoryStore::default(), data.path()));
    open_and_type(&mut h, KEY);
    click(&mut h, "이 컴퓨터에 키 저장 (OS 키 보관함)");
    fetch(&mut h);
    wait_done(&mut h);
    assert_eq!(
        h.state().rt.fetch.store.get(Source::Bizinfo),
        Ok(Some(KEY.to_string()))
    );
    assert_eq!(h.state().rt.fetch.store.get(Source::KStartup), Ok(None));
    // The next dialog says the saved key will be used, and fetching without typing works.
    open_and_type(&mut h, "");
    assert!(
        h.query_by_label("이 컴퓨터에 저장된 키를 씁니다. 다른 키를 쓰려면 입력하세요.")
            .is_some()
    );
    let first = server.hits.lock().unwrap().len();
    fetch(&mut h);
    wait_done(&mut h);
    let hits = server.hits.lock().unwrap().clone();
    assert!(hits.len() > first);
    assert!(hits[first].contains(&format!("crtfcKey={KEY_ENCODED}")));
    assert_key_nowhere(&h, data.path());
    // 저장된 키 지우기 forgets it.
    open_and_type(&mut h, "");
    click(&mut h, "저장된 키 지우기");
    assert_eq!(h.state().rt.fetch.store.get(Source::Bizinfo), Ok(None));
    assert!(
        h.query_by_label("이 컴퓨터에 저장된 키를 씁니다. 다른 키를 쓰려면 입력하세요.")
            .is_none()
    );
    // Without a key nothing is sent.
    let sent = server.hits.lock().unwrap().len();
    fetch(&mut h);
    h.run();
    assert!(banner_titles(&h).contains(&"키가 없습니다"));
    assert_eq!(server.hits.lock().unwrap().len(), sent);
    assert!(h.state().rt.fetch.running.is_none());
}

#[test]
fn a_keyring_that_fails_says_so_and_the_typed_key_still_fetches() {
    let server = serve(|t, _| Reply::Ok(bizinfo_page(&bizinfo_items(), t)));
    let data = tempfile::tempdir().unwrap();
    let mut h = harness(app_on(&server, MemoryStore::failing(), data.path()));
    open_and_type(&mut h, KEY);
    click(&mut h, "이 컴퓨터에 키 저장 (OS 키 보관함)");
    fetch(&mut h);
    wait_done(&mut h);
    let titles = banner_titles(&h);
    assert!(
        titles.contains(&"키를 OS 키 보관함에 저장하지 못했습니다"),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"기업마당 공고를 카탈로그에 합쳤습니다"),
        "{titles:?}"
    );
    assert_key_nowhere(&h, data.path());
}

#[test]
fn without_a_key_the_file_import_still_works() {
    let mut h = harness(app());
    let before = ids(&h);
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/feeds/bizinfo-live-5-notices-2026-10.json");
    assert!(h.state_mut().import_bizinfo_path(&file));
    h.run();
    assert!(ids(&h).len() > before.len());
    assert!(h.query_by_label("기업마당 공고 파일 가져오기…").is_some());
}
