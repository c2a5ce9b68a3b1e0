//! Helpers shared by the UI tests: the app on the built-in catalogue, a harness at
//! a window size, and actions by label, as a user (or a screen reader) would.
#![allow(dead_code)]

pub mod feed_server;
pub mod import;

use eframe::egui;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use gachi::YearMonth;
use gachi::profile::FirmProfile;
use gachi::view::{GachiApp, install_fonts};

pub fn month(s: &str) -> YearMonth {
    YearMonth::parse(s).expect("test month")
}

pub fn app() -> GachiApp {
    let cat = gachi::catalogue::builtin().expect("built-in catalogue");
    GachiApp::new(cat, month("2026-12"))
}

pub fn harness(app: GachiApp) -> Harness<'static, GachiApp> {
    harness_sized(app, 1280.0, 800.0)
}

pub fn harness_sized(app: GachiApp, w: f32, h: f32) -> Harness<'static, GachiApp> {
    Harness::builder()
        .with_size(egui::Vec2::new(w, h))
        // The client grid re-measures its columns over a few frames when a row changes.
        .with_max_steps(12)
        .with_context_setup(install_fonts)
        .build_ui_state(|ui, app: &mut GachiApp| app.show(ui), app)
}

/// The text a node shows: its label, or for static text its value.
pub fn text_of(n: &egui_kittest::Node<'_>) -> String {
    let node = n.accesskit_node();
    node.label().or_else(|| node.value()).unwrap_or_default()
}

/// Types a number into the `nth` text field named `label`, over what it held:
/// focus, Ctrl+A, type, as the reviewer did.
pub fn type_number(h: &mut Harness<'_, GachiApp>, label: &str, nth: usize, text: &str) {
    let field = h
        .get_all_by_role_and_label(Role::TextInput, label)
        .nth(nth)
        .expect(label);
    field.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_all_by_role_and_label(Role::TextInput, label)
        .nth(nth)
        .expect(label)
        .type_text(text);
    h.run();
}

pub fn click(h: &mut Harness<'_, GachiApp>, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

/// Opens the `nth` combo box named `combo` and picks `option`.
pub fn choose(h: &mut Harness<'_, GachiApp>, combo: &str, nth: usize, option: &str) {
    h.get_all_by_role_and_label(Role::ComboBox, combo)
        .nth(nth)
        .expect(combo)
        .click();
    h.run();
    h.get_by_label(option).click_accesskit();
    h.run();
}

/// A case file's profile (data/cases), the firm the tests talk about.
pub fn case_profile(case: &str) -> FirmProfile {
    gachi::profile::read_profile_value(&case_profile_json(case), month("2026-12"))
        .expect("case profile")
}

/// The profile of a case in data/cases, as the JSON a profile file holds (the firms
/// the tests use are the documented cases, not profiles typed again in Rust).
pub fn case_profile_json(case: &str) -> serde_json::Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/cases")
        .join(format!("{case}.json"));
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(path).expect("case file")).expect("case json");
    v["profile"].clone()
}

/// A workspace folder holding the given firms as client files.
pub fn workspace_with(firms: &[FirmProfile]) -> (tempfile::TempDir, Vec<std::path::PathBuf>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = gachi::workspace::Workspace::new(dir.path());
    let paths = firms
        .iter()
        .map(|f| ws.create(f).expect("client file"))
        .collect();
    (dir, paths)
}

/// The profile in a client file.
pub fn on_disk(path: &std::path::Path) -> FirmProfile {
    gachi::files::load_profile(path, month("2026-12")).expect("client file reads")
}

/// JSON files directly in a folder.
pub fn files_in(d: &std::path::Path) -> usize {
    std::fs::read_dir(d)
        .map(|r| r.flatten().filter(|e| e.path().is_file()).count())
        .unwrap_or(0)
}
