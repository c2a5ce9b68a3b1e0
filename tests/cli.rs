//! The `gachi` command line as a user runs it (spec/formats.md §3): exit codes 0/2/1,
//! one message per problem naming the file and the field, atomic `--out` that is never
//! touched on failure, and `check-catalogue`.

mod common;

use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs gachi with English messages whatever the machine's locale (LANG=C), as
/// the tests below expect.
fn gachi(args: &[&str]) -> Output {
    gachi_with_lang(args, "C.UTF-8")
}

/// Runs gachi with `LANG` set to `lang`.
fn gachi_with_lang(args: &[&str], lang: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gachi"))
        .args(args)
        .env("LANG", lang)
        .output()
        .expect("the gachi binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn builtin_catalogue_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join("catalogue.json")
}

/// 대성주물, the 뿌리 casting micro-firm of case a.
fn good_profile() -> Value {
    common::case_profile_json("a-root-micro-casting")
}

fn write(dir: &Path, name: &str, contents: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, contents).expect("write test file");
    p
}

fn write_json(dir: &Path, name: &str, v: &Value) -> PathBuf {
    write(
        dir,
        name,
        serde_json::to_string_pretty(v).expect("json").as_bytes(),
    )
}

/// `gachi plan` of a profile file at a month, written to `out`.
fn plan_out(profile: &Path, as_of: &str, out: &Path) -> Output {
    gachi(&[
        "plan",
        "--profile",
        s(profile),
        "--as-of",
        as_of,
        "--out",
        s(out),
    ])
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn plan_with_a_good_profile_prints_a_valid_plan() {
    let dir = tempfile::tempdir().unwrap();
    let profile = write_json(dir.path(), "profile.json", &good_profile());
    let o = gachi(&["plan", "--profile", s(&profile), "--as-of", "2026-12"]);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let out = stdout(&o);
    let v: Value = serde_json::from_str(&out).expect("stdout is JSON");
    assert_eq!(v["format"], "gachi-plan/1");
    assert_eq!(v["as_of"], "2026-12");
    assert!(
        v["generated_by"]
            .as_str()
            .is_some_and(|g| g.starts_with("gachi "))
    );
    assert_eq!(v["catalogue"]["id"], "gachi-kr");
    assert_eq!(
        v["catalogue"]["sha256"].as_str().map(str::len),
        Some(64),
        "sha256 of the catalogue"
    );
    // The profile is echoed whole.
    for (k, want) in good_profile().as_object().unwrap() {
        assert_eq!(&v["profile"][k], want, "profile.{k} echoed");
    }
    assert_eq!(v["size_class"], "micro");
    let steps = v["steps"].as_array().expect("steps");
    assert!(!steps.is_empty());
    assert_eq!(v["totals"]["steps"].as_u64(), Some(steps.len() as u64));
    for (k, st) in steps.iter().enumerate() {
        assert_eq!(st["order"].as_u64(), Some(k as u64 + 1));
        assert!(matches!(
            st["eligibility"].as_str(),
            Some("eligible" | "verify")
        ));
    }
    assert!(v["not_eligible"].is_array());
    // The library reads back what the command line wrote.
    let plan = gachi::plan::parse_plan(out.as_bytes()).expect("parse_plan reads it");
    assert_eq!(plan.steps.len(), steps.len());
}

#[test]
fn plan_with_out_writes_the_file_and_nothing_on_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let profile = write_json(dir.path(), "profile.json", &good_profile());
    let out = dir.path().join("plan.json");
    let o = plan_out(&profile, "2026-12", &out);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    assert!(o.stdout.is_empty(), "stdout: {}", stdout(&o));
    let text = std::fs::read_to_string(&out).expect("plan file written");
    let v: Value = serde_json::from_str(&text).expect("plan file is JSON");
    assert_eq!(v["format"], "gachi-plan/1");
    // Overwriting an existing plan also works, and leaves no temporary files behind.
    let again = plan_out(&profile, "2027-01", &out);
    assert_eq!(again.status.code(), Some(0), "stderr: {}", stderr(&again));
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["as_of"], "2027-01");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        vec!["plan.json", "profile.json"],
        "files: {names:?}"
    );
}

/// Runs `plan` on a broken profile with an existing `--out` file; checks exit 2, the
/// message names the file and (where there is one) the field, and the old file is
/// byte-for-byte unchanged.
fn rejects(file_name: &str, contents: &[u8], field: Option<&str>, also: &[&str]) {
    rejects_at("2026-12", file_name, contents, field, also);
}

fn rejects_at(as_of: &str, file_name: &str, contents: &[u8], field: Option<&str>, also: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let profile = write(dir.path(), file_name, contents);
    let old = "{\"old\": \"plan\"}\n  keep me exactly\u{00a0}\n".as_bytes();
    let out = write(dir.path(), "existing-plan.json", old);
    let o = plan_out(&profile, as_of, &out);
    let err = stderr(&o);
    assert_eq!(
        o.status.code(),
        Some(2),
        "{file_name}: expected exit 2; stderr: {err}"
    );
    assert!(
        err.contains(file_name),
        "{file_name}: stderr should name the file: {err}"
    );
    if let Some(f) = field {
        assert!(
            err.contains(f),
            "{file_name}: stderr should name the field {f:?}: {err}"
        );
    }
    for a in also {
        assert!(
            err.contains(a),
            "{file_name}: stderr should mention {a:?}: {err}"
        );
    }
    assert!(o.stdout.is_empty(), "{file_name}: nothing on stdout");
    assert_eq!(
        std::fs::read(&out).unwrap(),
        old,
        "{file_name}: the existing --out file must be unchanged"
    );
    let count = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(count, 2, "{file_name}: no other file may be left behind");
}

fn with(field: &str, value: Value) -> Vec<u8> {
    let mut p = good_profile();
    p[field] = value;
    serde_json::to_vec_pretty(&p).unwrap()
}

#[test]
fn bad_json_is_rejected() {
    rejects(
        "bad-json.json",
        b"{ \"format\": \"gachi-profile/1\", \"name\": \"x\", ",
        None,
        &[],
    );
    rejects("not-json.json", b"format = gachi", None, &[]);
}

#[test]
fn unknown_region_is_rejected() {
    rejects(
        "bad-region.json",
        &with("region", json!("gyungnam")),
        Some("region"),
        &["gyungnam"],
    );
}

#[test]
fn negative_employees_are_rejected() {
    rejects(
        "negative-employees.json",
        &with("employees", json!(-3)),
        Some("employees"),
        &[],
    );
}

#[test]
fn a_future_founding_date_is_rejected() {
    rejects(
        "future-founded.json",
        &with("founded", json!("2099-01")),
        Some("founded"),
        &[],
    );
}

#[test]
fn a_founding_date_after_the_plan_month_is_rejected() {
    // Not in the future today, but after the month the plan is made for.
    rejects_at(
        "2025-06",
        "founded-after-plan.json",
        &with("founded", json!("2025-07")),
        Some("founded"),
        &[],
    );
}

#[test]
fn a_founding_date_after_today_is_rejected_even_for_a_later_plan_month() {
    // The contract rejects a future founding date; planning for a later month does
    // not make a firm founded after today valid.
    let today = gachi::files::current_month();
    let founded = today.plus_months(3).to_string();
    let as_of = today.plus_months(6).to_string();
    rejects_at(
        &as_of,
        "founded-after-today.json",
        &with("founded", json!(founded)),
        Some("founded"),
        &[],
    );
}

#[test]
fn a_wrong_format_version_is_rejected() {
    rejects(
        "format-v2.json",
        &with("format", json!("gachi-profile/2")),
        Some("format"),
        &[],
    );
    rejects(
        "not-a-profile.json",
        &with("format", json!("gachi-plan/1")),
        Some("format"),
        &[],
    );
}

#[test]
fn every_problem_of_a_profile_is_listed() {
    let mut p = good_profile();
    p["region"] = json!("gyungnam");
    p["employees"] = json!(-1);
    p["goals"] = json!(["automation", "world_peace"]);
    let dir = tempfile::tempdir().unwrap();
    let profile = write_json(dir.path(), "many.json", &p);
    let o = gachi(&["plan", "--profile", s(&profile), "--as-of", "2026-12"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    for field in ["region", "employees", "goals"] {
        assert!(err.contains(field), "should list {field}: {err}");
    }
    let lines = err.lines().filter(|l| l.contains("many.json")).count();
    assert!(
        lines >= 3,
        "one message per problem, each naming the file: {err}"
    );
}

#[test]
fn a_missing_profile_file_is_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere.json");
    let o = gachi(&["plan", "--profile", s(&missing), "--as-of", "2026-12"]);
    assert_eq!(o.status.code(), Some(2), "stderr: {}", stderr(&o));
    assert!(stderr(&o).contains("nowhere.json"), "{}", stderr(&o));
}

#[test]
fn a_bad_as_of_is_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let profile = write_json(dir.path(), "profile.json", &good_profile());
    for bad in ["2026-13", "2026/12", "december", "2026-1"] {
        let out = dir.path().join("plan.json");
        let o = plan_out(&profile, bad, &out);
        assert_eq!(o.status.code(), Some(2), "--as-of {bad}: {}", stderr(&o));
        assert!(stderr(&o).contains(bad), "--as-of {bad}: {}", stderr(&o));
        assert!(!out.exists(), "--as-of {bad}: no plan written");
    }
}

#[test]
fn out_into_a_missing_folder_fails_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let profile = write_json(dir.path(), "profile.json", &good_profile());
    let folder = dir.path().join("no-such-folder");
    let out = folder.join("plan.json");
    let o = plan_out(&profile, "2026-12", &out);
    assert_ne!(o.status.code(), Some(0), "must fail");
    assert!(o.status.code().is_some(), "must exit, not crash");
    assert!(!stderr(&o).trim().is_empty(), "must say why");
    assert!(!folder.exists(), "the folder must not be created");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "nothing else created: {names:?}");
}

#[test]
fn plan_with_an_explicit_catalogue_file() {
    let dir = tempfile::tempdir().unwrap();
    let profile = write_json(dir.path(), "profile.json", &good_profile());
    let cat = builtin_catalogue_path();
    let o = gachi(&[
        "plan",
        "--profile",
        s(&profile),
        "--catalogue",
        s(&cat),
        "--as-of",
        "2026-12",
    ]);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let with_file: Value = serde_json::from_slice(&o.stdout).unwrap();
    let o2 = gachi(&["plan", "--profile", s(&profile), "--as-of", "2026-12"]);
    let built_in: Value = serde_json::from_slice(&o2.stdout).unwrap();
    assert_eq!(
        with_file, built_in,
        "the built-in catalogue is data/catalogue.json"
    );
}

#[test]
fn check_catalogue_accepts_the_shipped_catalogue() {
    let path = builtin_catalogue_path();
    let o = gachi(&["check-catalogue", s(&path)]);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let raw: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let n = raw["programmes"].as_array().unwrap().len();
    let out = stdout(&o);
    // A summary line and a freshness line whose counts add up to the programmes.
    assert_eq!(
        out.trim().lines().count(),
        2,
        "summary and freshness: {out}"
    );
    let fresh = out.trim().lines().nth(1).unwrap_or_default();
    let cycle = raw["programmes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| {
            p["windows"]["calls"].as_array().is_some_and(|c| {
                c.iter()
                    .any(|c| c["open"].as_str().unwrap_or("") >= "2025-09")
            })
        })
        .count();
    assert!(
        fresh.starts_with(&format!("freshness: {cycle} with a call in the 2026 cycle")),
        "{fresh}"
    );
    assert!(fresh.contains(&format!("of {n} checked")), "{fresh}");
    assert!(
        out.contains(&format!("{n} programmes")),
        "summary should give the programme count {n}: {out}"
    );
    assert!(out.contains("links"), "summary mentions links: {out}");
    assert!(
        out.contains("MOTIE") && out.contains("MSS"),
        "ministries: {out}"
    );
}

#[test]
fn check_catalogue_lists_every_problem() {
    let raw: Value =
        serde_json::from_str(&std::fs::read_to_string(builtin_catalogue_path()).unwrap()).unwrap();
    let mut cat = raw.clone();
    let progs = cat["programmes"].as_array_mut().unwrap();
    // Problem 1: a second programme with the id of the first.
    let mut dup = progs[1].clone();
    let dup_id = progs[0]["id"].as_str().unwrap().to_string();
    dup["id"] = json!(dup_id);
    dup["links"] = json!([]);
    progs.push(dup);
    // Problem 2: a link to a programme that does not exist.
    if !progs[2]["links"].is_array() {
        progs[2]["links"] = json!([]);
    }
    let links = progs[2]["links"].as_array().map_or(0, Vec::len);
    progs[2]["links"].as_array_mut().unwrap().push(json!({
        "to": "mss-does-not-exist",
        "kind": "follow_on",
        "source": "test"
    }));
    let dir = tempfile::tempdir().unwrap();
    let file = write_json(dir.path(), "broken-catalogue.json", &cat);
    let o = gachi(&["check-catalogue", s(&file)]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "stderr: {err}");
    assert!(
        err.contains("broken-catalogue.json"),
        "names the file: {err}"
    );
    assert!(
        err.contains(&dup_id) && err.to_lowercase().contains("duplicate"),
        "reports the duplicate id {dup_id}: {err}"
    );
    assert!(
        err.contains("mss-does-not-exist"),
        "reports the dangling link: {err}"
    );
    assert!(
        err.contains(&format!("programmes[2].links[{links}]")),
        "locates the dangling link by its JSON path: {err}"
    );
    assert!(err.lines().count() >= 2, "one line per problem: {err}");

    // The same catalogue used for a plan is bad input too, and nothing is written.
    let profile = write_json(dir.path(), "profile.json", &good_profile());
    let out = dir.path().join("plan.json");
    let o = gachi(&[
        "plan",
        "--profile",
        s(&profile),
        "--catalogue",
        s(&file),
        "--as-of",
        "2026-12",
        "--out",
        s(&out),
    ]);
    assert_eq!(o.status.code(), Some(2), "stderr: {}", stderr(&o));
    assert!(!out.exists());
}

#[test]
fn check_catalogue_on_a_file_that_is_not_json() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "junk.json", b"\x00\x01 not json");
    let o = gachi(&["check-catalogue", s(&file)]);
    assert_eq!(o.status.code(), Some(2), "stderr: {}", stderr(&o));
    assert!(stderr(&o).contains("junk.json"));
}

#[test]
fn report_ics_and_diff_commands_work_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("firm.json");
    std::fs::write(&profile, good_profile().to_string()).unwrap();
    let plan_a = dir.path().join("a.plan.json");
    let o = plan_out(&profile, "2026-12", &plan_a);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut bigger = good_profile();
    bigger["employees"] = json!(45);
    std::fs::write(&profile, bigger.to_string()).unwrap();
    let plan_b = dir.path().join("b.plan.json");
    let o = plan_out(&profile, "2026-12", &plan_b);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    let html = dir.path().join("r.html");
    let o = gachi(&[
        "report",
        "--plan",
        plan_a.to_str().unwrap(),
        "--out",
        html.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(&html).unwrap();
    assert!(text.contains("대성주물") && text.contains("<svg"));
    let ics = dir.path().join("p.ics");
    let o = gachi(&[
        "ics",
        "--plan",
        plan_a.to_str().unwrap(),
        "--out",
        ics.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        std::fs::read_to_string(&ics)
            .unwrap()
            .contains("BEGIN:VEVENT")
    );
    let o = gachi(&["diff", plan_a.to_str().unwrap(), plan_b.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("소공인 스마트제조 지원"),
        "{}",
        stdout(&o)
    );
    let o = gachi(&[
        "diff",
        plan_a.to_str().unwrap(),
        plan_b.to_str().unwrap(),
        "--json",
    ]);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["format"], "gachi-plan-diff/1");
    // A bad plan is bad input, and nothing is written.
    let o = gachi(&[
        "report",
        "--plan",
        profile.to_str().unwrap(),
        "--out",
        dir.path().join("x.html").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!dir.path().join("x.html").exists());
    let o = gachi(&[
        "report",
        "--plan",
        plan_a.to_str().unwrap(),
        "--out",
        html.to_str().unwrap(),
        "--lang",
        "fr",
    ]);
    assert_eq!(o.status.code(), Some(2));
}

/// A profile whose region is misspelt, written as `bad.json`.
fn bad_region_profile(dir: &Path) -> PathBuf {
    let mut p = good_profile();
    p["region"] = json!("gyungnam");
    write_json(dir, "bad.json", &p)
}

#[test]
fn messages_follow_lang_korean() {
    let dir = tempfile::tempdir().unwrap();
    let bad = bad_region_profile(dir.path());
    let o = gachi_with_lang(
        &["plan", "--profile", s(&bad), "--as-of", "2026-12"],
        "ko_KR.UTF-8",
    );
    assert_eq!(o.status.code(), Some(2), "stderr: {}", stderr(&o));
    let err = stderr(&o);
    let line = err
        .lines()
        .find(|l| l.contains("bad.json"))
        .unwrap_or_default();
    assert!(
        line.contains(
            "bad.json: 필드 \"region\": 알 수 없는 지역 \"gyungnam\"; 가능한 값: seoul, busan"
        ),
        "{err}"
    );
    assert!(!err.contains("expected one of"), "no English: {err}");
}

#[test]
fn the_lang_flag_overrides_lang() {
    let dir = tempfile::tempdir().unwrap();
    let bad = bad_region_profile(dir.path());
    let args = ["plan", "--profile", s(&bad), "--as-of", "2026-12"];
    let en = gachi_with_lang(&[&args[..], &["--lang", "en"]].concat(), "ko_KR.UTF-8");
    assert_eq!(en.status.code(), Some(2));
    assert!(
        stderr(&en).contains(
            "bad.json: field \"region\": unknown region \"gyungnam\"; expected one of seoul, busan"
        ),
        "{}",
        stderr(&en)
    );
    // The flag may come before the command too, and choose Korean under LANG=C.
    let ko = gachi_with_lang(&[&["--lang", "ko"][..], &args[..]].concat(), "C.UTF-8");
    assert_eq!(ko.status.code(), Some(2));
    assert!(
        stderr(&ko).contains("bad.json: 필드 \"region\": 알 수 없는 지역"),
        "{}",
        stderr(&ko)
    );
    // Without the flag and without a Korean LANG: English.
    let plain = gachi_with_lang(&args, "en_US.UTF-8");
    assert!(
        stderr(&plain).contains("unknown region"),
        "{}",
        stderr(&plain)
    );
    // A missing file, a bad catalogue and a bad plan are Korean too; exit codes kept.
    let missing = dir.path().join("nowhere.json");
    let o = gachi_with_lang(
        &["plan", "--profile", s(&missing), "--as-of", "2026-12"],
        "ko_KR.UTF-8",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("nowhere.json: 파일을 열 수 없습니다"),
        "{}",
        stderr(&o)
    );
    let o = gachi_with_lang(&["check-catalogue", s(&bad)], "ko_KR.UTF-8");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(
            "bad.json: 필드 \"format\": \"gachi-profile/1\"은 같이(Gachi) 카탈로그 파일이 아닙니다"
        ),
        "{}",
        stderr(&o)
    );
    let out = dir.path().join("r.html");
    let o = gachi_with_lang(
        &["report", "--plan", s(&bad), "--out", s(&out)],
        "ko_KR.UTF-8",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("bad.json: 필드 \"format\""),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
}

#[test]
fn a_misspelled_field_is_warned_about_with_the_field_it_likely_means() {
    // Trial 2026-11: "regoin": "busan" gave exit 0 and a plan with the region unknown.
    let dir = tempfile::tempdir().expect("temp dir");
    let mut p = good_profile();
    let region = p["region"].take();
    p.as_object_mut().expect("object").remove("region");
    p["regoin"] = region;
    let file = write_json(dir.path(), "typo.json", &p);
    let f = file.to_str().expect("utf-8 path");
    let ko = gachi_with_lang(
        &["plan", "--profile", f, "--as-of", "2026-11"],
        "ko_KR.UTF-8",
    );
    assert!(ko.status.success(), "still a plan: {}", stderr(&ko));
    let e = stderr(&ko);
    assert!(e.contains("typo.json"), "{e}");
    assert!(e.contains("\"regoin\"") && e.contains("\"region\""), "{e}");
    let en = gachi(&["plan", "--profile", f, "--as-of", "2026-11"]);
    assert!(
        stderr(&en).contains("Did you mean \"region\"?"),
        "{}",
        stderr(&en)
    );
    // A correct file gets no such warning.
    let good = write_json(dir.path(), "good.json", &good_profile());
    let ok = gachi(&[
        "plan",
        "--profile",
        good.to_str().expect("utf-8"),
        "--as-of",
        "2026-11",
    ]);
    assert!(!stderr(&ok).contains("Unknown field"), "{}", stderr(&ok));
}

/// Issue 17: `gachi plan` reads the statuses of the profile's applications and
/// `gachi report` prints them; a bad status is refused naming its record.
#[test]
fn plan_and_report_follow_the_applications() {
    let dir = tempfile::tempdir().unwrap();
    let profile = common::case_profile_json("o-applications-welding-firm");
    let prof = write_json(dir.path(), "firm.json", &profile);
    let plan_path = dir.path().join("plan.json");
    let o = gachi(&[
        "plan",
        "--profile",
        s(&prof),
        "--as-of",
        "2026-12",
        "--out",
        s(&plan_path),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let plan: Value = serde_json::from_slice(&std::fs::read(&plan_path).unwrap()).unwrap();
    let step = |id: &str| {
        plan["steps"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["programme_id"] == id)
            .unwrap_or_else(|| panic!("{id} is a step"))
            .clone()
    };
    assert_eq!(
        step("mss-smart-factory")["application"]["status"],
        "selected"
    );
    assert_eq!(step("mss-smart-factory")["start"], "2026-06");
    assert_eq!(
        step("mss-export-voucher")["history"][0]["status"],
        "applied"
    );
    assert_eq!(
        step("mss-tech-innovation-rnd")["application"]["month"],
        "2026-11"
    );

    let report = dir.path().join("report.html");
    let o = gachi(&["report", "--plan", s(&plan_path), "--out", s(&report)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(html.contains("선정됨 · 2026-06") && html.contains("탈락 · 2026-10"));

    // Records that do not fit are warned about, naming the field; the plan is made.
    let mut odd = profile.clone();
    odd["applications"].as_array_mut().unwrap().push(
        json!({"programme_id": "no-such-programme", "status": "applied", "month": "2026-10"}),
    );
    odd["applications"][4]["documents_ready"] = json!(["사업계획서"]);
    odd["applications"][1]["month"] = json!("2027-05");
    let odd_path = write_json(dir.path(), "odd.json", &odd);
    let o = gachi_with_lang(
        &["plan", "--profile", s(&odd_path), "--as-of", "2026-12"],
        "ko_KR.UTF-8",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    for want in [
        "필드 \"applications[5].programme_id\": 카탈로그에 없는 사업 \"no-such-programme\"",
        "필드 \"applications[4].documents_ready[0]\": \"사업계획서\"는 이 사업의 제출 서류 목록에 없어",
        "필드 \"applications[1].month\": 2027-05는 계획 월 2026-12보다 나중입니다",
    ] {
        assert!(err.contains(want), "{want}\n{err}");
    }
    let plan: Value = serde_json::from_slice(&o.stdout).unwrap();
    let rnd = plan["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["programme_id"] == "mss-tech-innovation-rnd")
        .expect("R&D step");
    assert!(
        rnd["documents"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["ko"] == "사업계획서" && d["ready"] == true && d["listed"] == false),
        "the unlisted tick is kept: {}",
        rnd["documents"]
    );

    let mut bad = profile.clone();
    bad["applications"][1]["status"] = json!("won");
    let bad_path = write_json(dir.path(), "bad.json", &bad);
    let o = gachi_with_lang(&["plan", "--profile", s(&bad_path)], "ko_KR.UTF-8");
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("applications[1].status") && err.contains("won"),
        "{err}"
    );
}

/// `gachi plan … | head`: a reader that stops reading is not an error (the plan is
/// larger than a pipe's buffer, so the write meets the closed pipe every time).
#[test]
fn a_closed_pipe_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let prof = write_json(
        dir.path(),
        "firm.json",
        &common::case_profile_json("o-applications-welding-firm"),
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_gachi"))
        .args(["plan", "--profile", s(&prof), "--as-of", "2026-12"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}
