//! Why a command did not finish, by kind, each with its text in Korean and English;
//! `report` prints it in the message language and exits 2 (bad input) or 1.

use crate::catalogue::BuiltinCatalogueError;
use crate::files::FileError;
use crate::text::{Lang, Text};
use std::path::PathBuf;

/// What a command ended with: done, or why not.
pub type Outcome = Result<(), CliError>;

/// The exit status of an outcome: 0 done, 2 bad input, 1 anything else.
pub fn exit_code(outcome: &Outcome) -> i32 {
    outcome.as_ref().err().map_or(0, CliError::exit_code)
}

/// Why a command did not finish. `Display` is the English text.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Input files with problems (exit 2): each file with every one of its problems.
    #[error("{}", self.text(Lang::En))]
    BadFiles(Vec<FileError>),
    /// Other bad input (exit 2), one text a line: no key, a refused key or address,
    /// an error answer from the service.
    #[error("{}", self.text(Lang::En))]
    BadInput(Vec<Text>),
    /// A folder that cannot be listed (exit 2).
    #[error("{}", self.text(Lang::En))]
    Folder {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Writing a file failed (exit 1); the file is as it was.
    #[error("{}", self.text(Lang::En))]
    Write(FileError),
    /// Standard output could not be written (exit 1).
    #[error("{}", self.text(Lang::En))]
    Stdout(#[source] std::io::Error),
    /// The network or the server failed (exit 1), one text a line.
    #[error("{}", self.text(Lang::En))]
    Network(Vec<Text>),
    /// The built-in catalogue does not read (exit 1: a broken build).
    #[error("{}", self.text(Lang::En))]
    Builtin(#[from] BuiltinCatalogueError),
}

impl From<FileError> for CliError {
    fn from(e: FileError) -> Self {
        CliError::BadFiles(vec![e])
    }
}

impl CliError {
    /// 2 for bad input (the user can fix the input), 1 for anything else.
    pub fn exit_code(&self) -> i32 {
        if self.is_bad_input() { 2 } else { 1 }
    }

    /// Whether the input is at fault (exit 2).
    pub fn is_bad_input(&self) -> bool {
        matches!(
            self,
            CliError::BadFiles(_) | CliError::BadInput(_) | CliError::Folder { .. }
        )
    }

    /// The text in `lang`, one line per problem.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            CliError::BadFiles(files) => files
                .iter()
                .map(|f| f.text(lang))
                .collect::<Vec<_>>()
                .join("\n"),
            CliError::BadInput(texts) | CliError::Network(texts) => texts
                .iter()
                .map(|t| t.get(lang))
                .collect::<Vec<_>>()
                .join("\n"),
            CliError::Folder { path, source } => {
                let dir = crate::text::printable(&path.display().to_string());
                match lang {
                    Lang::Ko => format!("{dir}: 고객 폴더를 읽을 수 없습니다: {source}"),
                    Lang::En => format!("{dir}: cannot read the client folder: {source}"),
                }
            }
            CliError::Write(e) => e.text(lang),
            CliError::Stdout(e) => match lang {
                Lang::Ko => format!("표준 출력에 쓸 수 없습니다: {e}"),
                Lang::En => format!("cannot write to standard output: {e}"),
            },
            CliError::Builtin(e) => e.text(lang),
        }
    }

    /// What `report` prints on standard error, one message a line: each problem of
    /// bad input, or "오류: …" / "error: …" for a failure.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        if self.is_bad_input() {
            return self.text(lang).lines().map(str::to_string).collect();
        }
        vec![match lang {
            Lang::Ko => format!("오류: {}", self.text(lang)),
            Lang::En => format!("error: {}", self.text(lang)),
        }]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json_read::{Problem, ProblemKind};

    fn bad_file() -> FileError {
        FileError {
            path: "bad.json".into(),
            problems: vec![
                Problem::new("employees", ProblemKind::Blank),
                Problem::whole(ProblemKind::CutOff { line: 1, column: 2 }),
            ],
        }
    }

    #[test]
    fn bad_input_is_each_problem_a_line_and_exit_2() {
        let e = CliError::BadFiles(vec![bad_file()]);
        assert_eq!(e.exit_code(), 2);
        assert_eq!(
            e.lines(Lang::Ko),
            [
                "bad.json: 필드 \"employees\": 비어 있으면 안 됩니다",
                "bad.json: JSON이 중간에 끝납니다 (1번째 줄 2번째 글자): 파일이 잘린 것 같습니다",
            ]
        );
        assert_eq!(e.to_string(), e.lines(Lang::En).join("\n"));
    }

    #[test]
    fn a_failure_is_one_error_message_and_exit_1() {
        let e = CliError::Stdout(std::io::Error::other("pipe closed"));
        assert_eq!(exit_code(&Err(e)), 1);
        let e = CliError::Network(vec![Text::new("연결 실패", "no connection")]);
        assert_eq!(e.lines(Lang::Ko), ["오류: 연결 실패"]);
        assert_eq!(e.lines(Lang::En), ["error: no connection"]);
        assert_eq!(e.to_string(), "no connection");
        assert_eq!(exit_code(&Ok(())), 0);
    }

    #[test]
    fn problem_kinds_display_their_english() {
        let k = ProblemKind::Negative { value: "-3".into() };
        assert_eq!(k.to_string(), k.text().en);
        let as_error: &dyn std::error::Error = &k;
        assert_eq!(as_error.to_string(), "must not be negative, found -3");
    }
}
