//! File I/O for the command line and the app: size-capped reads and atomic writes.
//! Kept apart from the core so the core stays pure and testable.

use crate::catalogue::{Catalogue, parse_catalogue};
use crate::json_read::Problem;
use crate::month::YearMonth;
use crate::plan::{Plan, parse_plan};
use crate::profile::{FirmProfile, parse_profile};
use std::fmt;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// No input file may be larger than this: a bigger one is refused with a message.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Everything wrong with one file, each problem naming its field.
#[derive(Debug, Clone, PartialEq)]
pub struct FileError {
    pub path: PathBuf,
    pub problems: Vec<Problem>,
}

impl FileError {
    pub fn single(path: &Path, message: impl Into<String>) -> Self {
        FileError {
            path: path.to_path_buf(),
            problems: vec![Problem {
                path: String::new(),
                message: message.into(),
            }],
        }
    }

    /// One line per problem: `file: field "x": what was expected`. Text quoted from
    /// the file cannot break the line or reach the terminal as control codes.
    pub fn lines(&self) -> Vec<String> {
        let name = printable(&self.path.display().to_string());
        self.problems
            .iter()
            .map(|p| format!("{name}: {}", printable(&p.to_string())))
            .collect()
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.lines().join("\n"))
    }
}

impl std::error::Error for FileError {}

/// A file name part from free text (a firm's name): letters (Hangul too), digits,
/// '-' and '_' kept, anything else '_'; `fallback` when nothing is left.
pub fn safe_stem(text: &str, fallback: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let trimmed = cleaned.trim_matches('_');
    if trimmed.is_empty() {
        fallback.to_string()
    } else {
        trimmed.chars().take(80).collect()
    }
}

/// Control characters (line breaks, terminal escapes) written as `\u{1b}`.
pub fn printable(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// Reads a whole file, refusing anything over `MAX_FILE_BYTES`.
pub fn read_capped(path: &Path) -> Result<Vec<u8>, FileError> {
    let file = std::fs::File::open(path)
        .map_err(|e| FileError::single(path, format!("cannot open the file: {e}")))?;
    let meta = file
        .metadata()
        .map_err(|e| FileError::single(path, format!("cannot read the file: {e}")))?;
    if meta.is_dir() {
        return Err(FileError::single(path, "is a folder, not a file"));
    }
    let mut bytes = Vec::new();
    // Read one byte past the cap so a file that grew after `metadata` is still caught.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| FileError::single(path, format!("cannot read the file: {e}")))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(FileError::single(
            path,
            format!(
                "the file is larger than {} MB; Gachi reads files up to that size",
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        ));
    }
    Ok(bytes)
}

pub fn load_profile(path: &Path, now: YearMonth) -> Result<FirmProfile, FileError> {
    let bytes = read_capped(path)?;
    parse_profile(&bytes, now).map_err(|problems| FileError {
        path: path.to_path_buf(),
        problems,
    })
}

pub fn load_catalogue(path: &Path) -> Result<Catalogue, FileError> {
    let bytes = read_capped(path)?;
    parse_catalogue(&bytes).map_err(|problems| FileError {
        path: path.to_path_buf(),
        problems,
    })
}

pub fn load_plan(path: &Path) -> Result<Plan, FileError> {
    let bytes = read_capped(path)?;
    parse_plan(&bytes).map_err(|problems| FileError {
        path: path.to_path_buf(),
        problems,
    })
}

/// Writes a file atomically: a temporary file in the same folder, flushed to disk,
/// then renamed over the target. On any failure the old file is left as it was.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), FileError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let fail = |what: &str, e: &dyn fmt::Display| {
        FileError::single(
            path,
            format!("{what}: {e}; the existing file, if any, is unchanged"),
        )
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".gachi-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| fail("cannot write in that folder", &e))?;
    tmp.write_all(contents)
        .map_err(|e| fail("cannot write", &e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| fail("cannot save to disk", &e))?;
    tmp.persist(path)
        .map_err(|e| fail("cannot replace the file", &e.error))?;
    Ok(())
}

/// The current month in Korea time (Asia/Seoul), for the CLI and the app.
pub fn current_month() -> YearMonth {
    crate::clock::current_month()
}
