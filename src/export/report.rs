//! The printable report: one self-contained HTML file (no network: no external CSS,
//! script, font or image), laid out for A4.

use super::svg::{link_label, pathway_svg, timeline_svg};
use super::{
    APPLY_UNKNOWN, CROSS_GOLD, END_ASSUMED, MOTIE_ORANGE, MSS_BLUE, NOTICE_FALLBACK, OTHER_GREY, S,
    UNTIL_BUDGET, escape_html as esc, firm_name, krw, ministry_palette, step_name,
    support_kind_label, text_or, window_label,
};
use crate::catalogue::{Confidence, is_web_url};
use crate::codes::{ApplicationStatus, Goal, Region, SizeClass};
use crate::facts::ministry_name as ministry_label;
use crate::matcher::{Eligibility, Outcome, Reason, WindowState};
use crate::plan::{Plan, Step};
use crate::strings::*;
use crate::text::Lang;
use serde_json::Value;
use std::fmt::Write;

const PASS_MARK: &str = "○";
const FAIL_MARK: &str = "×";
const UNKNOWN_MARK: &str = "?";

const FONT_STACK: &str = "\"Noto Sans CJK KR\", \"Noto Sans KR\", \"NanumGothic\", \"Malgun Gothic\", \"Apple SD Gothic Neo\", sans-serif";

/// The report as a self-contained HTML file, with UI strings in `lang` and the
/// programmes' names and reasons from their `lang` text. Every string from the plan
/// is escaped; only http(s) URLs become links.
///
/// Programmes outside the plan are named from the built-in catalogue; use
/// [`report_html_with`] to name them from another catalogue (the app's).
pub fn report_html(plan: &Plan, lang: Lang) -> String {
    let builtin = crate::catalogue::builtin().ok();
    report_html_with(plan, lang, builtin.as_ref())
}

/// Programme names for a report: the plan's own step names first, then the
/// catalogue's. A report is for a client, a bank or an agency, so it names
/// programmes, never shows their ids; an id no catalogue knows is written as
/// "(이름 없는 사업)".
struct Names<'a> {
    plan: &'a Plan,
    catalogue: Option<&'a crate::catalogue::Catalogue>,
    lang: Lang,
}

impl Names<'_> {
    /// A received programme that grants a certification is named by the
    /// certification the firm holds (뿌리기업 확인서), not by the programme's long name
    /// that also lists designations the firm may not have (trial 2026-11).
    fn received(&self, id: &str) -> String {
        match self
            .catalogue
            .and_then(|c| c.get(id))
            .and_then(|p| p.grants)
        {
            Some(cert) => cert.label(self.lang).to_string(),
            None => self.of(id),
        }
    }

    fn of(&self, id: &str) -> String {
        if let Some(st) = self.plan.step(id) {
            return step_name(st, self.lang).to_string();
        }
        // The plan's own names (plans since 2026-11 carry them), then the catalogue's.
        let in_plan = self
            .plan
            .also_eligible
            .iter()
            .find(|a| a.programme_id == id)
            .map(|a| &a.name)
            .or_else(|| {
                self.plan
                    .not_eligible
                    .iter()
                    .find(|n| n.programme_id == id)
                    .map(|n| &n.name)
            })
            .filter(|t| !t.ko.trim().is_empty());
        if let Some(name) = in_plan {
            return text_or(name, self.lang, "").to_string();
        }
        match self.catalogue.and_then(|c| c.get(id)) {
            Some(p) => text_or(&p.name, self.lang, "").to_string(),
            None => UNNAMED.get(self.lang).to_string(),
        }
    }
}

/// "최대 4,200만원" / "up to KRW 42,000,000", or "금액 확인 필요" — one language.
fn money(max_krw: Option<u64>, lang: Lang) -> String {
    match max_krw {
        Some(w) => match lang {
            Lang::Ko => format!("최대 {}", krw(w, lang)),
            Lang::En => format!("up to {}", krw(w, lang)),
        },
        None => AMOUNT_TO_VERIFY.get(lang).to_string(),
    }
}

/// A sentence with a parenthesised remark said twice in a row ("… (2025년 9월 개편
/// 기준 확인 필요) (2025년 9월 개편 기준)") keeps only the first saying.
pub fn say_once(text: &str) -> String {
    let mut out = text.to_string();
    let mut from = 0;
    while let Some(k) = out[from..].find(") (").map(|k| k + from) {
        let open_a = out[..k].rfind('(');
        let close_b = out[k + 3..].find(')').map(|e| e + k + 3);
        match (open_a, close_b) {
            (Some(a), Some(b)) => {
                let first = &out[a + 1..k];
                let second = &out[k + 3..b];
                if !second.is_empty() && first.contains(second) {
                    // Drop " (second)", keep the first remark's ")".
                    out.replace_range(k + 1..b + 1, "");
                } else {
                    from = k + 1;
                }
            }
            _ => break,
        }
    }
    out
}

/// [`report_html`] naming programmes from `catalogue`.
pub fn report_html_with(
    plan: &Plan,
    lang: Lang,
    catalogue: Option<&crate::catalogue::Catalogue>,
) -> String {
    let names = Names {
        plan,
        catalogue,
        lang,
    };
    let mut h = String::with_capacity(64 * 1024);
    let name = firm_name(plan);
    let lang_code = match lang {
        Lang::Ko => "ko",
        Lang::En => "en",
    };
    let title = if name.is_empty() {
        TITLE.get(lang).to_string()
    } else {
        format!("{} — {name}", TITLE.get(lang))
    };
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{lang_code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"{gen}\">\n<title>{title}</title>\n<style>\n{css}</style>\n</head>\n<body>\n",
        gen = esc(crate::GENERATED_BY),
        title = esc(&title),
        css = css(),
    );

    // Heading.
    let _ = write!(
        h,
        "<header class=\"report-head\">\n<p class=\"brand\">{}</p>\n<h1>{}</h1>\n\
         <p class=\"sub\">{} · {} {}</p>\n</header>\n",
        esc(BRAND.get(lang)),
        esc(&title),
        esc(&format!("{} {}", MONTH.get(lang), plan.as_of)),
        esc(CATALOGUE.get(lang)),
        esc(&format!("{} {}", plan.catalogue.id, plan.catalogue.version)),
    );

    firm_section(&mut h, plan, lang);
    notice_section(&mut h, plan, lang);
    totals_section(&mut h, plan, lang);

    // The two figures. A figure is never split across pages, so a tall pathway
    // would leave most of page 1 empty: past PATHWAY_FIRST_MAX steps the (shorter)
    // timeline comes first.
    let pathway = pathway_section(plan, lang);
    let timeline = timeline_section(plan, lang);
    if plan.steps.len() <= PATHWAY_FIRST_MAX {
        h.push_str(&pathway);
        h.push_str(&timeline);
    } else {
        h.push_str(&timeline);
        h.push_str(&pathway);
    }

    // Steps.
    let _ = write!(
        h,
        "<section class=\"steps\">\n<h2>{}</h2>\n",
        esc(STEPS.get(lang))
    );
    if plan.steps.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", esc(NO_STEPS.get(lang)));
    }
    for s in &plan.steps {
        step_article(&mut h, plan, s, lang, &names);
    }
    h.push_str("</section>\n");

    also_section(&mut h, plan, lang, &names);
    not_eligible_section(&mut h, plan, lang, &names);

    // Catalogue and provenance.
    let sha: String = plan.catalogue.sha256.chars().take(12).collect();
    let _ = write!(
        h,
        "<footer class=\"report-foot\">\n<p>{} <b>{}</b> {} · sha256 <code>{}</code>{} · {} {} · {} {}</p>\n</footer>\n",
        esc(CATALOGUE.get(lang)),
        esc(&plan.catalogue.id),
        esc(&plan.catalogue.version),
        esc(&sha),
        if plan.catalogue.sha256.chars().count() > 12 {
            "…"
        } else {
            ""
        },
        esc(MONTH.get(lang)),
        plan.as_of,
        esc(GENERATED.get(lang)),
        esc(&plan.generated_by),
    );
    h.push_str("</body>\n</html>\n");
    h
}

/// Plans with up to this many steps show the pathway before the timeline.
pub(crate) const PATHWAY_FIRST_MAX: usize = 7;

fn pathway_section(plan: &Plan, lang: Lang) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        "<section class=\"pathway figure\">\n<h2>{}</h2>\n<p class=\"note\">{}</p>\n{}\n",
        esc(PATHWAY.get(lang)),
        esc(PATHWAY_NOTE.get(lang)),
        pathway_svg(plan, lang)
    );
    let _ = write!(
        h,
        "<p class=\"legend\">{}{}{}<span class=\"key\"><span class=\"line\" style=\"background:{CROSS_GOLD}\"></span>{}</span>\
         <span class=\"key\">{}</span><span class=\"key\">{}</span></p>\n</section>\n",
        // Ministry names of the plan month (산업통상자원부 became 산업통상부 on 2025-10-01).
        swatch(
            MSS_BLUE.solid,
            crate::facts::ministry_name_at("MSS", plan.as_of).get(lang)
        ),
        swatch(
            MOTIE_ORANGE.solid,
            crate::facts::ministry_name_at("MOTIE", plan.as_of).get(lang)
        ),
        swatch(OTHER_GREY.solid, REPORT_LEGEND_OTHER.get(lang)),
        esc(REPORT_LEGEND_CROSS.get(lang)),
        esc(LEGEND_DASHED_BOX.get(lang)),
        esc(LEGEND_COMPLEMENT.get(lang)),
    );
    h
}

fn timeline_section(plan: &Plan, lang: Lang) -> String {
    format!(
        "<section class=\"timeline figure\">\n<h2>{}</h2>\n{}\n\
         <p class=\"legend\">{}{}<span class=\"key\">{}</span><span class=\"key\">{}</span></p>\n</section>\n",
        esc(TIMELINE.get(lang)),
        timeline_svg(plan, lang),
        swatch("#555", LEGEND_APPLY.get(lang)),
        swatch("#ddd", LEGEND_PERIOD.get(lang)),
        esc(LEGEND_UNSURE.get(lang)),
        esc(LEGEND_ASSUMED.get(lang)),
    )
}

fn swatch(colour: &str, label: &str) -> String {
    format!(
        "<span class=\"key\"><span class=\"sw\" style=\"background:{colour}\"></span>{}</span>",
        esc(label)
    )
}

fn profile_str<'a>(profile: &'a Value, key: &str) -> Option<&'a str> {
    profile.get(key).and_then(Value::as_str)
}

fn firm_section(h: &mut String, plan: &Plan, lang: Lang) {
    let p = &plan.profile;
    let unknown = UNKNOWN.get(lang);
    let name = firm_name(plan);
    // The size in the law's words (소상공인 ⊂ 소기업 ⊂ 중소기업) where the plan has them;
    // plans written before 2026-11 carry no `size_facts` and keep their class label.
    let size = match SizeClass::from_code(&plan.size_class) {
        _ if plan.size_facts != crate::profile::SizeFacts::default() => {
            plan.size_facts.describe().get(lang).to_string()
        }
        Some(c) => c.label(lang).to_string(),
        None if !plan.size_class_candidates.is_empty() => format!(
            "{} ({}: {})",
            LIVE_VERIFY.get(lang),
            SIZE_CANDIDATES.get(lang),
            plan.size_class_candidates
                .iter()
                .map(|c| c.label(lang))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        None => LIVE_VERIFY.get(lang).to_string(),
    };
    let region = profile_str(p, "region")
        .map(|r| {
            Region::from_code(r)
                .map(|c| c.label(lang).to_string())
                .unwrap_or_else(|| r.to_string())
        })
        .unwrap_or_else(|| unknown.to_string());
    let ksic = profile_str(p, "ksic").unwrap_or(unknown).to_string();
    let employees = p
        .get("employees")
        .and_then(Value::as_u64)
        .map(|n| format!("{n}{}", EMPLOYEES_UNIT.get(lang)))
        .unwrap_or_else(|| unknown.to_string());
    let revenue = p
        .get("revenue_krw")
        .and_then(Value::as_u64)
        .map(|n| krw(n, lang))
        .unwrap_or_else(|| unknown.to_string());
    let founded = profile_str(p, "founded").unwrap_or(unknown).to_string();
    let goals: Vec<String> = p
        .get("goals")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(|g| {
                    Goal::from_code(g)
                        .map(|c| c.label(lang).to_string())
                        .unwrap_or_else(|| g.to_string())
                })
                .collect()
        })
        .unwrap_or_default();
    let goals = if goals.is_empty() {
        GOALS_ALL.get(lang).to_string()
    } else {
        goals.join(", ")
    };
    let _ = write!(
        h,
        "<section class=\"firm\">\n<h2>{}</h2>\n<table class=\"facts\">\n",
        esc(REPORT_FIRM.get(lang))
    );
    // Two facts a row, so the summary leaves room for the diagram on page 1.
    let pairs: [[(S, String); 2]; 4] = [
        [
            (
                FIRM_NAME,
                if name.is_empty() { "—" } else { name }.to_string(),
            ),
            (MONTH, plan.as_of.to_string()),
        ],
        [(LIVE_SIZE, size), (REGION, region)],
        [(KSIC, ksic), (FOUNDED, founded)],
        [(EMPLOYEES, employees), (REVENUE, revenue)],
    ];
    for [(l1, v1), (l2, v2)] in pairs {
        let _ = writeln!(
            h,
            "<tr><th>{}</th><td>{}</td><th>{}</th><td>{}</td></tr>",
            esc(l1.get(lang)),
            esc(&v1),
            esc(l2.get(lang)),
            esc(&v2)
        );
    }
    let _ = writeln!(
        h,
        "<tr><th>{}</th><td colspan=\"3\">{}</td></tr>",
        esc(GOALS.get(lang)),
        esc(&goals)
    );
    // The core's sentence may repeat its remark; a client reads it once.
    let reason = say_once(plan.size_class_reason.get(lang));
    let reason = reason.as_str();
    if !reason.trim().is_empty() {
        let _ = writeln!(
            h,
            "<tr><th>{}</th><td colspan=\"3\" class=\"small\">{}</td></tr>",
            esc(SIZE_WHY.get(lang)),
            esc(reason)
        );
    }
    h.push_str("</table>\n</section>\n");
}

fn notice_section(h: &mut String, plan: &Plan, lang: Lang) {
    let notice = plan.notice.get(lang);
    let notice = if notice.trim().is_empty() {
        NOTICE_FALLBACK.get(lang)
    } else {
        notice
    };
    let _ = writeln!(
        h,
        "<aside class=\"notice\"><b>⚠ {}</b><br>{}</aside>",
        esc(NOTICE_HEAD.get(lang)),
        esc(notice)
    );
}

/// A side's total, or "금액 확인 필요" when its steps have no sourced figure at all
/// (never "0원", which reads as "nothing available").
fn side_total(sum: u64, without_figure: usize, lang: Lang) -> String {
    if sum == 0 && without_figure > 0 {
        super::AMOUNT_TO_VERIFY.get(lang).to_string()
    } else {
        krw(sum, lang)
    }
}

fn totals_section(h: &mut String, plan: &Plan, lang: Lang) {
    let t = &plan.totals;
    let grant_note = if t.grant_steps_without_amount > 0 {
        format!(
            " (+{} {})",
            t.grant_steps_without_amount,
            T_NO_FIGURE.get(lang)
        )
    } else {
        String::new()
    };
    let loan_note = if t.loan_steps_without_amount > 0 {
        format!(
            " (+{} {})",
            t.loan_steps_without_amount,
            T_NO_FIGURE.get(lang)
        )
    } else {
        String::new()
    };
    // Grants and loans apart: a loan ceiling is not support a firm keeps. R&D projects
    // apart again, as the largest one: they are alternatives, not a sum.
    let grant_label = if t.rnd_steps > 0 {
        T_GRANT_NO_RND
    } else {
        T_GRANT
    };
    // Steps of which no condition could be checked are not counted (said beside).
    let all_grants = t.max_grant_checked_krw;
    // The big figure counts the steps whose conditions are all met; the rest is said
    // beside it, as what the to-verify steps would add.
    let grant_sum = t.max_grant_eligible_krw;
    let grant_note = if all_grants > grant_sum {
        format!(
            "{grant_note} · {} {}",
            T_IF_VERIFIED.get(lang),
            krw(all_grants, lang)
        )
    } else {
        grant_note
    };
    let grant_note = if t.grant_eligible_unsure_steps > 0 && grant_sum > 0 {
        format!("{grant_note} · {}", T_SOURCE_UNSURE.get(lang))
    } else {
        grant_note
    };
    let grant_note = if t.grant_steps_unchecked > 0 {
        format!(
            "{grant_note} · {}",
            GRANTS_UNCHECKED
                .get(lang)
                .replace("{n}", &t.grant_steps_unchecked.to_string())
        )
    } else {
        grant_note
    };
    let rnd_sure = plan.steps.iter().any(|st| {
        st.category == crate::codes::Goal::Rnd
            && st.eligibility == Eligibility::Eligible
            && st.support.max_krw == Some(t.max_rnd_project_krw)
    });
    let rnd_card = if t.rnd_steps > 0 {
        format!(
            "<div class=\"card\"><div class=\"big\">{}</div><div>{}{}</div></div>",
            esc(&side_total(t.max_rnd_project_krw, t.rnd_steps, lang)),
            esc(T_RND.get(lang)),
            if rnd_sure || t.max_rnd_project_krw == 0 {
                String::new()
            } else {
                format!(" · {}", esc(T_RND_TO_VERIFY.get(lang)))
            }
        )
    } else {
        String::new()
    };
    // No loan card for a plan without loans (trial 2026-11: "0원 융자·보증 한도").
    let loan_card = if t.max_loan_krw > 0 || t.loan_steps_without_amount > 0 {
        format!(
            "<div class=\"card\"><div class=\"big\">{}</div><div>{}{}</div></div>",
            esc(&side_total(
                t.max_loan_krw,
                t.loan_steps_without_amount,
                lang
            )),
            esc(T_LOAN.get(lang)),
            esc(&loan_note)
        )
    } else {
        String::new()
    };
    let _ = write!(
        h,
        "<section class=\"totals\">\n<h2>{}</h2>\n<div class=\"cards\">\
         <div class=\"card\"><div class=\"big\">{}</div><div>{}</div></div>\
         <div class=\"card\"><div class=\"big\">{}</div><div>{}{}</div></div>{}{}\
         <div class=\"card\"><div class=\"big gold\">{}</div><div>{}</div></div>\
         </div>\n",
        esc(DETAIL_SUMMARY.get(lang)),
        t.steps,
        esc(TOTAL_STEPS.get(lang)),
        // No eligible figure but to-verify ones: "금액 확인 필요", never "0원".
        esc(&side_total(
            grant_sum,
            t.grant_steps_without_amount + usize::from(all_grants > 0),
            lang
        )),
        esc(grant_label.get(lang)),
        esc(&grant_note),
        rnd_card,
        loan_card,
        t.cross_ministry_links,
        esc(TOTAL_CROSS.get(lang)),
    );
    if let Some(f) = &plan.funding {
        let _ = writeln!(
            h,
            "<p class=\"funding\">{}</p>",
            esc(f.describe().get(lang))
        );
    }
    if !plan.goals_without_step.is_empty() {
        let goals = plan.goals_without_step_text(lang);
        let _ = writeln!(
            h,
            "<p class=\"goals-without-step\"><strong>{}: {}</strong> — {}</p>",
            esc(GOALS_WITHOUT_STEP.get(lang)),
            esc(&goals),
            esc(REPORT_GOALS_WITHOUT_STEP_WHY.get(lang))
        );
    }
    h.push_str("</section>\n");
}

fn mark(o: Outcome) -> (&'static str, &'static str) {
    match o {
        Outcome::Pass => (PASS_MARK, "pass"),
        Outcome::Fail => (FAIL_MARK, "fail"),
        Outcome::Unknown => (UNKNOWN_MARK, "unknown"),
    }
}

fn reason_list(h: &mut String, reasons: &[Reason], lang: Lang) {
    h.push_str("<ul class=\"reasons\">");
    for r in reasons {
        let (m, class) = mark(r.outcome);
        let text = match lang {
            Lang::Ko if !r.ko.trim().is_empty() => &r.ko,
            Lang::En if !r.en.trim().is_empty() => &r.en,
            _ if !r.ko.trim().is_empty() => &r.ko,
            _ if !r.en.trim().is_empty() => &r.en,
            _ => &r.criterion,
        };
        let _ = write!(
            h,
            "<li><span class=\"mark {class}\">{m}</span>{}</li>",
            esc(text)
        );
    }
    h.push_str("</ul>");
}

/// A URL as a link when it is http(s), as plain text otherwise.
fn url_html(url: &str, lang: Lang) -> String {
    if url.trim().is_empty() {
        esc(NO_SOURCE.get(lang))
    } else if is_web_url(url) {
        format!(
            "<a class=\"url\" href=\"{u}\" rel=\"noopener noreferrer\">{u}</a>",
            u = esc(url.trim())
        )
    } else {
        format!(
            "<span class=\"url\">{}</span> {}",
            esc(url),
            esc(NOT_WEB.get(lang))
        )
    }
}

fn step_article(h: &mut String, plan: &Plan, s: &Step, lang: Lang, names: &Names<'_>) {
    let pal = ministry_palette(&s.ministry);
    let (badge_class, badge) = match s.eligibility {
        Eligibility::Verify => ("verify", VERIFY),
        _ => ("eligible", ELIGIBLE),
    };
    let _ = write!(
        h,
        "<article class=\"step\" id=\"step-{order}\" style=\"border-left-color:{solid}\">\n\
         <header><span class=\"num\" style=\"background:{solid}\">{order}</span>\
         <h3>{name}</h3>\
         <p class=\"meta\"><b style=\"color:{solid}\">{ministry}</b> · {agency} · {category} \
         <span class=\"badge {badge_class}\">{badge}</span>{status}</p></header>\n<dl>\n",
        order = s.order,
        solid = pal.solid,
        name = esc(step_name(s, lang)),
        ministry = esc(&if s.ministry_name.get(lang).is_empty() {
            ministry_label(&s.ministry, lang)
        } else {
            s.ministry_name.get(lang).to_string()
        }),
        agency = esc(s.agency_in(lang)),
        category = esc(s.category.label(lang)),
        badge = esc(badge.get(lang)),
        status = s
            .application
            .as_ref()
            .map(|a| format!(
                " <span class=\"badge status {}\">{}</span>",
                a.status.code(),
                esc(&a.status_text(lang))
            ))
            .unwrap_or_default(),
    );

    // Support.
    let mut support = Vec::new();
    if !s.support.kind.is_empty() {
        support.push(support_kind_label(&s.support.kind, lang));
    }
    support.push(money(s.support.max_krw, lang));
    if let Some(pct) = s.support.self_share_pct {
        support.push(format!("{} {pct}%", SELF_SHARE.get(lang)));
    }
    let amount_class = if s.support.max_krw.is_none() {
        " class=\"to-verify\""
    } else {
        ""
    };
    let _ = writeln!(
        h,
        "<dt>{}</dt><dd{amount_class}>{}</dd>",
        esc(ICS_SUPPORT.get(lang)),
        esc(&support.join(" · "))
    );

    // Schedule. An unknown window has no month: the plan's month is only the
    // earliest, so it is not printed as when to apply (trial 2026-11).
    let running = s.application.as_ref().map(|a| a.status);
    let mut sched =
        if let Some(st @ (ApplicationStatus::Selected | ApplicationStatus::Applied)) = running {
            let head = if st == ApplicationStatus::Selected {
                SELECTED_RUNNING
            } else {
                APPLIED_WAITING
            };
            let period = if st == ApplicationStatus::Applied {
                PERIOD_IF_SELECTED
            } else {
                PERIOD
            };
            format!(
                "{} {} · {} {} – {}",
                head.get(lang),
                s.start,
                period.get(lang),
                s.start,
                s.end
            )
        } else if s.window == WindowState::ToVerify {
            let n = s.end.months_since(s.start) + 1;
            match lang {
                Lang::Ko => format!("{} · 사업 기간 공고 후 약 {n}개월", APPLY_UNKNOWN.get(lang)),
                Lang::En => format!(
                    "{} · project about {n} months from the call",
                    APPLY_UNKNOWN.get(lang)
                ),
            }
        } else {
            format!(
                "{} {} · {} · {} {} – {}",
                APPLY_IN.get(lang),
                s.start,
                window_label(s).get(lang),
                PERIOD.get(lang),
                s.start,
                s.end
            )
        };
    if s.end_assumed {
        let _ = write!(sched, " ({})", END_ASSUMED.get(lang));
    }
    let _ = writeln!(
        h,
        "<dt>{}</dt><dd>{}</dd>",
        esc(SCHEDULE.get(lang)),
        esc(&sched)
    );

    // What it waits for.
    if !s.after.is_empty() {
        let after: Vec<String> = s
            .after
            .iter()
            .map(|id| match plan.step(id) {
                Some(o) => format!("{}. {}", o.order, step_name(o, lang)),
                None => id.clone(),
            })
            .collect();
        let _ = writeln!(
            h,
            "<dt>{}</dt><dd>{}</dd>",
            esc(WAITS_FOR.get(lang)),
            esc(&after.join(", "))
        );
    }

    // Why chosen.
    let why: Vec<&str> = s
        .why
        .iter()
        .map(|t| text_or(t, lang, ""))
        .filter(|t| !t.is_empty())
        .collect();
    if !why.is_empty() {
        let _ = write!(
            h,
            "<dt>{}</dt><dd><ul class=\"why\">",
            esc(WHY_STEP.get(lang))
        );
        for w in why {
            let _ = write!(h, "<li>{}</li>", esc(w));
        }
        h.push_str("</ul></dd>\n");
    }

    application_rows(h, s, lang);

    // Conditions.
    if !s.reasons.is_empty() {
        let _ = write!(h, "<dt>{}</dt><dd>", esc(CONDITIONS.get(lang)));
        reason_list(h, &s.reasons, lang);
        h.push_str("</dd>\n");
    }

    // Links.
    if !s.links.is_empty() {
        let _ = write!(
            h,
            "<dt>{}</dt><dd><ul class=\"links\">",
            esc(DETAIL_LINKS.get(lang))
        );
        for l in &s.links {
            let target = plan.step(&l.programme_id);
            let cross = match target {
                Some(t) => t.ministry != s.ministry,
                None => l.cross_ministry,
            };
            let label = link_label(l.kind, cross, lang);
            let what = match target {
                Some(t) => format!("→ {}. {}", t.order, step_name(t, lang)),
                None => format!(
                    "→ {} ({})",
                    names.of(&l.programme_id),
                    NOT_IN_PLAN.get(lang)
                ),
            };
            let _ = write!(
                h,
                "<li><span class=\"kind{}\">{}</span> {}{}</li>",
                if cross { " cross" } else { "" },
                esc(&label),
                esc(&what),
                if l.source.trim().is_empty() {
                    String::new()
                } else {
                    format!(
                        " <span class=\"small\">({}: {})</span>",
                        esc(DETAIL_SOURCE.get(lang)),
                        esc(&crate::text::without_refs(&l.source))
                    )
                }
            );
        }
        h.push_str("</ul></dd>\n");
    }

    // Freshness: when the entry was checked, its newest call, and the outdated mark.
    let mut fresh = s.freshness.label().get(lang).to_string();
    if s.open_now {
        fresh = format!("{} · {fresh}", OPEN_NOW.get(lang));
    }
    if s.call.as_ref().is_some_and(|c| c.until_budget) {
        fresh = format!("{fresh} · {}", UNTIL_BUDGET.get(lang));
    }
    let fresh_class = if s.freshness.outdated {
        " class=\"to-verify\""
    } else {
        ""
    };
    let _ = writeln!(
        h,
        "<dt>{}</dt><dd{fresh_class}>{}</dd>",
        esc(FRESHNESS.get(lang)),
        esc(&fresh)
    );

    // Source.
    let mut source = url_html(&s.url, lang);
    if !s.source_date.is_empty() {
        let _ = write!(source, " · {}", esc(&s.source_date));
    }
    if !s.confidence.is_empty() {
        let conf = Confidence::from_code(&s.confidence)
            .map(|c| c.label().get(lang).to_string())
            .unwrap_or_else(|| s.confidence.clone());
        let _ = write!(
            source,
            " · {} {}",
            esc(REPORT_CONFIDENCE.get(lang)),
            esc(&conf)
        );
    }
    let _ = write!(
        h,
        "<dt>{}</dt><dd class=\"source\">{source}</dd>\n</dl>\n</article>\n",
        esc(DETAIL_SOURCE.get(lang))
    );
}

/// The step's application history, the alternatives after a rejection, the
/// documents to submit (ticked ones marked ready) and where to apply (issue 17).
fn application_rows(h: &mut String, s: &Step, lang: Lang) {
    if let Some(a) = &s.application {
        let _ = write!(
            h,
            "<dt>{}</dt><dd><ul class=\"history\">",
            esc(APPLICATION_HISTORY.get(lang))
        );
        for r in s.history.iter().chain(std::iter::once(a)) {
            let _ = write!(h, "<li>{}</li>", esc(&r.text(lang)));
        }
        h.push_str("</ul></dd>\n");
    }
    if !s.alternatives.is_empty() {
        let names: Vec<String> = s
            .alternatives
            .iter()
            .map(|x| text_or(&x.name, lang, &x.programme_id).to_string())
            .collect();
        let _ = writeln!(
            h,
            "<dt>{}</dt><dd>{}</dd>",
            esc(ALTERNATIVES.get(lang)),
            esc(&names.join(", "))
        );
    }
    if s.documents.is_empty() {
        let _ = writeln!(
            h,
            "<dt>{}</dt><dd class=\"to-verify\">{}</dd>",
            esc(DOCUMENTS.get(lang)),
            esc(DOCUMENTS_NONE.get(lang))
        );
    } else {
        let _ = write!(
            h,
            "<dt>{}</dt><dd><ul class=\"documents\">",
            esc(DOCUMENTS.get(lang))
        );
        for d in &s.documents {
            let name = match lang {
                Lang::Ko => &d.ko,
                Lang::En => &d.en,
            };
            let (mark, ready) = if d.ready {
                (
                    "☑",
                    format!(
                        " <span class=\"small\">({})</span>",
                        esc(DOCUMENTS_READY.get(lang))
                    ),
                )
            } else {
                ("☐", String::new())
            };
            let unlisted = if d.listed {
                String::new()
            } else {
                format!(
                    " <span class=\"small\">({})</span>",
                    esc(DOCUMENT_UNLISTED.get(lang))
                )
            };
            let _ = write!(
                h,
                "<li class=\"{}\"><span class=\"box\">{mark}</span> {}{ready}{unlisted}</li>",
                if d.ready { "ready" } else { "open" },
                esc(name)
            );
        }
        h.push_str("</ul>");
        if let Some(src) = &s.documents_source {
            let date = src
                .date
                .as_deref()
                .map(esc)
                .unwrap_or_else(|| esc(DATE_TO_VERIFY.get(lang)));
            let _ = write!(
                h,
                "<p class=\"small\">{}: {} · {date}</p>",
                esc(DOCUMENTS_SOURCE.get(lang)),
                url_html(&src.url, lang)
            );
        }
        h.push_str("</dd>\n");
    }
    if let Some(u) = &s.apply_url {
        let _ = writeln!(
            h,
            "<dt>{}</dt><dd>{}</dd>",
            esc(APPLY_AT.get(lang)),
            url_html(u, lang)
        );
    }
}

fn also_section(h: &mut String, plan: &Plan, lang: Lang, names: &Names<'_>) {
    let _ = write!(
        h,
        "<section class=\"also\">\n<h2>{} ({})</h2>\n",
        esc(REPORT_ALSO.get(lang)),
        plan.also_eligible.len()
    );
    if plan.also_eligible.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", esc(ALSO_NONE.get(lang)));
    } else {
        h.push_str("<ul class=\"compact\">");
        for a in &plan.also_eligible {
            let (m, class) = match a.eligibility {
                Eligibility::Eligible => (PASS_MARK, "pass"),
                _ => (UNKNOWN_MARK, "unknown"),
            };
            let why = text_or(&a.why_not_chosen, lang, "");
            let _ = write!(
                h,
                "<li><span class=\"mark {class}\">{m}</span>{}{}</li>",
                esc(&names.of(&a.programme_id)),
                if why.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", esc(why))
                }
            );
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</section>\n");
}

fn not_eligible_section(h: &mut String, plan: &Plan, lang: Lang, names: &Names<'_>) {
    let n = plan.not_eligible.len();
    let _ = write!(
        h,
        "<section class=\"not-eligible\">\n<h2>{}</h2>\n<p><b>{n}</b>{}{}</p>\n",
        esc(REPORT_NOT_ELIGIBLE.get(lang)),
        match lang {
            Lang::Ko => "",
            Lang::En => " ",
        },
        esc(NOT_ELIGIBLE_COUNT.get(lang)),
    );
    if n > 0 {
        let ids: Vec<String> = plan
            .not_eligible
            .iter()
            .map(|x| esc(&names.of(&x.programme_id)))
            .collect();
        let _ = writeln!(h, "<p class=\"small\">{}</p>", ids.join(", "));
    }
    if !plan.received.is_empty() {
        let ids: Vec<String> = plan
            .received
            .iter()
            .map(|x| esc(&names.received(x)))
            .collect();
        let _ = writeln!(
            h,
            "<p class=\"small\"><b>{}</b>: {}</p>",
            esc(REPORT_RECEIVED.get(lang)),
            ids.join(", ")
        );
    }
    // Every application record of the profile, in or out of the plan (ninth trial:
    // a loan received in 2025-09 showed only as a name).
    let records: Vec<crate::profile::Application> = plan
        .profile
        .get("applications")
        .and_then(|v| serde_json::from_value(v.clone()).ok())
        .unwrap_or_default();
    if !records.is_empty() {
        let _ = write!(
            h,
            "<p class=\"small\"><b>{}</b></p><ul class=\"records small\">",
            esc(APPLICATIONS_TITLE.get(lang))
        );
        for r in &records {
            let _ = write!(
                h,
                "<li>{}: {}</li>",
                esc(&names.of(&r.programme_id)),
                esc(&r.text(lang))
            );
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</section>\n");
}

/// The style sheet: screen and A4 print. No @import, no url(): nothing is fetched.
fn css() -> String {
    format!(
        r#"* {{ box-sizing: border-box; }}
html {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
body {{ font-family: {FONT_STACK}; font-size: 10.5pt; line-height: 1.5; color: #1a1a1a;
  max-width: 190mm; margin: 12mm auto; padding: 0 6mm; word-break: keep-all; overflow-wrap: anywhere; }}
h1 {{ font-size: 19pt; margin: 0 0 2pt; }}
h2 {{ font-size: 13pt; margin: 14pt 0 5pt; padding-bottom: 2pt; border-bottom: 1.5pt solid #1a1a1a;
  break-after: avoid; page-break-after: avoid; }}
h3 {{ font-size: 11.5pt; margin: 0; display: inline; }}
.brand {{ margin: 0; color: #555; font-size: 9.5pt; letter-spacing: 0.05em; }}
.sub {{ margin: 0; color: #555; }}
.small {{ font-size: 8.5pt; color: #555; }}
code {{ font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 8.5pt; }}
table.facts {{ border-collapse: collapse; width: 100%; table-layout: fixed; }}
table.facts th {{ text-align: left; width: 27mm; white-space: nowrap; padding: 2pt 6pt 2pt 0; color: #444; font-weight: 600; vertical-align: top;
  border-bottom: 0.5pt solid #ddd; }}
table.facts td {{ padding: 2pt 10pt 2pt 0; border-bottom: 0.5pt solid #ddd; vertical-align: top; }}
.notice {{ margin: 10pt 0; padding: 6pt 9pt; border: 1pt solid #c99a00; background: #fff8e1; border-radius: 4pt; font-size: 9.5pt;
  break-inside: avoid; page-break-inside: avoid; }}
.cards {{ display: flex; gap: 5pt; }}
.card {{ flex: 1 1 auto; border: 0.8pt solid #ccc; border-radius: 4pt; padding: 3pt 6pt; font-size: 8pt; line-height: 1.3; color: #444; }}
.card .big {{ font-size: 12.5pt; font-weight: 700; color: #1a1a1a; white-space: nowrap; }}
.card .big.gold {{ color: {CROSS_GOLD}; }}
.figure {{ break-inside: avoid; page-break-inside: avoid; }}
.note {{ margin: 0 0 4pt; color: #555; font-size: 9pt; }}
svg.diagram {{ display: block; width: 100%; height: auto; font-family: {FONT_STACK}; }}
.legend {{ font-size: 8.5pt; color: #444; margin: 3pt 0 0; }}
.legend .key {{ margin-right: 10pt; white-space: nowrap; }}
.legend .sw {{ display: inline-block; width: 9pt; height: 9pt; border-radius: 2pt; vertical-align: -1pt; margin-right: 3pt; }}
.legend .line {{ display: inline-block; width: 14pt; height: 2.5pt; vertical-align: 2pt; margin-right: 3pt; }}
.step {{ border: 0.8pt solid #ccc; border-left: 4pt solid #999; border-radius: 4pt; padding: 6pt 9pt; margin: 0 0 7pt;
  break-inside: avoid; page-break-inside: avoid; }}
.step header {{ margin-bottom: 3pt; }}
.step .num {{ display: inline-block; min-width: 16pt; height: 16pt; line-height: 16pt; border-radius: 8pt; color: #fff;
  text-align: center; font-weight: 700; font-size: 9pt; margin-right: 5pt; vertical-align: 1pt; }}
.step .meta {{ margin: 2pt 0 0; font-size: 9pt; color: #444; }}
.badge {{ display: inline-block; padding: 0 5pt; border-radius: 7pt; font-size: 8pt; border: 0.8pt solid; margin-left: 3pt; }}
.badge.eligible {{ color: #1e7b34; border-color: #1e7b34; }}
.badge.verify {{ color: #9a6700; border-color: #9a6700; }}
.badge.status {{ color: #333; border-color: #555; background: #f2f2f2; }}
.badge.status.selected, .badge.status.received {{ color: #fff; background: #1e7b34; border-color: #1e7b34; }}
.badge.status.applied {{ color: #0b4f8a; border-color: #0b4f8a; background: #eaf2fb; }}
.badge.status.rejected {{ color: #a11; border-color: #a11; background: #fbeaea; }}
ul.documents {{ list-style: none; padding-left: 0; margin: 0; }}
ul.documents .box {{ font-size: 11pt; }}
ul.documents li.ready {{ color: #555; }}
dl {{ display: grid; grid-template-columns: 24mm 1fr; gap: 2pt 8pt; margin: 0; font-size: 9.5pt; }}
dt {{ color: #555; font-weight: 600; }}
dd {{ margin: 0; }}
dd.to-verify {{ color: #9a6700; }}
dd ul {{ margin: 0; padding-left: 0; list-style: none; }}
ul.reasons li, ul.why li {{ padding-left: 1.3em; text-indent: -1.3em; }}
ul.why li::before {{ content: "·"; display: inline-block; width: 1.3em; text-indent: 0; }}
.mark {{ display: inline-block; width: 1.3em; text-indent: 0; font-weight: 700; }}
.mark.pass {{ color: #1e7b34; }}
.mark.fail {{ color: #b3261e; }}
.mark.unknown {{ color: #9a6700; }}
.kind {{ font-size: 8.5pt; border: 0.6pt solid #888; border-radius: 3pt; padding: 0 3pt; }}
.kind.cross {{ border-color: {CROSS_GOLD}; color: #7a5a00; font-weight: 700; }}
.url {{ word-break: break-all; }}
a {{ color: #1f5fbf; }}
ul.compact {{ margin: 0; padding-left: 0; list-style: none; font-size: 8pt; line-height: 1.35; columns: 2; column-gap: 8mm; }}
ul.compact li {{ margin-bottom: 2pt; padding-left: 1.3em; text-indent: -1.3em; break-inside: avoid; }}
.report-foot {{ margin-top: 14pt; padding-top: 4pt; border-top: 0.8pt solid #ccc; font-size: 8.5pt; color: #555; }}
@page {{ size: A4; margin: 14mm 12mm 15mm 12mm; }}
@media print {{
  body {{ max-width: none; margin: 0; padding: 0; font-size: 10pt; }}
  a {{ color: #1a1a1a; text-decoration: none; }}
  .step, .notice, .figure, .cards {{ break-inside: avoid; page-break-inside: avoid; }}
  h2, h3 {{ break-after: avoid; page-break-after: avoid; }}
}}
"#
    )
}

#[cfg(test)]
mod say_once_tests {
    use super::say_once;

    #[test]
    fn a_repeated_remark_is_dropped_and_others_kept() {
        assert_eq!(
            say_once("상한 120억원 (2025년 9월 개편 기준 확인 필요) (2025년 9월 개편 기준). 끝"),
            "상한 120억원 (2025년 9월 개편 기준 확인 필요). 끝"
        );
        assert_eq!(say_once("a (b) (c)"), "a (b) (c)");
        assert_eq!(say_once("no remark"), "no remark");
    }
}
