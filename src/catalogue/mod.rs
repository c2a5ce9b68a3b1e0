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

/// The built-in catalogue, or a message if the binary was built with a broken one.
pub fn builtin_catalogue() -> Result<Catalogue, String> {
    builtin_catalogue_in(crate::text::Lang::En)
}

/// [`builtin_catalogue`] with its message in `lang`.
pub fn builtin_catalogue_in(lang: crate::text::Lang) -> Result<Catalogue, String> {
    let label = match lang {
        crate::text::Lang::Ko => "내장 카탈로그",
        crate::text::Lang::En => "built-in catalogue",
    };
    builtin().map_err(|probs| {
        let lines: Vec<String> = probs
            .iter()
            .map(|p| format!("{label}: {}", p.in_lang(lang)))
            .collect();
        lines.join("\n")
    })
}
