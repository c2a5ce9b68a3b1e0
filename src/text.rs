//! Bilingual text and the number formats Korean readers expect.

use serde::{Deserialize, Serialize};

/// The two languages every shown string exists in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Ko,
    En,
}

/// A string in Korean and English.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Text {
    pub ko: String,
    pub en: String,
}

impl Text {
    pub fn new(ko: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            ko: ko.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ko => &self.ko,
            Lang::En => &self.en,
        }
    }
}

/// Groups digits by thousands: 42000000 → "42,000,000".
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Won as Koreans write it: 억 and 만 units ("42억 5,000만원", "4,200만원", "3,500원").
pub fn krw_ko(won: u64) -> String {
    let eok = won / 100_000_000;
    let man = (won % 100_000_000) / 10_000;
    let rest = won % 10_000;
    let mut parts = Vec::new();
    if eok > 0 {
        parts.push(format!("{}억", thousands(eok)));
    }
    if man > 0 {
        parts.push(format!("{}만", thousands(man)));
    }
    if rest > 0 || parts.is_empty() {
        parts.push(thousands(rest));
    }
    format!("{}원", parts.join(" "))
}

/// Won for English readers: "KRW 42,000,000".
pub fn krw_en(won: u64) -> String {
    format!("KRW {}", thousands(won))
}

/// Won in one language: "4,200만원" or "KRW 42,000,000".
pub fn krw_in(won: u64, lang: Lang) -> String {
    match lang {
        Lang::Ko => krw_ko(won),
        Lang::En => krw_en(won),
    }
}

pub fn krw(won: u64) -> Text {
    Text::new(krw_ko(won), krw_en(won))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_money_uses_eok_and_man() {
        assert_eq!(krw_ko(42_000_000), "4,200만원");
        assert_eq!(krw_ko(2_400_000_000), "24억원");
        assert_eq!(krw_ko(12_050_000_000), "120억 5,000만원");
        assert_eq!(krw_ko(0), "0원");
        assert_eq!(krw_ko(3_500), "3,500원");
        assert_eq!(krw_en(42_000_000), "KRW 42,000,000");
    }
}
