//! `gachi report`, `gachi ics` and `gachi diff`: read plan files, render them with
//! the pure functions of [`crate::export`], and write the result atomically.

use super::{CliError, Outcome, print_out, write_file};
use crate::export::{plan_ics, report_html};
use crate::files;
use crate::plan::Plan;
use crate::text::Lang;
use std::path::Path;

/// Writes `report_html` of the plan file `plan` to `out` (atomically), in `lang`.
pub fn run_report(plan: &Path, out: &Path, lang: Lang) -> Outcome {
    run_plan_export(plan, out, lang, report_html)
}

/// Writes `plan_ics` of the plan file `plan` to `out` (atomically), in `lang`.
pub fn run_ics(plan: &Path, out: &Path, lang: Lang) -> Outcome {
    run_plan_export(plan, out, lang, plan_ics)
}

/// `gachi report` and `gachi ics`: one plan in, one file out in `lang`.
fn run_plan_export(
    plan: &Path,
    out: &Path,
    lang: Lang,
    write: fn(&Plan, Lang) -> String,
) -> Outcome {
    let plan = files::load_plan(plan)?;
    write_file(out, write(&plan, lang).as_bytes())
}

/// `gachi diff`: compares two plan files and prints the differences (text in `lang`,
/// or JSON with `json`) to standard output. Problems with either file are all
/// reported (exit 2).
pub fn run_diff(a: &Path, b: &Path, json: bool, lang: Lang) -> Outcome {
    let mut bad = Vec::new();
    let pa = files::load_plan(a).map_err(|e| bad.push(e)).ok();
    let pb = files::load_plan(b).map_err(|e| bad.push(e)).ok();
    let (Some(pa), Some(pb)) = (pa, pb) else {
        return Err(CliError::BadFiles(bad));
    };
    let d = crate::export::diff_plans(&pa, &pb);
    let text = if json {
        // The diff holds only strings, numbers and lists: serialising cannot fail.
        serde_json::to_string_pretty(&d).unwrap_or_default() + "\n"
    } else {
        crate::export::diff_text(&d, lang)
    };
    print_out(&text)
}
