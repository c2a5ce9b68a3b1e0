//! The shipped catalogue (data/catalogue.json) against docs/catalogue-format.md and the
//! research fact sheet: it parses, every programme is sourced and traceable to a
//! research entry P01..P56, every link has a source, and the tags the plan contract
//! relies on (`root_industry`, `robot`) are where they belong.

use gachi::catalogue::{BUILTIN_JSON, builtin, parse_catalogue};
use serde_json::Value;
use std::collections::BTreeSet;

/// Research entries (P01..P56) the repository README documents as deliberately left out
/// of the catalogue. None today; add an id here only together with the README note.
const LEFT_OUT: &[&str] = &[];

fn raw() -> Value {
    serde_json::from_str(BUILTIN_JSON).expect("data/catalogue.json is JSON")
}

fn programmes(v: &Value) -> &[Value] {
    v["programmes"].as_array().expect("programmes list")
}

fn research_ref_ok(r: &str) -> bool {
    r.len() == 3
        && r.starts_with('P')
        && r[1..].bytes().all(|b| b.is_ascii_digit())
        && (1..=56).contains(&r[1..].parse::<u32>().unwrap_or(0))
}

fn date_ok(d: &str) -> bool {
    let parts: Vec<&str> = d.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let year_ok = |y: &str| digits(y, 4) && (1990..=2100).contains(&y.parse::<u32>().unwrap());
    let month_ok = |m: &str| digits(m, 2) && (1..=12).contains(&m.parse::<u32>().unwrap());
    let day_ok = |d: &str| digits(d, 2) && (1..=31).contains(&d.parse::<u32>().unwrap());
    match parts.as_slice() {
        [y] => year_ok(y),
        [y, m] => year_ok(y) && month_ok(m),
        [y, m, day] => year_ok(y) && month_ok(m) && day_ok(day),
        _ => false,
    }
}

#[test]
fn the_builtin_catalogue_parses() {
    let cat = builtin().unwrap_or_else(|probs| {
        let msgs: Vec<String> = probs.iter().map(|p| p.to_string()).collect();
        panic!("built-in catalogue problems:\n{}", msgs.join("\n"))
    });
    assert_eq!(cat.format, "gachi-catalogue/1");
    assert_eq!(cat.programmes.len(), programmes(&raw()).len());
    assert!(
        cat.programmes.len() >= 56,
        "{} programmes",
        cat.programmes.len()
    );
    assert_eq!(cat.sha256.len(), 64);
    // Parsing the same bytes again gives the same hash.
    let again = parse_catalogue(BUILTIN_JSON.as_bytes()).expect("parses");
    assert_eq!(again.sha256, cat.sha256);
    assert!(cat.ministries().contains(&"MOTIE"));
    assert!(cat.ministries().contains(&"MSS"));
    let ids: BTreeSet<&str> = cat.programmes.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids.len(), cat.programmes.len(), "ids are unique");
}

#[test]
fn every_programme_is_sourced() {
    let v = raw();
    let mut problems = Vec::new();
    for p in programmes(&v) {
        let id = p["id"].as_str().unwrap_or("?");
        let prov = &p["provenance"];
        let url = prov["url"].as_str().unwrap_or("");
        let lower = url.to_ascii_lowercase();
        if !(lower.starts_with("https://") || lower.starts_with("http://"))
            || url.len() <= "https://".len()
            || url.chars().any(char::is_whitespace)
        {
            problems.push(format!("{id}: source url {url:?} is not http(s)"));
        }
        match prov["date"].as_str() {
            Some(d) if date_ok(d) => {}
            other => problems.push(format!("{id}: source date {other:?} is not YYYY[-MM[-DD]]")),
        }
        match prov["confidence"].as_str() {
            Some("confirmed" | "historical" | "uncertain") => {}
            other => problems.push(format!("{id}: confidence {other:?}")),
        }
        match prov["research_ref"].as_str() {
            Some(r) if research_ref_ok(r) => {}
            other => problems.push(format!("{id}: research_ref {other:?} is not P01..P56")),
        }
        for key in ["ko", "en"] {
            if p["name"][key].as_str().is_none_or(|s| s.trim().is_empty()) {
                problems.push(format!("{id}: name.{key} is empty"));
            }
            if p["summary"][key]
                .as_str()
                .is_none_or(|s| s.trim().is_empty())
            {
                problems.push(format!("{id}: summary.{key} is empty"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_link_has_a_source_and_a_target() {
    let cat = builtin().expect("parses");
    let mut problems = Vec::new();
    let mut links = 0;
    for p in &cat.programmes {
        for l in &p.links {
            links += 1;
            if l.source.trim().is_empty() {
                problems.push(format!("{} → {}: empty source", p.id, l.to));
            }
            if cat.get(&l.to).is_none() {
                problems.push(format!("{} → {}: no such programme", p.id, l.to));
            }
        }
    }
    assert!(links > 0, "the catalogue has links");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_research_entry_appears_at_least_once() {
    let v = raw();
    let seen: BTreeSet<String> = programmes(&v)
        .iter()
        .filter_map(|p| p["provenance"]["research_ref"].as_str().map(str::to_string))
        .collect();
    let missing: Vec<String> = (1..=56)
        .map(|n| format!("P{n:02}"))
        .filter(|r| !seen.contains(r) && !LEFT_OUT.contains(&r.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "research entries with no programme (and not documented as left out): {missing:?}"
    );
}

#[test]
fn the_press_release_pathways_are_in_the_catalogue() {
    let cat = builtin().expect("parses");
    let link = |from: &str, to: &str| {
        let p = cat.get(from).unwrap_or_else(|| panic!("{from} missing"));
        assert!(cat.get(to).is_some(), "{to} missing");
        assert!(
            p.links.iter().any(|l| l.to == to && l.kind.orders()),
            "{from} should lead to {to} (prerequisite or follow_on link)"
        );
    };
    // Root SMEs / 소공인: MSS automation → MOTIE root smartization → MSS policy loans.
    link("mss-micro-smart-manufacturing", "motie-root-automation");
    link(
        "mss-manufacturing-robot-automation",
        "motie-root-automation",
    );
    assert!(
        [
            "mss-smart-factory-loan",
            "mss-new-growth-fund",
            "mss-policy-loans"
        ]
        .iter()
        .any(|to| cat
            .get("motie-root-automation")
            .unwrap()
            .links
            .iter()
            .any(|l| l.to == *to)),
        "motie-root-automation leads to an MSS policy loan"
    );
    // Robot: MOTIE demonstration → MSS robot manufacturing innovation.
    link(
        "motie-robot-demonstration",
        "mss-robot-manufacturing-innovation",
    );
    // Certification: KATS advice → MSS overseas certification → export voucher.
    link(
        "motie-kats-certification-advice",
        "mss-overseas-certification",
    );
    link("mss-overseas-certification", "mss-export-voucher");
    for (id, ministry) in [
        ("mss-micro-smart-manufacturing", "MSS"),
        ("motie-root-automation", "MOTIE"),
        ("motie-robot-demonstration", "MOTIE"),
        ("mss-robot-manufacturing-innovation", "MSS"),
        ("motie-kats-certification-advice", "MOTIE"),
        ("motie-tbt-consulting", "MOTIE"),
        ("mss-overseas-certification", "MSS"),
        ("mss-export-voucher", "MSS"),
    ] {
        assert_eq!(cat.get(id).unwrap().ministry, ministry, "{id}");
    }
}

#[test]
fn root_and_robot_programmes_carry_their_tags() {
    let cat = builtin().expect("parses");
    let tagged = |id: &str, tag: &str| {
        let p = cat
            .get(id)
            .unwrap_or_else(|| panic!("{id} is not in the catalogue"));
        assert!(
            p.has_tag(tag),
            "{id} must be tagged {tag:?}; tags {:?}",
            p.tags
        );
    };
    tagged("motie-root-automation", "root_industry");
    tagged("motie-robot-demonstration", "robot");
    tagged("mss-robot-manufacturing-innovation", "robot");
    // Every programme whose eligibility needs a root technology is a 뿌리 programme.
    for p in &cat.programmes {
        let needs_root_tech = p
            .criteria
            .iter()
            .any(|c| matches!(c, gachi::catalogue::Criterion::RootTechnology { .. }));
        if needs_root_tech {
            tagged(&p.id, "root_industry");
        }
    }
    // Every 뿌리 programme of the fact sheet (§2.2: P09–P14) and robot one (P06, P15, P16).
    for p in &cat.programmes {
        let r = p.provenance.research_ref.as_deref().unwrap_or("");
        if ["P09", "P10", "P11", "P12", "P13", "P14"].contains(&r) {
            tagged(&p.id, "root_industry");
        }
        if ["P06", "P15", "P16"].contains(&r) {
            tagged(&p.id, "robot");
        }
    }
}

#[test]
fn tags_and_ids_are_lower_case_codes() {
    let cat = builtin().expect("parses");
    for p in &cat.programmes {
        let prefix_ok =
            p.id.starts_with(&format!("{}-", p.ministry.to_ascii_lowercase()));
        assert!(
            prefix_ok,
            "{}: id should start with its ministry ({})",
            p.id, p.ministry
        );
        for t in &p.tags {
            assert!(
                !t.is_empty()
                    && t.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{}: tag {t:?} is not a lower-case code",
                p.id
            );
        }
    }
}
