//! Engine benchmarks: catalogue loading, plans on the shipped catalogue and on
//! synthetic catalogues of 1,000 to 100,000 programmes.

mod common;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use gachi::catalogue::{BUILTIN_JSON, parse_catalogue};
use gachi::matcher::build_plan;
use gachi::{FirmProfile, YearMonth};
use std::hint::black_box;
use std::time::Duration;

const AS_OF: YearMonth = YearMonth {
    year: 2026,
    month: 12,
};

/// The profiles of data/cases, each with its month.
fn case_profiles() -> Vec<(String, FirmProfile, YearMonth)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/cases");
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    let mut paths: Vec<_> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    for path in paths {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) else {
            continue;
        };
        let as_of = v
            .get("as_of")
            .and_then(|m| m.as_str())
            .and_then(YearMonth::parse)
            .unwrap_or(AS_OF);
        let Some(profile) = v.get("profile") else {
            continue;
        };
        let Ok(p) = gachi::profile::read_profile_value(profile, as_of) else {
            continue;
        };
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        out.push((name, p, as_of));
    }
    out
}

fn load(c: &mut Criterion) {
    c.bench_function("load and validate the shipped catalogue", |b| {
        b.iter(|| parse_catalogue(black_box(BUILTIN_JSON.as_bytes())).map(|c| c.programmes.len()))
    });
}

fn shipped(c: &mut Criterion) {
    let cat = gachi::catalogue::builtin().unwrap_or_else(|p| panic!("{p:?}"));
    let mut g = c.benchmark_group("plan on the shipped catalogue");
    for (name, profile, as_of) in case_profiles() {
        g.bench_with_input(BenchmarkId::from_parameter(&name), &profile, |b, p| {
            b.iter(|| build_plan(&cat, black_box(p), as_of, "bench"))
        });
    }
    g.finish();
}

fn synthetic(c: &mut Criterion) {
    let profile = common::root_profile();
    let mut g = c.benchmark_group("plan on a synthetic catalogue");
    g.sample_size(20).measurement_time(Duration::from_secs(8));
    for n in [1_000usize, 10_000, 100_000] {
        let cat = common::synthetic(n);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &cat, |b, cat| {
            b.iter(|| build_plan(cat, black_box(&profile), AS_OF, "bench"))
        });
    }
    g.finish();
    let mut g = c.benchmark_group("load a synthetic catalogue");
    g.sample_size(10);
    let n = 10_000usize;
    let json = common::synthetic_json(n);
    g.bench_with_input(BenchmarkId::from_parameter(n), &json, |b, json| {
        b.iter(|| parse_catalogue(black_box(json.as_bytes())).map(|c| c.programmes.len()))
    });
    g.finish();
}

criterion_group!(benches, load, shipped, synthetic);
criterion_main!(benches);
