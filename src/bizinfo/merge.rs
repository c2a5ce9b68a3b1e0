//! Which curated programme a notice belongs to, and how (docs/feeds.md §6).
//!
//! A notice **is** a curated programme's call when the agency matches and the
//! programme's name is in the notice's own title: the title outside brackets
//! (`()`, `[]`, `（）`, `【】`, `〔〕`). A notice whose title names the programme
//! only inside brackets — "제조 DX멘토단 활용지원(2026년 스마트 제조혁신 지원사업 통합
//! 공고)" — is a **sub-notice** of the umbrella notice named there: it never becomes
//! the programme's current call, and is added as a feed programme linked to it
//! (`complement`). K-Startup's `intg_pbanc_biz_nm` (the umbrella programme's name)
//! counts as such a bracket. Issue 15: the first of three 2026 smart-manufacturing
//! notices in the file, a sub-notice, had become the smart-factory programme's call.

use super::clean::{self, agency_keys, key};
use super::detect::Source;
use super::feed::Notice;
use crate::catalogue::{Catalogue, Programme};
use crate::text::printable;
use crate::text::{Lang, Text};
use std::collections::HashSet;

/// Hangul-bigram overlap from which a title counts as naming a curated programme.
pub const MIN_OVERLAP: f64 = 0.8;

/// Whether a programme came from a feed import (bizinfo or K-Startup) rather than
/// being curated: its id starts with the source's prefix and its `feed.source` is
/// that source.
pub fn is_feed_programme(p: &Programme) -> bool {
    p.feed.as_ref().is_some_and(|f| {
        [Source::Bizinfo, Source::KStartup]
            .iter()
            .any(|s| f.source == s.code() && p.id.starts_with(&format!("{}-", s.code())))
    })
}

/// The name forms the merge rule looks for in a notice title: the whole curated
/// Korean name and its part before " (", " / " or " · ", as `clean::key`s.
fn name_forms(name: &str) -> Vec<String> {
    let mut forms = vec![key(name)];
    for sep in [" (", " / ", " · "] {
        if let Some((head, _)) = name.split_once(sep) {
            forms.push(key(head));
        }
    }
    forms.retain(|f| f.chars().count() >= 4);
    forms.dedup();
    forms
}

/// Share of the name's Hangul bigrams that appear in the title.
fn bigram_overlap(name: &str, title: &str) -> f64 {
    let a = clean::hangul_bigrams(name);
    if a.len() < 4 {
        return 0.0;
    }
    let b = clean::hangul_bigrams(title);
    a.intersection(&b).count() as f64 / a.len() as f64
}

/// How a title names a curated programme.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Naming {
    /// The whole curated Korean name is in the title.
    FullName,
    /// The name's part before " (", " / " or " · " is in the title.
    PartName,
    /// At least `MIN_OVERLAP` of the Hangul bigrams of the name's part before " ("
    /// are in the title (the share found).
    Overlap(f64),
}

impl Naming {
    /// The score the best match is chosen by: a contained name (2) above any overlap.
    fn score(self) -> f64 {
        match self {
            Naming::FullName | Naming::PartName => 2.0,
            Naming::Overlap(x) => x,
        }
    }
}

/// How a title names a curated programme, if it does.
fn naming(curated_name: &str, title: &str) -> Option<Naming> {
    let t = key(title);
    let full = key(curated_name);
    if full.chars().count() >= 4 && t.contains(full.as_str()) {
        return Some(Naming::FullName);
    }
    if name_forms(curated_name)
        .iter()
        .any(|f| t.contains(f.as_str()))
    {
        return Some(Naming::PartName);
    }
    let head = curated_name.split(" (").next().unwrap_or(curated_name);
    let overlap = bigram_overlap(head, title);
    (overlap >= MIN_OVERLAP).then_some(Naming::Overlap(overlap))
}

/// The title outside brackets: `()`, `[]`, `（）`, `【】`, `〔〕` and what they hold are
/// removed (corner brackets 「」 and 『』 quote a programme's own name and stay).
pub fn own_title(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    let mut depth = 0usize;
    for c in title.chars() {
        match c {
            '(' | '[' | '（' | '【' | '〔' => depth += 1,
            ')' | ']' | '）' | '】' | '〕' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    clean::one_line(&out)
}

/// Whether a title (outside brackets) is an umbrella notice: 통합 공고, 통합공고.
pub fn is_umbrella_title(title: &str) -> bool {
    key(&own_title(title)).contains("통합공고")
}

/// How a notice relates to a curated programme of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Relation {
    /// The notice is the programme's call: its own title names it.
    Is {
        programme: usize,
        naming: Naming,
        /// The own title is an umbrella notice (통합 공고).
        umbrella: bool,
    },
    /// The programme is named only in brackets (or K-Startup's `intg_pbanc_biz_nm`):
    /// the notice is a sub-notice of the programme's umbrella notice.
    SubNotice { programme: usize },
}

impl Relation {
    /// The catalogue position of the programme.
    pub fn programme(self) -> usize {
        match self {
            Relation::Is { programme, .. } | Relation::SubNotice { programme } => programme,
        }
    }

    /// Rank among notices that are the same programme's call: an umbrella notice or
    /// one naming the whole programme (2) above one naming a part of it (1).
    pub fn rank(self) -> u8 {
        match self {
            Relation::Is { umbrella: true, .. }
            | Relation::Is {
                naming: Naming::FullName,
                ..
            } => 2,
            Relation::Is { .. } => 1,
            Relation::SubNotice { .. } => 0,
        }
    }
}

/// The notice's agency keys: `excInsttNm` and `jrsdInsttNm` (K-Startup:
/// `pbanc_ntrp_nm`), split into agencies, brackets and spaces ignored.
fn notice_keys(n: &Notice) -> HashSet<String> {
    let mut keys = HashSet::new();
    for a in [&n.executor, &n.jurisdiction].into_iter().flatten() {
        keys.extend(agency_keys(a));
    }
    keys
}

/// How a notice relates to the curated programmes: same agency (any key shared)
/// and the name in the own title (`Is`), else only in brackets (`SubNotice`). An
/// `Is` beats any `SubNotice`; among each, the best `Naming` score wins, on a tie
/// the first in the catalogue. Feed programmes are never matched.
pub fn relate(cat: &Catalogue, n: &Notice) -> Option<Relation> {
    let keys = notice_keys(n);
    if keys.is_empty() {
        return None;
    }
    let own = own_title(&n.title);
    let whole = match &n.umbrella {
        Some(u) => format!("{} ({u})", n.title),
        None => n.title.clone(),
    };
    let umbrella = is_umbrella_title(&n.title);
    let mut best_is: Option<(usize, Naming)> = None;
    let mut best_sub: Option<(usize, f64)> = None;
    for (i, p) in cat.programmes.iter().enumerate() {
        if is_feed_programme(p) || agency_keys(&p.agency).is_disjoint(&keys) {
            continue;
        }
        if let Some(how) = naming(&p.name.ko, &own) {
            if best_is.is_none_or(|(_, b)| how.score() > b.score()) {
                best_is = Some((i, how));
            }
        } else if let Some(how) = naming(&p.name.ko, &whole)
            && best_sub.is_none_or(|(_, b)| how.score() > b)
        {
            best_sub = Some((i, how.score()));
        }
    }
    match (best_is, best_sub) {
        (Some((programme, naming)), _) => Some(Relation::Is {
            programme,
            naming,
            umbrella,
        }),
        (None, Some((programme, _))) => Some(Relation::SubNotice { programme }),
        (None, None) => None,
    }
}

/// The curated programme a notice is the call of (`Relation::Is`), if any.
pub fn curated_match(cat: &Catalogue, n: &Notice) -> Option<usize> {
    match relate(cat, n) {
        Some(Relation::Is { programme, .. }) => Some(programme),
        _ => None,
    }
}

/// What the merge did with a notice that names a curated programme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Attached as the programme's current call (`feed`, and `windows.current` when
    /// dated).
    Current,
    /// Added as a feed programme linked to the programme (`complement`): a
    /// sub-notice of its umbrella notice.
    SubNotice { feed_id: String },
    /// Also the programme's call, but another notice was taken; added as its own
    /// feed programme.
    NotChosen { feed_id: String, taken_by: String },
}

/// One merge decision and its reason, for the import report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub notice_id: String,
    pub programme_id: String,
    pub outcome: Outcome,
    /// Why, in Korean and English (one sentence each).
    pub reason: Text,
}

impl Decision {
    /// The decision on one line: what happened, then why.
    pub fn text(&self, lang: Lang) -> String {
        let n = printable(&self.notice_id);
        let p = &self.programme_id;
        let what = match (&self.outcome, lang) {
            (Outcome::Current, Lang::Ko) => format!("{n} → {p}의 현재 공고로 연결"),
            (Outcome::Current, Lang::En) => format!("{n} → current call of {p}"),
            (Outcome::SubNotice { feed_id }, Lang::Ko) => {
                format!(
                    "{n} → {p}의 세부 공고: 새 사업 {feed_id}로 추가, {p}에 '함께 활용'으로 연결"
                )
            }
            (Outcome::SubNotice { feed_id }, Lang::En) => {
                format!("{n} → sub-notice of {p}: added as {feed_id}, linked to {p} (complement)")
            }
            (Outcome::NotChosen { feed_id, taken_by }, Lang::Ko) => format!(
                "{n} → {p}의 공고이지만 {}가 선택됨: 새 사업 {feed_id}로 추가",
                printable(taken_by)
            ),
            (Outcome::NotChosen { feed_id, taken_by }, Lang::En) => format!(
                "{n} → also a call of {p}, which took {}: added as {feed_id}",
                printable(taken_by)
            ),
        };
        format!("{what} ({})", self.reason.get(lang))
    }
}

/// Why a notice is the programme's call, as a reason sentence.
pub fn why_is(r: Relation, n: &Notice) -> Text {
    let Relation::Is {
        naming, umbrella, ..
    } = r
    else {
        return Text::new("", "");
    };
    let how = match naming {
        Naming::FullName => Text::new(
            "괄호 밖 제목에 사업명 전체가 있음",
            "its title outside brackets holds the programme's whole name",
        ),
        Naming::PartName => Text::new(
            "괄호 밖 제목에 사업명이 있음",
            "its title outside brackets holds the programme's name",
        ),
        Naming::Overlap(x) => {
            let pct = (x * 100.0).round();
            Text::new(
                format!("괄호 밖 제목이 사업명의 음절 쌍 {pct}%를 포함"),
                format!("its title outside brackets has {pct}% of the name's syllable pairs"),
            )
        }
    };
    let mut ko = how.ko;
    let mut en = how.en;
    if umbrella {
        ko.push_str(", 통합 공고");
        en.push_str(", an umbrella notice (통합 공고)");
    }
    if n.period.is_dated() {
        ko.push_str(", 날짜가 있어 현재 공고 기간으로 씀");
        en.push_str(", dated: its period is the current call");
    } else {
        let p = printable(&n.period_text);
        ko.push_str(&format!(
            ", 기간 \"{p}\"는 날짜가 아니어서 기간은 그대로 둠"
        ));
        en.push_str(&format!(", period \"{p}\" has no dates: windows kept"));
    }
    Text::new(ko, en)
}

/// Why a notice is a sub-notice of the programme.
pub fn why_sub(n: &Notice) -> Text {
    if n.umbrella.is_some() && n.source == Source::KStartup {
        Text::new(
            "사업명이 제목이 아니라 통합공고 사업명(intg_pbanc_biz_nm)에만 있음",
            "the programme's name is not in the title, only in the umbrella name (intg_pbanc_biz_nm)",
        )
    } else {
        Text::new(
            "사업명이 제목의 괄호 안에만 있음: 그 통합 공고에 속한 세부 공고",
            "the programme's name is only in brackets in the title: a sub-notice of that umbrella notice",
        )
    }
}

/// Why another notice was taken as the programme's call: dated first, then an
/// umbrella notice or the whole name, then the first in the file.
pub fn why_not_chosen(winner: (&Notice, Relation), loser: (&Notice, Relation)) -> Text {
    let (w, wr) = winner;
    let (l, lr) = loser;
    if w.period.is_dated() && !l.period.is_dated() {
        Text::new(
            "날짜가 있는 공고를 먼저 씀",
            "a dated notice is taken before an undated one",
        )
    } else if wr.rank() > lr.rank() {
        Text::new(
            "통합 공고나 사업명 전체를 담은 공고를 먼저 씀",
            "an umbrella notice, or one with the whole name, is taken first",
        )
    } else if w.index < l.index {
        Text::new(
            "조건이 같으면 파일에서 먼저 나온 공고를 씀",
            "otherwise equal, the first in the file is taken",
        )
    } else {
        Text::new("", "")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_title_drops_bracketed_parts() {
        assert_eq!(
            own_title("제조 DX멘토단 활용지원(2026년 스마트 제조혁신 지원사업 통합 공고)"),
            "제조 DX멘토단 활용지원"
        );
        assert_eq!(
            own_title("[서울ㆍ인천] 2026년 「수출바우처」 (중기부) 모집"),
            "2026년 「수출바우처」 모집"
        );
        assert!(is_umbrella_title(
            "2026년 스마트 제조혁신 지원사업 통합 공고"
        ));
        assert!(!is_umbrella_title(
            "스마트 공장 수준 확인(2026년 스마트 제조혁신 지원사업 통합 공고)"
        ));
    }

    #[test]
    fn naming_kinds() {
        let name = "스마트제조혁신 지원사업 (스마트공장 구축 및 고도화)";
        assert_eq!(
            naming(name, "2026년 스마트 제조혁신 지원사업 통합 공고"),
            Some(Naming::PartName)
        );
        assert_eq!(
            naming(
                name,
                "스마트제조혁신 지원사업(스마트공장 구축 및 고도화) 1차"
            ),
            Some(Naming::FullName)
        );
        assert_eq!(naming(name, "제조 DX멘토단 활용지원"), None);
    }
}
