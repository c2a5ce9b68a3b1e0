//! Input widgets shared by the questionnaire and the what-if panel: a number field
//! that can be typed into (and be empty), and the region list.

use super::i18n as s;
use crate::codes::Region;
use crate::text::Lang;
use eframe::egui::{self, Ui};

/// When a typed number reaches the profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Commit {
    /// On every keystroke that leaves a valid number (the questionnaire: the live
    /// line follows the answer).
    Typing,
    /// Only on Enter or when the field loses focus (the what-if panel: the pathway
    /// is recomputed once, not for "6" on the way to "65").
    Done,
}

/// A number field holding `Option<u64>` (empty = not answered). The text being
/// typed lives in egui's memory while the field has focus, so the value shown never
/// fights the caret. Returns true when the value changed.
pub fn number(
    ui: &mut Ui,
    id: egui::Id,
    label: egui::Id,
    value: &mut Option<u64>,
    range: std::ops::RangeInclusive<u64>,
    suffix: &str,
    commit: Commit,
) -> bool {
    let shown = || value.map(|v| v.to_string()).unwrap_or_default();
    let mut text: String = ui
        .data_mut(|d| d.get_temp::<String>(id))
        .unwrap_or_else(shown);
    let r = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .id(id)
                .desired_width(110.0)
                .hint_text(s::TYPE_NUMBER.get(ui_lang(ui))),
        )
        .labelled_by(label);
    ui.label(suffix);
    let parsed = parse(&text).filter(|n| range.contains(n));
    let mut changed = false;
    let done = r.lost_focus();
    if (commit == Commit::Typing && r.changed()) || done {
        let new = if text.trim().is_empty() {
            None
        } else {
            parsed.or(*value)
        };
        if new != *value {
            *value = new;
            changed = true;
        }
    }
    if r.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, text));
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    changed
}

/// Digits with optional thousands separators and spaces: "1,200" is 1200.
fn parse(text: &str) -> Option<u64> {
    let digits: String = text
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '_'))
        .collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// The language chosen, kept in egui's memory by the app each frame so widgets deep
/// in a panel need not carry it.
fn ui_lang(ui: &Ui) -> Lang {
    ui.data(|d| d.get_temp::<Lang>(egui::Id::unique("gachi_lang")))
        .unwrap_or_default()
}

/// Stores the language for [`ui_lang`].
pub fn set_lang(ctx: &egui::Context, lang: Lang) {
    ctx.data_mut(|d| d.insert_temp(egui::Id::unique("gachi_lang"), lang));
}

/// The region list, "don't know" first.
pub fn region(ui: &mut Ui, id: &str, label: egui::Id, lang: Lang, value: &mut Option<Region>) {
    let text = value
        .map(|r| r.label(lang).to_string())
        .unwrap_or_else(|| s::DONT_KNOW.get(lang).to_string());
    egui::ComboBox::from_id_salt(id)
        .selected_text(text)
        .height(400.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, s::DONT_KNOW.get(lang));
            // The 시·도 in force now (전남광주 from 2026-07); an older code already in a
            // profile still shows as the selected text.
            for r in crate::facts::regions_at(crate::files::current_month()) {
                ui.selectable_value(value, Some(r), r.label(lang));
            }
        })
        .response
        .labelled_by(label);
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn numbers_read_with_separators_and_refuse_words() {
        assert_eq!(parse("65"), Some(65));
        assert_eq!(parse("1,200"), Some(1200));
        assert_eq!(parse(""), None);
        assert_eq!(parse("6a"), None);
    }
}
