//! Runs every example case in data/cases/*.json: builds the plan with the built-in
//! catalogue at the case's month and checks every expectation (vocabulary in
//! data/cases/README.md). All failures of all cases are reported together.

use gachi::catalogue::{Catalogue, Criterion, builtin};
use gachi::matcher::{FirmFacts, build_plan, evaluate};
use gachi::month::YearMonth;
use gachi::profile::parse_profile;
use serde_json::Value;
use std::path::{Path, PathBuf};

const MIN_CASES: usize = 9;

const KNOWN_KEYS: &[&str] = &[
    "size_class",
    "size_class_candidates_include",
    "size_class_candidates_exclude",
    "chain",
    "chain_ministries",
    "min_cross_ministry_links",
    "steps_include",
    "steps_exclude",
    "steps_min",
    "steps_max",
    "at_most_of",
    "starts_by",
    "starts_no_later",
    "not_eligible_include",
    "not_eligible_exclude",
    "received_include",
    "after_include",
    "after_exclude",
    "reason_outcomes",
    "no_fail_outcomes",
    "step_size_criteria_allow",
    "size_facts",
    "funding_covered",
    "step_status",
    "starts_in",
    "starts_after",
    "history_include",
    "alternatives_include",
];

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join("cases")
}

fn case_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(cases_dir())
        .expect("data/cases must exist")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

/// Collects what differed for one case.
struct Check<'a> {
    case: &'a str,
    errors: Vec<String>,
}

impl Check<'_> {
    fn fail(&mut self, msg: impl Into<String>) {
        self.errors.push(format!("[{}] {}", self.case, msg.into()));
    }
}

fn str_list(v: &Value, what: &str, c: &mut Check) -> Vec<String> {
    match v.as_array() {
        Some(a) => a
            .iter()
            .filter_map(|x| {
                let s = x.as_str().map(str::to_string);
                if s.is_none() {
                    c.fail(format!("expect.{what}: {x} is not a string"));
                }
                s
            })
            .collect(),
        None => {
            c.fail(format!("expect.{what} must be a list"));
            Vec::new()
        }
    }
}

/// A criterion given as "code" or ["code", "alternative"].
fn alternatives(v: Option<&Value>) -> Option<Vec<String>> {
    match v? {
        Value::String(s) => Some(vec![s.clone()]),
        Value::Array(a) => Some(
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect(),
        ),
        _ => Some(Vec::new()),
    }
}

fn steps(plan: &Value) -> &[Value] {
    plan["steps"].as_array().map(Vec::as_slice).unwrap_or(&[])
}

fn step_ids(plan: &Value) -> Vec<String> {
    steps(plan)
        .iter()
        .filter_map(|s| s["programme_id"].as_str().map(str::to_string))
        .collect()
}

fn find_step<'p>(plan: &'p Value, id: &str) -> Option<&'p Value> {
    steps(plan).iter().find(|s| s["programme_id"] == id)
}

fn not_eligible<'p>(plan: &'p Value, id: &str) -> Option<&'p Value> {
    plan["not_eligible"]
        .as_array()?
        .iter()
        .find(|n| n["programme_id"] == id)
}

fn list_of<'p>(plan: &'p Value, key: &str) -> &'p [Value] {
    plan[key].as_array().map(Vec::as_slice).unwrap_or(&[])
}

/// The reasons the plan gives for a programme, wherever it appears.
fn reasons_for<'p>(plan: &'p Value, id: &str) -> Option<&'p [Value]> {
    for key in ["steps", "also_eligible", "not_eligible"] {
        if let Some(entry) = list_of(plan, key).iter().find(|e| e["programme_id"] == id) {
            return Some(
                entry["reasons"]
                    .as_array()
                    .map(Vec::as_slice)
                    .unwrap_or(&[]),
            );
        }
    }
    None
}

fn generic_checks(plan: &Value, received: &[String], c: &mut Check) {
    if plan["format"] != "gachi-plan/1" {
        c.fail(format!(
            "format is {}, expected gachi-plan/1",
            plan["format"]
        ));
    }
    let n = steps(plan).len();
    if plan["totals"]["steps"].as_u64() != Some(n as u64) {
        c.fail(format!(
            "totals.steps is {} but there are {n} steps",
            plan["totals"]["steps"]
        ));
    }
    for s in steps(plan) {
        for r in s["reasons"].as_array().map(Vec::as_slice).unwrap_or(&[]) {
            if r["outcome"] == "fail" {
                c.fail(format!(
                    "step {} has a failing reason: {}",
                    s["programme_id"], r
                ));
            }
        }
    }
    for n in list_of(plan, "not_eligible") {
        let has_fail = n["reasons"]
            .as_array()
            .is_some_and(|rs| rs.iter().any(|r| r["outcome"] == "fail"));
        if !has_fail {
            c.fail(format!(
                "not_eligible {} lists no failing reason: {}",
                n["programme_id"], n["reasons"]
            ));
        }
    }
    let ids = step_ids(plan);
    for r in received {
        if ids.contains(r) {
            c.fail(format!("received programme {r} is a step"));
        }
    }
}

fn check_chain(plan: &Value, expect: &Value, c: &mut Check) {
    let Some(groups) = expect.get("chain") else {
        if expect.get("chain_ministries").is_some() {
            c.fail("expect.chain_ministries needs expect.chain");
        }
        return;
    };
    let Some(groups) = groups.as_array() else {
        c.fail("expect.chain must be a list of lists");
        return;
    };
    let ids = step_ids(plan);
    let mut picked: Vec<&Value> = Vec::new();
    let mut last_order = 0u64;
    let mut last_start = String::new();
    for (k, g) in groups.iter().enumerate() {
        let alts = str_list(g, "chain[]", c);
        let hit = steps(plan).iter().find(|s| {
            let id = s["programme_id"].as_str().unwrap_or("");
            let order = s["order"].as_u64().unwrap_or(0);
            let start = s["start"].as_str().unwrap_or("");
            alts.iter().any(|a| a == id) && order > last_order && start >= last_start.as_str()
        });
        match hit {
            Some(s) => {
                last_order = s["order"].as_u64().unwrap_or(0);
                last_start = s["start"].as_str().unwrap_or("").to_string();
                picked.push(s);
            }
            None => {
                let present: Vec<String> = steps(plan)
                    .iter()
                    .filter(|s| alts.iter().any(|a| s["programme_id"] == a.as_str()))
                    .map(|s| {
                        format!(
                            "{} (order {}, start {})",
                            s["programme_id"], s["order"], s["start"]
                        )
                    })
                    .collect();
                c.fail(format!(
                    "chain group {k} {alts:?}: no step after order {last_order} / start {last_start:?}; \
                     matching steps: {present:?}; all steps in order: {ids:?}"
                ));
                return;
            }
        }
    }
    if let Some(ms) = expect.get("chain_ministries") {
        let ms = str_list(ms, "chain_ministries", c);
        if ms.len() != picked.len() {
            c.fail(format!(
                "expect.chain_ministries has {} entries for {} chain groups",
                ms.len(),
                picked.len()
            ));
        }
        for (k, (m, s)) in ms.iter().zip(&picked).enumerate() {
            if s["ministry"] != m.as_str() {
                c.fail(format!(
                    "chain group {k}: step {} belongs to {}, expected {m}",
                    s["programme_id"], s["ministry"]
                ));
            }
        }
    }
}

fn check_case(path: &Path, cat: &Catalogue) -> Vec<String> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut c = Check {
        case: &name,
        errors: Vec::new(),
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => return vec![format!("[{name}] cannot read: {e}")],
    };
    let case: Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => return vec![format!("[{name}] not valid JSON: {e}")],
    };
    if case["description"]
        .as_str()
        .is_none_or(|d| d.trim().is_empty())
    {
        c.fail("needs a non-empty \"description\"");
    }
    let Some(as_of) = case["as_of"].as_str().and_then(YearMonth::parse) else {
        c.fail(format!("bad as_of {}", case["as_of"]));
        return c.errors;
    };
    let profile_bytes = serde_json::to_vec(&case["profile"]).expect("serialisable");
    let profile = match parse_profile(&profile_bytes, as_of) {
        Ok(p) => p,
        Err(probs) => {
            let msgs: Vec<String> = probs.iter().map(|p| p.to_string()).collect();
            c.fail(format!("profile rejected: {}", msgs.join("; ")));
            return c.errors;
        }
    };
    let plan = build_plan(cat, &profile, as_of, gachi::GENERATED_BY);
    let plan = serde_json::to_value(&plan).expect("plan serialises");
    let Some(expect) = case["expect"].as_object() else {
        c.fail("needs an \"expect\" object");
        return c.errors;
    };
    for k in expect.keys() {
        if !KNOWN_KEYS.contains(&k.as_str()) {
            c.fail(format!(
                "unknown expect key {k:?} (see data/cases/README.md)"
            ));
        }
    }
    let expect = &case["expect"];

    generic_checks(&plan, &profile.received, &mut c);

    if let Some(sc) = expect.get("size_class")
        && plan["size_class"] != *sc
    {
        c.fail(format!(
            "size_class is {}, expected {sc} (candidates {}; reason: {})",
            plan["size_class"], plan["size_class_candidates"], plan["size_class_reason"]["en"]
        ));
    }
    let candidates = str_list(
        &plan["size_class_candidates"],
        "plan.size_class_candidates",
        &mut c,
    );
    if let Some(v) = expect.get("size_class_candidates_include") {
        for s in str_list(v, "size_class_candidates_include", &mut c) {
            if !candidates.contains(&s) {
                c.fail(format!(
                    "size_class_candidates {candidates:?} do not include {s}"
                ));
            }
        }
    }
    if let Some(v) = expect.get("size_class_candidates_exclude") {
        for s in str_list(v, "size_class_candidates_exclude", &mut c) {
            if candidates.contains(&s) {
                c.fail(format!(
                    "size_class_candidates {candidates:?} include {s}, which the rules exclude"
                ));
            }
        }
    }

    if let Some(want) = expect.get("size_facts") {
        for key in ["sme", "small", "micro", "midsize", "large"] {
            if let Some(w) = want.get(key)
                && plan["size_facts"][key] != *w
            {
                c.fail(format!(
                    "size_facts.{key} is {}, expected {w} (reason: {})",
                    plan["size_facts"][key], plan["size_class_reason"]["en"]
                ));
            }
        }
    }
    if let Some(want) = expect.get("funding_covered")
        && plan["funding"]["covered"] != *want
    {
        c.fail(format!(
            "funding.covered is {}, expected {want} (funding: {})",
            plan["funding"]["covered"], plan["funding"]
        ));
    }

    check_chain(&plan, expect, &mut c);

    if let Some(n) = expect.get("min_cross_ministry_links") {
        let want = n.as_u64().unwrap_or(0);
        let got = plan["totals"]["cross_ministry_links"].as_u64().unwrap_or(0);
        if got < want {
            c.fail(format!(
                "totals.cross_ministry_links is {got}, expected at least {want}"
            ));
        }
    }

    let ids = step_ids(&plan);
    if let Some(v) = expect.get("steps_include") {
        for id in str_list(v, "steps_include", &mut c) {
            if !ids.contains(&id) {
                let where_ = if let Some(n) = not_eligible(&plan, &id) {
                    format!("it is not_eligible: {}", n["reasons"])
                } else if let Some(a) = list_of(&plan, "also_eligible")
                    .iter()
                    .find(|a| a["programme_id"] == id.as_str())
                {
                    format!(
                        "it is in also_eligible ({}): {}",
                        a["eligibility"], a["why_not_chosen"]["en"]
                    )
                } else {
                    "it appears nowhere in the plan".to_string()
                };
                c.fail(format!(
                    "{id} should be a step but is not ({where_}); steps: {ids:?}"
                ));
            }
        }
    }
    if let Some(v) = expect.get("steps_exclude") {
        for id in str_list(v, "steps_exclude", &mut c) {
            if ids.contains(&id) {
                c.fail(format!("{id} must not be a step; steps: {ids:?}"));
            }
        }
    }
    if let Some(n) = expect.get("steps_max") {
        let want = n.as_u64().unwrap_or(0) as usize;
        if ids.len() > want {
            c.fail(format!(
                "{} steps, expected at most {want}: {ids:?}",
                ids.len()
            ));
        }
    }
    for item in expect
        .get("at_most_of")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
    {
        let of = str_list(&item["ids"], "at_most_of[].ids", &mut c);
        let max = item["max"].as_u64().unwrap_or(0) as usize;
        let present: Vec<&String> = of.iter().filter(|id| ids.contains(id)).collect();
        if present.len() > max {
            c.fail(format!(
                "at most {max} of {of:?} may be steps; found {present:?}"
            ));
        }
    }
    for item in expect
        .get("starts_by")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
    {
        let start_of = |id: &str| {
            steps(&plan)
                .iter()
                .find(|s| s["programme_id"] == id)
                .and_then(|s| s["start"].as_str())
                .map(str::to_string)
        };
        let (step, by) = (
            item["step"].as_str().unwrap_or(""),
            item["by"].as_str().unwrap_or(""),
        );
        match (start_of(step), start_of(by)) {
            (Some(a), Some(b)) if a <= b => {}
            (Some(a), Some(b)) => c.fail(format!("{step} starts {a}, after {by} starts ({b})")),
            _ => c.fail(format!(
                "{step} and {by} must both be steps; steps: {ids:?}"
            )),
        }
    }
    for item in expect
        .get("starts_no_later")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
    {
        let (step, month) = (
            item["step"].as_str().unwrap_or(""),
            item["month"].as_str().unwrap_or(""),
        );
        match steps(&plan)
            .iter()
            .find(|s| s["programme_id"] == step)
            .and_then(|s| s["start"].as_str())
        {
            Some(a) if a <= month => {}
            Some(a) => c.fail(format!("{step} starts {a}, later than {month}")),
            None => c.fail(format!("{step} must be a step; steps: {ids:?}")),
        }
    }
    // Issue 17: the steps' application records.
    let items = |key: &str| {
        expect
            .get(key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    for item in items("step_status") {
        let (step, want) = (item["step"].as_str().unwrap_or(""), &item["status"]);
        match find_step(&plan, step) {
            Some(s) if &s["application"]["status"] == want => {}
            Some(s) => c.fail(format!(
                "{step} has application {}, expected status {want}",
                s["application"]
            )),
            None => c.fail(format!("step_status: {step} is not a step; steps: {ids:?}")),
        }
    }
    for (key, ok) in [
        (
            "starts_in",
            (|a: &str, m: &str| a == m) as fn(&str, &str) -> bool,
        ),
        ("starts_after", |a: &str, m: &str| a > m),
    ] {
        for item in items(key) {
            let (step, m) = (
                item["step"].as_str().unwrap_or(""),
                item["month"].as_str().unwrap_or(""),
            );
            match find_step(&plan, step).and_then(|s| s["start"].as_str()) {
                Some(a) if ok(a, m) => {}
                Some(a) => c.fail(format!("{key}: {step} starts {a}, expected {key} {m}")),
                None => c.fail(format!("{key}: {step} is not a step; steps: {ids:?}")),
            }
        }
    }
    for (key, field, inner) in [
        ("history_include", "history", "status"),
        ("alternatives_include", "alternatives", "programme_id"),
    ] {
        for item in items(key) {
            let step = item["step"].as_str().unwrap_or("");
            let want = if key == "history_include" {
                &item["status"]
            } else {
                &item["alternative"]
            };
            match find_step(&plan, step) {
                Some(s) => {
                    let got: Vec<&Value> = s[field]
                        .as_array()
                        .map(|a| a.iter().map(|x| &x[inner]).collect())
                        .unwrap_or_default();
                    if !got.contains(&want) {
                        c.fail(format!(
                            "{key}: {step} has {field} {got:?}, expected {want}"
                        ));
                    }
                }
                None => c.fail(format!("{key}: {step} is not a step; steps: {ids:?}")),
            }
        }
    }
    if let Some(n) = expect.get("steps_min") {
        let want = n.as_u64().unwrap_or(0) as usize;
        if ids.len() < want {
            c.fail(format!("{} steps, expected at least {want}", ids.len()));
        }
    }
    if let Some(v) = expect.get("not_eligible_include") {
        for item in v.as_array().map(Vec::as_slice).unwrap_or(&[]) {
            let (id, crit) = match item {
                Value::String(s) => (s.clone(), None),
                other => (
                    other["id"].as_str().unwrap_or("").to_string(),
                    alternatives(other.get("criterion")),
                ),
            };
            match not_eligible(&plan, &id) {
                None => {
                    let status = if ids.contains(&id) {
                        "it is a step".to_string()
                    } else {
                        match reasons_for(&plan, &id) {
                            Some(rs) => format!("its reasons: {}", Value::from(rs.to_vec())),
                            None => "it appears nowhere".to_string(),
                        }
                    };
                    c.fail(format!("{id} should be not_eligible ({status})"));
                }
                Some(n) => {
                    if let Some(crit) = crit {
                        let failing: Vec<&str> = n["reasons"]
                            .as_array()
                            .map(Vec::as_slice)
                            .unwrap_or(&[])
                            .iter()
                            .filter(|r| r["outcome"] == "fail")
                            .filter_map(|r| r["criterion"].as_str())
                            .collect();
                        if !failing.iter().any(|f| crit.iter().any(|x| x == f)) {
                            c.fail(format!(
                                "{id} is not_eligible for {failing:?}, expected a failing {crit:?}"
                            ));
                        }
                    }
                }
            }
        }
    }
    if let Some(v) = expect.get("not_eligible_exclude") {
        for id in str_list(v, "not_eligible_exclude", &mut c) {
            if let Some(n) = not_eligible(&plan, &id) {
                c.fail(format!(
                    "{id} must not be not_eligible, but the plan refuses it: {}",
                    n["reasons"]
                ));
            }
        }
    }
    if let Some(v) = expect.get("received_include") {
        let got = str_list(&plan["received"], "plan.received", &mut c);
        for id in str_list(v, "received_include", &mut c) {
            if !got.contains(&id) {
                c.fail(format!("plan.received {got:?} does not list {id}"));
            }
        }
    }
    for (key, want) in [("after_include", true), ("after_exclude", false)] {
        let Some(v) = expect.get(key) else { continue };
        for item in v.as_array().map(Vec::as_slice).unwrap_or(&[]) {
            let step = item["step"].as_str().unwrap_or("");
            let after = item["after"].as_str().unwrap_or("");
            match find_step(&plan, step) {
                None => c.fail(format!("{key}: {step} is not a step; steps: {ids:?}")),
                Some(s) => {
                    let list = str_list(&s["after"], "step.after", &mut c);
                    if list.iter().any(|a| a == after) != want {
                        c.fail(format!(
                            "{key}: step {step} has after {list:?}; expected it {} {after}",
                            if want { "to list" } else { "not to list" }
                        ));
                    }
                }
            }
        }
    }
    if let Some(v) = expect.get("reason_outcomes") {
        // The plan lists every reason of a step, only the failing ones of a refused
        // programme and (an addition) only what is left to verify of an also-eligible
        // one; so the outcome is taken from the engine's own evaluation of the
        // catalogue criterion, and must agree with the plan wherever the plan shows it.
        let facts = FirmFacts::new(&profile, as_of);
        for item in v.as_array().map(Vec::as_slice).unwrap_or(&[]) {
            let id = item["id"].as_str().unwrap_or("");
            let crit = alternatives(item.get("criterion")).unwrap_or_default();
            let want = &item["outcome"];
            let Some(p) = cat.get(id) else {
                c.fail(format!("reason_outcomes: {id} is not in the catalogue"));
                continue;
            };
            let Some(listed) = reasons_for(&plan, id) else {
                c.fail(format!(
                    "reason_outcomes: {id} appears nowhere in the plan (neither a step, \
                     also_eligible nor not_eligible)"
                ));
                continue;
            };
            let evaluated: Vec<Value> = p
                .criteria
                .iter()
                .map(|cr| serde_json::to_value(evaluate(cr, &facts)).expect("reason"))
                .filter(|r| crit.iter().any(|x| r["criterion"] == x.as_str()))
                .collect();
            if evaluated.is_empty() {
                c.fail(format!(
                    "reason_outcomes: {id} has no criterion named {crit:?}"
                ));
            } else if !evaluated.iter().all(|r| r["outcome"] == *want) {
                c.fail(format!(
                    "reason_outcomes: {id} {crit:?} expected {want}, got {}",
                    Value::from(evaluated.clone())
                ));
            }
            let shown: Vec<&Value> = listed
                .iter()
                .filter(|r| crit.iter().any(|x| r["criterion"] == x.as_str()))
                .collect();
            if !shown.iter().all(|r| r["outcome"] == *want) {
                c.fail(format!(
                    "reason_outcomes: the plan shows {id} {crit:?} as {}, expected {want}",
                    Value::from(shown.into_iter().cloned().collect::<Vec<_>>())
                ));
            }
        }
    }
    if expect.get("no_fail_outcomes") == Some(&Value::Bool(true)) {
        if let Some(ne) = plan["not_eligible"].as_array().filter(|a| !a.is_empty()) {
            c.fail(format!(
                "not_eligible should be empty, but lists {}",
                Value::from(ne.clone())
            ));
        }
        for key in ["steps", "also_eligible"] {
            for e in list_of(&plan, key) {
                for r in e["reasons"].as_array().map(Vec::as_slice).unwrap_or(&[]) {
                    if r["outcome"] == "fail" {
                        c.fail(format!(
                            "{key} {} has a failing reason although nothing is known: {r}",
                            e["programme_id"]
                        ));
                    }
                }
            }
        }
    }
    if let Some(v) = expect.get("step_size_criteria_allow") {
        let class = v.as_str().unwrap_or("");
        for id in &ids {
            let Some(p) = cat.get(id) else {
                c.fail(format!("step {id} is not in the catalogue"));
                continue;
            };
            for cr in &p.criteria {
                if let Criterion::SizeClass { any_of } = cr
                    && !any_of.iter().any(|s| s.code() == class)
                {
                    let codes: Vec<&str> = any_of.iter().map(|s| s.code()).collect();
                    c.fail(format!(
                        "step {id} is only for size classes {codes:?}, not {class}"
                    ));
                }
            }
        }
    }
    c.errors
}

#[test]
fn every_example_case_meets_its_expectations() {
    let files = case_files();
    assert!(
        files.len() >= MIN_CASES,
        "data/cases holds {} case files, at least {MIN_CASES} are required",
        files.len()
    );
    let cat = builtin().expect("built-in catalogue parses");
    let errors: Vec<String> = files.iter().flat_map(|f| check_case(f, &cat)).collect();
    assert!(
        errors.is_empty(),
        "{} problem(s) in the example cases:\n{}",
        errors.len(),
        errors.join("\n")
    );
}
