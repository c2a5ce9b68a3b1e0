//! `gachi plan`: a profile (and optionally a catalogue) in, a plan out.

use super::*;

/// `gachi plan` with messages in English.
pub fn run_plan(
    profile: &Path,
    catalogue: Option<&Path>,
    as_of: Option<YearMonth>,
    out: Option<&Path>,
) -> Outcome {
    run_plan_in(profile, catalogue, as_of, out, Lang::En)
}

/// `gachi plan`; warnings about unknown fields in `lang`.
pub fn run_plan_in(
    profile: &Path,
    catalogue: Option<&Path>,
    as_of: Option<YearMonth>,
    out: Option<&Path>,
    lang: Lang,
) -> Outcome {
    let now = files::current_month();
    let as_of = as_of.unwrap_or(now);
    let mut bad = Vec::new();
    let cat = match catalogue {
        Some(path) => files::load_catalogue(path).map_err(|e| bad.push(e)).ok(),
        None => Some(builtin_catalogue()?),
    };
    // A founding date after today is refused whatever the plan month; one after a
    // past plan month is refused below.
    let prof = files::load_profile(profile, now)
        .map_err(|e| bad.push(e))
        .ok();
    let (Some(cat), Some(prof)) = (cat, prof) else {
        return Err(CliError::BadFiles(bad));
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
        return Err(FileError {
            path: profile.to_path_buf(),
            problems: vec![problem],
        }
        .into());
    }
    // Typos in field names are warned about on standard error; the plan is still made.
    for w in crate::profile::unknown_field_warnings(&prof) {
        eprintln!("{}: {}", profile.display(), w.get(lang));
    }
    // Records that do not fit the catalogue or the month: warned, the plan still made.
    for w in crate::matcher::record_warnings(&cat, &prof, as_of) {
        let field = match lang {
            Lang::Ko => format!("필드 \"{}\"", w.path),
            Lang::En => format!("field \"{}\"", w.path),
        };
        eprintln!("{}: {field}: {}", profile.display(), w.text.get(lang));
    }
    let plan = build_plan(&cat, &prof, as_of, crate::GENERATED_BY);
    let json = plan.to_pretty_json();
    match out {
        Some(path) => write_file(path, json.as_bytes()),
        None => print_out(&json),
    }
}
