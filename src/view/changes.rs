//! What changed between two profiles, as lines a person reads before and after
//! applying a what-if: "상시근로자 45→65명", "인증: + 이노비즈".

use super::i18n as s;
use crate::profile::FirmProfile;
use crate::text::{Lang, krw_in};

fn opt<T>(v: &Option<T>, lang: Lang, show: impl Fn(&T) -> String) -> String {
    v.as_ref()
        .map(show)
        .unwrap_or_else(|| s::DONT_KNOW.get(lang).to_string())
}

/// Added and removed items of two lists, as "+ a, − b".
fn list_change<T: PartialEq + Copy>(
    a: Option<&[T]>,
    b: Option<&[T]>,
    label: impl Fn(T) -> &'static str,
) -> Option<String> {
    let (a, b) = (a.unwrap_or(&[]), b.unwrap_or(&[]));
    let added: Vec<&str> = b
        .iter()
        .filter(|x| !a.contains(x))
        .map(|x| label(*x))
        .collect();
    let removed: Vec<&str> = a
        .iter()
        .filter(|x| !b.contains(x))
        .map(|x| label(*x))
        .collect();
    let mut parts = Vec::new();
    if !added.is_empty() {
        parts.push(format!("+ {}", added.join(", ")));
    }
    if !removed.is_empty() {
        parts.push(format!("− {}", removed.join(", ")));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// One line per changed answer, in the order of the questionnaire.
pub fn profile_changes(before: &FirmProfile, after: &FirmProfile, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let mut line = |q: s::S, a: String, b: String| {
        if a != b {
            out.push(format!("{} {a} → {b}", q.get(lang)));
        }
    };
    let persons = |n: &u64| format!("{n}{}", s::PERSONS.get(lang));
    line(s::Q_NAME, before.name.clone(), after.name.clone());
    line(
        s::Q_FOUNDED,
        opt(&before.founded, lang, |f| f.to_string()),
        opt(&after.founded, lang, |f| f.to_string()),
    );
    line(
        s::Q_EMPLOYEES,
        opt(&before.employees, lang, persons),
        opt(&after.employees, lang, persons),
    );
    line(
        s::Q_REVENUE,
        opt(&before.revenue_krw, lang, |w| krw_in(*w, lang)),
        opt(&after.revenue_krw, lang, |w| krw_in(*w, lang)),
    );
    line(
        s::Q_REGION,
        opt(&before.region, lang, |r| r.label(lang).to_string()),
        opt(&after.region, lang, |r| r.label(lang).to_string()),
    );
    line(
        s::Q_KSIC,
        opt(&before.ksic, lang, String::clone),
        opt(&after.ksic, lang, String::clone),
    );
    line(
        s::Q_SMART,
        opt(&before.smart_factory_level, lang, |l| {
            l.label(lang).to_string()
        }),
        opt(&after.smart_factory_level, lang, |l| {
            l.label(lang).to_string()
        }),
    );
    let yn = |b: &bool| if *b { s::YES } else { s::NO }.get(lang).to_string();
    line(
        s::Q_EXPORTING,
        opt(&before.exporting, lang, yn),
        opt(&after.exporting, lang, yn),
    );
    line(
        s::Q_FUNDING,
        opt(&before.funding_need_krw, lang, |w| krw_in(*w, lang)),
        opt(&after.funding_need_krw, lang, |w| krw_in(*w, lang)),
    );
    if let Some(c) = list_change(
        before.certifications.as_deref(),
        after.certifications.as_deref(),
        |c| c.label(lang),
    ) {
        out.push(format!("{}: {c}", s::Q_CERTS.get(lang)));
    }
    if let Some(c) = list_change(
        before.root_technologies.as_deref(),
        after.root_technologies.as_deref(),
        |c| c.label(lang),
    ) {
        out.push(format!("{}: {c}", s::Q_ROOT.get(lang)));
    }
    if let Some(c) = list_change(Some(&before.goals), Some(&after.goals), |g| g.label(lang)) {
        out.push(format!("{}: {c}", s::Q_GOALS.get(lang)));
    }
    if before.received != after.received || before.notes != after.notes {
        out.push(s::OTHER_ANSWERS_CHANGED.get(lang).to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn employees_and_certifications_read_as_before_and_after() {
        let mut a = FirmProfile::new("경기로봇SI");
        a.employees = Some(45);
        let mut b = a.clone();
        b.employees = Some(65);
        b.certifications = Some(vec![crate::codes::Certification::Innobiz]);
        let lines = profile_changes(&a, &b, Lang::Ko);
        assert_eq!(lines[0], "상시근로자 수 45명 → 65명");
        assert_eq!(lines[1], "보유한 인증·지정: + 이노비즈");
        assert!(profile_changes(&a, &a, Lang::Ko).is_empty());
    }
}
