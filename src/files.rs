//! File I/O for the command line and the app: size-capped reads and atomic writes.
//! Kept apart from the core so the core stays pure and testable.

use crate::catalogue::{Catalogue, parse_catalogue};
use crate::json_read::Problem;
use crate::month::YearMonth;
use crate::plan::{Plan, parse_plan};
use crate::profile::{FirmProfile, parse_profile};
use crate::text::{Lang, Text};
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
    /// One problem with the file as a whole, in English only (the same text is
    /// shown in Korean); prefer [`FileError::whole`] with both languages.
    pub fn single(path: &Path, message: impl Into<String>) -> Self {
        let message = message.into();
        FileError::whole(path, Text::new(message.clone(), message))
    }

    /// One problem with the file as a whole, in Korean and English.
    pub fn whole(path: &Path, message: impl Into<Text>) -> Self {
        FileError {
            path: path.to_path_buf(),
            problems: vec![Problem::whole(message)],
        }
    }

    /// One line per problem in English: `file: field "x": what was expected`.
    pub fn lines(&self) -> Vec<String> {
        self.lines_in(Lang::En)
    }

    /// One line per problem in `lang`: `bad.json: 필드 "region": 알 수 없는 지역 …`.
    /// Text quoted from the file cannot break the line or reach the terminal as
    /// control codes.
    pub fn lines_in(&self, lang: Lang) -> Vec<String> {
        let name = printable(&self.path.display().to_string());
        self.problems
            .iter()
            .map(|p| format!("{name}: {}", printable(&p.in_lang(lang))))
            .collect()
    }

    /// All problems in `lang`, one a line (what the app shows).
    pub fn text(&self, lang: Lang) -> String {
        self.lines_in(lang).join("\n")
    }
}

/// English, one problem a line.
impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.text(Lang::En))
    }
}

/// "cannot open the file: …" with the system's reason; the common reasons in Korean.
fn io_problem(what: Text, e: &std::io::Error) -> Text {
    use std::io::ErrorKind;
    let ko_reason = match e.kind() {
        ErrorKind::NotFound => "파일이 없습니다".to_string(),
        ErrorKind::PermissionDenied => "읽거나 쓸 권한이 없습니다".to_string(),
        ErrorKind::IsADirectory => "파일이 아니라 폴더입니다".to_string(),
        ErrorKind::StorageFull => "디스크 공간이 부족합니다".to_string(),
        ErrorKind::ReadOnlyFilesystem => "읽기 전용 위치입니다".to_string(),
        _ => e.to_string(),
    };
    Text::new(
        format!("{}: {ko_reason}", what.ko),
        format!("{}: {e}", what.en),
    )
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

pub use crate::text::printable;

/// Reads a whole file, refusing anything over `MAX_FILE_BYTES`.
pub fn read_capped(path: &Path) -> Result<Vec<u8>, FileError> {
    let cannot_read = || Text::new("파일을 읽을 수 없습니다", "cannot read the file");
    let file = std::fs::File::open(path).map_err(|e| {
        FileError::whole(
            path,
            io_problem(
                Text::new("파일을 열 수 없습니다", "cannot open the file"),
                &e,
            ),
        )
    })?;
    let meta = file
        .metadata()
        .map_err(|e| FileError::whole(path, io_problem(cannot_read(), &e)))?;
    if meta.is_dir() {
        return Err(FileError::whole(
            path,
            Text::new("파일이 아니라 폴더입니다", "is a folder, not a file"),
        ));
    }
    let mut bytes = Vec::new();
    // Read one byte past the cap so a file that grew after `metadata` is still caught.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| FileError::whole(path, io_problem(cannot_read(), &e)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let mb = MAX_FILE_BYTES / (1024 * 1024);
        return Err(FileError::whole(
            path,
            Text::new(
                format!("파일이 {mb}MB보다 큽니다; 같이(Gachi)는 그 크기까지만 읽습니다"),
                format!("the file is larger than {mb} MB; Gachi reads files up to that size"),
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
    let fail = |ko: &str, en: &str, e: &std::io::Error| {
        let t = io_problem(Text::new(ko, en), e);
        FileError::whole(
            path,
            Text::new(
                format!("{}; 원래 파일은 (있었다면) 그대로입니다", t.ko),
                format!("{}; the existing file, if any, is unchanged", t.en),
            ),
        )
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".gachi-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| {
            fail(
                "그 폴더에 쓸 수 없습니다",
                "cannot write in that folder",
                &e,
            )
        })?;
    tmp.write_all(contents)
        .map_err(|e| fail("쓸 수 없습니다", "cannot write", &e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| fail("디스크에 저장할 수 없습니다", "cannot save to disk", &e))?;
    tmp.persist(path).map_err(|e| {
        fail(
            "파일을 바꿀 수 없습니다",
            "cannot replace the file",
            &e.error,
        )
    })?;
    Ok(())
}

/// The current month in Korea time (Asia/Seoul), for the CLI and the app.
pub fn current_month() -> YearMonth {
    crate::clock::current_month()
}
