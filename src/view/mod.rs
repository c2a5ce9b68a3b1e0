//! The desktop app (eframe/egui). Everything that touches egui lives here.

/// Opens the main window on the built-in catalogue.
pub fn run_app() -> Result<(), String> {
    Err("the desktop app is not built yet".to_string())
}
