//! K-Startup (창업진흥원) announcements, `getAnnouncementInformation01` on the
//! data.go.kr gateway: `{"currentCount", "data": […], "matchCount", "page",
//! "perPage", "totalCount"}`. Fields as listed in the research notes of 2026-11
//! (docs/feeds.md §4): `pbanc_sn` (the id, a number), `biz_pbanc_nm`,
//! `intg_pbanc_biz_nm`, `pbanc_ctnt`, `pbanc_rcpt_bgng_dt` / `pbanc_rcpt_end_dt`
//! (YYYYMMDD), `supt_regin`, `biz_enyy`, `biz_trgt_age`, `aply_trgt`,
//! `aply_trgt_ctnt`, `aply_excl_trgt_ctnt`, `supt_biz_clsfc`, `sprv_inst`,
//! `pbanc_ntrp_nm`, `detl_pg_url`, `biz_aply_url`, `rcrt_prgs_yn`; many are null.

use super::Skipped;
use super::clean::{SUMMARY_CHARS, html_to_text, key, truncate_chars};
use super::dates::parse_period;
use super::detect::Source;
use super::feed::{ItemHead, Notice, field, line, read_head, web_url};
use crate::codes::Goal;
use serde_json::Value;

/// What `biz_enyy` (business-age bands) allows, as the catalogue can say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgeRule {
    /// At most this many whole years in business: the largest "N년미만" band gives
    /// N − 1 (ages are whole years at the plan month, docs/catalogue-format.md).
    /// No minimum is taken from the bands: notices list either every band up to
    /// the limit or only the limit (both seen in recorded answers).
    MaxYears(u64),
    /// Only "예비창업자": people who have not registered a business yet, which a
    /// firm profile cannot express; a manual condition.
    PreFounderOnly,
    /// A band "N년이상" (or over): no upper limit, no criterion.
    Any,
    /// A band that is none of the above; the text becomes a manual condition.
    Unreadable,
}

/// Reads `biz_enyy`: comma-separated bands "예비창업자", "1년미만", "3년 미만", …,
/// "10년미만", "10년이상". `None` for blank text.
pub fn age_rule(bands: &str) -> Option<AgeRule> {
    let mut max_cap: Option<u64> = None;
    let mut open = false;
    let mut pre = false;
    let mut any = false;
    for band in bands.split(',') {
        let b: String = band.chars().filter(|c| !c.is_whitespace()).collect();
        if b.is_empty() {
            continue;
        }
        any = true;
        if b == "예비창업자" {
            pre = true;
        } else if let Some(n) = b.strip_suffix("년미만").and_then(|n| n.parse::<u64>().ok())
            && n > 0
        {
            max_cap = Some(max_cap.map_or(n, |m| m.max(n)));
        } else if b
            .strip_suffix("년이상")
            .is_some_and(|n| n.parse::<u64>().is_ok())
        {
            open = true;
        } else {
            return Some(AgeRule::Unreadable);
        }
    }
    if !any {
        return None;
    }
    Some(match (open, max_cap, pre) {
        (true, _, _) => AgeRule::Any,
        (false, Some(cap), _) => AgeRule::MaxYears(cap - 1),
        (false, None, _) => AgeRule::PreFounderOnly,
    })
}

/// The category of a `supt_biz_clsfc`, and the support kind it suggests:
/// 기술개발(R&D) → rnd; 융자 → finance, loan; 글로벌 or 해외 → export; 행사ㆍ네트워크 →
/// growth, event; 멘토링ㆍ컨설팅ㆍ교육 → growth, consulting; anything else (사업화,
/// 시설ㆍ공간ㆍ보육, 인력, missing) → growth, grant. The feed does not give the kind;
/// this is an assumption written in docs/feeds.md.
pub fn category(field: Option<&str>) -> (Goal, crate::catalogue::SupportKind) {
    use crate::catalogue::SupportKind as K;
    let f = field.map(key).unwrap_or_default();
    if f.contains("기술개발") || f.contains("rd") {
        (Goal::Rnd, K::Grant)
    } else if f.contains("융자") {
        (Goal::Finance, K::Loan)
    } else if f.contains("글로벌") || f.contains("해외") {
        (Goal::Export, K::Grant)
    } else if f.contains("행사") {
        (Goal::Growth, K::Event)
    } else if f.contains("멘토링") || f.contains("컨설팅") || f.contains("교육") {
        (Goal::Growth, K::Consulting)
    } else {
        (Goal::Growth, K::Grant)
    }
}

/// The ministry code of a K-Startup notice's body (`pbanc_ntrp_nm`): 창업진흥원 is
/// the MSS's agency, a local government is LOCAL, anything else as for bizinfo.
pub fn ministry_code(executor: Option<&str>) -> &'static str {
    if executor.is_some_and(|e| key(e) == "창업진흥원") {
        return "MSS";
    }
    super::map::ministry_code(executor)
}

/// K-Startup's machine-readable fields, as written (one line each); a bizinfo
/// notice has none.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct KStartupFields {
    /// `biz_enyy`: business-age bands, comma-separated ("예비창업자,1년미만,3년미만").
    pub age_bands: Option<String>,
    /// `supt_regin`: "전국" or region names.
    pub region: Option<String>,
    /// `aply_trgt`: kinds of applicant ("일반기업,대학생").
    pub target_kinds: Option<String>,
    /// `aply_excl_trgt_ctnt`: who may not apply.
    pub excluded: Option<String>,
    /// `biz_trgt_age`: age bands of the founder.
    pub founder_age: Option<String>,
}

/// Reads one item of `data`.
pub fn read_item(index: usize, item: &Value, list: &str) -> Result<Notice, Skipped> {
    let ItemHead {
        map,
        id,
        programme_id,
        title,
        mut notes,
    } = read_head(
        Source::KStartup,
        (index, item, list),
        &["pbanc_sn"],
        &["biz_pbanc_nm"],
    )?;
    let begin = line(map, "pbanc_rcpt_bgng_dt", &mut notes);
    let end = line(map, "pbanc_rcpt_end_dt", &mut notes);
    let period_text = match (&begin, &end) {
        (Some(b), Some(e)) => format!("{b} ~ {e}"),
        (Some(b), None) => format!("{b} ~"),
        (None, Some(e)) => format!("~ {e}"),
        (None, None) => String::new(),
    };
    let period = parse_period(&period_text);
    let summary = field(map, "pbanc_ctnt", &mut notes)
        .map(|text| truncate_chars(&html_to_text(&text), SUMMARY_CHARS))
        .filter(|s| !s.is_empty());
    let region = line(map, "supt_regin", &mut notes);
    let hashtags = region
        .as_deref()
        .map(super::feed::split_tags)
        .unwrap_or_default();
    for h in &hashtags {
        if h != "전국" && super::map::region_of(h).is_none() {
            notes.push(format!(
                "supt_regin \"{h}\" is not a region Gachi knows; no region condition taken from it"
            ));
        }
    }
    let url = web_url(map, "detl_pg_url", false, &mut notes);
    let apply_url = web_url(map, "biz_aply_url", false, &mut notes);
    let umbrella = line(map, "intg_pbanc_biz_nm", &mut notes).filter(|u| key(u) != key(&title));
    let fields = KStartupFields {
        age_bands: line(map, "biz_enyy", &mut notes),
        region,
        target_kinds: line(map, "aply_trgt", &mut notes),
        excluded: line(map, "aply_excl_trgt_ctnt", &mut notes),
        founder_age: line(map, "biz_trgt_age", &mut notes),
    };
    let target = line(map, "aply_trgt_ctnt", &mut notes).or_else(|| fields.target_kinds.clone());
    Ok(Notice {
        source: Source::KStartup,
        index,
        id,
        programme_id,
        title,
        url,
        jurisdiction: None,
        executor: line(map, "pbanc_ntrp_nm", &mut notes),
        field: line(map, "supt_biz_clsfc", &mut notes),
        subfield: None,
        target,
        period_text,
        period,
        summary,
        hashtags,
        apply_url,
        created: None,
        updated: None,
        umbrella,
        kstartup: Some(fields),
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn age_bands() {
        assert_eq!(
            age_rule("예비창업자,1년미만,2년미만,3년미만"),
            Some(AgeRule::MaxYears(2))
        );
        assert_eq!(age_rule("7년미만"), Some(AgeRule::MaxYears(6)));
        assert_eq!(age_rule("3년 미만, 5년미만"), Some(AgeRule::MaxYears(4)));
        assert_eq!(age_rule("예비창업자"), Some(AgeRule::PreFounderOnly));
        assert_eq!(age_rule("7년미만,10년이상"), Some(AgeRule::Any));
        assert_eq!(age_rule("2026"), Some(AgeRule::Unreadable));
        assert_eq!(age_rule("0년미만"), Some(AgeRule::Unreadable));
        assert_eq!(age_rule(" , "), None);
    }

    #[test]
    fn categories() {
        use crate::catalogue::SupportKind as K;
        assert_eq!(category(Some("기술개발(R&D)")), (Goal::Rnd, K::Grant));
        assert_eq!(category(Some("융자")), (Goal::Finance, K::Loan));
        assert_eq!(category(Some("행사ㆍ네트워크")), (Goal::Growth, K::Event));
        assert_eq!(
            category(Some("멘토링ㆍ컨설팅ㆍ교육")),
            (Goal::Growth, K::Consulting)
        );
        assert_eq!(category(Some("사업화")), (Goal::Growth, K::Grant));
        assert_eq!(category(None), (Goal::Growth, K::Grant));
    }
}
