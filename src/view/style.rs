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
    ctx.global_style_mut(|s| {
        s.spacing.item_spacing = egui::vec2(8.0, 6.0);
        s.spacing.button_padding = egui::vec2(8.0, 4.0);
    });
}

pub fn bold(text: impl Into<String>, size: f32) -> egui::RichText {
    egui::RichText::new(text)
        .family(FontFamily::Name(BOLD.into()))
        .size(size)
}

/// Ministry colours: MSS blue, MOTIE orange, anything else grey.
pub fn ministry_colour(code: &str, dark: bool) -> Color32 {
    match (code, dark) {
        ("MSS", false) => Color32::from_rgb(0x1f, 0x5f, 0xbf),
        ("MSS", true) => Color32::from_rgb(0x5a, 0x9b, 0xf0),
        ("MOTIE", false) => Color32::from_rgb(0xd0, 0x6a, 0x00),
        ("MOTIE", true) => Color32::from_rgb(0xf5, 0x9e, 0x3c),
        (_, false) => Color32::from_rgb(0x6b, 0x6b, 0x6b),
        (_, true) => Color32::from_rgb(0xa0, 0xa0, 0xa0),
    }
}

/// The highlight of a cross-ministry link: the joint pathway.
pub fn cross_colour(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xf2, 0xc9, 0x4c)
    } else {
        Color32::from_rgb(0xb8, 0x86, 0x00)
    }
}

pub fn pass_colour(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x6c, 0xcf, 0x7f)
    } else {
        Color32::from_rgb(0x1e, 0x8e, 0x3e)
    }
}

pub fn fail_colour(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xf2, 0x7b, 0x72)
    } else {
        Color32::from_rgb(0xc5, 0x22, 0x1f)
    }
}

pub fn unknown_colour(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xe8, 0xb9, 0x4a)
    } else {
        Color32::from_rgb(0x9a, 0x67, 0x00)
    }
}
