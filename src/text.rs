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

/// A step number as the app and report show it: ①…⑳, then "(21)".
pub fn circled(n: usize) -> String {
    match n {
        1..=20 => {
            char::from_u32(0x2460 + n as u32 - 1).map_or_else(|| format!("({n})"), String::from)
        }
        _ => format!("({n})"),
    }
}

pub fn krw(won: u64) -> Text {
    Text::new(krw_ko(won), krw_en(won))
}

/// Korean particles after a word whose last sound is not known when the sentence is
/// written: each notation, as written, and its (after a final consonant, after a
/// vowel) forms. The old fallbacks "을(를)" are read too, so no sentence shows them.
const JOSA: &[(&str, &str, &str)] = &[
    ("(을)를", "을", "를"),
    ("을(를)", "을", "를"),
    ("(이)가", "이", "가"),
    ("이(가)", "이", "가"),
    ("(와)과", "과", "와"),
    ("와(과)", "과", "와"),
    ("(은)는", "은", "는"),
    ("은(는)", "은", "는"),
    ("(으)로", "으로", "로"),
];

/// The final sound of the word before `end` (the byte index where the particle
/// starts): `Some(Some(jong))` with the 종성 index (0 = none, 8 = ㄹ) when it can be
/// told, `None` otherwise. Closing quotes are skipped, and so is a trailing
/// parenthesis, whose word is read aloud after the particle's word.
fn final_sound(before: &str) -> Option<u32> {
    let mut chars = before.chars().rev().peekable();
    let mut depth = 0;
    for c in chars.by_ref() {
        match c {
            ')' | '）' => depth += 1,
            '(' | '（' if depth > 0 => depth -= 1,
            _ if depth > 0 => {}
            '\'' | '"' | '’' | '”' | '」' | '』' | ' ' => {}
            c => return sound_of(c),
        }
    }
    None
}

/// 종성 index of a character as read aloud in Korean (digits and Latin letters too).
fn sound_of(c: char) -> Option<u32> {
    let u = c as u32;
    if (0xAC00..=0xD7A3).contains(&u) {
        return Some((u - 0xAC00) % 28);
    }
    // 영 일 이 삼 사 오 육 칠 팔 구: ㅇ(21) ㄹ(8) - ㅁ(16) - - ㄱ(1) ㄹ ㄹ -.
    const DIGITS: [u32; 10] = [21, 8, 0, 16, 0, 0, 1, 8, 8, 0];
    if let Some(d) = c.to_digit(10) {
        return Some(DIGITS[d as usize]);
    }
    match c.to_ascii_lowercase() {
        // Letters read with a final consonant: 엘(ㄹ), 엠(ㅁ), 엔(ㄴ), 알(ㄹ).
        'l' | 'r' => Some(8),
        'm' => Some(16),
        'n' => Some(4),
        'a'..='z' => Some(0),
        _ => None,
    }
}

/// A source sentence without the research fact sheet's reference numbers ("[1]",
/// "[78][79]"), for readers who do not have the fact sheet: "보도자료 (news1 [1],
/// etoday [2])" → "보도자료 (news1, etoday)".
pub fn without_refs(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('[') {
        let after = &rest[i + 1..];
        match after.find(']') {
            Some(j) if j > 0 && after[..j].bytes().all(|b| b.is_ascii_digit()) => {
                out.push_str(&rest[..i]);
                rest = &after[j + 1..];
            }
            _ => {
                out.push_str(&rest[..=i]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    // Tidy what the numbers leave: " ," and "( " and empty brackets.
    let mut t = out.replace(" ,", ",").replace("( ", "(").replace(" )", ")");
    while t.contains("  ") {
        t = t.replace("  ", " ");
    }
    t.replace("()", "").trim().to_string()
}

/// Control characters (line breaks, terminal escapes) written as `\u{1b}`.
pub fn printable(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// Levenshtein distance in characters (for "did you mean" hints on short names).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// Chooses every particle written as "(을)를", "이(가)", "(으)로" … from the sound
/// before it: "벤처기업(을)를 받으면" → "벤처기업을 받으면", "'BIZ 플랫폼'와(과)" →
/// "'BIZ 플랫폼'과". Where the sound cannot be told the notation stays.
pub fn josa(s: &str) -> String {
    if !s.contains('(') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    'scan: while !rest.is_empty() {
        for (pat, after_consonant, after_vowel) in JOSA {
            if let Some(tail) = rest.strip_prefix(pat) {
                let chosen = match final_sound(&out) {
                    Some(j) if *pat == "(으)로" => {
                        if j == 0 || j == 8 {
                            after_vowel
                        } else {
                            after_consonant
                        }
                    }
                    Some(0) => after_vowel,
                    Some(_) => after_consonant,
                    None => pat,
                };
                out.push_str(chosen);
                rest = tail;
                continue 'scan;
            }
        }
        let mut it = rest.chars();
        if let Some(c) = it.next() {
            out.push(c);
        }
        rest = it.as_str();
    }
    out
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

    #[test]
    fn reference_numbers_leave_the_source_readable() {
        assert_eq!(
            without_refs("정책협의회 보도자료 2024-05-28 (news1 [1], etoday [2]) — 확장"),
            "정책협의회 보도자료 2024-05-28 (news1, etoday) — 확장"
        );
        assert_eq!(
            without_refs("[78][79] 스마트공장 도입기업의 신청 자격"),
            "스마트공장 도입기업의 신청 자격"
        );
        assert_eq!(without_refs("근거 [1]"), "근거");
        // Brackets that are not reference numbers stay.
        assert_eq!(without_refs("[확인 필요] 공고"), "[확인 필요] 공고");
    }

    #[test]
    fn particles_follow_the_last_syllable() {
        assert_eq!(josa("벤처기업(을)를 받으면"), "벤처기업을 받으면");
        assert_eq!(josa("이노비즈(을)를 받으면"), "이노비즈를 받으면");
        assert_eq!(
            josa("'뿌리기업 BIZ 플랫폼'와(과) 이어지는"),
            "'뿌리기업 BIZ 플랫폼'과 이어지는"
        );
        assert_eq!(
            josa("'수출바우처'와(과) 이어지는"),
            "'수출바우처'와 이어지는"
        );
        assert_eq!(
            josa("'소공인 스마트제조 지원 (구 스마트공방)'이(가) 더 잘 맞습니다"),
            "'소공인 스마트제조 지원 (구 스마트공방)'이 더 잘 맞습니다"
        );
        assert_eq!(josa("중견기업(으)로 성장하면"), "중견기업으로 성장하면");
        assert_eq!(josa("소기업(으)로 성장하면"), "소기업으로 성장하면");
        assert_eq!(josa("서울(으)로 옮기면"), "서울로 옮기면");
        assert_eq!(josa("경기(으)로 옮기면"), "경기로 옮기면");
        assert_eq!(josa("ISO 9001(을)를 받으면"), "ISO 9001을 받으면");
        assert_eq!(josa("중간(이)가 되면"), "중간이 되면");
        assert_eq!(josa("고도화(이)가 되면"), "고도화가 되면");
        // No particle notation: unchanged; a word whose sound cannot be told keeps it.
        assert_eq!(josa("상시근로자 (10명 미만)"), "상시근로자 (10명 미만)");
        assert_eq!(josa("★(을)를"), "★(을)를");
    }
}
