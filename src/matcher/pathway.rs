//! From eligibility to a pathway: which programmes to use, in what order, when.
//!
//! 1. Every programme is checked (tri-state, one reason per criterion).
//! 2. Those that serve the firm's goals compete within their `purpose`; the best fit
//!    wins (eligible over to-verify, targeted over generic, linked into a joint
//!    pathway over standalone). At most `PER_CATEGORY` winners per category, so a
//!    plan stays a path and not a list.
//! 3. Prerequisites of chosen steps are added.
//! 4. Steps are ordered by their links (prerequisite, follow_on, bonus), and where no
//!    link decides, by the default stage order; then placed on application windows.

use super::eligibility::{
    Eligibility, FirmFacts, Outcome, Reason, evaluate, outcome, prerequisite_reason,
};
use super::freshness::{freshness, stale};
use super::schedule::{Placement, WindowState, open_in, place};
use super::standing::{self, Limit, Standing};
use crate::catalogue::{Catalogue, Criterion, LinkKind, Programme, SupportKind};
use crate::codes::ApplicationStatus;
use crate::codes::Goal;
use crate::month::YearMonth;
use crate::plan::{
    AlsoEligible, CatalogueRef, Funding, MoneySide, NotEligible, PLAN_FORMAT, Plan, Step, StepLink,
    StepSupport, Totals, money_side,
};
use crate::profile::{FirmProfile, Tri};
use crate::text::Text;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};

/// How many programmes of one category a plan recommends at most.
pub const PER_CATEGORY: usize = 2;
/// The same when the firm chose no goals (every kind of support is shown).
pub const PER_CATEGORY_WITHOUT_GOALS: usize = 1;

/// What the matcher concluded about one programme: outcome counts only, so checking
/// a large catalogue allocates nothing; sentences are written for what is shown.
#[derive(Debug, Clone, Default)]
pub struct Assessment {
    pub passed: u16,
    pub unknown: u16,
    pub failed: u16,
    pub eligibility: Eligibility,
    pub received: bool,
    /// Reasons beyond the programme's own criteria (prerequisites, 중복수혜 limits);
    /// rarely any.
    pub extra: Vec<Reason>,
    /// Where the firm stands with the programme and what 중복수혜 limits make of it.
    pub standing: Standing,
}

impl Assessment {
    fn count(&mut self, o: Outcome) {
        match o {
            Outcome::Pass => self.passed += 1,
            Outcome::Unknown => self.unknown += 1,
            Outcome::Fail => self.failed += 1,
        }
        self.eligibility = if self.failed > 0 {
            Eligibility::NotEligible
        } else if self.unknown > 0 {
            Eligibility::Verify
        } else {
            Eligibility::Eligible
        };
    }

    /// The reasons with the given outcomes, as sentences, in catalogue order.
    pub fn reasons(&self, p: &Programme, facts: &FirmFacts, keep: &[Outcome]) -> Vec<Reason> {
        p.criteria
            .iter()
            .filter(|c| keep.contains(&outcome(c, facts)))
            .map(|c| evaluate(c, facts))
            .chain(
                self.extra
                    .iter()
                    .filter(|r| keep.contains(&r.outcome))
                    .cloned(),
            )
            .collect()
    }
}

/// Checks every programme, including prerequisites (in link order, so a chain of
/// prerequisites is decided front to back).
pub fn assess_all(cat: &Catalogue, facts: &FirmFacts) -> Vec<Assessment> {
    let held = facts.profile.certifications.as_deref().unwrap_or(&[]);
    let standing = standing::standing_all(cat, facts.profile, facts.as_of);
    let mut out: Vec<Assessment> = cat
        .programmes
        .iter()
        .zip(&standing)
        .map(|(p, st)| {
            let mut a = Assessment::default();
            for c in &p.criteria {
                a.count(outcome(c, facts));
            }
            let holds = p.grants.is_some_and(|g| held.contains(&g));
            a.received =
                holds || st.as_ref().map(|s| s.status) == Some(ApplicationStatus::Received);
            a.standing.record = st.clone();
            // A record dated after the plan month is not used; it is to verify.
            if let Some(f) = facts
                .profile
                .applications
                .iter()
                .rfind(|r| r.programme_id == p.id && standing::is_future(r, facts.as_of))
            {
                let r = standing::future_reason(f);
                a.count(r.outcome);
                a.extra.push(r);
            }
            a
        })
        .collect();
    if cat.has_exclusions {
        for (j, a) in out.iter_mut().enumerate() {
            if a.received || standing::is_done(a.standing.record.as_ref()) {
                continue;
            }
            let limits = standing::limits(cat, j, &standing, facts.as_of)
                .into_iter()
                .chain(standing::group_limits(cat, j, &standing, facts.as_of));
            for l in limits {
                match l {
                    Limit::Closed(r) | Limit::Unsure(r) => {
                        a.count(r.outcome);
                        a.extra.push(r);
                    }
                    Limit::NotBefore(m, why) => {
                        let nb = &mut a.standing.not_before;
                        *nb = Some(nb.map_or(m, |n| n.max(m)));
                        a.standing.why.push(why);
                    }
                }
            }
        }
    }
    if cat.has_prerequisites {
        for &i in &cat.link_order {
            let p = &cat.programmes[i];
            for &(j, kind) in &cat.outgoing[i] {
                if kind != LinkKind::Prerequisite {
                    continue;
                }
                let o = if out[i].received || standing::is_done(out[i].standing.record.as_ref()) {
                    Outcome::Pass
                } else if out[i].eligibility == Eligibility::NotEligible {
                    Outcome::Fail
                } else {
                    Outcome::Unknown
                };
                out[j].extra.push(prerequisite_reason(&p.name, o));
                out[j].count(o);
            }
        }
    }
    out
}

/// How a programme relates to the firm's goals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Relevance {
    /// Its category is one of the goals (or the firm chose no goals).
    Primary,
    /// It also serves one of the goals, beside its own category.
    Secondary,
    None,
}

/// Points that make a programme the better choice; see `fit`.
const ELIGIBLE_POINTS: i64 = 30;
const PASSED_POINTS: i64 = 8;
const UNKNOWN_POINTS: i64 = -10;
const TARGETED_POINTS: i64 = 20;
const ROBOT_POINTS: i64 = 30;
const ORDER_LINK_POINTS: i64 = 30;
const BONUS_LINK_POINTS: i64 = 15;
/// The longest a step waits for a programme that only earns it bonus points.
const BONUS_WAIT_MONTHS: i64 = 3;
const CROSS_MINISTRY_POINTS: i64 = 10;
const UMBRELLA_POINTS: i64 = -30;
const EXTRA_GOAL_POINTS: i64 = 5;
const NOT_EXPORTING_POINTS: i64 = -15;
/// A programme delivered at sites in other regions (a regional hub).
const FAR_SITE_POINTS: i64 = -40;
/// An AI or manufacturing-data programme for a firm with no smart factory yet: the
/// smart-factory ladder starts with basic automation and data collection.
const NOT_READY_FOR_AI_POINTS: i64 = -30;
/// A programme for shops (점포) offered to a manufacturer.
const SHOP_FOR_MANUFACTURER_POINTS: i64 = -40;
/// Investment first: below any fit, so never a step by score alone.
const NEEDS_INVESTMENT_POINTS: i64 = -80;
/// Nothing found after 2024: ranks below current programmes (an entry that is only
/// outdated — no call in 18 months — is marked, not demoted).
const NOTHING_AFTER_2024_POINTS: i64 = -40;
/// A programme that serves a goal only on the side must be a strong fit.
const SECONDARY_POINTS: i64 = -50;
/// The firm applied, was selected, was rejected and tries again, or marked it
/// planned: its own choice wins the programme's purpose and category.
const KEPT_POINTS: i64 = 500;
/// Below this, a programme is too doubtful to recommend as a step.
const MIN_FIT: i64 = 0;
/// A goal with no step yet takes its best programme down to this fit (one open
/// question and nothing against it), so every chosen goal is answered if it can be.
const MIN_FIT_FOR_UNANSWERED_GOAL: i64 = -10;

/// Adds a sentence to `why` when explaining; builds nothing otherwise.
fn note(why: &mut Option<Vec<Text>>, text: impl FnOnce() -> Text) {
    if let Some(w) = why {
        w.push(text());
    }
}

/// A candidate's fit, higher is better, with the reasons a person would accept.
struct Fit {
    score: i64,
    why: Vec<Text>,
}

/// Scores a programme: eligible over to-verify, targeted at this kind of firm over
/// generic, and linked into a joint pathway with `partners` (programmes that may be
/// in the plan) over standalone.
fn fit(
    cat: &Catalogue,
    i: usize,
    a: &Assessment,
    facts: &FirmFacts,
    relevance: Relevance,
    partners: &[bool],
    explain: bool,
) -> Fit {
    let p = &cat.programmes[i];
    let prof = facts.profile;
    let mut score = 0i64;
    let mut why: Option<Vec<Text>> = explain.then(Vec::new);
    let passed = i64::from(a.passed);
    let unknown = i64::from(a.unknown);
    if a.eligibility == Eligibility::Eligible {
        score += ELIGIBLE_POINTS;
        note(&mut why, || {
            Text::new("모든 조건을 충족합니다.", "Meets every condition.")
        });
    } else {
        note(&mut why, || {
            Text::new(
                format!("조건 {passed}개 충족, {unknown}개는 확인이 필요합니다."),
                format!("{passed} condition(s) met, {unknown} to verify."),
            )
        });
    }
    score += passed * PASSED_POINTS + unknown * UNKNOWN_POINTS;
    if standing::is_kept(a.standing.record.as_ref()) {
        score += KEPT_POINTS;
    }
    // Programmes made for this kind of firm; the most specific match counts once.
    let robot_firm = prof
        .root_technologies
        .as_ref()
        .is_some_and(|t| t.contains(&crate::codes::RootTech::Robotics));
    let root_firm = prof
        .root_technologies
        .as_ref()
        .is_some_and(|t| !t.is_empty());
    let targets = [
        (
            p.has_tag("robot") && robot_firm,
            ROBOT_POINTS,
            ("로봇 기업을 위한 사업입니다.", "Made for robot firms."),
        ),
        (
            p.has_tag("micro_manufacturer") && prof.is_micro_manufacturer() == Tri::Yes,
            TARGETED_POINTS,
            (
                "소공인(10명 미만 제조업)을 위한 사업입니다.",
                "Made for micro-manufacturers (fewer than 10 employees).",
            ),
        ),
        (
            p.has_tag("root_industry") && root_firm,
            TARGETED_POINTS,
            (
                "뿌리기술 기업을 위한 사업입니다.",
                "Made for root-technology firms.",
            ),
        ),
        (
            p.has_tag("export") && prof.exporting == Some(true),
            TARGETED_POINTS / 2,
            (
                "수출하는 기업에 맞는 사업입니다.",
                "Suits a firm that exports.",
            ),
        ),
        (
            p.has_tag("startup") && facts.age.is_some_and(|(_, hi)| hi < 7),
            TARGETED_POINTS / 2,
            (
                "창업 7년 미만 기업을 위한 사업입니다.",
                "Made for firms under seven years old.",
            ),
        ),
        (
            // A programme only for the firm's own size class (e.g. 소상공인 only).
            p.criteria.iter().any(|c| matches!(c, Criterion::SizeClass { any_of } if any_of.len() == 1 && facts.size.certain() == Some(any_of[0]))),
            TARGETED_POINTS,
            ("이 기업 규모만을 위한 사업입니다.", "Made only for firms of this size."),
        ),
    ];
    if let Some((_, points, _)) = targets.iter().filter(|t| t.0).max_by_key(|t| t.1) {
        score += points;
    }
    for (_, _, (ko, en)) in targets.iter().filter(|t| t.0) {
        note(&mut why, || Text::new(*ko, *en));
    }
    if p.has_tag("umbrella") {
        score += UMBRELLA_POINTS;
    }
    // Flags only: the freshness label is written only when explaining.
    let (outdated, nothing_after_2024) = stale(p, facts.as_of);
    if nothing_after_2024 {
        score += NOTHING_AFTER_2024_POINTS;
    }
    if outdated || nothing_after_2024 {
        note(&mut why, || {
            let w = freshness(p, facts.as_of).warning().unwrap_or_default();
            Text::new(
                format!("{}: 공고 일정을 먼저 확인하세요.", w.ko),
                format!("{}: check the call dates first.", w.en),
            )
        });
    }
    if relevance == Relevance::Secondary {
        score += SECONDARY_POINTS;
    }
    // With no goals every kind is shown once: say why this one stands for its kind.
    if prof.goals.is_empty() {
        note(&mut why, || {
            Text::new(
                format!(
                    "목표를 고르지 않아 분야마다 가장 잘 맞는 사업을 하나씩 보여 줍니다: {} 분야에서는 이 사업입니다.",
                    p.category.ko()
                ),
                format!(
                    "No goal was chosen, so each kind of support shows its best fit: this one for {}.",
                    p.category.en()
                ),
            )
        });
    }
    // Serving more of the firm's goals is a better fit (e.g. a loan for automation).
    let extra_goals = p
        .serves
        .iter()
        .filter(|g| prof.goals.contains(g) && **g != p.category)
        .count() as i64;
    score += extra_goals * EXTRA_GOAL_POINTS;
    // Possible by the conditions, but rarely what this firm would use.
    if let Some(m) = mismatch(cat, i, prof) {
        score += match m {
            Mismatch::FarSite => FAR_SITE_POINTS,
            Mismatch::ShopForManufacturer => SHOP_FOR_MANUFACTURER_POINTS,
            Mismatch::NotReadyForAi => NOT_READY_FOR_AI_POINTS,
            Mismatch::NeedsInvestment => NEEDS_INVESTMENT_POINTS,
        };
        note(&mut why, || mismatch_text(m, p, false));
    }
    // Export programmes for a firm that neither exports nor aims to.
    if p.has_tag("export")
        && prof.exporting == Some(false)
        && !prof.goals.contains(&Goal::Export)
        && p.category != Goal::Export
    {
        score += NOT_EXPORTING_POINTS;
    }
    // A joint pathway: one link in and one link out count (a step in the middle of a
    // chain is worth more than an end), however many partners there are.
    let mut cross = None;
    let mut best_in = 0;
    let mut best_out = 0;
    let mut weigh = |j: usize, kind: LinkKind, best: &mut i64| {
        if j == i || !partners[j] {
            return;
        }
        let q = &cat.programmes[j];
        let mut points = match kind {
            LinkKind::Prerequisite | LinkKind::FollowOn => ORDER_LINK_POINTS,
            LinkKind::Bonus => BONUS_LINK_POINTS,
            LinkKind::Complement | LinkKind::Excludes => return,
        };
        if q.ministry != p.ministry {
            points += CROSS_MINISTRY_POINTS;
            cross.get_or_insert(j);
        }
        *best = (*best).max(points);
    };
    for &(j, kind) in &cat.outgoing[i] {
        weigh(j, kind, &mut best_out);
    }
    for &(j, kind) in &cat.incoming[i] {
        weigh(j, kind, &mut best_in);
    }
    score += best_in + best_out;
    if let Some(n) = cross.map(|j| &cat.programmes[j].name) {
        note(&mut why, || {
            Text::new(
                crate::text::josa(&format!(
                    "다른 부처의 '{}'와(과) 이어지는 부처 연계 경로입니다.",
                    n.ko
                )),
                format!(
                    "Part of a joint pathway with '{}' of another ministry.",
                    n.en
                ),
            )
        });
    }
    Fit {
        score,
        why: why.unwrap_or_default(),
    }
}

/// The programmes a round of selection picked, and why the others were left out.
struct Selection {
    chosen: Vec<usize>,
    fits: HashMap<usize, Fit>,
    best_of_purpose: HashMap<String, usize>,
    cut: HashSet<usize>,
    weak: HashSet<usize>,
}

/// Best fit per purpose, then at most `PER_CATEGORY` per category, best first.
fn select(
    cat: &Catalogue,
    assessed: &[Assessment],
    facts: &FirmFacts,
    relevance: &[Relevance],
    usable: &[bool],
    partners: &[bool],
) -> Selection {
    let mut fits: HashMap<usize, Fit> = HashMap::new();
    let mut best_of_purpose: HashMap<String, usize> = HashMap::new();
    for i in 0..cat.programmes.len() {
        if !usable[i] || relevance[i] == Relevance::None {
            continue;
        }
        let f = fit(cat, i, &assessed[i], facts, relevance[i], partners, false);
        let purpose = &cat.programmes[i].purpose;
        // A winner too doubtful to recommend must not hide a runner-up that is not.
        let key = |f: &Fit| (f.score >= MIN_FIT, f.score);
        let better = match best_of_purpose.get(purpose) {
            Some(&b) => key(&f) > key(&fits[&b]),
            None => true,
        };
        fits.insert(i, f);
        if better {
            best_of_purpose.insert(purpose.clone(), i);
        }
    }
    // Within one purpose, a programme that another candidate leads to (follow_on) is
    // that line's next stage: a firm that has not had the earlier stage starts there
    // (창업성장기술개발 before 기술혁신개발), whatever the links add to the later one.
    for w in best_of_purpose.values_mut() {
        for _ in 0..cat.programmes.len() {
            let earlier = cat.incoming[*w].iter().find(|&&(j, kind)| {
                kind == LinkKind::FollowOn
                    && fits.contains_key(&j)
                    && fits[&j].score >= MIN_FIT
                    && cat.programmes[j].purpose == cat.programmes[*w].purpose
            });
            match earlier {
                Some(&(j, _)) => *w = j,
                None => break,
            }
        }
    }
    let mut winners: Vec<usize> = best_of_purpose.values().copied().collect();
    winners.sort_by_key(|&i| (Reverse(fits[&i].score), i));
    let mut per_category: HashMap<Goal, usize> = HashMap::new();
    let mut chosen = Vec::new();
    let mut cut = HashSet::new();
    let mut weak = HashSet::new();
    // With no goals every kind of support is shown, one line each, so the plan stays
    // short enough to act on (fresh-user trial 2026-11: 19 steps).
    let places = if facts.profile.goals.is_empty() {
        PER_CATEGORY_WITHOUT_GOALS
    } else {
        PER_CATEGORY
    };
    // Steps admitted as the next stage of another; a line has at most two stages in
    // one plan (TIPS → 스케일업 팁스, not → 글로벌 팁스 as well).
    let mut second_stage: HashSet<usize> = HashSet::new();
    let mut has_second: HashSet<usize> = HashSet::new();
    for i in winners {
        if fits[&i].score < MIN_FIT {
            weak.insert(i);
            continue;
        }
        // A step chained (prerequisite/follow_on) to a chosen first-stage step of the
        // same category is part of that step's pathway and does not use up the
        // category's places.
        let category = cat.programmes[i].category;
        let chained = chosen.iter().copied().find(|&c: &usize| {
            cat.programmes[c].category == category
                && !second_stage.contains(&c)
                && !has_second.contains(&c)
                && ordered_link(cat, i, c)
        });
        let count = per_category.entry(category).or_default();
        if let Some(c) = chained {
            second_stage.insert(i);
            has_second.insert(c);
            chosen.push(i);
        } else if *count < places {
            *count += 1;
            chosen.push(i);
        } else {
            cut.insert(i);
        }
    }
    for goal in &facts.profile.goals {
        if chosen.iter().any(|&c| cat.programmes[c].category == *goal) {
            continue;
        }
        let best = weak
            .iter()
            .copied()
            .filter(|&i| {
                cat.programmes[i].category == *goal
                    && fits[&i].score >= MIN_FIT_FOR_UNANSWERED_GOAL
                    && mismatch(cat, i, facts.profile).is_none()
            })
            .max_by_key(|&i| (fits[&i].score, Reverse(i)));
        if let Some(i) = best {
            weak.remove(&i);
            chosen.push(i);
        }
    }
    Selection {
        chosen,
        fits,
        best_of_purpose,
        cut,
        weak,
    }
}

/// Why a programme that scored too low was left out, in the words of what weighed
/// most: no call found after 2024, a site far away, shop technology for a
/// manufacturer, or open conditions (an eligible programme is never said to have
/// "too many conditions to verify").
fn weak_why(cat: &Catalogue, i: usize, a: &Assessment, facts: &FirmFacts) -> Text {
    let p = &cat.programmes[i];
    if stale(p, facts.as_of).1 && p.windows.status == crate::catalogue::WindowStatus::Rolling {
        // A standing scheme has no yearly call to find (trial 2026-11: 벤처기업 확인
        // was said to have "no call after 2024").
        return Text::new(
            "2025년 이후 자료로 다시 확인하지 못한 상시 제도라 계획에는 넣지 않았습니다. 지금도 같은 조건으로 운영하는지 먼저 확인하세요.",
            "A standing scheme not re-checked against a 2025 or later source, so it is not a step; check first that it still runs on the same terms.",
        );
    }
    if stale(p, facts.as_of).1 {
        return Text::new(
            "2024년 이후 공고를 찾지 못해 계획에는 넣지 않았습니다. 지금도 운영하는지 먼저 확인하세요.",
            "No call found after 2024, so it is not a step; check first that it still runs.",
        );
    }
    if a.eligibility == Eligibility::Verify && a.unknown > 1 {
        return Text::new(
            "확인할 조건이 많아 계획에는 넣지 않았습니다.",
            "Too many conditions to verify to recommend it as a step.",
        );
    }
    if let Some(m) = mismatch(cat, i, facts.profile) {
        return mismatch_text(m, p, true);
    }
    Text::new(
        "이 기업에는 다른 사업이 더 잘 맞아 계획에는 넣지 않았습니다.",
        "Other programmes fit this firm better, so it is not a step.",
    )
}

/// What makes a programme a poor match for this firm whatever its conditions say:
/// a site in another region, shop technology for a manufacturer, AI or data
/// programmes for a firm with no smart factory. Such a programme is never taken just
/// to answer a goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mismatch {
    FarSite,
    ShopForManufacturer,
    NotReadyForAi,
    /// Needs private investment first (스케일업 팁스: 10억 from an operator; 글로벌
    /// 팁스: overseas VC), which the profile cannot show; taken only after the stage
    /// before it was received (fresh-user trial 2026-11: a robot SI firm shown "R&D
    /// 과제 최대 60억" from 글로벌 팁스).
    NeedsInvestment,
}

/// The sentence for a mismatch: as a step's caveat, or as why it was left out.
fn mismatch_text(m: Mismatch, p: &Programme, left_out: bool) -> Text {
    let (ko, en) = match m {
        Mismatch::FarSite => {
            let at: Vec<&str> = p.sites.iter().map(|r| r.ko()).collect();
            let at_en: Vec<&str> = p.sites.iter().map(|r| r.en()).collect();
            (
                format!("서비스 거점이 {}에 있어 다른 지역 기업은 이용하기 어렵습니다", at.join("·")),
                format!("Delivered at sites in {}: hard to use for a firm elsewhere", at_en.join(", ")),
            )
        }
        Mismatch::ShopForManufacturer => (
            "점포(가게)를 위한 사업이라 제조 기업에는 잘 맞지 않습니다".to_string(),
            "Made for shops, so it rarely suits a manufacturer".to_string(),
        ),
        Mismatch::NotReadyForAi => (
            "아직 스마트공장이 없는 기업에는 이른 사업입니다: 기초 자동화와 데이터 수집이 먼저입니다".to_string(),
            "Early for a firm with no smart factory yet: basic automation and data collection come first".to_string(),
        ),
        Mismatch::NeedsInvestment => (
            "민간 투자(운영사·해외 벤처캐피탈 등)를 먼저 받아야 신청할 수 있는 사업입니다. 앞 단계 사업을 받았거나 투자를 유치한 뒤에 다시 보세요".to_string(),
            "Needs private investment first (an operator's or overseas venture capital); look again once the stage before it was received or investment was raised".to_string(),
        ),
    };
    if left_out {
        Text::new(
            format!("{ko}. 그래서 계획에는 넣지 않았습니다."),
            format!("{en}, so it is not a step."),
        )
    } else {
        Text::new(format!("{ko}."), format!("{en}."))
    }
}

fn mismatch(cat: &Catalogue, i: usize, prof: &FirmProfile) -> Option<Mismatch> {
    let p = &cat.programmes[i];
    if let Some(region) = prof.region
        && !p.sites.is_empty()
        && crate::facts::region_within(region, &p.sites) == Some(false)
    {
        return Some(Mismatch::FarSite);
    }
    if p.has_tag("shop") && prof.ksic.as_deref().is_some_and(|k| k.starts_with('C')) {
        return Some(Mismatch::ShopForManufacturer);
    }
    if (p.has_tag("ai") || p.has_tag("data"))
        && prof.smart_factory_level == Some(crate::codes::SmartFactoryLevel::None)
    {
        return Some(Mismatch::NotReadyForAi);
    }
    if p.has_tag("needs_investment")
        && !cat.incoming[i]
            .iter()
            .any(|&(j, kind)| kind == LinkKind::FollowOn && prof.has_done(&cat.programmes[j].id))
    {
        return Some(Mismatch::NeedsInvestment);
    }
    None
}

/// Whether a prerequisite or follow_on link joins two programmes, either way.
fn ordered_link(cat: &Catalogue, a: usize, b: usize) -> bool {
    let joins = |x: usize, y: usize| {
        cat.outgoing[x]
            .iter()
            .any(|&(to, kind)| kind.orders() && to == y)
    };
    joins(a, b) || joins(b, a)
}

/// Builds the plan for one profile against one catalogue at one month.
pub fn build_plan(
    cat: &Catalogue,
    profile: &FirmProfile,
    as_of: YearMonth,
    generated_by: &str,
) -> Plan {
    let facts = FirmFacts::new(profile, as_of);
    let assessed = assess_all(cat, &facts);
    let goals: &[Goal] = &profile.goals;
    // A programme the firm is in (selected, applied) stays a step even where the
    // profile no longer meets a condition: it is the firm's running project.
    let running = |a: &Assessment| {
        a.standing
            .record
            .as_ref()
            .is_some_and(|s| s.status.is_running())
    };
    let usable: Vec<bool> = assessed
        .iter()
        .map(|a| !a.received && (a.eligibility != Eligibility::NotEligible || running(a)))
        .collect();
    let relevance: Vec<Relevance> = cat
        .programmes
        .iter()
        .map(|p| {
            if goals.is_empty() || goals.contains(&p.category) {
                Relevance::Primary
            } else if goals.iter().any(|g| p.serves.contains(g)) {
                Relevance::Secondary
            } else {
                Relevance::None
            }
        })
        .collect();

    // Round one counts links to any usable, relevant programme; round two only links
    // to what round one chose, so a link to a programme that lost its own
    // competition no longer pulls a partner into the plan.
    let candidates: Vec<bool> = (0..cat.programmes.len())
        .map(|i| usable[i] && relevance[i] != Relevance::None)
        .collect();
    let first = select(cat, &assessed, &facts, &relevance, &usable, &candidates);
    let mut partners = vec![false; cat.programmes.len()];
    for &i in &first.chosen {
        partners[i] = true;
    }
    let Selection {
        chosen,
        mut fits,
        best_of_purpose,
        cut,
        weak,
    } = select(cat, &assessed, &facts, &relevance, &usable, &partners);
    // The firm's own applications are steps whatever goal they serve.
    let mut chosen = chosen;
    for (i, a) in assessed.iter().enumerate() {
        if usable[i] && standing::is_kept(a.standing.record.as_ref()) && !chosen.contains(&i) {
            chosen.push(i);
        }
    }
    // Two new steps that a 중복수혜 limit forbids ever having both: the better fit
    // stays (the firm's own choice first).
    let mut excluded_by: HashMap<usize, usize> = HashMap::new();
    if cat.has_exclusions {
        let score = |i: usize| {
            fits.get(&i).map(|f| f.score).unwrap_or_else(|| {
                fit(cat, i, &assessed[i], &facts, relevance[i], &partners, false).score
            })
        };
        let snapshot = chosen.clone();
        for &i in &snapshot {
            for &(j, kind) in &cat.outgoing[i] {
                if kind != LinkKind::Excludes
                    || i == j
                    || !chosen.contains(&j)
                    || excluded_by.contains_key(&i)
                    || standing::ever_excludes(cat, i, j).is_none()
                {
                    continue;
                }
                let (keep, drop) = if (score(i), Reverse(i)) >= (score(j), Reverse(j)) {
                    (i, j)
                } else {
                    (j, i)
                };
                if standing::is_kept(assessed[drop].standing.record.as_ref())
                    && standing::is_kept(assessed[keep].standing.record.as_ref())
                {
                    continue;
                }
                chosen.retain(|&c| c != drop);
                excluded_by.insert(drop, keep);
            }
        }
    }
    // Sentences only for what is recommended.
    for &i in &chosen {
        fits.insert(
            i,
            fit(cat, i, &assessed[i], &facts, relevance[i], &partners, true),
        );
    }

    // Prerequisites of chosen steps that are not yet received join the plan.
    let mut in_plan: HashSet<usize> = chosen.iter().copied().collect();
    let mut added_as_prerequisite: HashSet<usize> = HashSet::new();
    let mut stack = chosen.clone();
    while let Some(j) = stack.pop() {
        for &(i, kind) in &cat.incoming[j] {
            if kind == LinkKind::Prerequisite && usable[i] && in_plan.insert(i) {
                added_as_prerequisite.insert(i);
                stack.push(i);
            }
        }
    }

    let order = order_steps(cat, &in_plan);
    let mut steps = schedule_steps(
        cat,
        &order,
        &assessed,
        &fits,
        &added_as_prerequisite,
        &facts,
    );
    // Numbered by date, as a firm reads a plan (trial 2026-11: "step 9" in February
    // after "step 10" in January); a step's `after` steps still come before it, since
    // it starts at or after their start. Ties keep the link order.
    steps.sort_by_key(|s| (s.start, s.order));
    for (k, s) in steps.iter_mut().enumerate() {
        s.order = k + 1;
    }

    // After a rejection, the best other programmes of the same purpose.
    for s in steps.iter_mut() {
        if s.application.as_ref().map(|a| a.status) != Some(ApplicationStatus::Rejected) {
            continue;
        }
        let Some(i) = cat.position(&s.programme_id) else {
            continue;
        };
        let purpose = &cat.programmes[i].purpose;
        let mut alts: Vec<usize> = (0..cat.programmes.len())
            .filter(|&j| {
                j != i
                    && &cat.programmes[j].purpose == purpose
                    && usable[j]
                    && assessed[j].eligibility != Eligibility::NotEligible
                    && !in_plan.contains(&j)
            })
            .collect();
        alts.sort_by_key(|&j| {
            (
                Reverse(fit(cat, j, &assessed[j], &facts, relevance[j], &partners, false).score),
                j,
            )
        });
        s.alternatives = alts
            .into_iter()
            .take(2)
            .map(|j| crate::plan::Alternative {
                programme_id: cat.programmes[j].id.clone(),
                name: cat.programmes[j].name.clone(),
                eligibility: assessed[j].eligibility,
            })
            .collect();
    }

    let mut also_eligible = Vec::new();
    let mut not_eligible = Vec::new();
    let mut received = Vec::new();
    for (i, p) in cat.programmes.iter().enumerate() {
        let a = &assessed[i];
        if a.received {
            received.push(p.id.clone());
        } else if let Some(&k) = excluded_by.get(&i) {
            let q = &cat.programmes[k].name;
            also_eligible.push(AlsoEligible {
                programme_id: p.id.clone(),
                name: p.name.clone(),
                eligibility: a.eligibility,
                why_not_chosen: Text::new(
                    crate::text::josa(&format!(
                        "계획의 '{}'과(와) 함께 받을 수 없습니다 (중복수혜 제한).",
                        q.ko
                    )),
                    format!(
                        "Cannot be received together with '{}' of the plan (duplicate-support limit).",
                        q.en
                    ),
                ),
                reasons: a.reasons(p, &facts, &[Outcome::Unknown]),
            });
        } else if a.eligibility == Eligibility::NotEligible {
            // Prerequisite failures are not profile changes, so no unlock then.
            let changes = if a.extra.iter().any(|r| r.outcome == Outcome::Fail) {
                Vec::new()
            } else {
                super::unlock::unlock_programme(p, &facts).unwrap_or_default()
            };
            let (unlock, major_change) = if changes.iter().any(|u| u.change.is_major()) {
                (Vec::new(), changes)
            } else {
                (changes, Vec::new())
            };
            not_eligible.push(NotEligible {
                programme_id: p.id.clone(),
                name: p.name.clone(),
                reasons: a.reasons(p, &facts, &[Outcome::Fail]),
                unlock,
                major_change,
            });
        } else if !in_plan.contains(&i) {
            let why = if relevance[i] == Relevance::None {
                Text::new(
                    "선택한 목표와 다른 분야의 사업입니다.",
                    "Serves a goal the firm did not choose.",
                )
            } else if weak.contains(&i) {
                weak_why(cat, i, a, &facts)
            } else if cut.contains(&i) {
                Text::new(
                    format!(
                        "같은 분야({})에서 더 잘 맞는 사업을 먼저 권합니다.",
                        p.category.ko()
                    ),
                    format!(
                        "Better-fitting programmes of the same kind ({}) come first.",
                        p.category.en()
                    ),
                )
            } else {
                match best_of_purpose
                    .get(&p.purpose)
                    .filter(|&&b| b != i && in_plan.contains(&b))
                    .map(|&b| &cat.programmes[b].name)
                {
                    Some(b) => Text::new(
                        crate::text::josa(&format!(
                            "같은 목적의 '{}'이(가) 이 기업에 더 잘 맞습니다.",
                            b.ko
                        )),
                        format!(
                            "'{}' serves the same purpose and fits this firm better.",
                            b.en
                        ),
                    ),
                    None => weak_why(cat, i, a, &facts),
                }
            };
            also_eligible.push(AlsoEligible {
                programme_id: p.id.clone(),
                name: p.name.clone(),
                eligibility: a.eligibility,
                why_not_chosen: why,
                reasons: a.reasons(p, &facts, &[Outcome::Unknown]),
            });
        }
    }

    let cross_ministry_links = steps
        .iter()
        .flat_map(|s| &s.links)
        .filter(|l| l.in_plan && l.cross_ministry)
        .count();
    let side_sum = |side: MoneySide| {
        steps
            .iter()
            .filter(|s| money_side(&s.support.kind) == Some(side))
            .filter_map(|s| s.support.max_krw)
            .fold(0u64, u64::saturating_add)
    };
    let side_missing = |side: MoneySide| {
        steps
            .iter()
            .filter(|s| money_side(&s.support.kind) == Some(side) && s.support.max_krw.is_none())
            .count()
    };
    let max_grant_krw = side_sum(MoneySide::Grant);
    let max_loan_krw = side_sum(MoneySide::Loan);
    let rnd = || {
        steps.iter().filter(|s| {
            s.category == Goal::Rnd && money_side(&s.support.kind) == Some(MoneySide::Grant)
        })
    };
    let max_rnd_project_krw = rnd().filter_map(|s| s.support.max_krw).max().unwrap_or(0);
    let rnd_sum = rnd()
        .filter_map(|s| s.support.max_krw)
        .fold(0u64, u64::saturating_add);
    // A step of which no condition could be checked (all read in the notice) is not
    // counted in the to-verify figure: nothing is known to make it fit.
    let unchecked = |s: &Step| {
        s.eligibility != Eligibility::Eligible
            && !s.reasons.iter().any(|r| r.outcome == Outcome::Pass)
    };
    let non_rnd_grants = || {
        steps
            .iter()
            .filter(|s| s.category != Goal::Rnd)
            .filter(|s| money_side(&s.support.kind) == Some(MoneySide::Grant))
            .filter(|s| s.support.max_krw.is_some())
    };
    let totals = Totals {
        max_grant_checked_krw: non_rnd_grants()
            .filter(|s| !unchecked(s))
            .filter_map(|s| s.support.max_krw)
            .fold(0u64, u64::saturating_add),
        grant_steps_unchecked: non_rnd_grants().filter(|s| unchecked(s)).count(),
        grant_eligible_unsure_steps: non_rnd_grants()
            .filter(|s| s.eligibility == Eligibility::Eligible && s.confidence != "confirmed")
            .count(),
        steps: steps.len(),
        max_support_krw: max_grant_krw.saturating_add(max_loan_krw),
        cross_ministry_links,
        steps_amount_to_verify: steps.iter().filter(|s| s.support.max_krw.is_none()).count(),
        max_grant_krw,
        max_loan_krw,
        grant_steps_without_amount: side_missing(MoneySide::Grant),
        loan_steps_without_amount: side_missing(MoneySide::Loan),
        rnd_steps: steps.iter().filter(|s| s.category == Goal::Rnd).count(),
        max_rnd_project_krw,
        max_grant_non_rnd_krw: max_grant_krw.saturating_sub(rnd_sum),
        max_grant_eligible_krw: steps
            .iter()
            .filter(|s| s.eligibility == Eligibility::Eligible && s.category != Goal::Rnd)
            .filter(|s| money_side(&s.support.kind) == Some(MoneySide::Grant))
            .filter_map(|s| s.support.max_krw)
            .fold(0u64, u64::saturating_add),
    };
    let goals_without_step: Vec<Goal> = goals
        .iter()
        .copied()
        .filter(|g| !steps.iter().any(|s| s.category == *g))
        .collect();
    let funding = profile
        .funding_need_krw
        .map(|need| Funding::of(need, &steps));
    Plan {
        format: PLAN_FORMAT.to_string(),
        generated_by: generated_by.to_string(),
        as_of,
        catalogue: CatalogueRef {
            id: cat.id.clone(),
            version: cat.version.clone(),
            sha256: cat.sha256.clone(),
        },
        profile: profile.to_json(),
        size_class: facts.size.code().to_string(),
        size_class_candidates: facts.size.possible.clone(),
        size_class_reason: facts.size.explanation.clone(),
        size_facts: facts.size.facts(),
        steps,
        also_eligible,
        not_eligible,
        received,
        totals,
        funding,
        goals_without_step,
        notice: cat.notice.clone(),
    }
}

/// Topological order of the chosen programmes over ordering and bonus links; where
/// links leave a choice, the earlier stage and then the catalogue order go first.
/// Bonus links only suggest an order, so if they would close a cycle they are dropped.
fn order_steps(cat: &Catalogue, in_plan: &HashSet<usize>) -> Vec<usize> {
    let attempt = |with_bonus: bool| -> Option<Vec<usize>> {
        let mut indegree: HashMap<usize, usize> = in_plan.iter().map(|&i| (i, 0)).collect();
        let mut succ: HashMap<usize, Vec<usize>> = HashMap::new();
        for &i in in_plan {
            for &(j, kind) in &cat.outgoing[i] {
                if (kind.orders() || (with_bonus && kind == LinkKind::Bonus))
                    && in_plan.contains(&j)
                {
                    succ.entry(i).or_default().push(j);
                    *indegree.entry(j).or_default() += 1;
                }
            }
        }
        let key = |i: usize| Reverse((cat.programmes[i].stage, i));
        let mut ready: BinaryHeap<(Reverse<(crate::catalogue::Stage, usize)>, usize)> = indegree
            .iter()
            .filter(|(_, d)| **d == 0)
            .map(|(&i, _)| (key(i), i))
            .collect();
        let mut out = Vec::with_capacity(in_plan.len());
        while let Some((_, i)) = ready.pop() {
            out.push(i);
            for &j in succ.get(&i).map(Vec::as_slice).unwrap_or(&[]) {
                let d = indegree.entry(j).or_default();
                *d -= 1;
                if *d == 0 {
                    ready.push((key(j), j));
                }
            }
        }
        (out.len() == in_plan.len()).then_some(out)
    };
    attempt(true).or_else(|| attempt(false)).unwrap_or_default()
}

fn schedule_steps(
    cat: &Catalogue,
    order: &[usize],
    assessed: &[Assessment],
    fits: &HashMap<usize, Fit>,
    prerequisites: &HashSet<usize>,
    facts: &FirmFacts,
) -> Vec<Step> {
    let as_of = facts.as_of;
    let pos_in_plan: HashMap<usize, usize> =
        order.iter().enumerate().map(|(k, &i)| (i, k)).collect();
    let mut starts: Vec<YearMonth> = Vec::with_capacity(order.len());
    let mut ends: Vec<YearMonth> = Vec::with_capacity(order.len());
    let mut steps: Vec<Step> = Vec::with_capacity(order.len());
    for (k, &i) in order.iter().enumerate() {
        let p: &Programme = &cat.programmes[i];
        // A loan or guarantee pays for the project before it (facilities, the firm's
        // own share), so it is applied for when that project starts, not a project
        // period later (fresh-user trial 2026-11: a 소공인 needing 5억 was sent to
        // 소공인특화자금 a year out).
        let alongside = matches!(p.support.kind, SupportKind::Loan | SupportKind::Guarantee);
        // Earlier steps this one waits for: anything linking into it with an order.
        let mut earliest = as_of;
        let mut after = Vec::new();
        let mut alongside_of = None;
        let mut ahead_of_unknown = false;
        // Bonus givers before this step (a designation that earns points): waited for
        // only when that costs at most BONUS_WAIT_MONTHS (trial 2026-11: 해외규격인증
        // pushed past four rounds a year to wait for 글로벌 강소기업 1000+).
        let mut bonus_ready = as_of;
        let mut bonus_from = Vec::new();
        for &(j, kind) in &cat.incoming[i] {
            if kind == LinkKind::Bonus
                && let Some(&pj) = pos_in_plan.get(&j)
                && pj < k
            {
                bonus_ready = bonus_ready.max(ends[pj].plus_months(1));
                bonus_from.push(j);
            }
        }
        for &(j, kind) in &cat.incoming[i] {
            if let Some(&pj) = pos_in_plan.get(&j)
                && pj < k
                && kind.orders()
            {
                let ready = if alongside && kind != LinkKind::Prerequisite {
                    alongside_of.get_or_insert(j);
                    // A project whose window is unknown has only a guessed month: the
                    // money is not held back by a guess (trial 2026-11: a 5억 loan in
                    // July behind a step of unknown date).
                    if steps[pj].window == super::schedule::WindowState::ToVerify {
                        ahead_of_unknown = true;
                        // Not waited for, so not listed in `after`.
                        continue;
                    } else {
                        starts[pj]
                    }
                } else {
                    ends[pj].plus_months(1)
                };
                earliest = earliest.max(ready);
                after.push(cat.programmes[j].id.clone());
            }
        }
        let a = &assessed[i];
        let record = a.standing.record.as_ref();
        let mut limit_why = a.standing.why.clone();
        if let Some(m) = record.and_then(standing::retry_after) {
            earliest = earliest.max(m);
        }
        // Planned for a later month: from that month (ninth trial: a plan for 2027-04
        // was shown at the first call from now).
        if let Some(m) = record
            .filter(|r| r.status == ApplicationStatus::Planned)
            .and_then(|r| r.month)
            .filter(|m| *m > earliest)
        {
            earliest = m;
            limit_why.push(Text::new(
                format!("{m}에 신청할 예정으로 적혀 있어 그달부터의 공고에 두었습니다."),
                format!("Planned for {m}, so placed at a call from that month."),
            ));
        }
        if let Some(m) = a.standing.not_before {
            earliest = earliest.max(m);
        }
        // A limit between two new steps of this plan: the later one waits.
        for (pj, &j) in order[..k].iter().enumerate() {
            if let Some(l) = standing::excludes_between(cat, j, i)
                && let Some(m) = standing::wait_between(l, starts[pj], ends[pj])
                && m > earliest
            {
                earliest = m;
                let q = &cat.programmes[j].name;
                limit_why.push(Text::new(
                    crate::text::josa(&format!(
                        "계획의 '{}'과(와) 같은 때 받을 수 없어 {m} 이후로 두었습니다 (중복수혜 제한).",
                        q.ko
                    )),
                    format!(
                        "Cannot run with '{}' of the plan, so placed from {m} (duplicate-support limit).",
                        q.en
                    ),
                ));
            }
        }
        let mut placed = place(&p.windows, p.duration_months, p.support.kind, earliest);
        // Selected or applied: the step is where the firm's application put it.
        let fixed = record.filter(|r| r.status.is_running());
        if let Some(r) = fixed {
            let start = r.month.unwrap_or(as_of);
            placed = Placement {
                start,
                end: super::schedule::period_end(p.duration_months, p.support.kind, start),
                state: WindowState::Confirmed,
                end_assumed: p.duration_months.is_none(),
                call: None,
            };
            after.clear();
            bonus_from.clear();
            alongside_of = None;
        }
        let mut bonus_skipped = None;
        if !bonus_from.is_empty() && bonus_ready > earliest {
            let waited = place(
                &p.windows,
                p.duration_months,
                p.support.kind,
                earliest.max(bonus_ready),
            );
            let delay = waited.start.months_since(placed.start);
            if delay <= BONUS_WAIT_MONTHS {
                placed = waited;
                for &j in &bonus_from {
                    after.push(cat.programmes[j].id.clone());
                }
            } else {
                bonus_skipped = Some(delay);
            }
        } else {
            for &j in &bonus_from {
                after.push(cat.programmes[j].id.clone());
            }
        }
        starts.push(placed.start);
        ends.push(placed.end);
        let open_now = open_in(&placed, as_of);
        // Pathway links only: a 중복수혜 limit shows as a reason or a why when it binds.
        let links = p
            .links
            .iter()
            .filter(|l| l.kind != LinkKind::Excludes)
            .map(|l| {
                let other = cat.get(&l.to);
                StepLink {
                    programme_id: l.to.clone(),
                    kind: l.kind,
                    source: l.source.clone(),
                    in_plan: cat
                        .position(&l.to)
                        .is_some_and(|j| pos_in_plan.contains_key(&j)),
                    cross_ministry: other.is_some_and(|o| o.ministry != p.ministry),
                }
            })
            .collect();
        let mut why = fits.get(&i).map(|f| f.why.clone()).unwrap_or_default();
        if prerequisites.contains(&i) {
            why.insert(
                0,
                Text::new(
                    "다음 단계의 선행 요건이라 먼저 받아야 합니다.",
                    "Required before a later step.",
                ),
            );
        }
        if let Some(j) = alongside_of.filter(|_| ahead_of_unknown) {
            let q = &cat.programmes[j].name;
            why.push(Text::new(
                crate::text::josa(&format!(
                    "'{}'의 신청 시기를 몰라, 그 사업에 쓸 자금은 지금부터 신청할 수 있게 두었습니다.",
                    q.ko
                )),
                format!(
                    "The window of '{}' is unknown, so the money for it can be applied for from now.",
                    q.en
                ),
            ));
        } else if let Some(j) = alongside_of {
            let q = &cat.programmes[j].name;
            why.push(Text::new(
                crate::text::josa(&format!(
                    "'{}'의 사업을 시작할 때 필요한 자금이므로 그때 함께 신청하도록 두었습니다.",
                    q.ko
                )),
                format!(
                    "Placed to be applied for when '{}' starts, as it funds that project.",
                    q.en
                ),
            ));
        }
        for &j in &bonus_from {
            let q = &cat.programmes[j].name;
            why.push(match bonus_skipped {
                None => Text::new(
                    format!("'{}' 뒤에 신청하면 가점·우대를 받을 수 있습니다.", q.ko),
                    format!(
                        "Applying after '{}' earns bonus points or preference.",
                        q.en
                    ),
                ),
                Some(delay) => Text::new(
                    crate::text::josa(&format!(
                        "'{}'(을)를 받은 뒤에 신청하면 가점·우대가 있지만, 기다리면 {delay}개월 늦어져 먼저 신청하도록 두었습니다.",
                        q.ko
                    )),
                    format!(
                        "Applying after '{}' earns preference, but waiting would cost {delay} months, so it is applied for first.",
                        q.en
                    ),
                ),
            });
        }
        if let Some(w) = record.and_then(|r| standing::status_why(r, &p.name)) {
            why.insert(0, w);
        }
        why.extend(limit_why);
        // Steps after one whose result is awaited say so.
        for id in &after {
            if let Some(&j) = cat.index.get(id)
                && assessed[j].standing.record.as_ref().map(|s| s.status)
                    == Some(ApplicationStatus::Applied)
            {
                let q = &cat.programmes[j].name;
                // The month follows that project's period if selected; say until when,
                // and whether the period is only a planning default (trial 2026-11).
                let (end, assumed) = pos_in_plan
                    .get(&j)
                    .and_then(|&pj| steps.get(pj).map(|s: &Step| (s.end, s.end_assumed)))
                    .unwrap_or((placed.start, false));
                let (assumed_ko, assumed_en) = if assumed {
                    (", 기간은 가정", ", an assumed period")
                } else {
                    ("", "")
                };
                why.push(Text::new(
                    crate::text::josa(&format!(
                        "'{}'의 결과를 기다립니다: 선정되면 그 사업이 끝난 뒤({end}까지{assumed_ko})로 두었고, 선정되지 않으면 이 단계는 다시 봐야 합니다.",
                        q.ko
                    )),
                    format!(
                        "Waits for the result of '{}': if selected, placed after that project ends ({end}{assumed_en}); if not, look at this step again.",
                        q.en
                    ),
                ));
            }
        }
        let ready: &[String] = record.map(|r| r.documents_ready.as_slice()).unwrap_or(&[]);
        steps.push(Step {
            order: k + 1,
            programme_id: p.id.clone(),
            name: p.name.clone(),
            ministry: p.ministry.clone(),
            ministry_name: crate::facts::ministry_name_at(&p.ministry, as_of),
            agency: p.agency.clone(),
            agency_en: p.agency_en.clone(),
            category: p.category,
            tags: p.tags.clone(),
            eligibility: a.eligibility,
            start: placed.start,
            end: placed.end,
            after,
            links,
            reasons: a.reasons(p, facts, &[Outcome::Pass, Outcome::Unknown, Outcome::Fail]),
            support: StepSupport {
                max_krw: p.support.max_krw,
                self_share_pct: p.support.self_share_pct,
                kind: p.support.kind.code().to_string(),
            },
            url: p.provenance.url.clone(),
            window: placed.state,
            end_assumed: placed.end_assumed,
            why,
            confidence: format!("{:?}", p.provenance.confidence).to_lowercase(),
            source_date: p.provenance.date.clone(),
            call: placed.call,
            open_now,
            freshness: freshness(p, as_of),
            application: record
                .filter(|r| r.status != ApplicationStatus::Received)
                .cloned(),
            history: standing::history_before_current(facts.profile, &p.id, as_of),
            alternatives: Vec::new(),
            documents: p
                .documents
                .iter()
                .map(|d| crate::plan::StepDocument {
                    ko: d.ko.clone(),
                    en: d.en.clone(),
                    ready: ready.contains(&d.ko),
                    listed: true,
                })
                .chain(
                    ready
                        .iter()
                        .filter(|r| !p.documents.iter().any(|d| &d.ko == *r))
                        .map(|r| crate::plan::StepDocument {
                            ko: r.clone(),
                            en: r.clone(),
                            ready: true,
                            listed: false,
                        }),
                )
                .collect(),
            documents_source: p
                .provenance
                .documents_source()
                .filter(|_| !p.documents.is_empty())
                .map(|f| crate::plan::DocumentsSource {
                    url: f.url.clone(),
                    date: f.date.clone(),
                }),
            apply_url: p.apply_url.clone(),
        });
    }
    steps
}
