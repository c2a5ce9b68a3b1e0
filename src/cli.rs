//! The `gachi` command line (spec/formats.md §3). Exit codes: 0 success, 2 bad
//! input (one message per problem on standard error), 1 anything else.

use crate::catalogue::{self, Catalogue};
use crate::files::{self, FileError};
use crate::matcher::build_plan;
use crate::month::YearMonth;
use crate::text::Lang;
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
    #[command(subcommand)]
    pub command: Option<Command>,
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
        /// Language of the report: ko or en.
        #[arg(long, default_value = "ko", value_parser = parse_lang)]
        lang: Lang,
    },
    /// Write a plan's application windows as an iCalendar (.ics) file.
    Ics {
        #[arg(long)]
        plan: PathBuf,
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value = "ko", value_parser = parse_lang)]
        lang: Lang,
    },
    /// Compare two plans: steps added, removed, moved, changed dates and totals.
    Diff {
        a: PathBuf,
        b: PathBuf,
        /// Print the comparison as JSON.
        #[arg(long)]
        json: bool,
        #[arg(long, default_value = "ko", value_parser = parse_lang)]
        lang: Lang,
    },
    /// Merge a bizinfo (기업마당) open-data JSON file into a catalogue.
    ImportBizinfo {
        /// The file downloaded from the bizinfo API (`{"jsonArray":[…]}`).
        file: PathBuf,
        /// Where to write the merged catalogue.
        #[arg(long)]
        out: PathBuf,
        /// The catalogue to merge into; without it the built-in catalogue.
        #[arg(long)]
        base: Option<PathBuf>,
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
        Some(_) => Err(format!(
            "\"{s}\" is out of range; expected a month from 1990-01 to 2100-12"
        )),
        None => Err(format!("\"{s}\" is not a month; expected YYYY-MM")),
    }
}

/// What a command ended with.
pub enum Outcome {
    Ok,
    BadInput(Vec<String>),
    Failed(String),
}

impl Outcome {
    pub fn exit_code(&self) -> i32 {
        match self {
            Outcome::Ok => 0,
            Outcome::BadInput(_) => 2,
            Outcome::Failed(_) => 1,
        }
    }
}

impl From<FileError> for Outcome {
    fn from(e: FileError) -> Self {
        Outcome::BadInput(e.lines())
    }
}

/// The built-in catalogue, or a message if the binary was built with a broken one.
pub fn builtin_catalogue() -> Result<Catalogue, String> {
    catalogue::builtin().map_err(|probs| {
        let lines: Vec<String> = probs
            .iter()
            .map(|p| format!("built-in catalogue: {p}"))
            .collect();
        lines.join("\n")
    })
}

pub fn run_plan(
    profile: &Path,
    catalogue: Option<&Path>,
    as_of: Option<YearMonth>,
    out: Option<&Path>,
) -> Outcome {
    let now = files::current_month();
    let as_of = as_of.unwrap_or(now);
    let mut problems = Vec::new();
    let cat = match catalogue {
        Some(path) => files::load_catalogue(path)
            .map_err(|e| problems.extend(e.lines()))
            .ok(),
        None => match builtin_catalogue() {
            Ok(c) => Some(c),
            Err(msg) => return Outcome::Failed(msg),
        },
    };
    // A founding date after today is refused whatever the plan month; one after a
    // past plan month is refused below.
    let prof = files::load_profile(profile, now)
        .map_err(|e| problems.extend(e.lines()))
        .ok();
    let (Some(cat), Some(prof)) = (cat, prof) else {
        return Outcome::BadInput(problems);
    };
    if let Some(f) = prof.founded
        && f.earliest() > as_of
    {
        return Outcome::BadInput(vec![format!(
            "{}: field \"founded\": \"{f}\" is after the plan month {as_of}",
            profile.display()
        )]);
    }
    let plan = build_plan(&cat, &prof, as_of, crate::GENERATED_BY);
    let json = plan.to_pretty_json();
    match out {
        Some(path) => match files::write_atomic(path, json.as_bytes()) {
            Ok(()) => Outcome::Ok,
            Err(e) => Outcome::Failed(e.to_string()),
        },
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(json.as_bytes())
                .and_then(|_| stdout.flush())
            {
                Ok(()) => Outcome::Ok,
                Err(e) => Outcome::Failed(format!("cannot write to standard output: {e}")),
            }
        }
    }
}

pub fn run_check_catalogue(file: &Path) -> Outcome {
    match files::load_catalogue(file) {
        Ok(cat) => {
            let ministries = cat.ministries();
            println!(
                "{}: ok — catalogue {} {} (as of {}): {} programmes, {} links, {} ministries ({})",
                file.display(),
                cat.id,
                cat.version,
                cat.as_of,
                cat.programmes.len(),
                cat.link_count(),
                ministries.len(),
                ministries.join(", ")
            );
            let f = cat.freshness_counts();
            println!(
                "freshness: {} with a call in the 2026 cycle (opened from 2025-09), {} with only older calls, {} with no dated call; {} of {} checked (provenance.checked)",
                f.cycle_2026,
                f.older,
                f.no_call,
                f.checked,
                cat.programmes.len()
            );
            Outcome::Ok
        }
        Err(e) => e.into(),
    }
}

/// Runs a parsed command; `None` means "open the app" and is handled by main.
pub fn run(cmd: &Command) -> Outcome {
    match cmd {
        Command::Plan {
            profile,
            catalogue,
            as_of,
            out,
        } => run_plan(profile, catalogue.as_deref(), *as_of, out.as_deref()),
        Command::CheckCatalogue { file } => run_check_catalogue(file),
        Command::Report { plan, out, lang } => crate::export::run_report(plan, out, *lang),
        Command::Ics { plan, out, lang } => crate::export::run_ics(plan, out, *lang),
        Command::Diff { a, b, json, lang } => crate::export::run_diff(a, b, *json, *lang),
        Command::ImportBizinfo { file, out, base } => {
            crate::bizinfo::run_import_cli(file, out, base.as_deref())
        }
    }
}

/// Prints an outcome's messages to standard error and returns the exit code.
pub fn report(outcome: &Outcome) -> i32 {
    match outcome {
        Outcome::Ok => {}
        Outcome::BadInput(lines) => {
            for l in lines {
                eprintln!("{l}");
            }
        }
        Outcome::Failed(msg) => eprintln!("error: {msg}"),
    }
    outcome.exit_code()
}
