//! Exports of a plan (src/export): the printable HTML report, the iCalendar file and
//! the comparison of two plans, plus their command-line runners.
//!
//! Set `GACHI_EXPORT_SAMPLES=DIR` to also write sample reports and a calendar into
//! DIR (used by scripts/print-report.sh to check the printed layout).

mod common;

use gachi::catalogue::builtin;
use gachi::cli::exit_code;
use gachi::cli::{run_diff, run_ics, run_report};
use gachi::export::{diff_plans, diff_text, escape_html, pathway_svg, plan_ics, report_html};
use gachi::matcher::{WindowState, build_plan};
use gachi::month::YearMonth;
use gachi::plan::Plan;
use gachi::profile::parse_profile;
use gachi::text::{Lang, Text};
use icalendar::parser::{Component, read_calendar, unfold};
use scraper::{Html, Selector};
use serde_json::{Value, json};
use std::path::Path;

fn ym(s: &str) -> YearMonth {
    YearMonth::parse(s).unwrap()
}

/// 대성주물, the 뿌리 casting micro-firm of case a.
fn root_profile() -> Value {
    common::case_profile_json("a-root-micro-casting")
}

fn plan_for(profile: &Value, month: &str) -> Plan {
    let cat = builtin().expect("built-in catalogue");
    let bytes = serde_json::to_vec(profile).unwrap();
    let prof = parse_profile(&bytes, ym("2030-01")).expect("valid profile");
    build_plan(&cat, &prof, ym(month), gachi::GENERATED_BY)
}

fn root_plan() -> Plan {
    plan_for(&root_profile(), "2026-12")
}

/// The plan of a firm that has grown past the micro-manufacturer limit.
fn grown_plan() -> Plan {
    let mut p = root_profile();
    p["employees"] = json!(45);
    plan_for(&p, "2026-12")
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Checks that every opened element is closed, in order (HTML void elements and
/// self-closed SVG elements excepted). Returns the problems.
fn nesting_problems(html: &str) -> Vec<String> {
    let mut stack: Vec<String> = Vec::new();
    let mut problems = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let Some(j) = rest.find('>') else {
            problems.push("unterminated tag".into());
            break;
        };
        let tag = &rest[..j];
        rest = &rest[j + 1..];
        if tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            let name = name.trim().to_ascii_lowercase();
            match stack.pop() {
                Some(open) if open == name => {}
                Some(open) => problems.push(format!("</{name}> closes <{open}>")),
                None => problems.push(format!("</{name}> with nothing open")),
            }
            continue;
        }
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            problems.push(format!("odd tag <{tag}>"));
            continue;
        }
        if tag.ends_with('/') || VOID.contains(&name.as_str()) {
            continue;
        }
        stack.push(name);
    }
    if !stack.is_empty() {
        problems.push(format!("left open: {stack:?}"));
    }
    problems
}

/// What a reader sees of one step's `<article>` (its text, as a real HTML parser,
/// scraper, reads it), and the links it holds.
struct Article {
    text: String,
    links: Vec<String>,
}

impl Article {
    fn contains(&self, s: &str) -> bool {
        self.text.contains(s)
    }
}

impl std::fmt::Display for Article {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

fn article(html: &str, order: usize) -> Article {
    let doc = Html::parse_document(html);
    let sel = Selector::parse(&format!("article.step#step-{order}")).expect("selector");
    let a = doc
        .select(&sel)
        .next()
        .unwrap_or_else(|| panic!("no article for step {order}"));
    let href = Selector::parse("a[href]").expect("selector");
    Article {
        text: a.text().collect(),
        links: a
            .select(&href)
            .filter_map(|l| l.value().attr("href"))
            .map(str::to_string)
            .collect(),
    }
}

/// The pathway diagram (the inline `<svg class="diagram pathway">`), as its HTML.
fn pathway_part(html: &str) -> String {
    let doc = Html::parse_document(html);
    let sel = Selector::parse("svg.diagram.pathway").expect("selector");
    doc.select(&sel).next().expect("pathway svg").html()
}

#[test]
fn report_is_self_contained_and_well_formed() {
    let plan = root_plan();
    assert!(plan.steps.len() >= 3, "the sample plan should have steps");
    for lang in [Lang::Ko, Lang::En] {
        let html = report_html(&plan, lang);
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("<meta charset=\"utf-8\">"));
        let problems = nesting_problems(&html);
        assert!(problems.is_empty(), "{lang:?}: {problems:?}");
        // Nothing is fetched: no stylesheet, script, image, frame, font or import.
        let lower = html.to_ascii_lowercase();
        for bad in [
            "<link",
            "<script",
            "<img",
            "<iframe",
            "<object",
            "<embed",
            "@import",
            " src=",
            "@font-face",
        ] {
            assert!(!lower.contains(bad), "{lang:?}: report contains {bad}");
        }
        // url() only for the arrowheads defined in the same file.
        for (i, _) in lower.match_indices("url(") {
            assert!(lower[i..].starts_with("url(#"), "{lang:?}: external url()");
        }
        // Every http reference is a plain link the reader may follow, or text.
        let floor = |mut k: usize| {
            while !lower.is_char_boundary(k) {
                k -= 1;
            }
            k
        };
        for (i, _) in lower.match_indices("http") {
            let before = &lower[floor(i.saturating_sub(7))..i];
            assert!(
                before.ends_with("href=\"")
                    || before.ends_with('>')
                    || before.ends_with(": ")
                    || before.ends_with("xmlns=\""),
                "{lang:?}: unexpected http reference near {:?}",
                &lower[floor(i.saturating_sub(40))..floor((i + 40).min(lower.len()))]
            );
        }
        // Korean system fonts, A4 print rules.
        for want in [
            "\"Noto Sans CJK KR\"",
            "\"NanumGothic\"",
            "\"Malgun Gothic\"",
            "\"Apple SD Gothic Neo\"",
            "sans-serif",
            "@page",
            "size: A4",
            "page-break-inside: avoid",
        ] {
            assert!(html.contains(want), "{lang:?}: missing {want}");
        }
        assert_eq!(html.matches("<svg").count(), 2, "pathway and timeline");
    }
}

#[test]
fn report_shows_the_firm_steps_and_provenance() {
    let plan = root_plan();
    let html = report_html(&plan, Lang::Ko);
    assert!(html.contains("<html lang=\"ko\">"));
    for want in [
        "대성주물",
        "소상공인",
        "경남",
        "C24",
        "2026-12",
        "gachi-kr",
        &plan.catalogue.version,
        &plan.catalogue.sha256[..12],
        "신청 전에 공식 공고에서 확인하세요",
        plan.notice.ko.as_str(),
    ] {
        assert!(html.contains(&escape_html(want)), "missing {want}");
    }
    for s in &plan.steps {
        let a = article(&html, s.order);
        assert!(a.contains(&s.name.ko), "step {} name", s.order);
        assert!(a.contains(&s.agency));
        if s.window == WindowState::ToVerify {
            // No invented month: the window is unknown, the period only a length.
            assert!(a.contains("신청 시기 미정"), "step {}", s.order);
            assert!(a.contains("사업 기간 공고 후 약"), "step {}", s.order);
        } else {
            assert!(a.contains(&s.start.to_string()) && a.contains(&s.end.to_string()));
        }
        if s.end_assumed {
            assert!(
                a.contains("기간은 가정"),
                "step {} duration assumed",
                s.order
            );
        }
        for r in &s.reasons {
            assert!(a.contains(&r.ko));
        }
        for w in &s.why {
            assert!(a.contains(&w.ko));
        }
        assert!(a.links.contains(&s.url), "step {} link", s.order);
        if !s.source_date.is_empty() {
            assert!(a.contains(&s.source_date));
        }
        let window = match s.window {
            WindowState::Confirmed => "확정 일정",
            WindowState::Forecast => "예상",
            WindowState::Rolling => "상시 신청",
            WindowState::ToVerify => "신청 시기 미정 (공고 확인 필요)",
        };
        assert!(a.contains(window), "step {} window", s.order);
        // When the entry was checked and its newest call (or that it has none).
        assert!(
            a.contains(&s.freshness.label().ko),
            "step {} freshness",
            s.order
        );
        // The ministry's name of the plan month (산업통상부 since 2025-10).
        assert!(a.contains(&s.ministry_name.ko), "step {} ministry", s.order);
    }
    // MOTIE is 산업통상부 in 2026-12; its 2024 name appears only where the 2024 council
    // is cited with the names of the time.
    assert!(html.contains("산업통상부"));
    assert_eq!(
        html.matches("산업통상자원부").count(),
        html.matches("산업통상자원부·중소벤처기업부 정책협의회")
            .count(),
        "the 2024 name of MOTIE is used only for the 2024 council"
    );
    // Passed conditions are marked ○.
    assert!(html.contains("<span class=\"mark pass\">○</span>"));
    // Also eligible (by name, never by id: the report is for a client), the
    // not-eligible count, totals.
    let cat = gachi::catalogue::builtin().expect("catalogue");
    for x in &plan.also_eligible {
        let name = &cat.get(&x.programme_id).expect("programme").name.ko;
        assert!(html.contains(&escape_html(name)), "{name}");
        assert!(!html.contains(&x.programme_id), "{}", x.programme_id);
    }
    assert!(html.contains(&format!("<b>{}</b>", plan.not_eligible.len())));
    // Grants and loans apart, never summed into one "support" figure.
    // Each side's sum, or "금액 확인 필요" when its steps have no sourced figure (never
    // a "0원" that reads as "nothing available").
    let side = |sum: u64, without: usize| {
        if sum == 0 && without > 0 {
            "금액 확인 필요".to_string()
        } else {
            gachi::text::krw_ko(sum)
        }
    };
    let t = &plan.totals;
    assert!(html.contains(&side(t.max_grant_krw, t.grant_steps_without_amount)));
    assert!(html.contains(&side(t.max_loan_krw, t.loan_steps_without_amount)));
    if t.max_loan_krw == 0 && t.loan_steps_without_amount > 0 {
        assert!(!html.contains("0원 융자"), "no zero loan total");
    }
    assert!(html.contains("보조금·바우처·R&amp;D") && html.contains("융자·보증 한도"));
    // The size in the law's words, and the funding need against the loan limits.
    assert!(html.contains(&escape_html(&plan.size_facts.describe().ko)));
    if let Some(f) = &plan.funding {
        assert!(html.contains(&escape_html(&f.describe().ko)));
    }

    let en = report_html(&plan, Lang::En);
    assert!(en.contains("<html lang=\"en\">"));
    assert!(en.contains("Confirm at the official notice"));
    assert!(en.contains(&escape_html(&plan.steps[0].name.en)));
    assert!(en.contains("micro business"));
}

#[test]
fn a_step_without_an_amount_says_to_verify() {
    let plan = root_plan();
    let without = plan
        .steps
        .iter()
        .find(|s| s.support.max_krw.is_none())
        .expect("a step without a sourced amount");
    let with = plan
        .steps
        .iter()
        .find(|s| s.support.max_krw.is_some())
        .expect("a step with an amount");
    let html = report_html(&plan, Lang::Ko);
    let a = article(&html, without.order);
    // One language per report: no "/ to verify" in a Korean one.
    assert!(
        a.contains("금액 확인 필요") && !a.contains("to verify"),
        "{a}"
    );
    let b = article(&html, with.order);
    assert!(b.contains(&format!(
        "최대 {}",
        gachi::text::krw_ko(with.support.max_krw.unwrap())
    )));
    assert!(!b.contains("확인 필요 / to verify"));
}

#[test]
fn the_pathway_has_one_box_per_step_and_marks_cross_ministry_links() {
    let plan = root_plan();
    assert!(plan.totals.cross_ministry_links > 0);
    let svg = pathway_svg(&plan, Lang::Ko);
    assert_eq!(svg.matches("class=\"step-box\"").count(), plan.steps.len());
    for s in &plan.steps {
        assert!(svg.contains(&format!("data-order=\"{}\"", s.order)));
    }
    assert!(svg.contains("#1f5fbf"), "MSS blue");
    assert!(svg.contains("#d06a00"), "MOTIE orange");
    assert!(svg.contains("class=\"link cross\""));
    assert!(svg.contains("#b88600"), "gold cross-ministry link");
    assert!(svg.contains("다음 단계 ★"), "labelled by kind, with a star");
    let html = report_html(&plan, Lang::En);
    assert!(pathway_part(&html).contains("follow-on ★"));

    // A plan without links has boxes and no arcs.
    let mut bare = plan.clone();
    for s in &mut bare.steps {
        s.links.clear();
    }
    let svg = pathway_svg(&bare, Lang::Ko);
    assert_eq!(svg.matches("class=\"step-box\"").count(), bare.steps.len());
    assert!(!svg.contains("class=\"link") && !svg.contains('★'));

    // No steps: still a valid report.
    let mut empty = plan.clone();
    empty.steps.clear();
    let html = report_html(&empty, Lang::Ko);
    assert!(nesting_problems(&html).is_empty());
    assert!(html.contains("단계가 없습니다"));
}

const HOSTILE: &str = "<script>alert(\"x\")</script> & 'q' </article>";

fn hostile_plan() -> Plan {
    let mut plan = root_plan();
    plan.profile["name"] = json!("<img src=x onerror=alert(1)>");
    let s = &mut plan.steps[0];
    s.name = Text::new(HOSTILE, HOSTILE);
    s.agency = "<b>agency</b>".into();
    s.url = "javascript:alert(1)".into();
    s.reasons[0].ko = "</li></ul><script>bad()</script>".into();
    s.source_date = "\"><svg onload=alert(1)>".into();
    plan.steps[1].url = "https://example.org/?a=1&b=\"2\"".into();
    plan.also_eligible[0].programme_id = "<i>id</i>".into();
    plan.catalogue.version = "</title><script>".into();
    plan
}

#[test]
fn hostile_text_is_escaped_and_only_web_urls_are_links() {
    let plan = hostile_plan();
    let html = report_html(&plan, Lang::Ko);
    let problems = nesting_problems(&html);
    assert!(problems.is_empty(), "{problems:?}");
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "a script tag got through");
    assert!(!lower.contains("<img"));
    assert!(!lower.contains("<i>"));
    assert!(!lower.contains("onerror=alert(1)>"));
    assert!(!lower.contains("<svg onload"));
    assert!(html.contains(
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39; &lt;/article&gt;"
    ));
    assert!(html.contains("&lt;b&gt;agency&lt;/b&gt;"));
    // A non-web URL is text, never a link.
    assert!(!lower.contains("href=\"javascript"));
    assert!(html.contains("javascript:alert(1)"));
    // A web URL is a link with its attribute escaped.
    assert!(html.contains("href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\""));
    // The hostile name is also escaped inside the SVG (box text and title).
    let svg = pathway_part(&html);
    assert!(svg.contains("&lt;script&gt;"));
    assert!(!svg.contains("<script"));
    // Still exactly one box per step.
    assert_eq!(svg.matches("class=\"step-box\"").count(), plan.steps.len());
}

fn events<'a>(cal: &'a [Component<'a>]) -> Vec<&'a Component<'a>> {
    cal.iter().filter(|c| c.name == "VEVENT").collect()
}

fn prop<'a>(c: &'a Component<'a>, name: &str) -> String {
    c.find_prop(name)
        .unwrap_or_else(|| panic!("missing {name}"))
        .val
        .clone()
        .unescape_text()
        .as_str()
        .to_string()
}

fn check_ics_lines(ics: &str) {
    assert!(ics.ends_with("\r\n"));
    assert!(
        !ics.replace("\r\n", "").contains(['\r', '\n']),
        "every line ends in CRLF"
    );
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
}

/// `YYYYMMDD` of a month's first day.
fn first_day(m: gachi::month::YearMonth) -> String {
    format!("{:04}{:02}01", m.year, m.month)
}

#[test]
fn the_calendar_has_one_event_per_dated_step_and_names_the_undated_ones() {
    let plan = root_plan();
    let dated: Vec<_> = plan
        .steps
        .iter()
        .filter(|s| s.window != WindowState::ToVerify)
        .collect();
    let undated: Vec<_> = plan
        .steps
        .iter()
        .filter(|s| s.window == WindowState::ToVerify)
        .collect();
    assert!(
        !undated.is_empty() && !dated.is_empty(),
        "the sample plan should hold dated and undated steps"
    );
    for lang in [Lang::Ko, Lang::En] {
        let ics = plan_ics(&plan, lang);
        check_ics_lines(&ics);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
        assert!(
            ics.contains("\r\n "),
            "long Korean lines are folded, not cut"
        );
        let unfolded = unfold(&ics);
        let cal = read_calendar(&unfolded).expect("the .ics parses");
        assert!(
            cal.properties
                .iter()
                .any(|p| p.name == "VERSION" && p.val == "2.0")
        );
        // A step with no known window gets no invented date; the calendar says so.
        let caldesc = cal
            .properties
            .iter()
            .find(|p| p.name == "X-WR-CALDESC")
            .map(|p| p.val.clone().unescape_text().as_str().to_string())
            .expect("the undated steps are named");
        for s in &undated {
            assert!(caldesc.contains(s.name.get(lang)), "{caldesc}");
        }
        let evs = events(&cal.components);
        assert_eq!(evs.len(), dated.len());
        let mut uids = std::collections::BTreeSet::new();
        for (s, e) in dated.iter().zip(&evs) {
            let start = e.find_prop("DTSTART").unwrap();
            assert_eq!(start.val.as_str(), first_day(s.start), "{}", s.programme_id);
            assert!(
                start
                    .params
                    .iter()
                    .any(|p| p.key == "VALUE" && p.val.as_ref().is_some_and(|v| *v == "DATE"))
            );
            // Nothing ends before the plan month: no event is over when imported.
            assert!(prop(e, "DTEND") > first_day(plan.as_of));
            assert_eq!(
                prop(e, "DTSTAMP"),
                format!("{:04}{:02}01T000000Z", plan.as_of.year, plan.as_of.month)
            );
            let summary = prop(e, "SUMMARY");
            assert!(summary.contains(s.name.get(lang)), "{summary}");
            let forecast = match lang {
                Lang::Ko => "[예상]",
                Lang::En => "[forecast]",
            };
            assert_eq!(
                summary.contains(forecast),
                s.window == WindowState::Forecast,
                "{summary}"
            );
            // Only a dated call is a confirmed event; a forecast or an always-open
            // scheme's month is a tentative reminder (trial 2026-11).
            let status = if s.window == WindowState::Confirmed {
                "CONFIRMED"
            } else {
                "TENTATIVE"
            };
            assert_eq!(prop(e, "STATUS"), status, "{}", s.programme_id);
            let desc = prop(e, "DESCRIPTION");
            assert!(desc.contains(s.agency_in(lang)), "{desc}");
            assert!(desc.contains(&s.url), "{desc}");
            assert!(desc.contains('\n'), "newlines round-trip");
            // One bracket level: "예상 (지난 공고 기준)" is not wrapped in another.
            assert!(
                !desc.contains("(예상 (") && !desc.contains("(forecast ("),
                "{desc}"
            );
            let other = match lang {
                Lang::Ko => "to verify",
                Lang::En => "확인",
            };
            assert!(!desc.contains(other), "one language: {desc}");
            let uid = prop(e, "UID");
            assert!(uid.starts_with(&format!("{}-{}-", s.programme_id, plan.as_of)));
            assert!(uid.ends_with("@gachi"));
            assert!(uids.insert(uid));
        }
    }
    assert!(
        plan.steps.iter().any(|s| s.window == WindowState::Forecast),
        "the sample plan should hold a forecast window"
    );
    // The same plan gives the same file: no clock.
    assert_eq!(plan_ics(&plan, Lang::Ko), plan_ics(&plan, Lang::Ko));
}

#[test]
fn a_confirmed_call_with_dates_is_an_event_over_those_days() {
    use gachi::catalogue::{Call, CallDate};
    let mut plan = root_plan();
    let s = &mut plan.steps[0];
    s.window = WindowState::Confirmed;
    s.start = gachi::month::YearMonth::new(2026, 12).unwrap();
    // The 2026 export-voucher call: 2025-12-17 to 2026-01-09.
    s.call = Some(Call {
        round: Some("1차".into()),
        open: CallDate::parse("2026-12-17").unwrap(),
        close: CallDate::parse("2027-01-09"),
        until_budget: false,
        source: "https://example.org/notice".into(),
        source_date: "2026-12-01".into(),
    });
    let ics = plan_ics(&plan, Lang::Ko);
    let unfolded = unfold(&ics);
    let cal = read_calendar(&unfolded).expect("parses");
    let e = events(&cal.components)[0];
    assert_eq!(prop(e, "DTSTART"), "20261217");
    assert_eq!(prop(e, "DTEND"), "20270110", "the day after the close");
    assert!(prop(e, "DESCRIPTION").contains("공고 접수 2026-12-17 – 2027-01-09"));
    // A call still open when the plan month begins starts with that month.
    plan.steps[0].start = gachi::month::YearMonth::new(2027, 1).unwrap();
    let ics = plan_ics(&plan, Lang::Ko);
    let unfolded = unfold(&ics);
    let cal = read_calendar(&unfolded).expect("parses");
    let e = events(&cal.components)[0];
    assert_eq!(prop(e, "DTSTART"), "20270101");
    assert_eq!(prop(e, "DTEND"), "20270110");
}

#[test]
fn calendar_text_is_escaped() {
    let mut plan = root_plan();
    let name = "쉼표, 세미콜론; 역슬래시 \\ 줄바꿈\n끝 — 아주 긴 이름이 접혀도 글자가 깨지지 않아야 합니다 가나다라마바사";
    plan.steps[0].name = Text::new(name, name);
    plan.steps[0].agency = "기관;A,B".into();
    plan.steps[0].window = WindowState::Forecast;
    let ics = plan_ics(&plan, Lang::Ko);
    check_ics_lines(&ics);
    let unfolded = unfold(&ics);
    assert!(unfolded.contains("쉼표\\, 세미콜론\\; 역슬래시 \\\\ 줄바꿈\\n끝"));
    let cal = read_calendar(&unfolded).expect("parses");
    let evs = events(&cal.components);
    let dated = plan
        .steps
        .iter()
        .filter(|s| s.window != WindowState::ToVerify)
        .count();
    assert_eq!(evs.len(), dated);
    assert!(prop(evs[0], "SUMMARY").ends_with(name));
    assert!(prop(evs[0], "DESCRIPTION").contains("기관;A,B"));
}

#[test]
fn a_plan_compared_with_itself_has_no_changes() {
    let plan = root_plan();
    let d = diff_plans(&plan, &plan);
    assert!(d.unchanged);
    assert!(!d.month_changed && !d.catalogue_changed && !d.profile_changed);
    assert!(d.added.is_empty() && d.removed.is_empty() && d.moved.is_empty());
    assert!(d.dates.is_empty() && d.eligibility.is_empty() && d.support.is_empty());
    assert!(!d.totals_changed);
    let ko = diff_text(&d, Lang::Ko);
    assert!(ko.contains("바뀐 것이 없습니다"), "{ko}");
    let en = diff_text(&d, Lang::En);
    assert!(en.contains("nothing changed"), "{en}");
}

#[test]
fn a_grown_firm_gains_and_loses_steps() {
    let a = root_plan();
    let b = grown_plan();
    let d = diff_plans(&a, &b);
    assert!(!d.unchanged);
    assert!(d.profile_changed);
    assert_eq!(d.profile_fields.len(), 1, "{:?}", d.profile_fields);
    assert_eq!(d.profile_fields[0].field, "employees");
    assert!(!d.month_changed && !d.catalogue_changed);
    assert!(d.size_class_changed, "8 → 45 employees leaves 소상공인");
    let ids =
        |p: &Plan| -> Vec<String> { p.steps.iter().map(|s| s.programme_id.clone()).collect() };
    let (ia, ib) = (ids(&a), ids(&b));
    let want_added: Vec<&String> = ib.iter().filter(|x| !ia.contains(x)).collect();
    let want_removed: Vec<&String> = ia.iter().filter(|x| !ib.contains(x)).collect();
    assert!(!want_added.is_empty() && !want_removed.is_empty());
    assert_eq!(
        d.added.iter().map(|s| &s.programme_id).collect::<Vec<_>>(),
        want_added
    );
    assert_eq!(
        d.removed
            .iter()
            .map(|s| &s.programme_id)
            .collect::<Vec<_>>(),
        want_removed
    );
    // The micro-manufacturer programme is gone because a condition now fails.
    let micro = d
        .removed
        .iter()
        .find(|s| s.programme_id == "mss-micro-smart-manufacturing")
        .expect("micro programme removed");
    assert_eq!(micro.other_plan, "not_eligible");
    assert!(micro.other_note.is_some());
    assert_eq!(d.totals.before, a.totals);
    assert_eq!(d.totals.after, b.totals);

    for lang in [Lang::Ko, Lang::En] {
        let text = diff_text(&d, lang);
        for s in d.added.iter().chain(&d.removed) {
            assert!(text.contains(s.name.get(lang)), "{lang:?}: {text}");
        }
        assert!(text.contains("employees (8 → 45)"), "{text}");
    }
    let ko = diff_text(&d, Lang::Ko);
    assert!(ko.contains("+ 추가") && ko.contains("- 빠짐"), "{ko}");
    assert!(ko.contains("소상공인 → 소기업"), "{ko}");
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(json["format"], "gachi-plan-diff/1");
    assert_eq!(json["added"].as_array().unwrap().len(), d.added.len());
    assert_eq!(json["totals"]["before"]["steps"], a.totals.steps);
}

#[test]
fn diff_sees_month_catalogue_moves_dates_and_support() {
    let a = root_plan();
    let mut b = a.clone();
    b.as_of = ym("2027-01");
    b.catalogue.sha256 = "0".repeat(64);
    b.steps.swap(0, 1);
    for (i, s) in b.steps.iter_mut().enumerate() {
        s.order = i + 1;
    }
    // A step of known window: a guessed month of an unknown one is not a date.
    let k = b
        .steps
        .iter()
        .rposition(|s| s.window != WindowState::ToVerify)
        .expect("a step with a known window");
    b.steps[k].start = b.steps[k].start.plus_months(2);
    b.steps[k].support.max_krw = Some(123_000_000);
    b.steps[k].support.self_share_pct = Some(25);
    let d = diff_plans(&a, &b);
    assert!(d.month_changed && d.catalogue_changed && !d.profile_changed);
    assert!(d.added.is_empty() && d.removed.is_empty());
    assert_eq!(d.moved.len(), 1, "one step moved past the other");
    assert_eq!(d.dates.len(), 1);
    assert_eq!(d.dates[0].programme_id, b.steps[k].programme_id);
    assert_eq!(d.support.len(), 1);
    let text = diff_text(&d, Lang::En);
    assert!(text.contains("Plan month: 2026-12 → 2027-01"), "{text}");
    assert!(text.contains("Catalogue:"), "{text}");
    assert!(text.contains("Moved"), "{text}");
    assert!(
        text.contains("KRW 123,000,000") && text.contains("own share"),
        "{text}"
    );
}

fn write_plan(dir: &Path, name: &str, plan: &Plan) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, plan.to_pretty_json()).unwrap();
    p
}

#[test]
fn runners_write_files_and_report_bad_plans() {
    let dir = tempfile::tempdir().unwrap();
    let good = write_plan(dir.path(), "plan.json", &root_plan());
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"format\": \"gachi-plan/1\", \"steps\": 3}").unwrap();

    let out = dir.path().join("report.html");
    assert!(run_report(&good, &out, Lang::Ko).is_ok());
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("대성주물"));

    let ics = dir.path().join("plan.ics");
    assert!(run_ics(&good, &ics, Lang::En).is_ok());
    let text = std::fs::read_to_string(&ics).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));

    // A bad plan: exit 2, the file named, the existing output untouched.
    std::fs::write(&out, "keep").unwrap();
    let o = run_report(&bad, &out, Lang::Ko);
    assert_eq!(exit_code(&o), 2);
    let Err(e) = o else {
        panic!("bad input expected")
    };
    assert!(e.is_bad_input(), "bad input expected");
    let lines = e.lines(Lang::Ko);
    assert!(lines.iter().all(|l| l.contains("bad.json")), "{lines:?}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep");
    assert_eq!(exit_code(&run_ics(&bad, &ics, Lang::Ko)), 2);

    // Diff: both bad files are reported together.
    let missing = dir.path().join("missing.json");
    let Err(e) = run_diff(&bad, &missing, false, Lang::Ko) else {
        panic!("bad input expected")
    };
    assert!(e.is_bad_input(), "bad input expected");
    let lines = e.lines(Lang::Ko);
    assert!(lines.iter().any(|l| l.contains("bad.json")));
    assert!(lines.iter().any(|l| l.contains("missing.json")));
    assert_eq!(exit_code(&run_diff(&good, &good, true, Lang::Ko)), 0);
}

/// Writes sample files for a look at the printed layout (see the module comment).
#[test]
fn write_samples_when_asked() {
    let Some(dir) = std::env::var_os("GACHI_EXPORT_SAMPLES") else {
        return;
    };
    let dir = Path::new(&dir);
    std::fs::create_dir_all(dir).unwrap();
    let a = root_plan();
    let b = grown_plan();
    std::fs::write(dir.join("report-ko.html"), report_html(&a, Lang::Ko)).unwrap();
    std::fs::write(dir.join("report-en.html"), report_html(&a, Lang::En)).unwrap();
    std::fs::write(dir.join("report-grown-ko.html"), report_html(&b, Lang::Ko)).unwrap();
    std::fs::write(dir.join("plan.ics"), plan_ics(&a, Lang::Ko)).unwrap();
    std::fs::write(dir.join("plan.json"), a.to_pretty_json()).unwrap();
    std::fs::write(dir.join("grown.json"), b.to_pretty_json()).unwrap();
    std::fs::write(
        dir.join("diff.txt"),
        diff_text(&diff_plans(&a, &b), Lang::Ko),
    )
    .unwrap();
}

#[test]
fn a_headline_resting_on_an_unofficial_source_says_so_and_agencies_read_in_english() {
    // Trial 2026-11: the 4,200만 of 소공인 스마트제조 comes from a consultant's blog
    // (catalogue confidence "uncertain") and the headline did not say so.
    let plan = root_plan();
    let step = plan
        .step("mss-micro-smart-manufacturing")
        .expect("the micro-manufacturer's smart-manufacturing step");
    assert_eq!(step.confidence, "uncertain");
    assert_eq!(step.support.max_krw, Some(42_000_000));
    assert!(plan.totals.grant_eligible_unsure_steps >= 1);
    let ko = report_html(&plan, Lang::Ko);
    assert!(
        ko.contains("금액 출처 확인 필요"),
        "the Korean report marks it"
    );
    let en = report_html(&plan, Lang::En);
    assert!(
        en.contains("source to verify (not an official notice)"),
        "the English one too"
    );
    // The English report names the agency in English, the Korean one in Korean.
    assert!(en.contains("Small Enterprise and Market Service (SEMAS)"));
    assert!(!en.contains("소상공인시장진흥공단"));
    assert!(ko.contains("소상공인시장진흥공단"));
}

#[test]
fn a_diff_never_prints_a_guessed_month_for_an_unknown_window() {
    // Trial 2026-11: "~ 일정 변경 뿌리기업 공정 자동화…: 시작 2027-07 → 2028-07" for a
    // programme with no known call; and "최대 지원 15억" where the app said 0 and 5억.
    let a = plan_for(&root_profile(), "2026-11");
    let b = plan_for(&root_profile(), "2027-03");
    let unknown: Vec<_> = a
        .steps
        .iter()
        .filter(|s| s.window == WindowState::ToVerify)
        .filter(|s| {
            b.step(&s.programme_id)
                .is_some_and(|t| t.window == WindowState::ToVerify)
        })
        .collect();
    assert!(
        !unknown.is_empty(),
        "the sample firm has a step of unknown window in both"
    );
    let d = diff_plans(&a, &b);
    let text = diff_text(&d, Lang::Ko);
    for s in &unknown {
        assert!(
            !d.dates.iter().any(|c| c.programme_id == s.programme_id),
            "{} listed as a date change: {text}",
            s.programme_id
        );
        for line in text.lines().filter(|l| l.contains(s.name.get(Lang::Ko))) {
            assert!(!line.contains(&s.start.to_string()), "{line}");
        }
    }
    let totals = text.lines().last().expect("a totals line");
    assert!(
        totals.contains("보조금·바우처 (조건 충족 단계) 최대"),
        "{totals}"
    );
    assert!(totals.contains("융자·보증 한도"), "{totals}");
    assert!(!totals.contains("최대 지원"), "{totals}");
    // 대성주물's loan (소공인특화자금) states no amount: not "0원".
    assert!(a.totals.loan_steps_without_amount > 0 && a.totals.max_loan_krw == 0);
    assert!(!totals.contains("융자·보증 한도 0원"), "{totals}");
}

/// Issue 17: the report prints each step's status and history, the alternative after
/// a rejection, the documents to submit as a checklist (ticked ones marked ready),
/// their source and where to apply — in both languages.
#[test]
fn the_report_prints_applications_and_documents() {
    let mut profile = common::case_profile_json("o-applications-welding-firm");
    // The consultant ticked two of the smart factory's documents.
    let apps = profile["applications"]
        .as_array_mut()
        .expect("applications");
    let sf = apps
        .iter_mut()
        .rfind(|a| a["programme_id"] == "mss-smart-factory")
        .expect("smart factory record");
    sf["documents_ready"] = json!([
        "사업계획서 (스마트공장 사업관리시스템에 내용 입력)",
        "중소·중견기업 확인서 (도입기업)"
    ]);
    let plan = plan_for(&profile, "2026-12");
    let order = |id: &str| plan.step(id).expect(id).order;

    let ko = report_html(&plan, Lang::Ko);
    let sf = article(&ko, order("mss-smart-factory"));
    assert!(sf.contains("선정됨 · 2026-06"), "{sf}");
    assert!(sf.contains("신청함 (결과 대기) · 2026-03"), "history: {sf}");
    assert!(
        sf.contains("고도화1 선정, 협약 6월"),
        "the record's note: {sf}"
    );
    assert!(sf.contains("선정 · 사업 진행 2026-06"), "{sf}");
    assert!(
        sf.contains("☑ 사업계획서 (스마트공장 사업관리시스템에 내용 입력) (준비됨)"),
        "{sf}"
    );
    assert!(sf.contains("☐ 국세·지방세 완납 증명서"), "{sf}");
    assert!(sf.contains("서류 목록 출처"), "{sf}");
    assert!(
        sf.links
            .iter()
            .any(|l| l.contains("pblancId=PBLN_000000000120993")),
        "{:?}",
        sf.links
    );
    assert!(sf.links.iter().any(|l| l == "https://www.smart-factory.kr"));

    let voucher = article(&ko, order("mss-export-voucher"));
    assert!(voucher.contains("탈락 · 2026-10"), "{voucher}");
    assert!(voucher.contains("발표평가 탈락"), "{voucher}");
    assert!(voucher.contains("같은 목적의 다른 사업"), "{voucher}");
    assert!(voucher.contains("산업 글로벌 진출역량 강화"), "{voucher}");

    // The pathway diagram and the timeline show the statuses too.
    let diagram = pathway_part(&ko);
    assert!(diagram.contains("선정됨 2026-06"), "pathway box");
    assert!(
        diagram.contains("[탈락]"),
        "pathway box of the rejected step"
    );
    assert!(ko.contains("[신청함 (결과 대기)]"), "timeline row label");

    // Every record of the file, in a list under the plan.
    let doc = Html::parse_document(&ko);
    let records: Vec<String> = doc
        .select(&Selector::parse("ul.records li").expect("selector"))
        .map(|li| li.text().collect())
        .collect();
    assert_eq!(records.len(), 5, "{records:?}");
    assert!(
        records.iter().any(|r| r.contains("수출바우처")
            && r.contains("탈락 · 2026-10")
            && r.contains("발표평가 탈락")),
        "{records:?}"
    );

    let rnd = article(&ko, order("mss-tech-innovation-rnd"));
    assert!(rnd.contains("신청함 · 결과 대기 2026-11"), "{rnd}");

    // A step whose documents no source lists says to see the notice.
    let root = article(&ko, order("motie-root-automation"));
    assert!(root.contains("제출 서류: 공고에서 확인 필요"), "{root}");

    let en = report_html(&plan, Lang::En);
    let sf = article(&en, order("mss-smart-factory"));
    assert!(sf.contains("selected · 2026-06"), "{sf}");
    assert!(
        sf.contains("☑ Business plan (entered in the smart-factory management system) (ready)"),
        "{sf}"
    );
    assert!(
        sf.contains("Documents to submit") && sf.contains("Apply at"),
        "{sf}"
    );
    let voucher = article(&en, order("mss-export-voucher"));
    assert!(voucher.contains("rejected · 2026-10"), "{voucher}");
    assert!(
        voucher.contains("Other programmes for the same purpose"),
        "{voucher}"
    );
}

/// Issue 17: the calendar has no application event for a programme the firm applied
/// to or was selected for, and marks a retry after a rejection; the report lists
/// every record, the received loan outside the plan too.
#[test]
fn the_calendar_leaves_out_applications_under_way() {
    let plan = plan_for(
        &common::case_profile_json("o-applications-welding-firm"),
        "2026-12",
    );
    let ics = plan_ics(&plan, Lang::Ko);
    let unfolded = unfold(&ics);
    let cal = read_calendar(&unfolded).expect("parses");
    let summaries: Vec<String> = events(&cal.components)
        .iter()
        .filter_map(|e| e.find_prop("SUMMARY").map(|p| p.val.to_string()))
        .collect();
    let name = |id: &str| plan.step(id).expect(id).name.ko.clone();
    for running in ["mss-smart-factory", "mss-tech-innovation-rnd"] {
        assert!(
            !summaries.iter().any(|s| s.contains(&name(running))),
            "{running}: {summaries:?}"
        );
    }
    assert!(
        summaries.iter().any(
            |s| s.ends_with("(탈락·취소 후 재신청)") && s.contains(&name("mss-export-voucher"))
        ),
        "{summaries:?}"
    );
}
