//! Characters of real notices that the app's fonts cannot draw, and what imported
//! text writes instead.
//!
//! The app draws text with NanumSquare (assets/fonts) and egui's default fonts
//! (Ubuntu Light, Noto Emoji, emoji-icon-font; Hack only for monospace). Checked
//! against their character maps (2026-11): none of them has U+2027 "‧" (Hack has it,
//! but Hack is not in the proportional family), U+FF62/FF63 "｢｣" or U+231C–231F
//! "⌜⌝⌞⌟". Real bizinfo summaries use "‧" and K-Startup texts use "｢｣" and "⌜⌟"
//! (docs/feeds.md), so the importer writes the nearest character NanumSquare has:
//! the middle dot "·" and the corner brackets "「」". tests/feeds.rs checks that
//! every character of the imported fixtures is in the app's fonts.

/// Each character the fonts lack, and the one written instead (all present in
/// NanumSquare).
pub const SUBSTITUTIONS: &[(char, char)] = &[
    // HYPHENATION POINT, used as a list separator: MIDDLE DOT.
    ('\u{2027}', '\u{00B7}'),
    // HALFWIDTH LEFT/RIGHT CORNER BRACKET: the full-width corner brackets.
    ('\u{FF62}', '\u{300C}'),
    ('\u{FF63}', '\u{300D}'),
    // TOP LEFT / TOP RIGHT / BOTTOM LEFT / BOTTOM RIGHT CORNER, used as quotation
    // brackets (⌜…⌟): the opening and closing corner brackets.
    ('\u{231C}', '\u{300C}'),
    ('\u{231D}', '\u{300D}'),
    ('\u{231E}', '\u{300C}'),
    ('\u{231F}', '\u{300D}'),
];

/// The character written for `c`: its substitute, or `c` itself.
pub fn substitute_char(c: char) -> char {
    SUBSTITUTIONS
        .iter()
        .find(|(from, _)| *from == c)
        .map_or(c, |(_, to)| *to)
}

/// `s` with every character of [`SUBSTITUTIONS`] replaced.
pub fn substitute(s: &str) -> String {
    s.chars().map(substitute_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_and_dots_become_drawable_ones() {
        assert_eq!(
            substitute("｢중소기업기본법｣ 제2조‧⌜창업⌟"),
            "「중소기업기본법」 제2조·「창업」"
        );
        assert_eq!(substitute("그대로 (괄호) 「」 ·"), "그대로 (괄호) 「」 ·");
    }
}
