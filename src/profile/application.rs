//! `applications` of the profile (docs/formats.md §1, 2026-12 addition): where the firm
//! stands with each programme it applied to or means to, and the application documents
//! the consultant has ticked as ready.

use crate::codes::ApplicationStatus;
use crate::json_read::{CodeSet, DateForm, Obj, ProblemKind, Problems, index};
use crate::month::YearMonth;
use serde::{Deserialize, Serialize};

/// One record: a programme, its status and the month the status was reached.
///
/// Shape: `{"programme_id": "mss-smart-factory", "status": "rejected", "month": "2026-04",
/// "note": "…", "documents_ready": ["사업계획서"]}`; `month`, `note` and
/// `documents_ready` may be absent. Several records of one programme are its history,
/// oldest first; the last one is where the firm stands now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Application {
    pub programme_id: String,
    pub status: ApplicationStatus,
    /// When the status was reached (applied: the month of the application; selected:
    /// of the selection; rejected: of the result). `None` = not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<YearMonth>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The documents of the programme's checklist marked ready, by their Korean name
    /// (`documents[].ko` of the catalogue), so a reordered list keeps its ticks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents_ready: Vec<String>,
}

impl Application {
    pub fn new(programme_id: impl Into<String>, status: ApplicationStatus) -> Self {
        Application {
            programme_id: programme_id.into(),
            status,
            month: None,
            note: None,
            documents_ready: Vec::new(),
        }
    }
}

/// Reads `applications` from a profile object, pushing every problem with its path
/// (`applications[2].status`); records with a problem are left out.
pub fn read_applications(o: &Obj, probs: &mut Problems) -> Vec<Application> {
    let Some(list) = o.opt_arr("applications", probs) else {
        return Vec::new();
    };
    let path = o.path_of("applications");
    let mut out = Vec::with_capacity(list.len());
    for (i, v) in list.iter().enumerate() {
        let Some(r) = Obj::new(index(&path, i), v, probs) else {
            continue;
        };
        let before = probs.0.len();
        let programme_id = r.req_nonempty("programme_id", probs);
        let status = r.req_str("status", probs).and_then(|s| {
            let st = ApplicationStatus::from_code(s);
            if st.is_none() {
                probs.push(
                    r.path_of("status"),
                    ProblemKind::UnknownCode {
                        set: CodeSet::ApplicationStatus,
                        value: s.to_string(),
                        expected: ApplicationStatus::expected(),
                    },
                );
            }
            st
        });
        let month = r.opt_str("month", probs).and_then(|s| {
            let m = YearMonth::parse(s);
            if m.is_none() {
                probs.push(
                    r.path_of("month"),
                    ProblemKind::BadDate {
                        value: Some(s.to_string()),
                        form: DateForm::Month,
                    },
                );
            }
            m
        });
        let note = r.opt_str("note", probs).map(str::to_string);
        let documents_ready = r
            .opt_str_list("documents_ready", probs)
            .unwrap_or_default()
            .into_iter()
            .map(str::to_string)
            .collect();
        if probs.0.len() != before {
            continue;
        }
        if let (Some(programme_id), Some(status)) = (programme_id, status) {
            out.push(Application {
                programme_id: programme_id.to_string(),
                status,
                month,
                note,
                documents_ready,
            });
        }
    }
    out
}
