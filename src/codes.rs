//! The closed code lists of the profile and plan contracts (spec/formats.md), with
//! their Korean and English labels.

use serde::{Deserialize, Serialize};

/// Defines a code enum: its JSON code, Korean label and English label.
macro_rules! codes {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($var:ident = $code:literal, $ko:literal, $en:literal;)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $code)] $var,)*
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$var,)*];
            /// What the list is called in messages ("region", "goal", …).
            pub const WHAT: &'static str = $what;

            pub fn code(self) -> &'static str {
                match self { $($name::$var => $code,)* }
            }
            pub fn ko(self) -> &'static str {
                match self { $($name::$var => $ko,)* }
            }
            pub fn en(self) -> &'static str {
                match self { $($name::$var => $en,)* }
            }
            pub fn label(self, lang: crate::text::Lang) -> &'static str {
                match lang { crate::text::Lang::Ko => self.ko(), crate::text::Lang::En => self.en() }
            }
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$var),)* _ => None }
            }
            /// "seoul, busan, …" for error messages.
            pub fn expected() -> String {
                [$($code,)*].join(", ")
            }
        }

        impl CodeList for $name {
            const ALL: &'static [Self] = $name::ALL;
            fn label(self, lang: crate::text::Lang) -> &'static str {
                $name::label(self, lang)
            }
        }
    };
}

/// What every code list offers code that works on any of them (the questionnaire's
/// checkbox sets): its codes and their labels.
pub trait CodeList: Copy + PartialEq + 'static {
    /// Every code, in the list's order.
    const ALL: &'static [Self];
    /// The code's label in `lang`.
    fn label(self, lang: crate::text::Lang) -> &'static str;
}

codes!(
    /// The 시·도: the 17 of before 2026-07 and 전남광주 (광주 + 전남, from 2026-07-01).
    /// Which are in force at a month: `facts::regions_at`.
    Region, "region" {
    Seoul = "seoul", "서울", "Seoul";
    Busan = "busan", "부산", "Busan";
    Daegu = "daegu", "대구", "Daegu";
    Incheon = "incheon", "인천", "Incheon";
    Gwangju = "gwangju", "광주", "Gwangju";
    Daejeon = "daejeon", "대전", "Daejeon";
    Ulsan = "ulsan", "울산", "Ulsan";
    Sejong = "sejong", "세종", "Sejong";
    Gyeonggi = "gyeonggi", "경기", "Gyeonggi";
    Gangwon = "gangwon", "강원", "Gangwon";
    Chungbuk = "chungbuk", "충북", "North Chungcheong";
    Chungnam = "chungnam", "충남", "South Chungcheong";
    Jeonbuk = "jeonbuk", "전북", "North Jeolla";
    Jeonnam = "jeonnam", "전남", "South Jeolla";
    Gyeongbuk = "gyeongbuk", "경북", "North Gyeongsang";
    Gyeongnam = "gyeongnam", "경남", "South Gyeongsang";
    Jeju = "jeju", "제주", "Jeju";
    JeonnamGwangju = "jeonnam_gwangju", "전남광주", "Jeonnam-Gwangju";
});

codes!(
    /// The 14 뿌리기술 (research/programmes.md §4).
    RootTech, "root technology" {
    Casting = "casting", "주조", "casting";
    Mold = "mold", "금형", "moulds and dies";
    Forming = "forming", "소성가공", "forming";
    Welding = "welding", "용접·접합", "welding and joining";
    SurfaceTreatment = "surface_treatment", "표면처리", "surface treatment";
    HeatTreatment = "heat_treatment", "열처리", "heat treatment";
    InjectionPress = "injection_press", "사출·프레스", "injection moulding and pressing";
    PrecisionMachining = "precision_machining", "정밀가공", "precision machining";
    AdditiveManufacturing = "additive_manufacturing", "적층제조", "additive manufacturing";
    IndustrialFilmPaper = "industrial_film_paper", "산업용 필름·지류", "industrial film and paper";
    Robotics = "robotics", "로봇", "robotics";
    Sensors = "sensors", "센서", "sensors";
    IndustrialSoftware = "industrial_software", "산업지능형 소프트웨어", "industrial intelligent software";
    EngineeringDesign = "engineering_design", "엔지니어링 설계", "engineering design";
});

codes!(
    /// Certifications and designations a firm can hold.
    Certification, "certification" {
    Venture = "venture", "벤처기업", "venture company";
    Innobiz = "innobiz", "이노비즈", "Inno-Biz";
    Mainbiz = "mainbiz", "메인비즈", "Main-Biz";
    RndCenter = "rnd_center", "기업부설연구소·연구개발전담부서", "corporate R&D centre or R&D department";
    RootCompany = "root_company", "뿌리기업 확인서", "root-industry firm confirmation";
    RootSpecialist = "root_specialist", "뿌리기술 전문기업", "root-technology specialist firm";
    Iso9001 = "iso9001", "ISO 9001", "ISO 9001";
    Iso14001 = "iso14001", "ISO 14001", "ISO 14001";
    GlobalSmallGiant = "global_small_giant", "글로벌 강소기업", "global small giant";
    WorldClass = "world_class", "월드클래스 기업", "World Class firm";
});

codes!(
    /// What the firm wants help with; also the plan's step categories.
    Goal, "goal" {
    Rnd = "rnd", "연구개발(R&D)", "R&D";
    Automation = "automation", "자동화·스마트공장", "automation and smart factory";
    Digital = "digital", "디지털 전환", "digital transformation";
    Certification = "certification", "인증", "certification";
    Finance = "finance", "자금·보증", "finance and guarantees";
    Export = "export", "수출", "export";
    Sales = "sales", "판로·판매", "sales and market access";
    Growth = "growth", "성장·도약", "growth";
});

codes!(
    /// Markets a firm wants to enter.
    Market, "target market" {
    Eu = "eu", "유럽연합", "EU";
    Us = "us", "미국", "USA";
    Cn = "cn", "중국", "China";
    Jp = "jp", "일본", "Japan";
    Asean = "asean", "아세안", "ASEAN";
    India = "india", "인도", "India";
    MiddleEast = "middle_east", "중동", "Middle East";
    LatinAmerica = "latin_america", "중남미", "Latin America";
    Other = "other", "기타", "other";
});

codes!(
    /// 스마트공장 수준.
    SmartFactoryLevel, "smart-factory level" {
    None = "none", "없음", "none";
    Basic = "basic", "기초", "basic";
    Intermediate = "intermediate", "중간", "intermediate";
    Advanced = "advanced", "고도화", "advanced";
});

codes!(
    /// Size classes of the 중소기업기본법 and 중견기업법.
    SizeClass, "size class" {
    Micro = "micro", "소상공인", "micro business";
    Small = "small", "소기업", "small firm";
    Medium = "medium", "중기업", "medium firm";
    Midsize = "midsize", "중견기업", "mid-sized firm";
    Large = "large", "대기업", "large firm";
});

codes!(
    /// Where the firm stands with one programme (docs/formats.md §1, `applications`).
    /// `received` is the same as listing the programme in `received`.
    ApplicationStatus, "application status" {
    Planned = "planned", "신청 예정", "planned";
    Applied = "applied", "신청함 (결과 대기)", "applied (awaiting result)";
    Selected = "selected", "선정됨", "selected";
    Rejected = "rejected", "탈락", "rejected";
    Withdrawn = "withdrawn", "신청 취소", "withdrawn";
    Received = "received", "지원 받음 (완료)", "received (done)";
});

impl ApplicationStatus {
    /// Selected or applied: the step is where the application put it, not at a call.
    pub fn is_running(self) -> bool {
        matches!(
            self,
            ApplicationStatus::Selected | ApplicationStatus::Applied
        )
    }
}

/// The plan's step categories are the goal codes.
pub type Category = Goal;
