//! Bad input, faults and untrusted files (docs/reliability.md).
//!
//! Every file in `tests/bad_inputs/` is fed to the command line (profiles and
//! catalogues) or to the library loader (plans), and to the desktop app's loaders.
//! Each must be refused with exit code 2 and a message that names the file and the
//! field, without a panic, without touching an existing `--out` file, and without
//! the app losing the profile or catalogue it had open. The table `CASES` below is
//! the same as the one in `tests/bad_inputs/README.md` (a test keeps them in step).
//!
//! Also here: a file over the size cap (made in a temporary folder, never
//! committed), nesting far deeper than any file in the corpus, and atomic writes
//! that fail.

use gachi::catalogue::builtin;
use gachi::files::{MAX_FILE_BYTES, load_catalogue, load_plan, load_profile, write_atomic};
use gachi::month::YearMonth;
use gachi::view::GachiApp;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Profile,
    Catalogue,
    Plan,
}

impl Kind {
    fn code(self) -> &'static str {
        match self {
            Kind::Profile => "profile",
            Kind::Catalogue => "catalogue",
            Kind::Plan => "plan",
        }
    }
}

/// One corpus file and what the message about it must say.
struct Case {
    file: &'static str,
    kind: Kind,
    /// The JSON path the message must name as `field "…"`; empty when the problem
    /// is with the file as a whole (not JSON, not UTF-8, cut off, too deep).
    field: &'static str,
    /// Text the same message line must contain.
    problem: &'static str,
    /// The library loader accepts the file and only the app refuses it (a plan
    /// whose embedded profile breaks the profile contract).
    app_only: bool,
}

const fn case(file: &'static str, kind: Kind, field: &'static str, problem: &'static str) -> Case {
    Case {
        file,
        kind,
        field,
        problem,
        app_only: false,
    }
}

use Kind::{Catalogue, Plan, Profile};

#[rustfmt::skip]
const CASES: &[Case] = &[
    // Profiles: `gachi plan --profile F --as-of 2026-12`.
    case("profile-truncated.json", Profile, "", "cut off"),
    case("profile-empty.json", Profile, "", "cut off"),
    case("profile-array.json", Profile, "", "expected an object, found a list"),
    case("profile-not-utf8.json", Profile, "", "not UTF-8"),
    case("profile-bom-broken.json", Profile, "employees", "expected a whole number"),
    case("profile-deep-nesting.json", Profile, "", "recursion limit"),
    case("profile-lone-surrogate.json", Profile, "", "not valid JSON"),
    case("profile-future-format.json", Profile, "format", "newer version"),
    case("profile-not-a-profile.json", Profile, "format", "is not a Gachi profile"),
    case("profile-missing-name.json", Profile, "name", "is required"),
    case("profile-name-too-long.json", Profile, "name", "1 to 200 characters"),
    case("profile-employees-text.json", Profile, "employees", "found text"),
    case("profile-employees-negative.json", Profile, "employees", "must not be negative"),
    case("profile-employees-fraction.json", Profile, "employees", "whole number"),
    case("profile-revenue-overflow.json", Profile, "revenue_krw", "too large"),
    case("profile-funding-1e30.json", Profile, "funding_need_krw", "too large"),
    case("profile-founded-future.json", Profile, "founded", "in the future"),
    case("profile-founded-month-13.json", Profile, "founded", "bad date \"2026-13\""),
    case("profile-founded-words.json", Profile, "founded", "bad date"),
    case("profile-region-unknown.json", Profile, "region", "unknown region \"gyungnam\""),
    case("profile-ksic-unknown.json", Profile, "ksic", "not a KSIC code"),
    case("profile-certification-unknown.json", Profile, "certifications[1]", "iso9999"),
    case("profile-goal-unknown.json", Profile, "goals[1]", "unknown goal"),
    case("profile-market-unknown.json", Profile, "target_markets[0]", "unknown target market"),
    case("profile-smart-factory-unknown.json", Profile, "smart_factory_level", "expert"),
    case("profile-exporting-text.json", Profile, "exporting", "true or false"),
    case("profile-received-not-list.json", Profile, "received", "expected a list"),
    case("profile-region-control-chars.json", Profile, "region", "unknown region"),
    // Catalogues: `gachi check-catalogue F`.
    case("catalogue-truncated.json", Catalogue, "", "cut off"),
    case("catalogue-empty.json", Catalogue, "", "cut off"),
    case("catalogue-array.json", Catalogue, "", "expected an object, found a list"),
    case("catalogue-not-utf8.json", Catalogue, "", "not UTF-8"),
    case("catalogue-bom-broken.json", Catalogue, "programmes", "expected a list"),
    case("catalogue-deep-nesting.json", Catalogue, "", "recursion limit"),
    case("catalogue-future-format.json", Catalogue, "format", "newer version"),
    case("catalogue-bad-as-of.json", Catalogue, "as_of", "bad month \"2026-13\""),
    case("catalogue-duplicate-id.json", Catalogue, "programmes[1].id", "duplicate id"),
    case("catalogue-dangling-link.json", Catalogue, "programmes[0].links[0].to", "not in the catalogue"),
    case("catalogue-self-link.json", Catalogue, "programmes[0].links[0].to", "links to itself"),
    case("catalogue-cyclic-links.json", Catalogue, "programmes[0].links", "cycle"),
    case("catalogue-javascript-url.json", Catalogue, "programmes[0].provenance.url", "only http:// and https://"),
    case("catalogue-file-url.json", Catalogue, "programmes[1].provenance.url", "only http:// and https://"),
    case("catalogue-unknown-criterion.json", Catalogue, "programmes[0].criteria[0].kind", "unknown criterion kind"),
    case("catalogue-min-above-max.json", Catalogue, "programmes[0].criteria[0]", "impossible range"),
    case("catalogue-window-month-13.json", Catalogue, "programmes[0].windows.months[0]", "not a month"),
    case("catalogue-max-krw-negative.json", Catalogue, "programmes[0].support.max_krw", "must not be negative"),
    case("catalogue-max-krw-overflow.json", Catalogue, "programmes[0].support.max_krw", "too large"),
    case("catalogue-self-share-150.json", Catalogue, "programmes[1].support.self_share_pct", "not a percentage"),
    case("catalogue-unknown-link-kind.json", Catalogue, "programmes[0].links[0].kind", "unknown link kind"),
    case("catalogue-unknown-region.json", Catalogue, "programmes[1].criteria[2].any_of[1]", "unknown region \"atlantis\""),
    case("catalogue-bad-id.json", Catalogue, "programmes[1].id", "not a valid id"),
    case("catalogue-missing-provenance.json", Catalogue, "programmes[1].provenance", "is required"),
    // Plans: `gachi::files::load_plan` (the command line does not read plans).
    case("plan-truncated.json", Plan, "", "cut off"),
    case("plan-empty.json", Plan, "", "cut off"),
    case("plan-array.json", Plan, "", "expected a plan (a JSON object)"),
    case("plan-not-utf8.json", Plan, "", "not UTF-8"),
    case("plan-bom-broken.json", Plan, "", "cut off"),
    case("plan-deep-nesting.json", Plan, "", "recursion limit"),
    case("plan-future-format.json", Plan, "format", "newer version"),
    case("plan-missing-format.json", Plan, "format", "is required"),
    case("plan-as-of-month-13.json", Plan, "as_of", "bad month \"2026-13\""),
    case("plan-steps-not-list.json", Plan, "steps", "invalid type"),
    case("plan-totals-negative.json", Plan, "totals.steps", "invalid value"),
    Case { app_only: true, ..case("plan-profile-bad-region.json", Plan, "profile.region", "unknown region") },
    Case { app_only: true, ..case("plan-profile-founded-future.json", Plan, "profile.founded", "in the future") },
];

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("bad_inputs")
}

fn ym(s: &str) -> YearMonth {
    YearMonth::parse(s).expect("a valid month")
}

/// Runs gachi with English messages (LANG=C), whatever the machine's locale.
fn gachi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gachi"))
        .args(args)
        .env("LANG", "C.UTF-8")
        .output()
        .expect("the gachi binary runs")
}

/// The line of `text` that names the file and the field and says what is wrong.
fn matching_line<'a>(text: &'a str, file: &str, field: &str, problem: &str) -> Option<&'a str> {
    let field = format!("field \"{field}\"");
    text.lines().find(|l| {
        l.contains(file) && l.contains(problem) && (field == "field \"\"" || l.contains(&field))
    })
}

fn describe(c: &Case) -> String {
    if c.field.is_empty() {
        format!(
            "{} ({}): whole file, \"{}\"",
            c.file,
            c.kind.code(),
            c.problem
        )
    } else {
        format!(
            "{} ({}): field \"{}\", \"{}\"",
            c.file,
            c.kind.code(),
            c.field,
            c.problem
        )
    }
}

/// A valid profile, opened first so the app has something to keep.
const GOOD_PROFILE: &str = r#"{
  "format": "gachi-profile/1",
  "name": "대성주물",
  "founded": "2009-03",
  "employees": 8,
  "revenue_krw": 2400000000,
  "region": "gyeongnam",
  "ksic": "C24",
  "root_technologies": ["casting"],
  "certifications": ["root_company"],
  "smart_factory_level": "none",
  "exporting": false,
  "target_markets": [],
  "goals": ["automation", "digital", "finance"],
  "funding_need_krw": 500000000,
  "received": [],
  "notes": "상담 메모"
}
"#;

/// An app on the built-in catalogue at 2026-12 with a valid profile open.
fn app_with_profile(dir: &Path) -> GachiApp {
    let mut app = GachiApp::new(
        builtin().expect("the built-in catalogue loads"),
        ym("2026-12"),
    );
    // The corpus states each expected problem in English: the app shows messages in
    // the language on screen, so these checks run it in English (tests/messages.rs
    // checks the Korean texts).
    app.state.lang = gachi::text::Lang::En;
    let good = dir.join("good-profile.json");
    fs::write(&good, GOOD_PROFILE).unwrap();
    assert!(app.open_profile_path(&good), "the good profile opens");
    assert_eq!(app.state.profile.name, "대성주물");
    app
}

/// What the app must keep when a file fails to open.
#[derive(Debug, PartialEq)]
struct AppState {
    profile: gachi::FirmProfile,
    catalogue_sha256: String,
    catalogue_programmes: usize,
    catalogue_path: Option<PathBuf>,
    as_of: YearMonth,
}

fn state(app: &GachiApp) -> AppState {
    AppState {
        profile: app.state.profile.clone(),
        catalogue_sha256: app.rt.catalogue.sha256.clone(),
        catalogue_programmes: app.rt.catalogue.programmes.len(),
        catalogue_path: app.state.catalogue_path.clone(),
        as_of: app.rt.as_of,
    }
}

/// What a refusal on the command line must look like: exit code 2, a message naming
/// the file and field, no panic. Problems as lines, as `check_app_refuses` gives them.
fn check_command_refuses(o: &Output, c: &Case) -> Vec<String> {
    let mut failures = Vec::new();
    let err = String::from_utf8_lossy(&o.stderr);
    if o.status.code() != Some(2) {
        failures.push(format!(
            "{}: exit code {:?}, expected 2; stderr: {err}",
            describe(c),
            o.status.code()
        ));
    }
    if matching_line(&err, c.file, c.field, c.problem).is_none() {
        failures.push(format!(
            "{}: no message names file and field; stderr: {err}",
            describe(c)
        ));
    }
    if err.contains("panicked") {
        failures.push(format!("{}: panicked: {err}", describe(c)));
    }
    failures
}

/// Opens `path` in the app the way the kind says; returns what went wrong, if anything.
fn check_app_refuses(app: &mut GachiApp, kind: Kind, path: &Path, c: &Case) -> Vec<String> {
    let mut failures = Vec::new();
    let before = state(app);
    let notices_before = app.rt.notices.len();
    let opened = match kind {
        Kind::Profile => app.open_profile_path(path),
        Kind::Catalogue => app.open_catalogue_path(path),
        Kind::Plan => app.open_plan_path(path),
    };
    if opened {
        failures.push(format!("{}: the app opened it", describe(c)));
    }
    if state(app) != before {
        failures.push(format!(
            "{}: the app did not keep its profile/catalogue",
            describe(c)
        ));
    }
    match app.rt.notices.last() {
        Some(n) if app.rt.notices.len() > notices_before => {
            if !n.error {
                failures.push(format!("{}: the app's notice is not an error", describe(c)));
            }
            if matching_line(&n.detail, c.file, c.field, c.problem).is_none() {
                failures.push(format!(
                    "{}: the app's notice does not name file and field: {}",
                    describe(c),
                    n.detail
                ));
            }
        }
        _ => failures.push(format!("{}: the app showed no notice", describe(c))),
    }
    failures
}

#[test]
fn the_corpus_has_at_least_34_files_and_every_one_is_in_the_table() {
    let on_disk: BTreeSet<String> = fs::read_dir(corpus_dir())
        .expect("tests/bad_inputs exists")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "README.md")
        .collect();
    let in_table: BTreeSet<String> = CASES.iter().map(|c| c.file.to_string()).collect();
    assert_eq!(
        in_table.len(),
        CASES.len(),
        "a file is listed twice in CASES"
    );
    assert_eq!(on_disk, in_table, "files on disk and CASES differ");
    assert!(on_disk.len() >= 34, "only {} corpus files", on_disk.len());
    for c in CASES {
        let size = fs::metadata(corpus_dir().join(c.file)).unwrap().len();
        assert!(size < MAX_FILE_BYTES, "{} is over the size cap", c.file);
        assert!(
            c.file.starts_with(c.kind.code()),
            "{} is not named after its kind",
            c.file
        );
    }
}

#[test]
fn the_readme_table_matches_the_cases() {
    let readme = fs::read_to_string(corpus_dir().join("README.md")).expect("README.md exists");
    // Rows look like: | `file` | kind | what is wrong | `field` or (whole file) |
    let mut rows = Vec::new();
    for line in readme.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        assert!(cells.len() >= 4, "short README row: {line}");
        let file = cells[0].trim_matches('`').to_string();
        let kind = cells[1].to_string();
        let field = cells[3];
        let field = if field.starts_with('`') {
            field.trim_matches('`').to_string()
        } else {
            String::new()
        };
        rows.push((file, kind, field));
    }
    let expected: Vec<(String, String, String)> = CASES
        .iter()
        .map(|c| {
            (
                c.file.to_string(),
                c.kind.code().to_string(),
                c.field.to_string(),
            )
        })
        .collect();
    assert_eq!(
        rows, expected,
        "README.md rows differ from CASES (same order)"
    );
}

#[test]
fn every_bad_profile_is_refused_by_the_command_line_and_the_app() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("plan.json");
    let previous = b"{\"previous\": \"plan, must survive\"}\n";
    let mut app = app_with_profile(tmp.path());
    let mut failures = Vec::new();
    for c in CASES.iter().filter(|c| c.kind == Kind::Profile) {
        let path = corpus_dir().join(c.file);
        fs::write(&out, previous).unwrap();
        let o = gachi(&[
            "plan",
            "--profile",
            path.to_str().unwrap(),
            "--as-of",
            "2026-12",
            "--out",
            out.to_str().unwrap(),
        ]);
        failures.extend(check_command_refuses(&o, c));
        if fs::read(&out).unwrap() != previous {
            failures.push(format!("{}: the existing --out file changed", describe(c)));
        }
        failures.extend(check_app_refuses(&mut app, Kind::Profile, &path, c));
    }
    let leftovers: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_bad_catalogue_is_refused_by_check_catalogue_and_the_app() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = app_with_profile(tmp.path());
    let mut failures = Vec::new();
    for c in CASES.iter().filter(|c| c.kind == Kind::Catalogue) {
        let path = corpus_dir().join(c.file);
        let o = gachi(&["check-catalogue", path.to_str().unwrap()]);
        failures.extend(check_command_refuses(&o, c));
        if !o.stdout.is_empty() {
            failures.push(format!("{}: printed a summary on failure", describe(c)));
        }
        failures.extend(check_app_refuses(&mut app, Kind::Catalogue, &path, c));
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn a_bad_catalogue_passed_to_plan_leaves_out_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let profile = tmp.path().join("good-profile.json");
    fs::write(&profile, GOOD_PROFILE).unwrap();
    let out = tmp.path().join("plan.json");
    let previous = b"previous plan\n";
    for c in CASES.iter().filter(|c| c.kind == Kind::Catalogue) {
        fs::write(&out, previous).unwrap();
        let cat = corpus_dir().join(c.file);
        let o = gachi(&[
            "plan",
            "--profile",
            profile.to_str().unwrap(),
            "--catalogue",
            cat.to_str().unwrap(),
            "--as-of",
            "2026-12",
            "--out",
            out.to_str().unwrap(),
        ]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{}: {err}", describe(c));
        assert!(
            matching_line(&err, c.file, c.field, c.problem).is_some(),
            "{}: {err}",
            describe(c)
        );
        assert_eq!(fs::read(&out).unwrap(), previous, "{}", describe(c));
    }
}

#[test]
fn every_bad_plan_is_refused_by_the_loader_and_the_app() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = app_with_profile(tmp.path());
    let mut failures = Vec::new();
    for c in CASES.iter().filter(|c| c.kind == Kind::Plan) {
        let path = corpus_dir().join(c.file);
        match load_plan(&path) {
            Ok(_) if c.app_only => {}
            Ok(_) => failures.push(format!("{}: load_plan accepted it", describe(c))),
            Err(e) if c.app_only => failures.push(format!(
                "{}: load_plan refused it, but only the app was expected to: {e}",
                describe(c)
            )),
            Err(e) => {
                let text = e.to_string();
                if matching_line(&text, c.file, c.field, c.problem).is_none() {
                    failures.push(format!(
                        "{}: no message names file and field: {text}",
                        describe(c)
                    ));
                }
            }
        }
        failures.extend(check_app_refuses(&mut app, Kind::Plan, &path, c));
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn a_bom_before_a_valid_profile_is_accepted() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("bom-valid-profile.json");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(GOOD_PROFILE.as_bytes());
    fs::write(&path, &bytes).unwrap();
    let o = gachi(&[
        "plan",
        "--profile",
        path.to_str().unwrap(),
        "--as-of",
        "2026-12",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("\"gachi-plan/1\""));
    let mut app = GachiApp::new(builtin().unwrap(), ym("2026-12"));
    assert!(app.open_profile_path(&path));
    assert_eq!(app.state.profile.name, "대성주물");
}

/// A file that would be a valid profile but for its size: the cap alone refuses it.
fn padded_profile(path: &Path, total: u64) {
    use std::io::Write;
    let head = b"{\"format\": \"gachi-profile/1\", \"name\": \"big\"";
    let tail = b"}\n";
    let pad = total - (head.len() + tail.len()) as u64;
    let mut f = std::io::BufWriter::new(fs::File::create(path).unwrap());
    f.write_all(head).unwrap();
    let chunk = vec![b' '; 1 << 20];
    let mut left = pad;
    while left > 0 {
        let n = left.min(chunk.len() as u64) as usize;
        f.write_all(&chunk[..n]).unwrap();
        left -= n as u64;
    }
    f.write_all(tail).unwrap();
    f.flush().unwrap();
}

#[test]
fn a_file_over_the_size_cap_is_refused_everywhere() {
    let tmp = tempfile::tempdir().unwrap();
    let big = tmp.path().join("huge-profile.json");
    padded_profile(&big, 33 * 1024 * 1024);
    assert!(fs::metadata(&big).unwrap().len() > MAX_FILE_BYTES);
    let size_message = "larger than 32 MB";

    let out = tmp.path().join("plan.json");
    fs::write(&out, b"previous\n").unwrap();
    let o = gachi(&[
        "plan",
        "--profile",
        big.to_str().unwrap(),
        "--as-of",
        "2026-12",
        "--out",
        out.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("huge-profile.json") && err.contains(size_message),
        "{err}"
    );
    assert_eq!(fs::read(&out).unwrap(), b"previous\n");

    let o = gachi(&["check-catalogue", big.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("huge-profile.json") && err.contains(size_message),
        "{err}"
    );

    for e in [
        load_profile(&big, ym("2026-12")).map(|_| ()).unwrap_err(),
        load_catalogue(&big).map(|_| ()).unwrap_err(),
        load_plan(&big).map(|_| ()).unwrap_err(),
    ] {
        let text = e.to_string();
        assert!(
            text.contains("huge-profile.json") && text.contains(size_message),
            "{text}"
        );
    }

    let mut app = app_with_profile(tmp.path());
    let before = state(&app);
    assert!(!app.open_profile_path(&big));
    assert!(!app.open_catalogue_path(&big));
    assert!(!app.open_plan_path(&big));
    assert_eq!(state(&app), before);
    let last = app.rt.notices.last().expect("a notice");
    assert!(
        last.detail.contains("huge-profile.json") && last.detail.contains(size_message),
        "{}",
        last.detail
    );
}

#[test]
fn a_file_exactly_at_the_size_cap_is_read() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("at-cap.json");
    padded_profile(&path, MAX_FILE_BYTES);
    assert_eq!(fs::metadata(&path).unwrap().len(), MAX_FILE_BYTES);
    let p = load_profile(&path, ym("2026-12")).expect("a file of exactly the cap is read");
    assert_eq!(p.name, "big");
}

#[test]
fn nesting_far_deeper_than_the_corpus_is_an_error_not_a_stack_overflow() {
    let now = ym("2026-12");
    for depth in [129usize, 100_000, 1_000_000] {
        let arrays = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let objects = format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth));
        for doc in [&arrays, &objects] {
            let e = gachi::profile::parse_profile(doc.as_bytes(), now).unwrap_err();
            assert!(e[0].message.en.contains("recursion limit"), "{e:?}");
            let e = gachi::catalogue::parse_catalogue(doc.as_bytes())
                .map(|_| ())
                .unwrap_err();
            assert!(e[0].message.en.contains("recursion limit"), "{e:?}");
            let e = gachi::plan::parse_plan(doc.as_bytes())
                .map(|_| ())
                .unwrap_err();
            assert!(e[0].message.en.contains("recursion limit"), "{e:?}");
        }
    }
}

/// No `.gachi-*.tmp` file (write_atomic's temporary) left in `dir`.
fn temp_files_in(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .map(|rd| {
            rd.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with(".gachi-") || n.ends_with(".tmp"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_write_into_a_missing_folder_fails_cleanly() {
    let tmp = tempfile::tempdir().unwrap();
    let old = tmp.path().join("plan.json");
    fs::write(&old, b"old plan\n").unwrap();
    let target = tmp.path().join("no-such-folder").join("plan.json");
    let e = write_atomic(&target, b"new plan\n").expect_err("the folder is missing");
    assert!(e.to_string().contains("plan.json"), "{e}");
    assert!(!tmp.path().join("no-such-folder").exists());
    assert_eq!(fs::read(&old).unwrap(), b"old plan\n");
    assert!(temp_files_in(tmp.path()).is_empty());
}

#[test]
fn a_write_below_a_file_fails_cleanly() {
    // The parent "folder" is a file: fails even for root.
    let tmp = tempfile::tempdir().unwrap();
    let old = tmp.path().join("plan.json");
    fs::write(&old, b"old plan\n").unwrap();
    let e = write_atomic(&old.join("inner.json"), b"new\n").expect_err("parent is a file");
    assert!(e.to_string().contains("inner.json"), "{e}");
    assert_eq!(fs::read(&old).unwrap(), b"old plan\n");
    assert!(temp_files_in(tmp.path()).is_empty());
}

#[test]
fn a_write_over_a_folder_fails_cleanly() {
    // The target is a non-empty folder: the rename fails, the temporary is removed.
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("plan.json");
    fs::create_dir(&target).unwrap();
    fs::write(target.join("keep.txt"), b"kept\n").unwrap();
    let e = write_atomic(&target, b"new plan\n").expect_err("the target is a folder");
    assert!(e.to_string().contains("plan.json"), "{e}");
    assert!(target.is_dir());
    assert_eq!(fs::read(target.join("keep.txt")).unwrap(), b"kept\n");
    assert!(temp_files_in(tmp.path()).is_empty());
    assert!(temp_files_in(&target).is_empty());
}

#[cfg(unix)]
#[test]
fn a_write_into_a_read_only_folder_fails_cleanly() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("read-only");
    fs::create_dir(&dir).unwrap();
    let old = dir.join("plan.json");
    fs::write(&old, b"old plan\n").unwrap();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o555)).unwrap();
    // Root (and some file systems) ignore the permission bits: find out first.
    let probe = dir.join(".probe");
    let writable = fs::write(&probe, b"").is_ok();
    if writable {
        let _ = fs::remove_file(&probe);
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
        println!(
            "note: skipped the read-only-folder case: this user can write into a \
             read-only folder (running as root?)"
        );
        return;
    }
    let result = write_atomic(&old, b"new plan\n");
    let leftovers = temp_files_in(&dir);
    let content = fs::read(&old).unwrap();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
    let e = result.expect_err("the folder is read-only");
    assert!(e.to_string().contains("plan.json"), "{e}");
    assert_eq!(content, b"old plan\n");
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// When a programme is invalid for a reason that has nothing to do with its id
/// (here `provenance.url` is `file:`), links to it are not also reported as
/// pointing to a programme "which is not in the catalogue" (a bug once).
#[test]
fn an_invalid_programme_is_not_reported_as_missing() {
    let mut wrong = Vec::new();
    for file in [
        "catalogue-file-url.json",
        "catalogue-missing-provenance.json",
    ] {
        let path = corpus_dir().join(file);
        let o = gachi(&["check-catalogue", path.to_str().unwrap()]);
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        if err.contains("\"motie-beta\", which is not in the catalogue") {
            wrong.push(err);
        }
    }
    assert!(
        wrong.is_empty(),
        "a programme that is in the file but invalid is also reported as \
         a missing link target:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn a_missing_file_or_a_folder_is_bad_input() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("no-such-profile.json");
    let folder = tmp.path().join("a-folder.json");
    fs::create_dir(&folder).unwrap();
    for (path, problem) in [(&missing, "cannot open"), (&folder, "is a folder")] {
        let name = path.file_name().unwrap().to_str().unwrap();
        let o = gachi(&[
            "plan",
            "--profile",
            path.to_str().unwrap(),
            "--as-of",
            "2026-12",
        ]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(matching_line(&err, name, "", problem).is_some(), "{err}");
        let o = gachi(&["check-catalogue", path.to_str().unwrap()]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(matching_line(&err, name, "", problem).is_some(), "{err}");
        let e = load_plan(path).map(|_| ()).unwrap_err().to_string();
        assert!(matching_line(&e, name, "", problem).is_some(), "{e}");
    }
}

/// Text from an untrusted file is quoted with its control characters escaped, so a
/// value holding a line break cannot forge a second message line and ANSI escape
/// codes never reach the terminal (a bug once).
#[test]
fn control_characters_from_a_file_are_escaped_in_messages() {
    let path = corpus_dir().join("profile-region-control-chars.json");
    let o = gachi(&[
        "plan",
        "--profile",
        path.to_str().unwrap(),
        "--as-of",
        "2026-12",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    let lines = err.lines().count();
    let escapes = o.stderr.contains(&0x1b);
    assert!(
        lines == 1 && !escapes,
        "one problem printed as {lines} lines, ANSI escapes passed through: \
         {escapes}:\n{err:?}"
    );
}

/// A plan for a far month is either refused as bad input or can be read back: no
/// month past 9999-12 is ever written (a bug once).
#[test]
fn a_plan_at_the_last_month_is_refused_or_readable() {
    let tmp = tempfile::tempdir().unwrap();
    let profile = tmp.path().join("good-profile.json");
    fs::write(&profile, GOOD_PROFILE).unwrap();
    let out = tmp.path().join("far-plan.json");
    let o = gachi(&[
        "plan",
        "--profile",
        profile.to_str().unwrap(),
        "--as-of",
        "9999-12",
        "--out",
        out.to_str().unwrap(),
    ]);
    match o.status.code() {
        // Refusing the month as bad input would be one fix.
        Some(2) => assert!(!out.exists()),
        Some(0) => {
            let read = load_plan(&out);
            assert!(
                read.is_ok(),
                "the plan gachi wrote cannot be read back: {}",
                read.map(|_| ()).unwrap_err()
            );
        }
        other => panic!(
            "exit code {other:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        ),
    }
}

/// A programme's optional `feed` notice url is checked like `provenance.url`:
/// `javascript:` and `file:` are refused.
#[test]
fn a_feed_url_is_limited_to_http() {
    let base = fs::read_to_string(corpus_dir().join("catalogue-self-share-150.json")).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&base).unwrap();
    v["programmes"][1]["support"]["self_share_pct"] = 30.into();
    v["programmes"][0]["feed"] = serde_json::json!({
        "source": "bizinfo", "notice_id": "1", "title": "t", "period_text": "p",
        "url": "javascript:alert(1)"
    });
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("feed-javascript-url.json");
    fs::write(&path, v.to_string()).unwrap();
    let o = gachi(&["check-catalogue", path.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
}

/// In Korean (the app's default) the same refusal names the file and the field in Korean.
#[test]
fn the_korean_app_names_the_file_and_field_in_korean() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = app_with_profile(tmp.path());
    app.state.lang = gachi::text::Lang::Ko;
    let path = corpus_dir().join("profile-bom-broken.json");
    assert!(!app.open_profile_path(&path));
    let n = app.rt.notices.last().expect("a notice");
    assert!(n.error);
    assert!(n.detail.contains("profile-bom-broken.json"), "{}", n.detail);
    assert!(n.detail.contains("필드 \"employees\""), "{}", n.detail);
    assert!(
        n.detail.contains("이전 내용을 그대로 유지합니다"),
        "{}",
        n.detail
    );
}
