//! The programme catalogue: model, reading and validation.

mod model;
mod read;

pub use crate::json_read::parse_json;
pub use model::*;
pub use read::{parse_catalogue, sha256_hex};

/// The catalogue built into the binary.
pub const BUILTIN_JSON: &str = include_str!("../../data/catalogue.json");

/// Parses the built-in catalogue. It is checked by the test suite, so a failure here
/// means a broken build, reported rather than panicking.
pub fn builtin() -> Result<Catalogue, Vec<crate::json_read::Problem>> {
    parse_catalogue(BUILTIN_JSON.as_bytes())
}
