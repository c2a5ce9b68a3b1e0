//! A broken plan is refused with every shape problem named at its path in the file,
//! not only serde's first (docs/reliability.md: every problem at once).

use gachi::catalogue::builtin;
use gachi::matcher::build_plan;
use gachi::month::YearMonth;
use gachi::plan::parse_plan;
use gachi::profile::FirmProfile;
use gachi::text::Lang;
use serde_json::Value;

fn plan_value() -> Value {
    let cat = builtin().expect("built-in catalogue");
    let mut p = FirmProfile::new("대성주물");
    p.ksic = Some("C24".into());
    p.employees = Some(8);
    let plan = build_plan(&cat, &p, YearMonth::parse("2026-12").unwrap(), "test");
    assert!(plan.steps.len() >= 4, "{} steps", plan.steps.len());
    serde_json::to_value(&plan).unwrap()
}

/// The field each problem names, in order.
fn fields(v: &Value) -> Vec<String> {
    let e = parse_plan(v.to_string().as_bytes())
        .map(|_| ())
        .unwrap_err();
    e.iter()
        .map(|p| {
            let line = p.in_lang(Lang::En);
            assert!(line.contains("field \""), "{line}");
            p.path.clone()
        })
        .collect()
}

#[test]
fn two_broken_steps_are_both_named_at_their_index_in_the_file() {
    let mut v = plan_value();
    v["steps"][1]["start"] = Value::from("2026-13");
    v["steps"][3]["order"] = Value::from(-1);
    v["totals"]["steps"] = Value::from("three");
    v["as_of"] = Value::from(12);
    assert_eq!(
        fields(&v),
        ["as_of", "steps[1].start", "steps[3].order", "totals.steps"]
    );
}

#[test]
fn problems_inside_one_step_and_in_other_lists_are_all_named() {
    let mut v = plan_value();
    v["steps"][0]["reasons"][0] = Value::from(3);
    v["steps"][0]["url"] = Value::from(false);
    v["steps"][2]["end"] = Value::Null;
    let ko = parse_plan(v.to_string().as_bytes())
        .map(|_| ())
        .unwrap_err();
    assert_eq!(
        fields(&v),
        ["steps[0].reasons[0]", "steps[0].url", "steps[2].end"]
    );
    assert!(
        ko.iter().all(|p| p
            .in_lang(Lang::Ko)
            .contains("계획 파일의 형식에 맞지 않습니다")),
        "{ko:?}"
    );
}

#[test]
fn a_good_plan_still_reads() {
    let v = plan_value();
    assert!(parse_plan(v.to_string().as_bytes()).is_ok());
}
