//! `gachi import` (alias `import-bizinfo`): a feed answer merged into a catalogue.

use super::*;

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
    let mut bad = Vec::new();
    let bytes = files::read_capped(file).map_err(|e| bad.push(e)).ok();
    let base_cat = match base {
        Some(path) => files::load_catalogue(path).map_err(|e| bad.push(e)).ok(),
        None => Some(builtin_catalogue()?),
    };
    let (Some(bytes), Some(base_cat)) = (bytes, base_cat) else {
        return Err(CliError::BadFiles(bad));
    };
    let as_of = files::current_month();
    let (cat, report, json) =
        crate::bizinfo::import_json(&base_cat, &bytes, as_of).map_err(|problems| FileError {
            path: file.to_path_buf(),
            problems,
        })?;
    write_file(out, json.as_bytes())?;
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
    print_out(&text)
}
