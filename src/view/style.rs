//! Fonts, theme and the colours that mean something (ministries, outcomes).

use eframe::egui::{self, Color32, FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

/// NanumSquare (SIL OFL 1.1, licence in assets/fonts/OFL.txt): every Hangul syllable.
const FONT_REGULAR: &[u8] = include_bytes!("../../assets/fonts/NanumSquareR.ttf");
const FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/NanumSquareB.ttf");
pub const BOLD: &str = "bold";

/// Installs the Korean fonts before the first frame. Used by the app and the UI tests.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        "nanum".into(),
        Arc::new(FontData::from_static(FONT_REGULAR)),
    );
    fonts.font_data.insert(
        "nanum-bold".into(),
        Arc::new(FontData::from_static(FONT_BOLD)),
    );
    // Nanum first for text; egui's own fonts stay behind it for symbols and emoji.
    if let Some(list) = fonts.families.get_mut(&FontFamily::Proportional) {
        list.insert(0, "nanum".into());
    }
    if let Some(list) = fonts.families.get_mut(&FontFamily::Monospace) {
        list.push("nanum".into());
    }
    let mut bold = vec!["nanum-bold".to_string()];
    bold.extend(
        fonts
            .families
            .get(&FontFamily::Proportional)
            .cloned()
            .unwrap_or_default(),
    );
    fonts.families.insert(FontFamily::Name(BOLD.into()), bold);
    ctx.set_fonts(fonts);
    // Text no smaller than 12 px at zoom 1 (egui's Small is 9 px), and body text at
    // 14 px for owners reading at arm's length; both themes.
    ctx.all_styles_mut(|s| {
        s.spacing.item_spacing = egui::vec2(8.0, 6.0);
        s.spacing.button_padding = egui::vec2(8.0, 4.0);
        use egui::{FontId, TextStyle};
        s.text_styles
            .insert(TextStyle::Small, FontId::proportional(12.0));
        s.text_styles
            .insert(TextStyle::Body, FontId::proportional(14.0));
        s.text_styles
            .insert(TextStyle::Button, FontId::proportional(14.0));
        s.text_styles
            .insert(TextStyle::Monospace, FontId::monospace(13.0));
        s.text_styles
            .insert(TextStyle::Heading, FontId::proportional(20.0));
        // Weak text (hints, notes) at ≥ 4.5:1 on the panel colour.
        s.visuals.weak_text_color = Some(weak_text(s.visuals.dark_mode));
    });
}

/// A colour that means the same in both themes: `light` on light panels, `on_dark` on
/// dark ones (each chosen for its contrast on its own panel).
fn themed(dark: bool, light: [u8; 3], on_dark: [u8; 3]) -> Color32 {
    let [r, g, b] = if dark { on_dark } else { light };
    Color32::from_rgb(r, g, b)
}

/// Secondary text (notes, hints, dates): #555 on light panels (about 7:1 on
/// #f8f8f8), #b8b8b8 on dark ones (about 8:1 on #1b1b1b).
pub fn weak_text(dark: bool) -> Color32 {
    themed(dark, [0x55, 0x55, 0x55], [0xb8, 0xb8, 0xb8])
}

pub fn bold(text: impl Into<String>, size: f32) -> egui::RichText {
    egui::RichText::new(text)
        .family(FontFamily::Name(BOLD.into()))
        .size(size)
}

/// Ministry colours: MSS blue, MOTIE orange, anything else grey.
pub fn ministry_colour(code: &str, dark: bool) -> Color32 {
    match code {
        "MSS" => themed(dark, [0x1f, 0x5f, 0xbf], [0x5a, 0x9b, 0xf0]),
        // #b35900: 4.6:1 on white, readable as card text, still orange.
        "MOTIE" => themed(dark, [0xb3, 0x59, 0x00], [0xf5, 0x9e, 0x3c]),
        _ => themed(dark, [0x6b, 0x6b, 0x6b], [0xa0, 0xa0, 0xa0]),
    }
}

/// The highlight of a cross-ministry link: the joint pathway. #8a6500 on light
/// panels: 5:1 on white (the old #b88600 was 3:1).
pub fn cross_colour(dark: bool) -> Color32 {
    themed(dark, [0x8a, 0x65, 0x00], [0xf2, 0xc9, 0x4c])
}

/// Good news: a criterion met, a step that can go ahead. #1b7a36 on light panels:
/// 5.3:1 on white.
pub fn pass_colour(dark: bool) -> Color32 {
    themed(dark, [0x1b, 0x7a, 0x36], [0x6c, 0xcf, 0x7f])
}

/// Bad news and danger: a criterion not met, an error, a delete button.
pub fn fail_colour(dark: bool) -> Color32 {
    themed(dark, [0xc5, 0x22, 0x1f], [0xf2, 0x7b, 0x72])
}

/// Still open: something to verify, a forecast, an answer missing. #8a5c00 on light
/// panels: 5.6:1 on white.
pub fn unknown_colour(dark: bool) -> Color32 {
    themed(dark, [0x8a, 0x5c, 0x00], [0xe8, 0xb9, 0x4a])
}
