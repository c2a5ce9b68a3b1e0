//! Live-data benchmarks (issue 15, item 7; budget: each under one second on this
//! machine class, docs/performance.md): importing a bizinfo answer of 1,500 notices
//! into the shipped catalogue, and planning 50 clients against the merged catalogue
//! (alone, and as `gachi review` does it: old and new plan per client and the lists).
//!
//! The answer is generated here in the shape of tests/fixtures/feeds (the flat
//! `{"jsonArray": […]}` list with bizinfo's field names): deterministic, with every
//! 50th notice titled after a curated programme of the same agency so the merge has
//! work to do, periods in each style bizinfo writes, HTML summaries and hashtags
//! naming regions.

use criterion::{Criterion, criterion_group, criterion_main};
use gachi::bizinfo::import;
use gachi::catalogue::Catalogue;
use gachi::codes::{Goal, Region};
use gachi::matcher::build_plan;
use gachi::review::review;
use gachi::{FirmProfile, YearMonth};
use serde_json::{Value, json};
use std::hint::black_box;
use std::time::Duration;

const AS_OF: YearMonth = YearMonth {
    year: 2026,
    month: 12,
};

const NOTICES: usize = 1_500;
const CLIENTS: usize = 50;

struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const FIELDS: &[&str] = &[
    "금융", "기술", "인력", "수출", "내수", "창업", "경영", "기타",
];
const REGIONS: &[&str] = &[
    "서울",
    "부산",
    "대구",
    "인천",
    "대전",
    "울산",
    "세종",
    "경기",
    "강원",
    "충북",
    "충남",
    "전북",
    "경북",
    "경남",
    "제주",
    "전남광주",
];
const JURISDICTIONS: &[&str] = &[
    "중소벤처기업부",
    "산업통상부",
    "경상남도",
    "서울특별시",
    "고용노동부",
    "부산광역시 해운대구",
];
const AGENCIES: &[&str] = &[
    "중소벤처기업진흥공단",
    "중소기업기술정보진흥원",
    "경남테크노파크",
    "서울경제진흥원",
    "기초자치단체",
    "한국산업기술진흥원",
];
const TOPICS: &[&str] = &[
    "수출기업 해외마케팅 지원",
    "제조기업 공정개선 컨설팅",
    "청년 일자리 채용 장려금",
    "스마트공장 고도화 참여기업 모집",
    "소상공인 경영안정 특례보증",
    "R&D 기술사업화 과제 공모",
    "디자인 개발 바우처",
    "온라인 판로 개척 기획전 입점",
];

fn period(rng: &mut Lcg) -> String {
    let m = 1 + rng.below(12);
    let d = 1 + rng.below(28);
    let e = 1 + rng.below(28);
    let m2 = (m % 12) + 1;
    match rng.below(8) {
        0 => format!("2026-{m:02}-{d:02} ~ 2026-{m2:02}-{e:02}"),
        1 => format!("2026{m:02}{d:02} ~ 2026{m2:02}{e:02}"),
        2 => format!("2026.{m:02}.{d:02} ~ 2026.{m2:02}.{e:02}"),
        3 => format!("2026년 {m}월 {d}일 ~ 2026년 {m2}월 {e}일"),
        4 => "상시 접수".to_string(),
        5 => "예산 소진시까지".to_string(),
        6 => format!("2026-{m:02}-{d:02} 09:00 ~ 2026-{m2:02}-{e:02} 18:00"),
        _ => format!("2026-{m:02}-{d:02} ~ 2027-01-{e:02}"),
    }
}

/// A bizinfo answer of `n` notices; every 50th is titled after a curated programme.
fn bizinfo_answer(cat: &Catalogue, n: usize) -> Vec<u8> {
    let mut rng = Lcg(15);
    let items: Vec<Value> = (0..n)
        .map(|k| {
            let id = format!("PBLN_{:015}", 200_000 + k);
            let (title, jurisdiction, agency) = if k % 50 == 0 {
                let p = &cat.programmes[(k / 50) % cat.programmes.len()];
                (
                    format!("2026년 {} 참여기업 모집 공고", p.name.ko),
                    "중소벤처기업부".to_string(),
                    p.agency.clone(),
                )
            } else {
                (
                    format!(
                        "[{}] 2026년 {} ({}차)",
                        rng.pick(REGIONS),
                        rng.pick(TOPICS),
                        1 + rng.below(3)
                    ),
                    rng.pick(JURISDICTIONS).to_string(),
                    rng.pick(AGENCIES).to_string(),
                )
            };
            let regions: Vec<&str> = match rng.below(3) {
                0 => REGIONS.to_vec(),
                1 => vec![rng.pick(REGIONS)],
                _ => vec![rng.pick(REGIONS), rng.pick(REGIONS)],
            };
            let field = rng.pick(FIELDS);
            json!({
                "pblancId": id,
                "pblancNm": title,
                "pblancUrl": format!("https://www.bizinfo.go.kr/sii/siia/selectSIIA200Detail.do?pblancId={id}"),
                "jrsdInsttNm": jurisdiction,
                "excInsttNm": agency,
                "pldirSportRealmLclasCodeNm": field,
                "trgetNm": "중소기업",
                "reqstBeginEndDe": period(&mut rng),
                "hashtags": format!("{field},{},2026,지원사업", regions.join(",")),
                "bsnsSumryCn": format!(
                    "<p>{}‧지원 내용을 안내합니다 (R&amp;D 포함).</p><ul><li>지원 대상: 중소기업</li><li>지원 규모: {}개사</li></ul>",
                    TOPICS[k % TOPICS.len()],
                    10 + rng.below(90)
                ),
                "creatPnttm": "2026-11-02 09:00:00",
                "totCnt": n
            })
        })
        .collect();
    serde_json::to_vec(&json!({ "jsonArray": items })).unwrap_or_default()
}

/// 50 clients: the data/cases firms' kinds of profile, varied in region, size,
/// industry and goals.
fn clients() -> Vec<(String, FirmProfile)> {
    let mut rng = Lcg(50);
    let regions = [
        Region::Seoul,
        Region::Busan,
        Region::Gyeonggi,
        Region::Gyeongnam,
        Region::Daegu,
        Region::Incheon,
    ];
    let ksic = ["C24", "C25", "C29", "J62", "G47", "C20", "M70"];
    let goals = [
        Goal::Automation,
        Goal::Rnd,
        Goal::Export,
        Goal::Finance,
        Goal::Digital,
        Goal::Sales,
    ];
    (0..CLIENTS)
        .map(|k| {
            let mut p = FirmProfile::new(format!("고객{k:02}"));
            p.region = Some(regions[rng.below(regions.len() as u64) as usize]);
            p.ksic = Some(ksic[rng.below(ksic.len() as u64) as usize].to_string());
            p.employees = Some(1 + rng.below(280));
            p.revenue_krw = Some((1 + rng.below(500)) * 100_000_000);
            p.founded = gachi::profile::Founded::parse(&format!("{}", 2000 + rng.below(26)));
            p.exporting = Some(rng.below(2) == 0);
            p.goals = (0..1 + rng.below(3))
                .map(|_| goals[rng.below(goals.len() as u64) as usize])
                .collect();
            p.goals.dedup();
            (format!("client-{k:02}.json"), p)
        })
        .collect()
}

fn live_data(c: &mut Criterion) {
    let base = gachi::catalogue::builtin().unwrap_or_else(|p| panic!("{p:?}"));
    let answer = bizinfo_answer(&base, NOTICES);
    let (merged, report) = import(&base, &answer, AS_OF).unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!(report.items, NOTICES, "every generated notice is read");
    let clients = clients();

    let mut g = c.benchmark_group("live data");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.bench_function(
        "import 1,500 bizinfo notices into the shipped catalogue",
        |b| {
            b.iter(|| {
                import(black_box(&base), black_box(&answer), AS_OF)
                    .map(|(c, _)| c.programmes.len())
                    .unwrap_or_default()
            })
        },
    );
    g.bench_function("plan 50 clients against the merged catalogue", |b| {
        b.iter(|| {
            clients
                .iter()
                .map(|(_, p)| {
                    build_plan(&merged, black_box(p), AS_OF, "bench")
                        .steps
                        .len()
                })
                .sum::<usize>()
        })
    });
    g.bench_function(
        "review 50 clients (old and new plans, the four lists)",
        |b| {
            b.iter(|| {
                review(black_box(&clients), &merged, Some(&base), AS_OF)
                    .clients
                    .len()
            })
        },
    );
    g.finish();
}

criterion_group!(benches, live_data);
criterion_main!(benches);
