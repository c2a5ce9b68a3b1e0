//! `gachi report`, `gachi ics` and `gachi diff`: read plan files, render them with
//! the pure functions of [`crate::export`], and write the result atomically.

use super::{Langs, Outcome, print_out, write_file};
use crate::export::{diff_plans, diff_text, plan_ics, report_html};
use crate::files;
use crate::plan::Plan;
use crate::text::Lang;
use std::io::Write;
use std::path::Path;

/// Writes `report_html` of the plan file `plan` to `out` (atomically).
pub fn run_report(plan: &Path, out: &Path, lang: Lang) -> Outcome {
    let plan = match files::load_plan(plan) {
        Ok(p) => p,
        Err(e) => return Outcome::BadInput(e.lines()),
    };
    write_out(out, report_html(&plan, lang).as_bytes())
}

/// Writes `plan_ics` of the plan file `plan` to `out` (atomically).
pub fn run_ics(plan: &Path, out: &Path, lang: Lang) -> Outcome {
    let plan = match files::load_plan(plan) {
        Ok(p) => p,
        Err(e) => return Outcome::BadInput(e.lines()),
    };
    write_out(out, plan_ics(&plan, lang).as_bytes())
}

/// Compares two plan files and prints the differences (text, or JSON with `json`) to
/// standard output. Problems with either file are all reported (exit 2).
pub fn run_diff(a: &Path, b: &Path, json: bool, lang: Lang) -> Outcome {
    let mut problems = Vec::new();
    let pa = files::load_plan(a)
        .map_err(|e| problems.extend(e.lines()))
        .ok();
    let pb = files::load_plan(b)
        .map_err(|e| problems.extend(e.lines()))
        .ok();
    let (Some(pa), Some(pb)) = (pa, pb) else {
        return Outcome::BadInput(problems);
    };
    let d = diff_plans(&pa, &pb);
    let text = if json {
        // The diff holds only strings, numbers and lists: serialising cannot fail.
        serde_json::to_string_pretty(&d).unwrap_or_default() + "\n"
    } else {
        diff_text(&d, lang)
    };
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
    {
        Ok(()) => Outcome::Ok,
        Err(e) => Outcome::Failed(format!("cannot write to standard output: {e}")),
    }
}

fn write_out(out: &Path, bytes: &[u8]) -> Outcome {
    match files::write_atomic(out, bytes) {
        Ok(()) => Outcome::Ok,
        Err(e) => Outcome::Failed(e.to_string()),
    }
}

/// Reads a plan for `report`, `ics` or `diff`, its problems added in `lang`.
/// These commands read plans here so that a bad plan file is reported in the
/// message language while what they write is in the output language.
fn load_plan_in(path: &Path, lang: Lang, problems: &mut Vec<String>) -> Option<Plan> {
    files::load_plan(path)
        .map_err(|e| problems.extend(e.lines_in(lang)))
        .ok()
}

/// `gachi report` and `gachi ics`: one plan in, one file out.
pub(super) fn run_plan_export(
    plan: &Path,
    out: &Path,
    langs: Langs,
    write: fn(&Plan, Lang) -> String,
) -> Outcome {
    let mut problems = Vec::new();
    match load_plan_in(plan, langs.messages, &mut problems) {
        Some(p) => write_file(out, write(&p, langs.output).as_bytes(), langs.messages),
        None => Outcome::BadInput(problems),
    }
}

/// `gachi diff`: both plans read (every problem reported), the comparison printed.
pub(super) fn run_diff_in(a: &Path, b: &Path, json: bool, langs: Langs) -> Outcome {
    let mut problems = Vec::new();
    let pa = load_plan_in(a, langs.messages, &mut problems);
    let pb = load_plan_in(b, langs.messages, &mut problems);
    let (Some(pa), Some(pb)) = (pa, pb) else {
        return Outcome::BadInput(problems);
    };
    let d = crate::export::diff_plans(&pa, &pb);
    let text = if json {
        // The diff holds only strings, numbers and lists: serialising cannot fail.
        serde_json::to_string_pretty(&d).unwrap_or_default() + "\n"
    } else {
        crate::export::diff_text(&d, langs.output)
    };
    print_out(&text, langs.messages)
}
