//! What the app is: the persisted [`AppState`] (what survives a restart) and the
//! document model of the open profile (which client file it belongs to, and whether
//! it has changes not yet written there).

use crate::profile::FirmProfile;
use crate::text::Lang;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The screens of the app, one per top-bar tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Screen {
    /// Begin, open files, recent files.
    #[default]
    Start,
    /// The consultant's client list.
    Clients,
    /// The firm questionnaire.
    Questions,
    /// The pathway, lists and details.
    Results,
    /// The catalogue table.
    Catalogue,
}

/// What kind of file a recent entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileKind {
    /// A `gachi-profile/1` file.
    Profile,
    /// A `gachi-plan/1` file.
    Plan,
    /// A catalogue file.
    Catalogue,
}

/// A file opened or saved lately, shown on the start screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentFile {
    /// Where it is.
    pub path: PathBuf,
    /// What it holds.
    pub kind: FileKind,
}

/// The open profile as a document: the client file it belongs to (None for a
/// profile not saved as a client) and the profile as last read from or written to
/// that file, so "unsaved changes" is a comparison, never a guess.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Document {
    /// The client file the profile belongs to.
    pub client: Option<PathBuf>,
    /// The profile as it is on disk (for a detached profile: as it was started).
    #[serde(with = "profile_text")]
    pub saved: FirmProfile,
}

/// Everything that persists: language, theme, where the user was, the profile being
/// edited and its document, recent files, the catalogue and workspace in use.
/// Runtime state (plans, caches, dialogs, the what-if draft) lives elsewhere.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppState {
    /// The language of every screen.
    pub lang: Lang,
    /// Dark theme.
    pub dark: bool,
    /// The screen shown.
    pub screen: Screen,
    /// The questionnaire page.
    pub page: usize,
    /// The profile being edited.
    #[serde(with = "profile_text")]
    pub profile: FirmProfile,
    /// Which client file the profile belongs to, and what is saved there.
    pub doc: Document,
    /// Files opened or saved lately, newest first.
    pub recent: Vec<RecentFile>,
    /// A catalogue file in use; None for the built-in one.
    pub catalogue_path: Option<PathBuf>,
    /// The client workspace folder chosen; None for the default.
    pub workspace: Option<PathBuf>,
}

impl AppState {
    /// True when the profile differs from what its document holds on disk: the
    /// client file, or (for a detached profile) the blank it started from.
    pub fn is_dirty(&self) -> bool {
        self.profile != self.doc.saved
    }
}

/// The profile is stored as its own `gachi-profile/1` JSON text, so the persisted
/// state and a profile file can never disagree about the format. A stored profile
/// that no longer reads (a newer format, a corrupted file) becomes a blank one.
mod profile_text {
    use crate::profile::{FirmProfile, parse_profile};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(p: &FirmProfile, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&p.to_pretty_json())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<FirmProfile, D::Error> {
        // A plain string: RON (eframe's storage) reads no bare string as an Option.
        let text = String::deserialize(d)?;
        // The month only bounds the founding date; the app's month is close enough.
        Ok(parse_profile(text.as_bytes(), crate::files::current_month()).unwrap_or_default())
    }
}
