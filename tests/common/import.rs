//! Helpers shared by the feed import tests (tests/bizinfo.rs, tests/feeds.rs): the
//! fixture files, the fixed base catalogue they import into, and what a test reads
//! back from an imported programme.

use gachi::YearMonth;
use gachi::catalogue::{CallPeriod, Catalogue, Criterion, Programme};
use gachi::codes::Region;
use std::path::{Path, PathBuf};

/// The plan month of the import tests.
pub const AS_OF: &str = "2026-12";

pub fn ym(s: &str) -> YearMonth {
    YearMonth::parse(s).expect("month")
}

/// `tests/fixtures/<dir>/<name>`.
pub fn fixture_path(dir: &str, name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir)
        .join(name)
}

pub fn fixture(dir: &str, name: &str) -> Vec<u8> {
    std::fs::read(fixture_path(dir, name)).expect("fixture file")
}

/// The imports are tested against a fixed catalogue (the 2026.1 edition), so a new
/// edition of the built-in data does not change what these tests mean.
pub fn base_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/catalogue-2026.1.json")
}

pub fn base() -> Catalogue {
    gachi::files::load_catalogue(&base_path()).expect("the 2026.1 catalogue fixture")
}

pub fn prog<'c>(cat: &'c Catalogue, id: &str) -> &'c Programme {
    cat.get(id)
        .unwrap_or_else(|| panic!("{id} is in the catalogue"))
}

/// The English sentences of the programme's manual criteria.
pub fn manual_en(p: &Programme) -> Vec<&str> {
    p.criteria
        .iter()
        .filter_map(|c| match c {
            Criterion::Manual { en, .. } => Some(en.as_str()),
            _ => None,
        })
        .collect()
}

/// The regions of the programme's region criterion; None when it has none
/// (nationwide).
pub fn regions(p: &Programme) -> Option<Vec<Region>> {
    p.criteria.iter().find_map(|c| match c {
        Criterion::Region { any_of } => Some(any_of.clone()),
        _ => None,
    })
}

/// A call period from month to month.
pub fn call(from: &str, to: &str) -> Option<CallPeriod> {
    Some(CallPeriod {
        from: ym(from),
        to: ym(to),
    })
}
