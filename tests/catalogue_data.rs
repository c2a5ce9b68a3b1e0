//! The shipped catalogue (data/catalogue.json) against docs/catalogue-format.md and the
//! research fact sheet: it parses, every programme is sourced and traceable to a
//! research entry P01..P56, every link has a source, and the tags the plan contract
//! relies on (`root_industry`, `robot`) are where they belong.

use gachi::catalogue::{BUILTIN_JSON, Criterion, builtin, parse_catalogue};
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
        // Entries of the 2024 fact sheet keep their P-number. Entries added in the 2027
        // edition have none; their source is from 2024 on, or — for a standing legal
        // designation whose newest source is older — marked historical.
        let date = prov["date"].as_str().unwrap_or("");
        match prov["research_ref"].as_str() {
            Some(r) if research_ref_ok(r) => {}
            None if date >= "2024" => {}
            None if prov["confidence"] == "historical" && date >= "2020" => {}
            other => problems.push(format!(
                "{id}: research_ref {other:?} is not P01..P56 (and no source from 2024 on)"
            )),
        }
        match prov["checked"].as_str() {
            Some(d) if d.len() == 10 && date_ok(d) => {}
            other => problems.push(format!(
                "{id}: provenance.checked {other:?} is not YYYY-MM-DD"
            )),
        }
        for (i, c) in p["windows"]["calls"]
            .as_array()
            .into_iter()
            .flatten()
            .enumerate()
        {
            let open = c["open"].as_str().unwrap_or("");
            if !date_ok(open) {
                problems.push(format!("{id}: calls[{i}].open {open:?}"));
            }
            if let Some(close) = c["close"].as_str()
                && (!date_ok(close) || close[..7.min(close.len())] < open[..7.min(open.len())])
            {
                problems.push(format!(
                    "{id}: calls[{i}].close {close:?} before open {open:?}"
                ));
            }
            if !c["source"].as_str().is_some_and(|u| u.starts_with("http")) {
                problems.push(format!("{id}: calls[{i}] has no source"));
            }
            if !c["source_date"].as_str().is_some_and(date_ok) {
                problems.push(format!("{id}: calls[{i}] has no source date"));
            }
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

/// Issue 17: at least five 중복수혜 limits, each read from a notice (a web source with
/// its date) and with its period; at least 20 programmes with the documents their
/// notice lists, each list with its source page.
#[test]
fn duplicate_support_limits_and_documents_are_sourced() {
    use gachi::catalogue::{ExclusionPeriod, LinkKind};
    let cat = builtin().expect("parses");
    let mut problems = Vec::new();
    let mut between = 0;
    let mut families = BTreeSet::new();
    for p in &cat.programmes {
        for l in p.links.iter().filter(|l| l.kind == LinkKind::Excludes) {
            if l.to != p.id {
                between += 1;
                families.insert(p.purpose.clone());
            }
            if !l.source.starts_with("https://") || !l.source.contains("(20") {
                problems.push(format!("{} → {}: source {:?}", p.id, l.to, l.source));
            }
            match l.period {
                None => problems.push(format!("{} → {}: no period", p.id, l.to)),
                Some(ExclusionPeriod::WithinYears) if l.years.is_none() => {
                    problems.push(format!("{} → {}: within_years without years", p.id, l.to))
                }
                _ => {}
            }
            if l.note
                .as_ref()
                .is_none_or(|n| n.ko.is_empty() || n.en.is_empty())
            {
                problems.push(format!("{} → {}: no note in both languages", p.id, l.to));
            }
        }
        if !p.documents.is_empty() {
            match p.provenance.documents_source() {
                None => problems.push(format!("{}: documents without a source", p.id)),
                Some(f) if !f.url.starts_with("https://") => {
                    problems.push(format!("{}: documents source {}", p.id, f.url))
                }
                Some(_) => {}
            }
            for d in &p.documents {
                if d.ko.trim().is_empty() || d.en.trim().is_empty() {
                    problems.push(format!("{}: a document without both names", p.id));
                }
            }
        }
    }
    // Limits by count: the policy-loan rules of both 2026 loan notices.
    for g in &cat.limits {
        if !g.source.starts_with("https://") || g.note.ko.is_empty() || g.note.en.is_empty() {
            problems.push(format!("limit {:?}: source or note", g.programmes));
        }
    }
    assert!(
        cat.limits.iter().any(
            |g| g.programmes.iter().any(|p| p == "mss-tech-innovation-rnd")
                && g.period == ExclusionPeriod::Concurrent
                && g.max == 2
        ),
        "MSS R&D: two projects at once (SMTECH)"
    );
    for loans in ["mss-policy-loans", "mss-micro-business-loans"] {
        assert!(
            cat.limits
                .iter()
                .any(|g| g.programmes.iter().any(|p| p == loans)
                    && g.max == 3
                    && g.years == Some(5)),
            "{loans}: 3 loans within 5 years"
        );
    }
    let with_documents = cat
        .programmes
        .iter()
        .filter(|p| !p.documents.is_empty())
        .count();
    assert!(between >= 5, "{between} limits between two programmes");
    assert!(families.len() >= 2, "limits in {families:?}");
    assert!(
        with_documents >= 20,
        "{with_documents} programmes with documents"
    );
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
    // Certification: KATS advice → MSS overseas certification (research/programmes.md
    // §1: P31/P32 → P30). The export voucher is used beside it (its menu includes
    // certification [102]), not after it: a complement link, not a stage.
    link(
        "motie-kats-certification-advice",
        "mss-overseas-certification",
    );
    assert!(
        cat.get("mss-overseas-certification")
            .unwrap()
            .links
            .iter()
            .any(|l| l.to == "mss-export-voucher"
                && l.kind == gachi::catalogue::LinkKind::Complement),
        "overseas certification is used with the export voucher"
    );
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
        // Ids are stable: a programme that changed ministry keeps its id, so the prefix
        // names a ministry, normally its own.
        let prefix_ok = cat
            .ministries()
            .iter()
            .any(|m| p.id.starts_with(&format!("{}-", m.to_ascii_lowercase())));
        assert!(
            prefix_ok,
            "{}: id should start with a ministry code (its own is {})",
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

/// The errors the 2026-11 audit found (shared research, audit-2026-11.md §0.1) are fixed
/// in the data, each as the 2025–2026 source states it.
#[test]
fn the_audit_findings_are_encoded_as_their_sources_state() {
    use gachi::codes::SizeClass;
    let cat = builtin().expect("parses");
    let get = |id: &str| {
        cat.get(id)
            .unwrap_or_else(|| panic!("{id} is in the catalogue"))
    };
    let sizes = |id: &str| -> Vec<SizeClass> {
        get(id)
            .criteria
            .iter()
            .find_map(|c| match c {
                Criterion::SizeClass { any_of } => Some(any_of.clone()),
                _ => None,
            })
            .unwrap_or_default()
    };
    // 1. Smart factory recruits 중소·중견 (2026 통합공고).
    assert!(sizes("mss-smart-factory").contains(&SizeClass::Midsize));
    // 4. 글로벌 강소기업 1000+ is for 중소기업 only; 도약 cohort 2 for 중기업 of 7+ years.
    assert!(!sizes("mss-global-small-giant-1000").contains(&SizeClass::Midsize));
    assert_eq!(sizes("mss-jump-up"), vec![SizeClass::Medium]);
    assert!(get("mss-jump-up").criteria.iter().any(|c| matches!(
        c,
        Criterion::BusinessAge {
            min_years: Some(7),
            ..
        }
    )));
    // 5. Export voucher: 1억 + the 5,000만 tariff top-up; the joint call of 2025-12-17.
    let voucher = get("mss-export-voucher");
    assert_eq!(voucher.support.max_krw, Some(150_000_000));
    assert!(
        voucher
            .windows
            .calls
            .iter()
            .any(|c| c.open.to_string() == "2025-12-17"
                && c.close.map(|d| d.to_string()) == Some("2026-01-09".into()))
    );
    // 3. TIPS has its own entry with the 2026 R&D cap (8억 over two years), and the
    // 창업성장 entry no longer shows a sub-track's 2억 as the programme's cap.
    assert_eq!(get("mss-tips").support.max_krw, Some(800_000_000));
    assert_ne!(
        get("mss-startup-growth-rnd").support.max_krw,
        Some(200_000_000)
    );
    // 2. KOSME loans are taken from 2026-01-05 until the budget is used.
    for id in [
        "mss-policy-loans",
        "mss-new-growth-fund",
        "mss-new-market-fund",
    ] {
        let newest = &get(id).windows.calls[0];
        assert!(newest.until_budget, "{id}");
        assert_eq!(newest.open.to_string(), "2026-01-05", "{id}");
    }
    // The consultants' missing programmes are in.
    for id in [
        "mss-tips",
        "mss-scaleup-tips",
        "mss-global-tips",
        "mss-pre-startup-package",
        "mss-early-startup-package",
        "mss-startup-leap-package",
        "mss-venture-confirmation",
        "mss-innobiz",
        "mss-mainbiz",
        "motie-ksure-short-term-insurance",
        "motie-trade-adjustment",
        "mss-korean-sttr",
        "motie-kotra-overseas-exhibition",
        "mss-smart-store",
        "mss-manufacturing-data-product",
    ] {
        get(id);
    }
    assert!(cat.programmes.len() >= 85, "{}", cat.programmes.len());
}

/// Issue 11's bar for the 2027 edition: at least half of the programmes carry a call
/// that opened in the 2026 cycle (2025-09 up to the catalogue's month), each with its
/// own source; and the notice users read states that count truly.
#[test]
fn half_the_programmes_have_a_call_of_the_2026_cycle_and_the_notice_says_how_many() {
    let v = raw();
    let as_of = v["as_of"].as_str().expect("as_of");
    let ps = programmes(&v);
    let mut recent = 0;
    for p in ps {
        let calls = p["windows"]["calls"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        for c in calls {
            let src = c["source"].as_str().unwrap_or("");
            assert!(
                src.starts_with("https://") || src.starts_with("http://"),
                "{}: a call without a source link",
                p["id"]
            );
        }
        let in_cycle = calls.iter().any(|c| {
            let open = c["open"].as_str().unwrap_or("");
            let month = open.get(..7).unwrap_or("");
            ("2025-09"..=as_of).contains(&month)
        });
        if in_cycle {
            recent += 1;
        }
    }
    assert!(
        recent * 2 >= ps.len(),
        "{recent} of {} programmes have a call opened from 2025-09",
        ps.len()
    );
    let ko = v["notice"]["ko"].as_str().unwrap();
    let en = v["notice"]["en"].as_str().unwrap();
    assert!(
        ko.contains(&format!("{recent}개는 2025년 9월 이후 열린 공고")),
        "the notice must state {recent}: {ko}"
    );
    assert!(ko.contains(&format!("{}개 사업", ps.len())), "{ko}");
    assert!(en.contains(&format!("{recent} have a dated call")), "{en}");
}

#[test]
fn every_agency_has_an_english_name_for_english_readers() {
    // Trial 2026-11: agency names stayed Korean in the English app and report.
    let cat = builtin().expect("parses");
    for p in &cat.programmes {
        let en = p
            .agency_en
            .as_deref()
            .unwrap_or_else(|| panic!("{}: no agency_en", p.id));
        assert!(
            !en.chars().any(|c| ('가'..='힣').contains(&c)),
            "{}: agency_en has Hangul: {en}",
            p.id
        );
        assert_eq!(p.agency_in(gachi::text::Lang::Ko), p.agency);
        assert_eq!(p.agency_in(gachi::text::Lang::En), en);
    }
    let get = |id: &str| cat.get(id).expect("in the catalogue");
    assert_eq!(
        get("mss-overseas-certification").agency_en.as_deref(),
        Some("Korea Testing and Research Institute (KTR)")
    );
}

#[test]
fn overseas_certification_lists_the_four_rounds_of_2025() {
    // news1 2025-10-14: the October round followed rounds in February, May and August.
    let cat = builtin().expect("parses");
    let p = cat.get("mss-overseas-certification").expect("present");
    let opened: BTreeSet<String> = p
        .windows
        .calls
        .iter()
        .map(|c| c.open.month.to_string())
        .collect();
    for m in ["2025-02", "2025-05", "2025-08", "2025-10"] {
        assert!(opened.contains(m), "{m} missing: {opened:?}");
    }
    // Scale-up and Global TIPS need private investment first.
    for id in ["mss-scaleup-tips", "mss-global-tips"] {
        assert!(cat.get(id).expect("present").has_tag("needs_investment"));
    }
}

/// The catalogue's one shape: the model's serde `Serialize` writes what the reader
/// (the one validation pass) reads. The whole built-in catalogue — every field it
/// uses, `limits`, `excludes` links with periods, documents, undated figure sources —
/// goes out and back unchanged, so writer and reader cannot drift (issue 14).
#[test]
fn the_builtin_catalogue_is_written_and_read_back_unchanged() {
    let cat = builtin().expect("parses");
    let json = serde_json::to_string_pretty(&cat).expect("serialises");
    let back = parse_catalogue(json.as_bytes()).unwrap_or_else(|p| panic!("reads back: {p:?}"));
    assert_eq!(back.programmes.len(), cat.programmes.len());
    assert_eq!(back.limits, cat.limits);
    assert_eq!(
        serde_json::to_string_pretty(&back).expect("serialises"),
        json
    );
    // And the file itself reads as what is written: no field of data/catalogue.json is
    // dropped by the reader (the same values, compared as JSON).
    // An empty list or a null is the same as an absent field (the writer leaves
    // them out).
    fn plain(v: &Value) -> Value {
        match v {
            Value::Object(m) => Value::Object(
                m.iter()
                    .filter(|(_, x)| !x.is_null() && x.as_array().is_none_or(|a| !a.is_empty()))
                    .map(|(k, x)| (k.clone(), plain(x)))
                    .collect(),
            ),
            Value::Array(a) => Value::Array(a.iter().map(plain).collect()),
            other => other.clone(),
        }
    }
    let file: Value = serde_json::from_str(gachi::catalogue::BUILTIN_JSON).expect("json");
    let written: Value = serde_json::from_str(&json).expect("json");
    for (p_file, p_out) in programmes(&file).iter().zip(programmes(&written)) {
        let (p_file, p_out) = (plain(p_file), plain(p_out));
        for (k, v) in p_file.as_object().expect("object") {
            assert_eq!(
                Some(v),
                p_out.get(k),
                "{}: field {k} not written back as read",
                p_file["id"]
            );
        }
    }
    assert_eq!(plain(&file["limits"]), plain(&written["limits"]));
}
