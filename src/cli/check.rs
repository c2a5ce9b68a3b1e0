//! `gachi check-catalogue`: every problem of a catalogue file, or a summary.

use super::*;

/// `gachi check-catalogue`: every problem of the file (printed by `report` in the
/// message language), or a summary (in English).
pub fn run_check_catalogue(file: &Path) -> Outcome {
    match files::load_catalogue(file) {
        Ok(cat) => {
            let ministries = cat.ministries();
            let f = cat.freshness_counts();
            print_out(&format!(
                "{}: ok — catalogue {} {} (as of {}): {} programmes, {} links, {} ministries ({})\n\
                 freshness: {} with a call in the 2026 cycle (opened from 2025-09), {} with only older calls, {} with no dated call; {} of {} checked (provenance.checked)\n",
                file.display(),
                cat.id,
                cat.version,
                cat.as_of,
                cat.programmes.len(),
                cat.link_count(),
                ministries.len(),
                ministries.join(", "),
                f.cycle_2026,
                f.older,
                f.no_call,
                f.checked,
                cat.programmes.len()
            ))
        }
        Err(e) => Err(e.into()),
    }
}
