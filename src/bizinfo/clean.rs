//! Turning feed text into catalogue text: HTML to plain text, one-line fields, and
//! the keys the merge rule compares.

use html2text::render::TrivialDecorator;
use std::collections::HashSet;

/// HTML beyond this many bytes of one summary is not read (the summary is cut to
/// `SUMMARY_CHARS` anyway); keeps a hostile file from costing much time.
const HTML_BYTES: usize = 64 * 1024;
/// A catalogue summary is one paragraph: longer text is cut with "…".
pub const SUMMARY_CHARS: usize = 600;

/// Control characters and runs of white space (including no-break spaces) become
/// one space; the ends are trimmed; characters the app's fonts lack are replaced
/// (`glyphs::SUBSTITUTIONS`). Every text a notice gives passes through here.
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars().map(super::glyphs::substitute_char) {
        if c.is_whitespace() || c.is_control() || c == '\u{feff}' || c == '\u{200b}' {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// At most `n` characters, with "…" when cut.
pub fn truncate_chars(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((at, _)) => format!("{}…", s[..at].trim_end()),
        None => s.to_string(),
    }
}

/// The longest prefix of at most `n` bytes that ends on a character boundary.
fn prefix_bytes(s: &str, n: usize) -> &str {
    if s.len() <= n {
        return s;
    }
    let mut at = n;
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    &s[..at]
}

/// Whether text still holds markup (bizinfo sometimes escapes its HTML twice, so
/// the first pass yields `<p>…</p>` as text).
fn looks_like_html(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    [
        "<p", "</", "<br", "<div", "<span", "<table", "<script", "<style",
    ]
    .iter()
    .any(|t| lower.contains(t))
}

fn render(html: &str) -> Option<String> {
    html2text::config::with_decorator(TrivialDecorator::new())
        .raw_mode(true)
        .allow_width_overflow()
        .string_from_read(html.as_bytes(), 10_000)
        .ok()
}

/// Elements that never have content, so never nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// The deepest nesting of elements, roughly (unclosed `<p>` and `<li>` count): the
/// HTML reader takes time that grows with depth × length.
fn nesting_depth(html: &str) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    let bytes = html.as_bytes();
    for (i, _) in html.match_indices('<') {
        let rest = &bytes[i + 1..];
        if rest.first() == Some(&b'/') {
            depth = depth.saturating_sub(1);
        } else if rest.first().is_some_and(u8::is_ascii_alphabetic) {
            let name: String = rest
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .map(|b| b.to_ascii_lowercase() as char)
                .collect();
            if !VOID.contains(&name.as_str()) {
                depth += 1;
                max = max.max(depth);
            }
        }
    }
    max
}

/// Deeper than this, tags are stripped by hand before the HTML reader decodes the
/// entities of what is left.
const MAX_DEPTH: usize = 200;

/// Plain text of an HTML fragment: tags dropped (script and style with their
/// contents), entities decoded, table cells and list items one after another, all
/// on one line.
pub fn html_to_text(html: &str) -> String {
    let html = prefix_bytes(html, HTML_BYTES);
    let read = |h: &str| {
        if nesting_depth(h) > MAX_DEPTH {
            render(&strip_tags(h))
        } else {
            render(h)
        }
        .unwrap_or_else(|| strip_tags(h))
    };
    let mut text = read(html);
    if looks_like_html(&text) {
        text = read(&text);
    }
    one_line(&text)
}

/// Tags removed by hand, script and style elements with their contents; entities
/// are left for the HTML reader.
fn strip_tags(s: &str) -> String {
    let lower = s.to_ascii_lowercase();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let rest = &lower[i..];
        if rest.starts_with('<') {
            let skip_to = ["script", "style"]
                .iter()
                .find(|t| rest[1..].starts_with(*t))
                .and_then(|t| rest.find(&format!("</{t}")))
                .unwrap_or(0);
            let end = rest[skip_to..]
                .find('>')
                .map_or(s.len(), |e| i + skip_to + e + 1);
            out.push(' ');
            i = end;
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// A comparison key: lower-case letters and digits only (Hangul included), so
/// spaces, brackets and punctuation do not matter.
pub fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn is_hangul(c: char) -> bool {
    ('\u{ac00}'..='\u{d7a3}').contains(&c)
}

/// Pairs of neighbouring Hangul syllables, other characters removed first.
pub fn hangul_bigrams(s: &str) -> HashSet<(char, char)> {
    let syllables: Vec<char> = s.chars().filter(|&c| is_hangul(c)).collect();
    syllables.windows(2).map(|w| (w[0], w[1])).collect()
}

/// The keys of an agency field: each agency of a list (`,` `/` `·` 또는 및), its
/// name outside brackets and each bracketed name, as `key`s of two or more
/// characters. "대한무역투자진흥공사 (KOTRA)" → {대한무역투자진흥공사, kotra}.
pub fn agency_keys(s: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    let s = s.replace(" 또는 ", ",").replace(" 및 ", ",");
    for part in s.split([',', '/', '·', ';', '、']) {
        let mut outside = String::new();
        let mut inside = String::new();
        let mut depth = 0usize;
        for c in part.chars() {
            match c {
                '(' | '[' | '（' => {
                    depth += 1;
                    if depth == 1 {
                        out.insert(key(&inside));
                        inside.clear();
                    }
                }
                ')' | ']' | '）' => {
                    if depth == 1 {
                        out.insert(key(&inside));
                        inside.clear();
                    }
                    depth = depth.saturating_sub(1);
                }
                _ if depth > 0 => inside.push(c),
                _ => outside.push(c),
            }
        }
        out.insert(key(&inside));
        out.insert(key(&outside));
    }
    out.retain(|k| k.chars().count() >= 2);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_one_line_without_scripts() {
        let html = "<p>○ 지원대상 : 중소기업 &amp; 소상공인&nbsp;&nbsp;(업력 7년)</p><br>\
            <script>var leak = 'LEAK';</script><style>p{color:red}</style>\
            <table><tr><th>구분</th><th>금액</th></tr><tr><td>1차</td><td>최대 1억원</td></tr></table>\
            &#40;괄호&#41;";
        let t = html_to_text(html);
        assert_eq!(
            t,
            "○ 지원대상 : 중소기업 & 소상공인 (업력 7년) 구분 금액 1차 최대 1억원 (괄호)"
        );
        let twice = html_to_text("&lt;p&gt;두 번 &amp;amp; 이스케이프&lt;/p&gt;&lt;br&gt;끝");
        assert_eq!(twice, "두 번 & 이스케이프 끝");
    }

    #[test]
    fn deep_nesting_is_stripped_by_hand() {
        let html = format!(
            "{}<script>LEAK</script>깊은 &amp; 본문{}",
            "<div>".repeat(5_000),
            "</div>".repeat(5_000)
        );
        assert!(nesting_depth(&html) > MAX_DEPTH);
        assert_eq!(html_to_text(&html), "깊은 & 본문");
        assert_eq!(nesting_depth("<p>a<br>b<img src=x></p><p>c</p>"), 1);
    }

    #[test]
    fn agency_keys_ignore_spaces_and_brackets() {
        let k = agency_keys("중소벤처기업진흥공단 (수출바우처 센터)");
        assert!(k.contains("중소벤처기업진흥공단") && k.contains("수출바우처센터"));
        let k = agency_keys("대한무역투자진흥공사 (KOTRA), 중소벤처기업진흥공단");
        assert!(k.contains("kotra") && k.contains("중소벤처기업진흥공단"));
        assert!(agency_keys("한국 화학융합 시험연구원").contains("한국화학융합시험연구원"));
    }

    #[test]
    fn truncation_counts_characters() {
        assert_eq!(truncate_chars("가나다라", 2), "가나…");
        assert_eq!(truncate_chars("가나", 2), "가나");
    }
}
