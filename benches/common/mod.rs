//! A synthetic catalogue of any size with realistic criteria and links, built
//! deterministically (a fixed linear congruential sequence) so runs compare.

use gachi::catalogue::{Catalogue, parse_catalogue};
use serde_json::{Value, json};

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const REGIONS: &[&str] = &[
    "seoul",
    "busan",
    "daegu",
    "incheon",
    "gwangju",
    "gyeonggi",
    "gyeongnam",
    "gyeongbuk",
    "chungbuk",
    "jeonnam",
];
const ROOT: &[&str] = &[
    "casting",
    "mold",
    "welding",
    "heat_treatment",
    "robotics",
    "sensors",
];
const CERTS: &[&str] = &[
    "venture",
    "innobiz",
    "mainbiz",
    "rnd_center",
    "root_company",
];
const CATEGORIES: &[&str] = &[
    "rnd",
    "automation",
    "digital",
    "certification",
    "finance",
    "export",
    "sales",
    "growth",
];
const KINDS: &[&str] = &[
    "grant",
    "loan",
    "guarantee",
    "voucher",
    "consulting",
    "designation",
    "event",
];

fn criterion(r: &mut Lcg) -> Value {
    match r.below(11) {
        0 => json!({"kind": "employees", "max": 5 + r.below(300)}),
        1 => json!({"kind": "revenue_krw", "max": (10 + r.below(1500)) * 100_000_000u64}),
        2 => json!({"kind": "business_age", "max_years": 3 + r.below(10)}),
        3 => json!({"kind": "size_class", "any_of": ["micro", "small", "medium"]}),
        4 => json!({"kind": "region", "any_of": [r.pick(REGIONS), r.pick(REGIONS)]}),
        5 => json!({"kind": "ksic", "prefixes": [if r.below(2) == 0 { "C" } else { "C2" }]}),
        6 => json!({"kind": "root_technology", "any_of": [r.pick(ROOT)]}),
        7 => json!({"kind": "certification", "any_of": [r.pick(CERTS)]}),
        8 => json!({"kind": "exporting", "value": r.below(2) == 0}),
        9 => json!({"kind": "smart_factory_level", "any_of": ["none", "basic"]}),
        _ => json!({"kind": "manual", "ko": "공고문 확인", "en": "See the notice"}),
    }
}

/// JSON text of a catalogue with `n` programmes. Links run from lower to higher
/// index only (so there is no cycle): chains of 50 follow_on links, plus bonus and
/// complement links across the catalogue.
pub fn synthetic_json(n: usize) -> String {
    let mut r = Lcg(42);
    let programmes: Vec<Value> = (0..n)
        .map(|i| {
            let criteria: Vec<Value> = (0..1 + r.below(4)).map(|_| criterion(&mut r)).collect();
            let mut links = Vec::new();
            if i % 50 != 49 && i + 1 < n {
                links.push(json!({"to": format!("p-{}", i + 1), "kind": "follow_on", "source": "synthetic"}));
            }
            if i + 97 < n && r.below(4) == 0 {
                links.push(json!({"to": format!("p-{}", i + 97), "kind": "bonus", "source": "synthetic"}));
            }
            if i + 13 < n && r.below(4) == 0 {
                links.push(json!({"to": format!("p-{}", i + 13), "kind": "complement", "source": "synthetic"}));
            }
            let ministry = if r.below(2) == 0 { "MSS" } else { "MOTIE" };
            json!({
                "id": format!("p-{i}"),
                "name": {"ko": format!("합성 사업 {i}"), "en": format!("Synthetic programme {i}")},
                "ministry": ministry,
                "agency": "합성기관",
                "category": r.pick(CATEGORIES),
                "purpose": format!("purpose-{}", r.below((n as u64 / 8).max(1))),
                "tags": if r.below(5) == 0 { vec!["root_industry"] } else { vec![] },
                "summary": {"ko": "벤치마크용 합성 사업입니다.", "en": "A synthetic programme for benchmarks."},
                "criteria": criteria,
                "support": {"kind": r.pick(KINDS), "max_krw": if r.below(2) == 0 { Value::from(r.below(100) * 10_000_000) } else { Value::Null }},
                "windows": if r.below(3) == 0 { json!({"status": "tba", "months": []}) } else { json!({"status": "forecast", "months": [1 + r.below(12)], "year": 2025}) },
                "duration_months": if r.below(2) == 0 { Value::from(1 + r.below(24)) } else { Value::Null },
                "links": links,
                "provenance": {"url": "https://example.org/synthetic", "date": "2025-01", "confidence": "uncertain", "research_ref": "P00"}
            })
        })
        .collect();
    json!({
        "format": "gachi-catalogue/1",
        "id": "synthetic",
        "version": format!("n{n}"),
        "as_of": "2026-11",
        "notice": {"ko": "합성 데이터", "en": "Synthetic data"},
        "programmes": programmes
    })
    .to_string()
}

pub fn synthetic(n: usize) -> Catalogue {
    match parse_catalogue(synthetic_json(n).as_bytes()) {
        Ok(c) => c,
        Err(p) => panic!("synthetic catalogue invalid: {:?}", &p[..p.len().min(3)]),
    }
}

/// A root-industry micro-manufacturer, the press release's first pathway.
pub fn root_profile() -> gachi::FirmProfile {
    let text = r#"{"format":"gachi-profile/1","name":"대성주물","founded":"2009-03","employees":8,
        "revenue_krw":2400000000,"region":"gyeongnam","ksic":"C24","root_technologies":["casting"],
        "certifications":["root_company"],"smart_factory_level":"none","exporting":false,
        "goals":["automation","digital","finance"]}"#;
    match gachi::profile::parse_profile(
        text.as_bytes(),
        gachi::YearMonth {
            year: 2026,
            month: 12,
        },
    ) {
        Ok(p) => p,
        Err(e) => panic!("bench profile invalid: {e:?}"),
    }
}
