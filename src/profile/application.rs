//! `applications` of the profile (docs/formats.md §1, 2026-12 addition): where the firm
//! stands with each programme it applied to or means to, and the application documents
//! the consultant has ticked as ready.

use crate::codes::ApplicationStatus;
use crate::json_read::{DateForm, FieldValue, Obj, Problems, want};
use crate::month::YearMonth;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use serde_json::Value;

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
    /// "선정됨 · 2026-06": the status and, when known, its month.
    pub fn status_text(&self, lang: crate::text::Lang) -> String {
        match self.month {
            Some(m) => format!("{} · {m}", self.status.label(lang)),
            None => self.status.label(lang).to_string(),
        }
    }

    /// "선정됨 · 2026-06 — 메모": the status, its month and the note, as the app, the
    /// report and the calendar show a record.
    pub fn text(&self, lang: crate::text::Lang) -> String {
        match self.note.as_deref().filter(|n| !n.trim().is_empty()) {
            Some(n) => format!("{} — {n}", self.status_text(lang)),
            None => self.status_text(lang),
        }
    }

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
    o.field::<Vec<Application>>("applications", probs)
        .unwrap_or_default()
}

/// A record of `applications`: an object whose every problem is pushed with its path.
impl FieldValue for Application {
    fn want() -> Text {
        want::object()
    }

    fn read(v: &Value, path: &str, probs: &mut Problems) -> Option<Application> {
        let r = Obj::new(path, v, probs)?;
        let before = probs.0.len();
        let programme_id = r.req_nonempty("programme_id", probs);
        let status = r.field::<ApplicationStatus>("status", probs);
        let month = r.field::<Option<YearMonth>>("month", probs);
        let note = r.field::<Option<String>>("note", probs);
        let documents_ready = r.field::<Vec<String>>("documents_ready", probs);
        if probs.0.len() != before {
            return None;
        }
        Some(Application {
            programme_id: programme_id?.to_string(),
            status: status?,
            month: month?,
            note: note?,
            documents_ready: documents_ready?,
        })
    }

    fn write(&self) -> Value {
        // Written as derived (the `skip_serializing_if`s above); strings only.
        serde_json::json!(self)
    }
}

/// A month of a record, `"YYYY-MM"`.
impl FieldValue for YearMonth {
    fn want() -> Text {
        want::text()
    }

    fn read(v: &Value, path: &str, probs: &mut Problems) -> Option<YearMonth> {
        crate::json_read::read_date_text(v, path, probs, YearMonth::parse, DateForm::Month)
    }

    fn write(&self) -> Value {
        Value::String(self.to_string())
    }
}
