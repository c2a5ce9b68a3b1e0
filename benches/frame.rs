//! Headless frame benchmarks: the CPU time of drawing the results screen and the
//! catalogue browser with egui, on the 10,000-programme synthetic catalogue.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui;
use gachi::YearMonth;
use gachi::view::{GachiApp, ResultsTab, Screen, install_fonts};

fn frame(c: &mut Criterion) {
    let ctx = egui::Context::default();
    install_fonts(&ctx);
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..Default::default()
    };
    let mut g = c.benchmark_group("frame at 10,000 programmes");
    g.sample_size(30);
    for (name, screen, tab) in [
        ("results, plan steps", Screen::Results, ResultsTab::Steps),
        (
            "results, not-eligible list",
            Screen::Results,
            ResultsTab::Not,
        ),
        ("catalogue browser", Screen::Catalogue, ResultsTab::Steps),
    ] {
        let mut app = GachiApp::new(
            common::synthetic(10_000),
            YearMonth {
                year: 2026,
                month: 12,
            },
        );
        app.state.profile = common::root_profile();
        app.state.screen = screen;
        app.rt.tab = tab;
        // Warm up: build the plan, lay out the fonts.
        for _ in 0..3 {
            let _ = ctx.run_ui(input(), |ui| app.show(ui));
        }
        g.bench_function(name, |b| b.iter(|| ctx.run_ui(input(), |ui| app.show(ui))));
    }
    g.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);
