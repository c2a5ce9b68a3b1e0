//! The desktop app (eframe/egui). Everything that touches egui lives here; the
//! plan itself comes from the pure core and is recomputed only when its inputs change.

mod browser;
mod clients;
mod dialogs;
pub mod i18n;
mod questionnaire;
pub(crate) mod results;
mod start;
pub mod style;
mod whatif;

use crate::catalogue::Catalogue;
use crate::files::{self, FileError};
use crate::matcher::{Eligibility, build_plan};
use crate::month::YearMonth;
use crate::plan::Plan;
use crate::profile::{FirmProfile, read_profile_value};
use crate::text::Lang;
use eframe::egui;
use i18n as s;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

pub use style::install_fonts;

/// Key of the app's state in eframe's storage.
const STORAGE_KEY: &str = "gachi-state";
const MAX_RECENT: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Screen {
    #[default]
    Start,
    Clients,
    Questions,
    Results,
    Catalogue,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileKind {
    Profile,
    Plan,
    Catalogue,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentFile {
    pub path: PathBuf,
    pub kind: FileKind,
}

/// What survives a restart (and a crash: it is written as the user answers).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Persisted {
    pub lang: Lang,
    pub dark: bool,
    /// The profile being edited, as `gachi-profile/1` JSON text.
    pub profile: Option<String>,
    pub page: usize,
    pub screen: Screen,
    pub recent: Vec<RecentFile>,
    pub catalogue_path: Option<PathBuf>,
    pub workspace: Option<PathBuf>,
    pub client_path: Option<PathBuf>,
}

/// A message shown at the top of the window until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub error: bool,
    pub title: s::S,
    pub detail: String,
}

/// A saved plan set beside the current one.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub file: String,
    pub before: Plan,
    /// The differences as readable lines.
    pub text: String,
}

/// Which list the results screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ResultsTab {
    #[default]
    Steps,
    Also,
    Verify,
    Not,
}

pub struct GachiApp {
    pub lang: Lang,
    pub dark: bool,
    pub screen: Screen,
    pub page: usize,
    pub profile: FirmProfile,
    pub catalogue: Catalogue,
    /// None for the built-in catalogue.
    pub catalogue_path: Option<PathBuf>,
    pub as_of: YearMonth,
    pub recent: Vec<RecentFile>,
    pub notices: Vec<Notice>,
    pub selected: Option<String>,
    pub tab: ResultsTab,
    /// Times the plan was rebuilt, for the test that it is not rebuilt every frame.
    pub recomputes: usize,
    pub(super) plan: Option<Plan>,
    plan_inputs: Option<(FirmProfile, YearMonth, String)>,
    pub(super) questionnaire: questionnaire::Draft,
    pub(super) browser: browser::BrowserState,
    dialog: dialogs::DialogSlot,
    /// The persisted state last written, so storage is touched only on change.
    last_persisted: Option<Persisted>,
    /// The consultant's client folder, and the client file open now.
    pub workspace: Option<crate::workspace::Workspace>,
    pub client_path: Option<PathBuf>,
    pub(super) clients: clients::ClientsState,
    /// A plan comparison shown on the results screen.
    pub comparison: Option<Comparison>,
    /// A what-if copy of the profile; while set, the plan follows it.
    pub whatif: Option<FirmProfile>,
    baseline: Option<(
        FirmProfile,
        YearMonth,
        String,
        std::collections::BTreeSet<String>,
    )>,
    /// Process start, until the first frame reports the start-up time.
    startup: Option<std::time::Instant>,
}

impl GachiApp {
    /// A fresh app on the given catalogue.
    pub fn new(catalogue: Catalogue, as_of: YearMonth) -> Self {
        GachiApp {
            lang: Lang::Ko,
            dark: false,
            screen: Screen::Start,
            page: 0,
            profile: FirmProfile::default(),
            catalogue,
            catalogue_path: None,
            as_of,
            recent: Vec::new(),
            notices: Vec::new(),
            selected: None,
            tab: ResultsTab::Steps,
            recomputes: 0,
            plan: None,
            plan_inputs: None,
            questionnaire: questionnaire::Draft::default(),
            browser: browser::BrowserState::default(),
            dialog: dialogs::DialogSlot::default(),
            last_persisted: None,
            startup: None,
            whatif: None,
            comparison: None,
            baseline: None,
            workspace: None,
            client_path: None,
            clients: clients::ClientsState::default(),
        }
    }

    /// Restores what a previous run saved. A saved catalogue file that no longer
    /// loads falls back to the given one, with a notice.
    pub fn restore(mut self, saved: Persisted) -> Self {
        self.lang = saved.lang;
        self.dark = saved.dark;
        self.page = saved.page.min(questionnaire::PAGES.len() - 1);
        self.screen = saved.screen;
        self.recent = saved.recent.clone();
        self.workspace = saved
            .workspace
            .clone()
            .map(crate::workspace::Workspace::new);
        self.client_path = saved.client_path.clone().filter(|p| p.exists());
        if let Some(text) = &saved.profile {
            match crate::profile::parse_profile(text.as_bytes(), self.as_of) {
                Ok(p) => self.profile = p,
                Err(_) => self.screen = Screen::Start,
            }
        }
        if let Some(path) = &saved.catalogue_path {
            self.open_catalogue_path(path);
        }
        self.last_persisted = Some(self.persisted());
        self
    }

    pub fn persisted(&self) -> Persisted {
        Persisted {
            lang: self.lang,
            dark: self.dark,
            profile: (!self.profile.name.is_empty() || self.profile != FirmProfile::default())
                .then(|| self.profile.to_pretty_json()),
            page: self.page,
            screen: self.screen,
            recent: self.recent.clone(),
            catalogue_path: self.catalogue_path.clone(),
            workspace: self.workspace.as_ref().map(|w| w.root.clone()),
            client_path: self.client_path.clone(),
        }
    }

    /// The plan for the current profile, rebuilt only when the profile, the month or
    /// the catalogue changed since the last build.
    pub fn plan(&mut self) -> &Plan {
        let profile = self.whatif.as_ref().unwrap_or(&self.profile);
        let stale = match &self.plan_inputs {
            Some((p, m, sha)) => p != profile || *m != self.as_of || *sha != self.catalogue.sha256,
            None => true,
        };
        if stale || self.plan.is_none() {
            self.plan = Some(build_plan(
                &self.catalogue,
                profile,
                self.as_of,
                crate::GENERATED_BY,
            ));
            self.plan_inputs = Some((profile.clone(), self.as_of, self.catalogue.sha256.clone()));
            self.recomputes += 1;
        }
        // Just built or kept above.
        let profile = self.whatif.as_ref().unwrap_or(&self.profile);
        self.plan.get_or_insert_with(|| {
            build_plan(&self.catalogue, profile, self.as_of, crate::GENERATED_BY)
        })
    }

    /// Programme ids the saved profile (not the what-if) can use, rebuilt on change:
    /// what the what-if panel compares against.
    pub fn baseline_usable(&mut self) -> Option<&std::collections::BTreeSet<String>> {
        let stale = match &self.baseline {
            Some((p, m, sha, _)) => {
                p != &self.profile || *m != self.as_of || *sha != self.catalogue.sha256
            }
            None => true,
        };
        if stale {
            let plan = build_plan(
                &self.catalogue,
                &self.profile,
                self.as_of,
                crate::GENERATED_BY,
            );
            let ids = usable_ids(&plan);
            self.baseline = Some((
                self.profile.clone(),
                self.as_of,
                self.catalogue.sha256.clone(),
                ids,
            ));
        }
        self.baseline.as_ref().map(|(.., ids)| ids)
    }

    /// (eligible, to verify, not eligible) counts of the current plan.
    pub fn counts(&mut self) -> (usize, usize, usize) {
        let plan = self.plan();
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

    fn notify_error(&mut self, title: s::S, err: &FileError) {
        self.notices.push(Notice {
            error: true,
            title,
            detail: format!("{}\n{}", err, s::KEPT_PREVIOUS.get(self.lang)),
        });
    }

    fn notify_ok(&mut self, title: s::S, path: &Path) {
        self.notices.push(Notice {
            error: false,
            title,
            detail: path.display().to_string(),
        });
    }

    fn remember(&mut self, path: &Path, kind: FileKind) {
        self.recent.retain(|r| r.path != path);
        self.recent.insert(
            0,
            RecentFile {
                path: path.to_path_buf(),
                kind,
            },
        );
        self.recent.truncate(MAX_RECENT);
    }

    pub fn new_profile(&mut self) {
        self.profile = FirmProfile::default();
        self.questionnaire = questionnaire::Draft::default();
        self.page = 0;
        self.screen = Screen::Questions;
        self.selected = None;
    }

    /// Opens a profile file; on failure the current profile stays and a notice says why.
    pub fn open_profile_path(&mut self, path: &Path) -> bool {
        match files::load_profile(path, self.as_of) {
            Ok(p) => {
                self.profile = p;
                self.questionnaire = questionnaire::Draft::default();
                self.remember(path, FileKind::Profile);
                self.notify_ok(s::OPENED, path);
                self.screen = Screen::Results;
                true
            }
            Err(e) => {
                self.notify_error(s::CANNOT_OPEN, &e);
                false
            }
        }
    }

    pub fn save_profile_path(&mut self, path: &Path) -> bool {
        let json = self.profile.to_pretty_json();
        match files::write_atomic(path, json.as_bytes()) {
            Ok(()) => {
                self.remember(path, FileKind::Profile);
                self.notify_ok(s::SAVED, path);
                true
            }
            Err(e) => {
                self.notify_error(s::CANNOT_SAVE, &e);
                false
            }
        }
    }

    /// Writes the current plan, exactly as `gachi plan` would for the same inputs.
    pub fn export_plan_path(&mut self, path: &Path) -> bool {
        let json = self.plan().to_pretty_json();
        match files::write_atomic(path, json.as_bytes()) {
            Ok(()) => {
                self.remember(path, FileKind::Plan);
                self.notify_ok(s::SAVED, path);
                true
            }
            Err(e) => {
                self.notify_error(s::CANNOT_SAVE, &e);
                false
            }
        }
    }

    /// Opens a plan: restores its profile and month and shows the pathway; warns when
    /// it was made with another catalogue (the plan is recomputed with this one).
    pub fn open_plan_path(&mut self, path: &Path) -> bool {
        let loaded = files::load_plan(path).and_then(|plan| {
            read_profile_value(&plan.profile, self.as_of.max(plan.as_of))
                .map(|p| (plan, p))
                .map_err(|problems| FileError {
                    path: path.to_path_buf(),
                    problems: problems
                        .into_iter()
                        .map(|mut p| {
                            p.path = crate::json_read::join("profile", &p.path);
                            p
                        })
                        .collect(),
                })
        });
        match loaded {
            Ok((plan, profile)) => {
                self.profile = profile;
                self.as_of = plan.as_of;
                self.remember(path, FileKind::Plan);
                self.notify_ok(s::OPENED, path);
                if plan.catalogue.sha256 != self.catalogue.sha256 {
                    self.notices.push(Notice {
                        error: false,
                        title: s::CATALOGUE_MISMATCH,
                        detail: format!(
                            "{} {} → {} {}",
                            plan.catalogue.id,
                            plan.catalogue.version,
                            self.catalogue.id,
                            self.catalogue.version
                        ),
                    });
                }
                self.screen = Screen::Results;
                true
            }
            Err(e) => {
                self.notify_error(s::CANNOT_OPEN, &e);
                false
            }
        }
    }

    pub fn open_catalogue_path(&mut self, path: &Path) -> bool {
        match files::load_catalogue(path) {
            Ok(c) => {
                self.catalogue = c;
                self.catalogue_path = Some(path.to_path_buf());
                self.remember(path, FileKind::Catalogue);
                self.notify_ok(s::CATALOGUE_LOADED, path);
                true
            }
            Err(e) => {
                self.notify_error(s::CANNOT_OPEN, &e);
                false
            }
        }
    }

    /// Writes the current plan as a printable HTML report in the app's language.
    pub fn export_report_path(&mut self, path: &Path) -> bool {
        let lang = self.lang;
        let html = crate::export::report_html(self.plan(), lang);
        self.write_out(path, html.as_bytes())
    }

    /// Writes the current plan's application windows as an iCalendar file.
    pub fn export_ics_path(&mut self, path: &Path) -> bool {
        let lang = self.lang;
        let ics = crate::export::plan_ics(self.plan(), lang);
        self.write_out(path, ics.as_bytes())
    }

    fn write_out(&mut self, path: &Path, bytes: &[u8]) -> bool {
        match files::write_atomic(path, bytes) {
            Ok(()) => {
                self.notify_ok(s::SAVED, path);
                true
            }
            Err(e) => {
                self.notify_error(s::CANNOT_SAVE, &e);
                false
            }
        }
    }

    /// Compares a saved plan (before) with the current one (after).
    pub fn compare_with_plan_path(&mut self, path: &Path) -> bool {
        match files::load_plan(path) {
            Ok(before) => {
                let lang = self.lang;
                let diff = crate::export::diff_plans(&before, self.plan());
                let text = crate::export::diff_text(&diff, lang);
                self.comparison = Some(Comparison {
                    file: path.display().to_string(),
                    before,
                    text,
                });
                true
            }
            Err(e) => {
                self.notify_error(s::CANNOT_OPEN, &e);
                false
            }
        }
    }

    /// Merges a bizinfo (기업마당) feed file into the catalogue in use; the counts
    /// of imported, merged and skipped notices are shown. On failure nothing changes.
    pub fn import_bizinfo_path(&mut self, path: &Path) -> bool {
        let result = files::read_capped(path).and_then(|bytes| {
            crate::bizinfo::import(&self.catalogue, &bytes, self.as_of).map_err(|problems| {
                FileError {
                    path: path.to_path_buf(),
                    problems,
                }
            })
        });
        match result {
            Ok((cat, report)) => {
                self.catalogue = cat;
                let detail = format!(
                    "{}\n{} {} · {} {} · {} {}",
                    path.display(),
                    s::IMPORTED.get(self.lang),
                    report.imported.len(),
                    s::MERGED.get(self.lang),
                    report.merged.len(),
                    s::SKIPPED.get(self.lang),
                    report.skipped.len()
                );
                self.notices.push(Notice {
                    error: false,
                    title: s::BIZINFO_IMPORTED,
                    detail,
                });
                true
            }
            Err(e) => {
                self.notify_error(s::CANNOT_OPEN, &e);
                false
            }
        }
    }

    pub fn use_builtin_catalogue(&mut self) {
        if let Ok(c) = crate::catalogue::builtin() {
            self.catalogue = c;
            self.catalogue_path = None;
        }
    }

    /// Draws the whole app into `ui`. The eframe wrapper and the UI tests both call this.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        self.dialog_poll(ui.ctx());
        egui::Panel::top("top_bar").show(ui, |ui| self.top_bar(ui));
        if !self.notices.is_empty() {
            egui::Panel::top("notices").show(ui, |ui| self.notices_bar(ui));
        }
        egui::CentralPanel::default_margins().show(ui, |ui| match self.screen {
            Screen::Start => start::show(self, ui),
            Screen::Questions => questionnaire::show(self, ui),
            Screen::Results => results::show(self, ui),
            Screen::Catalogue => browser::show(self, ui),
            Screen::Clients => clients::show(self, ui),
        });
    }

    fn top_bar(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang;
        ui.horizontal_wrapped(|ui| {
            ui.label(style::bold("같이 Gachi", 18.0));
            ui.separator();
            for (screen, label) in [
                (Screen::Start, s::NAV_START),
                (Screen::Clients, s::NAV_CLIENTS),
                (Screen::Questions, s::NAV_QUESTIONS),
                (Screen::Results, s::NAV_RESULTS),
                (Screen::Catalogue, s::NAV_CATALOGUE),
            ] {
                if ui
                    .selectable_label(self.screen == screen, label.get(lang))
                    .clicked()
                {
                    self.screen = screen;
                }
            }
            ui.separator();
            if ui.button(s::OPEN_PROFILE.get(lang)).clicked() {
                self.dialog_open(dialogs::Purpose::OpenProfile);
            }
            if self.client_path.is_some()
                && ui
                    .button(style::bold(s::SAVE_CLIENT.get(lang), 14.0))
                    .clicked()
            {
                self.save_client();
            }
            if ui.button(s::SAVE_PROFILE.get(lang)).clicked() {
                self.dialog_open(dialogs::Purpose::SaveProfile);
            }
            if ui.button(s::EXPORT_PLAN.get(lang)).clicked() {
                self.dialog_open(dialogs::Purpose::ExportPlan);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let theme = if self.dark {
                    s::THEME_LIGHT
                } else {
                    s::THEME_DARK
                };
                if ui.button(theme.get(lang)).clicked() {
                    self.dark = !self.dark;
                }
                if ui.button(s::LANGUAGE.get(lang)).clicked() {
                    self.lang = match lang {
                        Lang::Ko => Lang::En,
                        Lang::En => Lang::Ko,
                    };
                }
            });
        });
    }

    fn notices_bar(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang;
        let mut dismiss = None;
        for (k, n) in self.notices.iter().enumerate() {
            let colour = if n.error {
                style::fail_colour(self.dark)
            } else {
                style::pass_colour(self.dark)
            };
            egui::Frame::new()
                .stroke(egui::Stroke::new(1.0, colour))
                .inner_margin(6.0)
                .corner_radius(4.0)
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.vertical(|ui| {
                            ui.label(
                                egui::RichText::new(n.title.get(lang))
                                    .color(colour)
                                    .strong(),
                            );
                            ui.label(&n.detail);
                        });
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                            if ui.button(s::DISMISS.get(lang)).clicked() {
                                dismiss = Some(k);
                            }
                        });
                    });
                });
        }
        if let Some(k) = dismiss {
            self.notices.remove(k);
        }
    }
}

impl eframe::App for GachiApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        ui.ctx().set_theme(if self.dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
        self.show(ui);
        if let Some(start) = self.startup.take() {
            eprintln!(
                "gachi: first frame drawn {} ms after start",
                start.elapsed().as_millis()
            );
        }
        // Save as the user goes, so a crash or kill loses nothing already answered.
        let now = self.persisted();
        if self.last_persisted.as_ref() != Some(&now)
            && let Some(storage) = frame.storage_mut()
        {
            eframe::set_value(storage, STORAGE_KEY, &now);
            storage.flush();
            self.last_persisted = Some(now);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.persisted());
    }
}

/// Programme ids a plan counts as usable: its steps and the also-eligible ones.
pub fn usable_ids(plan: &Plan) -> std::collections::BTreeSet<String> {
    plan.steps
        .iter()
        .map(|s| s.programme_id.clone())
        .chain(plan.also_eligible.iter().map(|a| a.programme_id.clone()))
        .collect()
}

/// Opens the main window on the built-in catalogue (or the one last used).
pub fn run_app() -> Result<(), String> {
    let start = std::time::Instant::now();
    let catalogue = crate::cli::builtin_catalogue()?;
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
        .with_min_inner_size([900.0, 600.0]);
    if let Some(icon) = icon {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    let report_start = std::env::var_os("GACHI_STARTUP_TIME").is_some();
    eframe::run_native(
        "gachi",
        options,
        Box::new(move |cc| {
            install_fonts(&cc.egui_ctx);
            let saved: Option<Persisted> =
                cc.storage.and_then(|s| eframe::get_value(s, STORAGE_KEY));
            let app = GachiApp::new(catalogue, as_of);
            let app = match saved {
                Some(p) => app.restore(p),
                None => app,
            };
            let mut app = app;
            // GACHI_STARTUP_TIME=1 prints the time from process start to the first frame.
            app.startup = report_start.then_some(start);
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| e.to_string())
}
