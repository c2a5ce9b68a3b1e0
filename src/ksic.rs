//! Korean Standard Industrial Classification (KSIC, 10th revision): sections and
//! the divisions (two-digit codes) that belong to each.

/// (section letter, first division, last division, Korean name, English name)
// One row a line, as the KSIC prints it: rustfmt would break the long rows apart.
#[rustfmt::skip]
pub const SECTIONS: &[(char, u8, u8, &str, &str)] = &[
    ('A', 1, 3, "농업, 임업 및 어업", "agriculture, forestry and fishing"),
    ('B', 5, 8, "광업", "mining"),
    ('C', 10, 34, "제조업", "manufacturing"),
    ('D', 35, 35, "전기, 가스, 증기 및 공기조절 공급업", "electricity and gas supply"),
    ('E', 36, 39, "수도, 하수 및 폐기물 처리, 원료 재생업", "water, sewage, waste and recycling"),
    ('F', 41, 42, "건설업", "construction"),
    ('G', 45, 47, "도매 및 소매업", "wholesale and retail"),
    ('H', 49, 52, "운수 및 창고업", "transport and storage"),
    ('I', 55, 56, "숙박 및 음식점업", "accommodation and food"),
    ('J', 58, 63, "정보통신업", "information and communication"),
    ('K', 64, 66, "금융 및 보험업", "finance and insurance"),
    ('L', 68, 68, "부동산업", "real estate"),
    ('M', 70, 73, "전문, 과학 및 기술 서비스업", "professional, scientific and technical services"),
    ('N', 74, 76, "사업시설 관리, 사업 지원 및 임대 서비스업", "business support and rental services"),
    ('O', 84, 84, "공공 행정, 국방 및 사회보장 행정", "public administration"),
    ('P', 85, 85, "교육 서비스업", "education"),
    ('Q', 86, 87, "보건업 및 사회복지 서비스업", "health and social work"),
    ('R', 90, 91, "예술, 스포츠 및 여가관련 서비스업", "arts, sports and recreation"),
    ('S', 94, 96, "협회 및 단체, 수리 및 기타 개인 서비스업", "repair and other personal services"),
    ('T', 97, 98, "가구 내 고용활동", "households as employers"),
    ('U', 99, 99, "국제 및 외국기관", "extraterritorial organisations"),
];

/// Korean names of the manufacturing divisions, for the questionnaire.
// One row a line, as above.
#[rustfmt::skip]
pub const MANUFACTURING: &[(u8, &str, &str)] = &[
    (10, "식료품", "food products"),
    (11, "음료", "beverages"),
    (12, "담배", "tobacco"),
    (13, "섬유제품", "textiles"),
    (14, "의복·의복액세서리·모피", "wearing apparel"),
    (15, "가죽·가방·신발", "leather, bags and footwear"),
    (16, "목재·나무제품", "wood products"),
    (17, "펄프·종이", "pulp and paper"),
    (18, "인쇄·기록매체 복제", "printing"),
    (19, "코크스·석유정제품", "coke and refined petroleum"),
    (20, "화학물질·화학제품", "chemicals"),
    (21, "의료용 물질·의약품", "pharmaceuticals"),
    (22, "고무·플라스틱", "rubber and plastics"),
    (23, "비금속 광물제품", "non-metallic mineral products"),
    (24, "1차 금속", "basic metals"),
    (25, "금속가공제품", "fabricated metal products"),
    (26, "전자부품·컴퓨터·통신장비", "electronic components, computers, communication equipment"),
    (27, "의료·정밀·광학기기", "medical, precision and optical instruments"),
    (28, "전기장비", "electrical equipment"),
    (29, "기타 기계·장비", "other machinery and equipment"),
    (30, "자동차·트레일러", "motor vehicles and trailers"),
    (31, "기타 운송장비", "other transport equipment"),
    (32, "가구", "furniture"),
    (33, "기타 제품", "other manufactured goods"),
    (34, "산업용 기계·장비 수리", "repair of industrial machinery"),
];

/// A parsed KSIC code: section letter and, where given, the two-digit division.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ksic {
    pub section: char,
    pub division: Option<u8>,
}

impl Ksic {
    /// Parses "C" or "C24"; the division must belong to the section.
    pub fn parse(s: &str) -> Option<Ksic> {
        let mut chars = s.chars();
        let section = chars.next()?;
        let &(_, lo, hi, _, _) = SECTIONS.iter().find(|(l, ..)| *l == section)?;
        let rest = chars.as_str();
        if rest.is_empty() {
            return Some(Ksic {
                section,
                division: None,
            });
        }
        if rest.len() != 2 || !rest.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let d: u8 = rest.parse().ok()?;
        (lo..=hi).contains(&d).then_some(Ksic {
            section,
            division: Some(d),
        })
    }

    pub fn section_name(self) -> (&'static str, &'static str) {
        SECTIONS
            .iter()
            .find(|(l, ..)| *l == self.section)
            .map(|(_, _, _, ko, en)| (*ko, *en))
            .unwrap_or(("", ""))
    }

    pub fn is_manufacturing(self) -> bool {
        self.section == 'C'
    }
}

/// "C" or "C2" or "C29": a prefix a catalogue criterion may test.
pub fn ksic_prefix_ok(p: &str) -> bool {
    let mut chars = p.chars();
    match chars.next() {
        Some(l) if SECTIONS.iter().any(|(s, ..)| *s == l) => {
            let rest = chars.as_str();
            rest.len() <= 2 && rest.bytes().all(|b| b.is_ascii_digit())
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn divisions_must_belong_to_their_section() {
        assert_eq!(
            Ksic::parse("C24"),
            Some(Ksic {
                section: 'C',
                division: Some(24)
            })
        );
        assert_eq!(Ksic::parse("J62").map(|k| k.section), Some('J'));
        assert_eq!(
            Ksic::parse("G"),
            Some(Ksic {
                section: 'G',
                division: None
            })
        );
        for bad in ["C62", "J24", "c24", "C2", "C245", "Z10", "", "24"] {
            assert_eq!(Ksic::parse(bad), None, "{bad}");
        }
    }
}
