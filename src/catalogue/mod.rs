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

/// The built-in catalogue does not read: the binary was built with a broken one (the
/// test suite checks it, so this is a broken build). `Display` is the English.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.text(crate::text::Lang::En))]
pub struct BuiltinCatalogueError(pub Vec<crate::json_read::Problem>);

impl BuiltinCatalogueError {
    /// Every problem, one a line: `built-in catalogue: field "…": …` / `내장 카탈로그: …`.
    pub fn text(&self, lang: crate::text::Lang) -> String {
        let label = match lang {
            crate::text::Lang::Ko => "내장 카탈로그",
            crate::text::Lang::En => "built-in catalogue",
        };
        let lines: Vec<String> = self
            .0
            .iter()
            .map(|p| format!("{label}: {}", p.in_lang(lang)))
            .collect();
        lines.join("\n")
    }
}

/// The built-in catalogue, or why it does not read.
pub fn builtin_catalogue() -> Result<Catalogue, BuiltinCatalogueError> {
    builtin().map_err(BuiltinCatalogueError)
}
