//! The desktop app (eframe/egui). Everything that touches egui lives here.
//!
//! The shape follows egui_demo_app's `run_cmd` and rerun's `UICommand`:
//! * [`state::AppState`] is what persists; [`Runtime`] is everything rebuilt at start
//!   (catalogue, plan cache, dialogs, the what-if draft, banners).
//! * Screens draw from the state and push [`command::Command`]s into a list; form
//!   fields edit the profile they show through `&mut`, as egui widgets do.
//! * After the panels, [`GachiApp::apply`] runs the commands in one place
//!   (`command.rs`): every file write, every confirmation and every undo lives there.
//!
//! Where each screen is: `start.rs`, `clients.rs`, `questionnaire.rs`,
//! `results/` (one file per panel), `whatif.rs`, `browser.rs` (the catalogue);
//! the top bar is `top_bar.rs`, banners and questions `banner.rs`, file work `io.rs`.

pub mod applications;
mod banner;
mod browser;
mod changes;
mod clients;
pub mod command;
mod dialogs;
pub mod fetcher;
mod fields;
pub mod i18n;
mod io;
mod news;
mod questionnaire;
pub(crate) mod results;
mod start;
pub mod state;
pub mod style;
mod top_bar;
mod whatif;

use crate::catalogue::Catalogue;
use crate::files;
use crate::matcher::{Eligibility, build_plan};
use crate::month::YearMonth;
use crate::plan::Plan;
use crate::profile::FirmProfile;
use eframe::egui;
use i18n as s;
use std::collections::BTreeSet;
use std::time::{Duration, Instant};

pub use command::{Ask, Command, Undo};
pub use dialogs::Purpose;
pub use state::{AppState, Document, FileKind, RecentFile, Screen};
pub use style::install_fonts;
pub use whatif::WhatIf;

/// Key of the app's state in eframe's storage.
const STORAGE_KEY: &str = "gachi-state";
const MAX_RECENT: usize = 8;
/// Persisted state is written at most this often while the user types.
const FLUSH_AFTER: Duration = Duration::from_secs(1);

/// A message shown over the bottom of the window until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// Red when true, green otherwise.
    pub error: bool,
    /// The first line, in the app's language.
    pub title: s::S,
    /// More lines: a path, counts, what changed.
    pub detail: String,
    /// A folder the user may want to open (exports saved without a dialog).
    pub folder: Option<std::path::PathBuf>,
    /// When it appeared: a plain success notice goes by itself after
    /// `NOTICE_SECONDS` (trial 2026-11: two toasts covered the detail pane).
    pub since: Instant,
}

/// How long a success notice with nothing to click stays.
pub const NOTICE_SECONDS: u64 = 6;
/// How long a saved-file notice (with its folder button) stays.
pub const NOTICE_WITH_FOLDER_SECONDS: u64 = 20;
/// At most this many notices are stacked; older plain ones give way.
pub const MAX_NOTICES: usize = 3;

/// A saved plan set beside the current one.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The file it came from.
    pub file: String,
    /// The saved plan.
    pub before: Plan,
    /// The differences as readable lines.
    pub text: String,
}

/// Which list the results screen shows. The four lists do not overlap: every
/// programme is in exactly one of them (or already received).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ResultsTab {
    /// The plan's steps.
    #[default]
    Steps,
    /// Eligible programmes left out of the plan.
    Also,
    /// Programmes left out of the plan whose conditions need checking.
    Verify,
    /// Programmes the firm does not qualify for.
    Not,
    /// The client's applications, with their statuses (issue 17).
    Applications,
}

/// The plan and what it was built from, so it is rebuilt only on change.
struct PlanCache {
    plan: Plan,
    key: (FirmProfile, YearMonth, String),
}

/// Debounced persistence: what was last written, and since when it differs.
#[derive(Default)]
struct Persist {
    last: Option<AppState>,
    changed_at: Option<Instant>,
    last_screen: Option<Screen>,
}

/// Everything that does not persist: rebuilt at start from the state and files.
pub struct Runtime {
    /// The catalogue in use.
    pub catalogue: Catalogue,
    /// The month plans are made for.
    pub as_of: YearMonth,
    /// Banners, newest last.
    pub notices: Vec<Notice>,
    /// The programme shown in the detail panel.
    pub selected: Option<String>,
    /// Set when a programme was chosen somewhere: the cards scroll to it once.
    pub scroll_to_selected: bool,
    /// The list shown under the pathway.
    pub tab: ResultsTab,
    /// Times the plan was rebuilt, for the test that it is not rebuilt every frame.
    pub recomputes: usize,
    /// A what-if draft; while set, the plan follows it.
    pub whatif: Option<WhatIf>,
    /// A question waiting for the user's answer (a modal).
    pub ask: Option<Ask>,
    /// The last undoable change, offered in its banner.
    pub undo: Option<Undo>,
    /// A plan comparison shown on the results screen.
    pub comparison: Option<Comparison>,
    /// The cards and timeline are shown (they can be folded away).
    pub pathway_open: bool,
    /// The detail panel fills the results screen.
    pub detail_full: bool,
    /// The window may close (the user answered the unsaved-changes question).
    pub allow_close: bool,
    /// The window title last sent, so it is sent only on change.
    pub title: String,
    /// 공고 새로 받기: the key store, the dialog and the fetch under way.
    pub fetch: fetcher::FetchState,
    /// The catalogue in use before the first import or fetch of this session: what
    /// 새 소식 compares with.
    pub previous_catalogue: Option<Catalogue>,
    /// 새 소식: what changed for each client, cached.
    pub(crate) news: news::NewsState,
    plan: Option<PlanCache>,
    baseline: Option<(FirmProfile, YearMonth, String, BTreeSet<String>)>,
    pub(crate) questionnaire: questionnaire::Draft,
    pub(crate) browser: browser::BrowserState,
    pub(crate) clients: clients::ClientsState,
    dialog: dialogs::DialogSlot,
    persist: Persist,
    /// Process start, until the first frame reports the start-up time.
    startup: Option<Instant>,
}

/// The app: persisted state, runtime state, and the commands of this frame.
pub struct GachiApp {
    /// What persists.
    pub state: AppState,
    /// What does not.
    pub rt: Runtime,
    /// Commands pushed by the screens this frame, applied after the panels.
    cmds: Vec<Command>,
}

impl GachiApp {
    /// A fresh app on the given catalogue.
    pub fn new(catalogue: Catalogue, as_of: YearMonth) -> Self {
        GachiApp {
            state: AppState::default(),
            rt: Runtime {
                catalogue,
                as_of,
                notices: Vec::new(),
                selected: None,
                scroll_to_selected: false,
                tab: ResultsTab::Steps,
                recomputes: 0,
                whatif: None,
                ask: None,
                undo: None,
                comparison: None,
                pathway_open: true,
                detail_full: false,
                allow_close: false,
                title: String::new(),
                fetch: fetcher::FetchState::default(),
                previous_catalogue: None,
                news: news::NewsState::default(),
                plan: None,
                baseline: None,
                questionnaire: questionnaire::Draft::default(),
                browser: browser::BrowserState::default(),
                clients: clients::ClientsState::default(),
                dialog: dialogs::DialogSlot::default(),
                persist: Persist::default(),
                startup: None,
            },
            cmds: Vec::new(),
        }
    }

    /// Restores what a previous run saved. A saved catalogue file that no longer
    /// loads falls back to the given one, with a notice; a client file that is gone
    /// leaves the profile detached (and so marked unsaved).
    pub fn restore(mut self, saved: AppState) -> Self {
        self.state = saved;
        self.state.page = self.state.page.min(questionnaire::PAGES.len() - 1);
        if self.state.doc.client.as_ref().is_some_and(|p| !p.exists()) {
            self.state.doc = Document::default();
        }
        if let Some(path) = self.state.catalogue_path.clone() {
            self.open_catalogue_path(&path);
        }
        self.rt.persist.last = Some(self.state.clone());
        self
    }

    /// The profile the plan follows: the what-if draft while one is open.
    pub fn planned_profile(&self) -> &FirmProfile {
        self.rt
            .whatif
            .as_ref()
            .map(|w| &w.profile)
            .unwrap_or(&self.state.profile)
    }

    /// Rebuilds the plan if the profile, the month or the catalogue changed.
    pub fn refresh_plan(&mut self) {
        let profile = self.planned_profile();
        let fresh = self.rt.plan.as_ref().is_some_and(|c| {
            c.key.0 == *profile && c.key.1 == self.rt.as_of && c.key.2 == self.rt.catalogue.sha256
        });
        if !fresh {
            let plan = build_plan(
                &self.rt.catalogue,
                profile,
                self.rt.as_of,
                crate::GENERATED_BY,
            );
            let key = (
                profile.clone(),
                self.rt.as_of,
                self.rt.catalogue.sha256.clone(),
            );
            self.rt.plan = Some(PlanCache { plan, key });
            self.rt.recomputes += 1;
        }
    }

    /// The plan for the current profile, rebuilt only when its inputs changed.
    pub fn plan(&mut self) -> &Plan {
        self.refresh_plan();
        match &mut self.rt.plan {
            Some(c) => &c.plan,
            // refresh_plan always leaves a plan; build one rather than panic.
            slot @ None => {
                let plan = build_plan(
                    &self.rt.catalogue,
                    &self.state.profile,
                    self.rt.as_of,
                    crate::GENERATED_BY,
                );
                let key = (
                    self.state.profile.clone(),
                    self.rt.as_of,
                    self.rt.catalogue.sha256.clone(),
                );
                &slot.insert(PlanCache { plan, key }).plan
            }
        }
    }

    /// The plan as last built (after [`Self::refresh_plan`]).
    pub fn cached_plan(&self) -> Option<&Plan> {
        self.rt.plan.as_ref().map(|c| &c.plan)
    }

    /// Programme ids the saved profile (not the what-if) can use, rebuilt on change:
    /// what the what-if panel compares against.
    pub fn baseline_usable(&mut self) -> &BTreeSet<String> {
        let stale = !self.rt.baseline.as_ref().is_some_and(|(p, m, sha, _)| {
            *p == self.state.profile && *m == self.rt.as_of && *sha == self.rt.catalogue.sha256
        });
        if stale {
            let plan = build_plan(
                &self.rt.catalogue,
                &self.state.profile,
                self.rt.as_of,
                crate::GENERATED_BY,
            );
            self.rt.baseline = Some((
                self.state.profile.clone(),
                self.rt.as_of,
                self.rt.catalogue.sha256.clone(),
                usable_ids(&plan),
            ));
        }
        static EMPTY: BTreeSet<String> = BTreeSet::new();
        match &self.rt.baseline {
            Some((.., ids)) => ids,
            // Filled just above; an empty set rather than a panic.
            None => &EMPTY,
        }
    }

    /// (eligible, to verify, not eligible) counts of the current plan.
    pub fn counts(&mut self) -> (usize, usize, usize) {
        counts(self.plan())
    }

    /// Draws the whole app into `ui`, then applies the commands the screens pushed.
    /// The eframe wrapper and the UI tests both call this.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        self.dialog_poll(ui.ctx());
        self.fetch_poll(ui.ctx());
        self.refresh_plan();
        let mut cmds = std::mem::take(&mut self.cmds);
        egui::Panel::top("top_bar").show(ui, |ui| top_bar::show(ui, self, &mut cmds));
        egui::CentralPanel::default_margins().show(ui, |ui| match self.state.screen {
            Screen::Start => start::show(ui, self, &mut cmds),
            Screen::Questions => questionnaire::show(ui, self, &mut cmds),
            Screen::Results => results::show(ui, self, &mut cmds),
            Screen::Catalogue => browser::show(ui, self, &mut cmds),
            Screen::Clients => clients::show(ui, self, &mut cmds),
        });
        // Banners float over the bottom edge: they never push the layout.
        banner::notices(ui.ctx(), self, &mut cmds);
        banner::ask(ui.ctx(), self, &mut cmds);
        dialogs::typed_path(ui.ctx(), self, &mut cmds);
        let lang = self.state.lang;
        if let Some(form) = &mut self.rt.fetch.form {
            fetcher::dialog(ui.ctx(), form, lang, &mut cmds);
        }
        for cmd in cmds.drain(..) {
            self.apply(cmd, ui.ctx());
        }
        self.cmds = cmds;
        self.refresh_plan();
    }

    /// Writes the state to storage when it changed and has been still for a second,
    /// or at once when the screen changed (the user moved on).
    fn flush(
        &mut self,
        storage: Option<&mut (dyn eframe::Storage + 'static)>,
        ctx: &egui::Context,
    ) {
        let p = &mut self.rt.persist;
        if p.last.as_ref() == Some(&self.state) {
            p.changed_at = None;
            return;
        }
        let since = *p.changed_at.get_or_insert_with(Instant::now);
        let moved = p.last_screen != Some(self.state.screen);
        if !moved && since.elapsed() < FLUSH_AFTER {
            ctx.request_repaint_after(FLUSH_AFTER);
            return;
        }
        if let Some(storage) = storage {
            eframe::set_value(storage, STORAGE_KEY, &self.state);
            storage.flush();
        }
        p.last = Some(self.state.clone());
        p.last_screen = Some(self.state.screen);
        p.changed_at = None;
    }

    /// The window title: the firm, and a mark while there are unsaved changes.
    pub fn window_title(&self) -> String {
        let name = if self.state.profile.name.trim().is_empty() {
            s::UNTITLED.get(self.state.lang).to_string()
        } else {
            self.state.profile.name.clone()
        };
        let mark = if self.state.is_dirty() { "● " } else { "" };
        format!("{mark}{name} — {}", s::APP_TITLE.get(self.state.lang))
    }
}

impl eframe::App for GachiApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        ctx.set_theme(if self.state.dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
        // Closing with unsaved changes asks first (the state itself is kept anyway).
        if ctx.input(|i| i.viewport().close_requested())
            && !self.rt.allow_close
            && self.state.is_dirty()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.cmds.push(Command::AskBeforeClose);
        }
        self.show(ui);
        let title = self.window_title();
        if title != self.rt.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.rt.title = title;
        }
        if let Some(start) = self.rt.startup.take() {
            eprintln!(
                "gachi: first frame drawn {} ms after start",
                start.elapsed().as_millis()
            );
        }
        self.flush(frame.storage_mut(), &ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.state);
    }
}

/// (eligible, to verify, not eligible) counts of a plan.
pub fn counts(plan: &Plan) -> (usize, usize, usize) {
    let usable = plan
        .steps
        .iter()
        .map(|s| s.eligibility)
        .chain(plan.also_eligible.iter().map(|a| a.eligibility));
    let (mut e, mut v) = (0, 0);
    for el in usable {
        match el {
            Eligibility::Eligible => e += 1,
            _ => v += 1,
        }
    }
    (e, v, plan.not_eligible.len())
}

/// Programme ids a plan counts as usable: its steps and the also-eligible ones.
pub fn usable_ids(plan: &Plan) -> BTreeSet<String> {
    plan.steps
        .iter()
        .map(|s| s.programme_id.clone())
        .chain(plan.also_eligible.iter().map(|a| a.programme_id.clone()))
        .collect()
}

/// Why the app could not start. `Display` is the English; `main` puts it after
/// "cannot open the window" in the message language.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The built-in catalogue does not read (a broken build).
    #[error(transparent)]
    Builtin(#[from] crate::catalogue::BuiltinCatalogueError),
    /// eframe could not open the window (no display, no OpenGL, …).
    #[error("{0}")]
    Window(#[from] eframe::Error),
}

/// Opens the main window on the built-in catalogue (or the one last used).
/// `GACHI_DATA_DIR` moves the app's storage and default workspace elsewhere
/// (for trying the app without touching real client files).
pub fn run_app() -> Result<(), AppError> {
    let start = Instant::now();
    let catalogue = crate::catalogue::builtin_catalogue()?;
    let as_of = files::current_month();
    let icon = image::load_from_memory(include_bytes!("../../assets/icon.png"))
        .ok()
        .map(|img| {
            let rgba = img.to_rgba8();
            let (w, h) = rgba.dimensions();
            egui::IconData {
                rgba: rgba.into_raw(),
                width: w,
                height: h,
            }
        });
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(s::APP_TITLE.ko)
        .with_app_id("gachi")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([1024.0, 700.0]);
    if let Some(icon) = icon {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        persistence_path: data_dir().map(|d| d.join("app.ron")),
        ..Default::default()
    };
    let report_start = std::env::var_os("GACHI_STARTUP_TIME").is_some();
    eframe::run_native(
        "gachi",
        options,
        Box::new(move |cc| {
            install_fonts(&cc.egui_ctx);
            let saved: Option<AppState> =
                cc.storage.and_then(|s| eframe::get_value(s, STORAGE_KEY));
            let app = GachiApp::new(catalogue, as_of);
            let mut app = match saved {
                Some(p) => app.restore(p),
                None => app,
            };
            // GACHI_STARTUP_TIME=1 prints the time from process start to the first frame.
            app.rt.startup = report_start.then_some(start);
            Ok(Box::new(app))
        }),
    )?;
    Ok(())
}

/// The app's data folder: `GACHI_DATA_DIR` when set (to try the app without touching
/// real client files), else the OS's data folder for "gachi" (eframe's, so the window state and the
/// clients sit together; only the app needs it).
pub fn data_dir() -> Option<std::path::PathBuf> {
    match std::env::var_os("GACHI_DATA_DIR") {
        Some(d) if !d.is_empty() => Some(std::path::PathBuf::from(d)),
        _ => eframe::storage_dir("gachi"),
    }
}
