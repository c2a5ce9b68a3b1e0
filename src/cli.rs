//! The `gachi` command line (spec/formats.md §3). Exit codes: 0 success, 2 bad
//! input (one message per problem on standard error), 1 anything else.
//!
//! Messages are in the language of `--lang ko|en`, or without it of the `LANG`
//! environment variable (`ko…` → Korean, anything else → English); reports,
//! calendars and comparisons are in the language of `--lang`, Korean without it.

use crate::catalogue::{self, Catalogue};
use crate::files::{self, FileError};
use crate::json_read::Problem;
use crate::matcher::build_plan;
use crate::month::YearMonth;
use crate::plan::Plan;
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

impl Outcome {
    fn bad_file(e: FileError, lang: Lang) -> Self {
        Outcome::BadInput(e.lines_in(lang))
    }
}

/// The built-in catalogue, or a message if the binary was built with a broken one.
pub fn builtin_catalogue() -> Result<Catalogue, String> {
    builtin_catalogue_in(Lang::En)
}

/// [`builtin_catalogue`] with its message in `lang`.
pub fn builtin_catalogue_in(lang: Lang) -> Result<Catalogue, String> {
    let label = match lang {
        Lang::Ko => "내장 카탈로그",
        Lang::En => "built-in catalogue",
    };
    catalogue::builtin().map_err(|probs| {
        let lines: Vec<String> = probs
            .iter()
            .map(|p| format!("{label}: {}", p.in_lang(lang)))
            .collect();
        lines.join("\n")
    })
}

/// `gachi plan` with messages in English.
pub fn run_plan(
    profile: &Path,
    catalogue: Option<&Path>,
    as_of: Option<YearMonth>,
    out: Option<&Path>,
) -> Outcome {
    run_plan_in(profile, catalogue, as_of, out, Lang::En)
}

/// `gachi plan` with messages in `lang`.
pub fn run_plan_in(
    profile: &Path,
    catalogue: Option<&Path>,
    as_of: Option<YearMonth>,
    out: Option<&Path>,
    lang: Lang,
) -> Outcome {
    let now = files::current_month();
    let as_of = as_of.unwrap_or(now);
    let mut problems = Vec::new();
    let cat = match catalogue {
        Some(path) => files::load_catalogue(path)
            .map_err(|e| problems.extend(e.lines_in(lang)))
            .ok(),
        None => match builtin_catalogue_in(lang) {
            Ok(c) => Some(c),
            Err(msg) => return Outcome::Failed(msg),
        },
    };
    // A founding date after today is refused whatever the plan month; one after a
    // past plan month is refused below.
    let prof = files::load_profile(profile, now)
        .map_err(|e| problems.extend(e.lines_in(lang)))
        .ok();
    let (Some(cat), Some(prof)) = (cat, prof) else {
        return Outcome::BadInput(problems);
    };
    if let Some(f) = prof.founded
        && f.earliest() > as_of
    {
        let problem = Problem::new(
            "founded",
            Text::new(
                josa(&format!("\"{f}\"은(는) 계획 월 {as_of}보다 나중입니다")),
                format!("\"{f}\" is after the plan month {as_of}"),
            ),
        );
        return Outcome::bad_file(
            FileError {
                path: profile.to_path_buf(),
                problems: vec![problem],
            },
            lang,
        );
    }
    // Typos in field names are warned about on standard error; the plan is still made.
    for w in crate::profile::unknown_field_warnings(&prof) {
        eprintln!("{}: {}", profile.display(), w.get(lang));
    }
    let plan = build_plan(&cat, &prof, as_of, crate::GENERATED_BY);
    let json = plan.to_pretty_json();
    match out {
        Some(path) => write_file(path, json.as_bytes(), lang),
        None => print_out(&json, lang),
    }
}

/// Writes `bytes` to `path` atomically; a failure in `lang`.
fn write_file(path: &Path, bytes: &[u8], lang: Lang) -> Outcome {
    match files::write_atomic(path, bytes) {
        Ok(()) => Outcome::Ok,
        Err(e) => Outcome::Failed(e.text(lang)),
    }
}

/// Prints `text` to standard output; a failure in `lang`.
fn print_out(text: &str, lang: Lang) -> Outcome {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
    {
        Ok(()) => Outcome::Ok,
        Err(e) => Outcome::Failed(match lang {
            Lang::Ko => format!("표준 출력에 쓸 수 없습니다: {e}"),
            Lang::En => format!("cannot write to standard output: {e}"),
        }),
    }
}

/// Reads a plan for `report`, `ics` or `diff`, its problems added in `lang`.
/// These commands read plans here so that a bad plan file is reported in the
/// message language while what they write is in the output language.
fn load_plan_in(path: &Path, lang: Lang, problems: &mut Vec<String>) -> Option<Plan> {
    files::load_plan(path)
        .map_err(|e| problems.extend(e.lines_in(lang)))
        .ok()
}

/// `gachi report` and `gachi ics`: one plan in, one file out.
fn run_plan_export(
    plan: &Path,
    out: &Path,
    langs: Langs,
    write: fn(&Plan, Lang) -> String,
) -> Outcome {
    let mut problems = Vec::new();
    match load_plan_in(plan, langs.messages, &mut problems) {
        Some(p) => write_file(out, write(&p, langs.output).as_bytes(), langs.messages),
        None => Outcome::BadInput(problems),
    }
}

/// `gachi diff`: both plans read (every problem reported), the comparison printed.
fn run_diff_in(a: &Path, b: &Path, json: bool, langs: Langs) -> Outcome {
    let mut problems = Vec::new();
    let pa = load_plan_in(a, langs.messages, &mut problems);
    let pb = load_plan_in(b, langs.messages, &mut problems);
    let (Some(pa), Some(pb)) = (pa, pb) else {
        return Outcome::BadInput(problems);
    };
    let d = crate::export::diff_plans(&pa, &pb);
    let text = if json {
        // The diff holds only strings, numbers and lists: serialising cannot fail.
        serde_json::to_string_pretty(&d).unwrap_or_default() + "\n"
    } else {
        crate::export::diff_text(&d, langs.output)
    };
    print_out(&text, langs.messages)
}

/// `gachi import FILE --out CATALOGUE [--base FILE]` (alias `import-bizinfo`) with
/// messages in English.
pub fn run_import(file: &Path, out: &Path, base: Option<&Path>) -> Outcome {
    run_import_in(file, out, base, Lang::En)
}

/// `gachi import` in `lang`: reads FILE (any feed form `bizinfo::detect` knows),
/// merges it into the base catalogue (the built-in one without `--base`) as of the
/// current month in Korea, writes the result atomically and prints the report
/// (counts, merges, skips, merge decisions with their reasons, notes). A file that
/// is not a feed, an error answer or a feed with no notice writes nothing, names
/// the file and exits 2.
pub fn run_import_in(file: &Path, out: &Path, base: Option<&Path>, lang: Lang) -> Outcome {
    let mut problems = Vec::new();
    let bytes = files::read_capped(file)
        .map_err(|e| problems.extend(e.lines_in(lang)))
        .ok();
    let base_cat = match base {
        Some(path) => files::load_catalogue(path)
            .map_err(|e| problems.extend(e.lines_in(lang)))
            .ok(),
        None => match builtin_catalogue_in(lang) {
            Ok(c) => Some(c),
            Err(msg) => return Outcome::Failed(msg),
        },
    };
    let (Some(bytes), Some(base_cat)) = (bytes, base_cat) else {
        return Outcome::BadInput(problems);
    };
    let as_of = files::current_month();
    let (cat, report, json) = match crate::bizinfo::import_json(&base_cat, &bytes, as_of) {
        Ok(r) => r,
        Err(problems) => {
            return Outcome::bad_file(
                FileError {
                    path: file.to_path_buf(),
                    problems,
                },
                lang,
            );
        }
    };
    if let Err(e) = files::write_atomic(out, json.as_bytes()) {
        return Outcome::Failed(e.text(lang));
    }
    let name = files::printable(&file.display().to_string());
    let mut text = String::new();
    for (k, l) in report.lines_in(lang).iter().enumerate() {
        if k == 0 {
            text.push_str(&format!("{name}: {l}\n"));
        } else {
            text.push_str(&format!("{l}\n"));
        }
    }
    let out_name = files::printable(&out.display().to_string());
    text.push_str(&match lang {
        Lang::Ko => format!(
            "{out_name}에 썼습니다: 카탈로그 {} {} ({} 기준), 사업 {}개\n",
            cat.id,
            cat.version,
            cat.as_of,
            cat.programmes.len()
        ),
        Lang::En => format!(
            "wrote {out_name}: catalogue {} {} (as of {}): {} programmes\n",
            cat.id,
            cat.version,
            cat.as_of,
            cat.programmes.len()
        ),
    });
    print_out(&text, lang)
}

/// `gachi check-catalogue` with messages in English.
pub fn run_check_catalogue(file: &Path) -> Outcome {
    run_check_catalogue_in(file, Lang::En)
}

/// `gachi check-catalogue` with problems in `lang` (the summary stays English).
pub fn run_check_catalogue_in(file: &Path, lang: Lang) -> Outcome {
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
        Err(e) => Outcome::bad_file(e, lang),
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
        Command::CheckCatalogue { file } => run_check_catalogue_in(file, lang),
        Command::Report { plan, out } => {
            run_plan_export(plan, out, langs, crate::export::report_html)
        }
        Command::Ics { plan, out } => run_plan_export(plan, out, langs, crate::export::plan_ics),
        Command::Diff { a, b, json } => run_diff_in(a, b, *json, langs),
        Command::Import { file, out, base } => run_import_in(file, out, base.as_deref(), lang),
    }
}

/// Prints an outcome's messages to standard error and returns the exit code.
pub fn report(outcome: &Outcome, lang: Lang) -> i32 {
    match outcome {
        Outcome::Ok => {}
        Outcome::BadInput(lines) => {
            for l in lines {
                eprintln!("{l}");
            }
        }
        Outcome::Failed(msg) => match lang {
            Lang::Ko => eprintln!("오류: {msg}"),
            Lang::En => eprintln!("error: {msg}"),
        },
    }
    outcome.exit_code()
}
