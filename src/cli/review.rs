//! `gachi review`: every client of a workspace planned again against a new
//! catalogue, and what changed for each (issue 15, item 5; [`crate::review`]).

use super::*;
use crate::review::{SkippedClient, review, review_text};
use crate::workspace::Workspace;

/// `gachi review --workspace DIR --catalogue NEW [--since OLD] [--as-of YYYY-MM]
/// [--json]` in `lang`.
///
/// Both catalogues are read first; a problem with either prints nothing else and
/// exits 2. Then every client file of DIR (`*.json` directly in it) is read: a
/// broken one is named on standard error with its problems and skipped, the others
/// are reviewed and printed (text in `lang`, or the `gachi-review/1` JSON), and the
/// command then exits 2. Without `--as-of`, the current month in Korea.
pub fn run_review_in(
    workspace: &Path,
    catalogue: &Path,
    since: Option<&Path>,
    as_of: Option<YearMonth>,
    json: bool,
    lang: Lang,
) -> Outcome {
    let now = files::current_month();
    let as_of = as_of.unwrap_or(now);
    let mut bad = Vec::new();
    let new = files::load_catalogue(catalogue)
        .map_err(|e| bad.push(e))
        .ok();
    let old = match since {
        Some(path) => files::load_catalogue(path)
            .map_err(|e| bad.push(e))
            .ok()
            .map(Some),
        None => Some(None),
    };
    let (Some(new), Some(old)) = (new, old) else {
        return Err(CliError::BadFiles(bad));
    };
    let listed = Workspace::new(workspace)
        .read_profiles(now)
        .map_err(|source| CliError::Folder {
            path: workspace.to_path_buf(),
            source,
        })?;
    let mut clients = Vec::new();
    let mut skipped = Vec::new();
    let mut skipped_files = Vec::new();
    for (path, loaded) in listed {
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let loaded = loaded.and_then(|p| match p.founded {
            // As `gachi plan`: a firm founded after the plan month has no plan then.
            Some(f) if f.earliest() > as_of => Err(FileError {
                path: path.clone(),
                problems: vec![Problem::new(
                    "founded",
                    Text::new(
                        josa(&format!("\"{f}\"은(는) 계획 월 {as_of}보다 나중입니다")),
                        format!("\"{f}\" is after the plan month {as_of}"),
                    ),
                )],
            }),
            _ => Ok(p),
        });
        match loaded {
            Ok(p) => clients.push((file, p)),
            Err(e) => {
                skipped.push(SkippedClient {
                    file,
                    problems: e.lines_in(lang),
                });
                skipped_files.push(e);
            }
        }
    }
    let mut r = review(&clients, &new, old.as_ref(), as_of);
    r.skipped = skipped;
    let text = if json {
        // Strings, numbers and lists only: serialising cannot fail.
        serde_json::to_string_pretty(&r).unwrap_or_default() + "\n"
    } else {
        review_text(&r, lang)
    };
    print_out(&text)?;
    // The broken client files again on standard error, and exit 2.
    if skipped_files.is_empty() {
        Ok(())
    } else {
        Err(CliError::BadFiles(skipped_files))
    }
}
