//! The `gachi` command line (spec/formats.md §3). Exit codes: 0 success, 2 bad
//! input (one message per problem on standard error), 1 anything else.
//!
//! Messages are in the language of `--lang ko|en`, or without it of the `LANG`
//! environment variable (`ko…` or none → Korean, anything else → English); reports,
//! calendars and comparisons are in the language of `--lang`, Korean without it.

mod check;
mod error;
mod export;
mod fetch;
mod import;
mod plan;
mod review;
/// Kept here for callers of the command line's API; the function lives in catalogue.
pub use crate::catalogue::builtin_catalogue;
pub use check::run_check_catalogue;
pub use error::{CliError, Outcome, exit_code};
pub use export::{run_diff, run_ics, run_report};
pub use fetch::{FeedName, FetchArgs, run_fetch_in};
pub use import::{run_import, run_import_in};
pub use plan::{run_plan, run_plan_in};

use crate::files::{self, FileError};
use crate::json_read::Problem;
use crate::matcher::build_plan;
use crate::month::YearMonth;
use crate::text::{Lang, Text, josa};
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Parser, Debug)]
#[command(
    name = "gachi",
    version,
    about = "Gachi (같이): pathways through Korean MOTIE and MSS support programmes for SMEs.\nWith no command it opens the desktop app."
)]
pub struct Cli {
    /// Language of messages and of reports, calendars and comparisons: ko or en.
    /// Without it, messages follow LANG (ko_KR… → Korean) and reports are Korean.
    #[arg(long, global = true, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// The languages this run uses, `LANG` read once here.
    pub fn langs(&self) -> Langs {
        Langs::choose(self.lang, std::env::var("LANG").ok().as_deref())
    }
}

/// The languages of one run: of messages, and of what a command writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Langs {
    pub messages: Lang,
    pub output: Lang,
}

impl Langs {
    /// `--lang` decides both; without it messages follow `LANG` and what a command
    /// writes is Korean (as before).
    pub fn choose(flag: Option<Lang>, env_lang: Option<&str>) -> Langs {
        match flag {
            Some(l) => Langs {
                messages: l,
                output: l,
            },
            None => Langs {
                messages: lang_from_env(env_lang),
                output: Lang::Ko,
            },
        }
    }
}

/// The message language from a `LANG` value: `ko`, `ko_KR.UTF-8`, `ko_KR.eucKR` …
/// are Korean, and so is no `LANG` at all (Windows never sets it, and the owners Gachi
/// is for read Korean first); any other language (`en_US.UTF-8`, `C.UTF-8`) English.
pub fn lang_from_env(value: Option<&str>) -> Lang {
    match value {
        None | Some("") => Lang::Ko,
        Some(v) if v == "ko" || v.starts_with("ko_") || v.starts_with("ko.") => Lang::Ko,
        _ => Lang::En,
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Build the plan for a firm profile and write it as JSON.
    Plan {
        /// The firm profile (gachi-profile/1 JSON).
        #[arg(long)]
        profile: PathBuf,
        /// A catalogue file; without it the built-in catalogue is used.
        #[arg(long)]
        catalogue: Option<PathBuf>,
        /// The plan's month, YYYY-MM; without it the current month.
        #[arg(long = "as-of", value_parser = parse_month)]
        as_of: Option<YearMonth>,
        /// Where to write the plan; without it, standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Validate a catalogue file and list every problem.
    CheckCatalogue { file: PathBuf },
    /// Write a plan as a printable, self-contained HTML report.
    Report {
        #[arg(long)]
        plan: PathBuf,
        #[arg(long)]
        out: PathBuf,
    },
    /// Write a plan's application windows as an iCalendar (.ics) file.
    Ics {
        #[arg(long)]
        plan: PathBuf,
        #[arg(long)]
        out: PathBuf,
    },
    /// Compare two plans: steps added, removed, moved, changed dates and totals.
    Diff {
        a: PathBuf,
        b: PathBuf,
        /// Print the comparison as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Merge a downloaded notice feed into a catalogue: bizinfo (기업마당) JSON or
    /// RSS, or K-Startup announcements JSON (the form is detected).
    #[command(visible_alias = "import-bizinfo")]
    Import {
        /// The file downloaded from the bizinfo API (`{"jsonArray":[…]}`, the
        /// documented `{"jsonArray":{"item":[…]}}`, or RSS XML) or from K-Startup's
        /// getAnnouncementInformation01 (`{"data":[…]}`).
        file: PathBuf,
        /// Where to write the merged catalogue.
        #[arg(long)]
        out: PathBuf,
        /// The catalogue to merge into; without it the built-in catalogue.
        #[arg(long)]
        base: Option<PathBuf>,
    },
    /// Fetch every notice of a feed with your key into one file for `gachi import`:
    /// `gachi fetch bizinfo --key KEY --out bizinfo.json` (or `kstartup`).
    Fetch(FetchArgs),
    /// Plan every client of a workspace against a new catalogue and list what
    /// changed for each: new programmes, calls opening within 60 days or closing
    /// within 14, changed amounts or rules.
    Review {
        /// The client folder: one gachi-profile/1 file per client.
        #[arg(long)]
        workspace: PathBuf,
        /// The new catalogue (e.g. the result of `gachi import`).
        #[arg(long)]
        catalogue: PathBuf,
        /// The catalogue the clients were last reviewed with; without it every
        /// programme from a feed notice counts as new.
        #[arg(long)]
        since: Option<PathBuf>,
        /// The plan month, YYYY-MM; without it the current month.
        #[arg(long = "as-of", value_parser = parse_month)]
        as_of: Option<YearMonth>,
        /// Print the review as JSON (gachi-review/1).
        #[arg(long)]
        json: bool,
    },
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    match s {
        "ko" => Ok(Lang::Ko),
        "en" => Ok(Lang::En),
        _ => Err(format!("\"{s}\" is not a language; expected ko or en")),
    }
}

/// A plan month: YYYY-MM between 1990 and 2100, the span plans make sense for.
fn parse_month(s: &str) -> Result<YearMonth, String> {
    match YearMonth::parse(s) {
        Some(m) if (1990..=2100).contains(&m.year) => Ok(m),
        // Read before --lang is known, so in both languages (Korean first).
        Some(_) => Err(format!(
            "\"{s}\": 1990-01부터 2100-12 사이의 월이어야 합니다 / out of range; expected a month from 1990-01 to 2100-12"
        )),
        None => Err(format!(
            "\"{s}\": 월이 아닙니다. YYYY-MM 형식(예: 2026-11)이어야 합니다 / not a month; expected YYYY-MM"
        )),
    }
}

/// Writes `bytes` to `path` atomically.
pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> Outcome {
    files::write_atomic(path, bytes).map_err(CliError::Write)
}

/// Prints `text` to standard output. A reader that stopped reading (`gachi review |
/// head`: a broken pipe) is not an error: what it wanted was printed.
pub(crate) fn print_out(text: &str) -> Outcome {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
    {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(CliError::Stdout),
    }
}

/// Runs a parsed command in the languages chosen once by [`Cli::langs`]; `None`
/// command means "open the app" and is handled by main.
pub fn run(cmd: &Command, langs: Langs) -> Outcome {
    let lang = langs.messages;
    match cmd {
        Command::Plan {
            profile,
            catalogue,
            as_of,
            out,
        } => run_plan_in(profile, catalogue.as_deref(), *as_of, out.as_deref(), lang),
        Command::CheckCatalogue { file } => run_check_catalogue(file),
        Command::Report { plan, out } => run_report(plan, out, langs.output),
        Command::Ics { plan, out } => run_ics(plan, out, langs.output),
        Command::Diff { a, b, json } => run_diff(a, b, *json, langs.output),
        Command::Import { file, out, base } => run_import_in(file, out, base.as_deref(), lang),
        Command::Fetch(args) => run_fetch_in(args, lang),
        Command::Review {
            workspace,
            catalogue,
            since,
            as_of,
            json,
        } => review::run_review_in(workspace, catalogue, since.as_deref(), *as_of, *json, lang),
    }
}

/// Prints an outcome's messages to standard error in `lang` and returns the exit code.
pub fn report(outcome: &Outcome, lang: Lang) -> i32 {
    if let Err(e) = outcome {
        for l in e.lines(lang) {
            eprintln!("{l}");
        }
    }
    exit_code(outcome)
}
