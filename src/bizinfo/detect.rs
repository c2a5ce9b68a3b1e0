//! What a downloaded feed file is, and where its notices are (docs/feeds.md §2).
//!
//! Read, by the first character after a BOM and white space:
//! - `<`: an HTML page (refused), bizinfo's RSS 2.0 (`rss.channel.item`), a
//!   data.go.kr gateway error (`OpenAPI_ServiceResponse`) or a data.go.kr
//!   `response` (refused, with its error code when it has one);
//! - anything else: JSON — bizinfo's flat `{"jsonArray": […]}`, its documented
//!   `{"jsonArray": {"item": […]}}` (a single `item` object too), K-Startup's
//!   `{"data": […]}`, or an error answer (`reqErr`, `OpenAPI_ServiceResponse`,
//!   data.go.kr's `response.header`).
//!
//! Every refusal says what the file is and what to do, in Korean and English.

use super::clean::truncate_chars;
use super::xml::{self, Element};
use crate::catalogue::parse_json;
use crate::json_read::{JsonType, Problem, ProblemKind};
use crate::text::Text;
use crate::text::printable;
use serde_json::{Map, Value};

/// Which service a feed comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// 기업마당 (bizinfo.go.kr) open API, JSON or RSS.
    Bizinfo,
    /// K-Startup (창업진흥원) announcements, `getAnnouncementInformation01`.
    KStartup,
}

impl Source {
    /// The name written in `feed.source` and before the id (`bizinfo-…`, `kstartup-…`).
    pub fn code(self) -> &'static str {
        match self {
            Source::Bizinfo => "bizinfo",
            Source::KStartup => "kstartup",
        }
    }

    /// The service's name for people.
    pub fn label(self) -> Text {
        match self {
            Source::Bizinfo => Text::new("기업마당", "bizinfo"),
            Source::KStartup => Text::new("K-Startup", "K-Startup"),
        }
    }
}

/// The shape a feed file had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// `{"jsonArray": […]}`: what the live bizinfo API answers with `dataType=json`.
    BizinfoJsonList,
    /// `{"jsonArray": {…, "item": […]}}` (or one `item` object): the shape bizinfo's
    /// documentation shows.
    BizinfoJsonObject,
    /// RSS 2.0 XML: bizinfo's answer when `dataType` is omitted.
    BizinfoRss,
    /// `{"currentCount", "data": […], "matchCount", "page", "perPage", "totalCount"}`.
    KStartupJson,
}

impl Form {
    /// The feed the form belongs to.
    pub fn source(self) -> Source {
        match self {
            Form::KStartupJson => Source::KStartup,
            _ => Source::Bizinfo,
        }
    }

    /// The form for people, in the import report.
    pub fn label(self) -> Text {
        match self {
            Form::BizinfoJsonList => Text::new(
                "기업마당 JSON ({\"jsonArray\": […]})",
                "bizinfo JSON ({\"jsonArray\": […]})",
            ),
            Form::BizinfoJsonObject => Text::new(
                "기업마당 JSON, 문서의 형태 ({\"jsonArray\": {\"item\": […]}})",
                "bizinfo JSON, documented shape ({\"jsonArray\": {\"item\": […]}})",
            ),
            Form::BizinfoRss => Text::new("기업마당 RSS 2.0 XML", "bizinfo RSS 2.0 XML"),
            Form::KStartupJson => Text::new(
                "K-Startup 공고 JSON ({\"data\": […]})",
                "K-Startup announcements JSON ({\"data\": […]})",
            ),
        }
    }
}

/// A feed file's items, not yet read as notices.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub form: Form,
    /// Where the items were: `jsonArray`, `jsonArray.item`, `rss.channel.item`, `data`.
    pub list_path: String,
    /// The items in file order. RSS items become objects of element name → text.
    pub items: Vec<Value>,
}

fn refuse(ko: impl Into<String>, en: impl Into<String>) -> Vec<Problem> {
    vec![Problem::whole(Text::new(ko, en))]
}

/// Reads what a feed file is and where its items are. An empty list is not an
/// error here (`read_feed` refuses a feed that yields no notice, after looking
/// one level deeper for misplaced notices).
pub fn read_document(bytes: &[u8]) -> Result<Document, Vec<Problem>> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = body.iter().position(|b| !b.is_ascii_whitespace());
    if start.is_some_and(|i| body[i] == b'<') {
        let text = std::str::from_utf8(body).map_err(|e| {
            vec![Problem::whole(ProblemKind::NotUtf8 {
                offset: e.valid_up_to(),
            })]
        })?;
        return read_markup(text);
    }
    let value = parse_json(bytes).map_err(|p| vec![p])?;
    read_json(&value)
}

/// An HTML page: `<!DOCTYPE html>` or a first element html, head or body.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text.chars().take(2048).collect::<String>().to_lowercase();
    if head.contains("<!doctype html") {
        return true;
    }
    // The first element, after any declaration, comment or doctype.
    let mut rest = head.as_str();
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if rest.starts_with('?') || rest.starts_with('!') {
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        return matches!(name.as_str(), "html" | "head" | "body");
    }
    false
}

/// The `<title>` of an HTML page, if it has one, on one line.
fn html_title(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let from = lower.find("<title")?;
    let open_end = from + lower[from..].find('>')? + 1;
    let close = open_end + lower[open_end..].find("</title")?;
    let title = super::clean::one_line(text.get(open_end..close)?);
    (!title.is_empty()).then(|| printable(&truncate_chars(&title, 80)))
}

fn html_page(text: &str) -> Vec<Problem> {
    let (title_ko, title_en) = match html_title(text) {
        Some(t) => (format!(" (제목: \"{t}\")"), format!(" (title: \"{t}\")")),
        None => (String::new(), String::new()),
    };
    refuse(
        format!(
            "공고 데이터가 아니라 웹 페이지(HTML)입니다{title_ko}. 요청이 로그인·오류·점검 페이지로 갔을 수 있습니다. 주소를 브라우저로 열어 어떤 페이지인지 확인하고, API 주소(기업마당 bizinfoApi.do 또는 K-Startup getAnnouncementInformation01)의 응답을 다시 내려받으세요."
        ),
        format!(
            "this is a web page (HTML), not feed data{title_en}. The request probably reached a login, error or maintenance page. Open the address in a browser to see which, then download the API's answer again (bizinfo's bizinfoApi.do or K-Startup's getAnnouncementInformation01)."
        ),
    )
}

fn read_markup(text: &str) -> Result<Document, Vec<Problem>> {
    if looks_like_html(text) {
        return Err(html_page(text));
    }
    let root = xml::parse(text).map_err(|e| {
        let detail = printable(&truncate_chars(&e.detail, 120));
        refuse(
            format!(
                "XML로 읽을 수 없습니다 ({}번째 바이트 부근: {detail}). 내려받기가 중간에 끊겼거나 XML이 아닌 파일입니다. 다시 내려받으세요.",
                e.offset
            ),
            format!(
                "not readable XML (near byte {}: {detail}). The download was cut off, or this is not an XML file; download it again.",
                e.offset
            ),
        )
    })?;
    match root.name.as_str() {
        "OpenAPI_ServiceResponse" => Err(gateway_error(
            root.find_text("errMsg"),
            root.find_text("returnAuthMsg"),
            root.find_text("returnReasonCode"),
        )),
        "rss" => read_rss(&root),
        "response" => Err(data_go_kr_response(
            root.find_text("resultCode"),
            root.find_text("resultMsg"),
        )),
        "html" => Err(html_page(text)),
        other => {
            let other = printable(&truncate_chars(other, 40));
            Err(refuse(
                format!(
                    "RSS가 아닌 XML입니다 (최상위 요소 <{other}>). 기업마당 RSS(<rss><channel><item>…)나 JSON 응답을 내려받으세요."
                ),
                format!(
                    "XML that is not RSS (root element <{other}>). Download bizinfo's RSS (<rss><channel><item>…) or a JSON answer."
                ),
            ))
        }
    }
}

/// An RSS item as an object: each child element's text by its name (the first of
/// a repeated name).
fn item_object(e: &Element) -> Value {
    let mut map = Map::new();
    for c in &e.children {
        map.entry(c.name.clone())
            .or_insert_with(|| Value::String(c.text.clone()));
    }
    Value::Object(map)
}

fn read_rss(root: &Element) -> Result<Document, Vec<Problem>> {
    let Some(channel) = root.child("channel") else {
        return Err(refuse(
            "RSS에 <channel>이 없습니다: 기업마당 RSS 응답이 아닙니다. 다시 내려받으세요.",
            "the RSS has no <channel>: not a bizinfo RSS answer. Download it again.",
        ));
    };
    let items: Vec<Value> = channel.children_named("item").map(item_object).collect();
    if items.is_empty()
        && let Some((path, _)) = channel.find("item")
    {
        // Notices one level (or more) deeper than RSS puts them.
        let count = parent_of(channel, &path).map_or(1, |p| p.children_named("item").count());
        return Err(deeper(
            "rss.channel.item",
            &format!("rss.channel.{path}"),
            count,
        ));
    }
    Ok(Document {
        form: Form::BizinfoRss,
        list_path: "rss.channel.item".into(),
        items,
    })
}

/// The element that holds the element at `path` (`a.b.item` → `a.b`).
fn parent_of<'a>(from: &'a Element, path: &str) -> Option<&'a Element> {
    let mut parts: Vec<&str> = path.split('.').collect();
    parts.pop();
    let mut at = from;
    for p in parts {
        at = at.child(p)?;
    }
    Some(at)
}

/// The refusal for notices found below where the format puts them.
pub fn deeper(expected: &str, found: &str, count: usize) -> Vec<Problem> {
    refuse(
        format!(
            "\"{expected}\"에 공고가 없습니다. 공고가 한 단계 더 깊은 \"{found}\"에 있습니다 ({count}건). API가 내려준 형태가 아닙니다 (다른 프로그램이 감싸거나 바꾼 파일로 보입니다): API의 응답을 그대로 다시 내려받으세요."
        ),
        format!(
            "no notice at \"{expected}\": the notices sit one level deeper, at \"{found}\" ({count}). This is not the shape the API answers with (another tool seems to have wrapped or converted the file): download the API's answer again, unchanged."
        ),
    )
}

/// Advice for a data.go.kr gateway error, by its reason code or name.
fn gateway_advice(code: Option<&str>, names: &str) -> (&'static str, &'static str) {
    let is = |c: &str, name: &str| code == Some(c) || names.contains(name);
    if is("30", "SERVICE_KEY_IS_NOT_REGISTERED") {
        (
            "서비스키가 등록되지 않았거나 이 API에 대한 활용 승인이 아직 나지 않았습니다. data.go.kr 마이페이지 → 데이터 활용 → 활용신청 현황에서 이 API가 승인되었는지 확인하고 (승인 후 키가 쓰이기까지 몇 시간 걸릴 수 있습니다), 발급된 키를 그대로(일반 인증키) 쓰세요.",
            "The service key is not registered, or not yet approved for this API. On data.go.kr, check under My page → Data use → Applications that this API is approved (a new approval can take a few hours to work), and use the key exactly as issued.",
        )
    } else if is("31", "DEADLINE_HAS_EXPIRED") {
        (
            "서비스키의 활용기간이 끝났습니다. data.go.kr에서 활용기간을 연장하세요.",
            "The key's period of use has ended. Extend it on data.go.kr.",
        )
    } else if is("22", "LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS") {
        (
            "오늘 쓸 수 있는 요청 수를 다 썼습니다. 내일 다시 받거나 data.go.kr에서 운영계정(트래픽 증가)을 신청하세요.",
            "Today's request limit is used up. Try again tomorrow, or ask data.go.kr for a larger limit.",
        )
    } else if is("20", "SERVICE_ACCESS_DENIED") {
        (
            "이 키로는 이 API를 쓸 수 없습니다. data.go.kr에서 이 API의 활용신청을 하세요.",
            "This key may not use this API. Apply for this API on data.go.kr.",
        )
    } else if is("32", "UNREGISTERED_IP") {
        (
            "등록되지 않은 IP 주소에서 요청했습니다. data.go.kr에서 키에 등록한 IP를 확인하세요.",
            "The request came from an IP address not registered for the key. Check the key's addresses on data.go.kr.",
        )
    } else if is("12", "NO_OPENAPI_SERVICE") {
        (
            "요청한 API가 없습니다. 요청 주소를 확인하세요.",
            "There is no such API. Check the request address.",
        )
    } else {
        (
            "요청 주소와 서비스키를 data.go.kr에서 확인하세요.",
            "Check the request address and the service key on data.go.kr.",
        )
    }
}

/// The refusal for a data.go.kr gateway error (`OpenAPI_ServiceResponse`).
fn gateway_error(
    err_msg: Option<String>,
    auth_msg: Option<String>,
    code: Option<String>,
) -> Vec<Problem> {
    let mut parts: Vec<String> = [&err_msg, &auth_msg]
        .into_iter()
        .flatten()
        .map(|s| printable(&truncate_chars(s, 100)))
        .collect();
    parts.dedup();
    let names = parts.join(" ");
    let (advice_ko, advice_en) = gateway_advice(code.as_deref(), &names);
    let said = if parts.is_empty() {
        "-".to_string()
    } else {
        parts.join(", ")
    };
    let (code_ko, code_en) = match &code {
        Some(c) => {
            let c = printable(&truncate_chars(c, 20));
            (format!(" (코드 {c})"), format!(" (code {c})"))
        }
        None => (String::new(), String::new()),
    };
    refuse(
        format!(
            "공고가 아니라 data.go.kr 게이트웨이의 오류 응답입니다: {said}{code_ko}. {advice_ko}"
        ),
        format!(
            "this is an error answer from the data.go.kr gateway, not notices: {said}{code_en}. {advice_en}"
        ),
    )
}

/// A data.go.kr `response` (the bizinfo mirror's shape): an error with its code, or
/// a shape this version does not read.
fn data_go_kr_response(code: Option<String>, msg: Option<String>) -> Vec<Problem> {
    match code.as_deref() {
        Some(c) if c.trim_start_matches('0').is_empty() => refuse(
            "data.go.kr의 response.body.items 형태(기업마당 미러)는 읽지 않습니다. 기업마당 API(bizinfo.go.kr)에서 직접 내려받으세요 (docs/feeds.md).",
            "data.go.kr's response.body.items shape (the bizinfo mirror) is not read. Download from the bizinfo API (bizinfo.go.kr) directly (docs/feeds.md).",
        ),
        Some(_) => gateway_error(msg, None, code),
        None => refuse(
            "\"jsonArray\"(기업마당)도 \"data\"(K-Startup)도 없습니다: data.go.kr의 response 형태(기업마당 미러)는 읽지 않습니다. 기업마당 API(bizinfo.go.kr)에서 직접 내려받으세요.",
            "no \"jsonArray\" (bizinfo) and no \"data\" (K-Startup): data.go.kr's response shape (the bizinfo mirror) is not read. Download from the bizinfo API (bizinfo.go.kr) directly.",
        ),
    }
}

fn text_at(v: &Value, path: &[&str]) -> Option<String> {
    let mut at = v;
    for p in path {
        at = at.get(p)?;
    }
    match at {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
    .filter(|s| !s.is_empty())
}

fn read_json(value: &Value) -> Result<Document, Vec<Problem>> {
    let Value::Object(top) = value else {
        return Err(vec![Problem::whole(ProblemKind::WrongType {
            expected: Text::new(
                "기업마당 API 응답 {\"jsonArray\": […]} 또는 K-Startup 응답 {\"data\": […]}",
                "the bizinfo API answer {\"jsonArray\": […]} or K-Startup's {\"data\": […]}",
            ),
            found: JsonType::of(value),
        })]);
    };
    if let Some(r) = top.get("OpenAPI_ServiceResponse") {
        let h = r.get("cmmMsgHeader").unwrap_or(r);
        return Err(gateway_error(
            text_at(h, &["errMsg"]),
            text_at(h, &["returnAuthMsg"]),
            text_at(h, &["returnReasonCode"]),
        ));
    }
    if let Some(e) = top.get("reqErr") {
        let answer = match e {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let answer = printable(&truncate_chars(&answer, 200));
        return Err(refuse(
            format!(
                "기업마당 API가 공고 대신 오류를 돌려주었습니다: {answer} 인증키(crtfcKey)를 확인하세요. 기업마당이 전자우편으로 발급하는 키이며 data.go.kr의 키가 아닙니다."
            ),
            format!(
                "the bizinfo API answered with an error instead of notices: {answer} Check the key (crtfcKey): bizinfo issues it by e-mail; it is not a data.go.kr key."
            ),
        ));
    }
    if let Some(list) = top.get("jsonArray") {
        return match list {
            Value::Array(items) => Ok(Document {
                form: Form::BizinfoJsonList,
                list_path: "jsonArray".into(),
                items: items.clone(),
            }),
            Value::Object(obj) => match obj.get("item") {
                Some(Value::Array(items)) => Ok(Document {
                    form: Form::BizinfoJsonObject,
                    list_path: "jsonArray.item".into(),
                    items: items.clone(),
                }),
                Some(one @ Value::Object(_)) => Ok(Document {
                    form: Form::BizinfoJsonObject,
                    list_path: "jsonArray.item".into(),
                    items: vec![one.clone()],
                }),
                Some(other) => Err(vec![Problem::new(
                    "jsonArray.item",
                    ProblemKind::WrongType {
                        expected: Text::new("공고 목록", "a list of notices"),
                        found: JsonType::of(other),
                    },
                )]),
                None => Err(vec![Problem::new(
                    "jsonArray",
                    Text::new(
                        "공고 목록이나 \"item\" 목록을 가진 객체(문서의 형태)여야 하는데 \"item\"이 없는 객체입니다. 공고는 \"jsonArray\"(목록) 또는 \"jsonArray.item\"에 있어야 합니다.",
                        "expected a list of notices, or an object with an \"item\" list (the documented shape); found an object without \"item\". Notices are read at \"jsonArray\" (a list) or \"jsonArray.item\".",
                    ),
                )]),
            },
            other => Err(vec![Problem::new(
                "jsonArray",
                ProblemKind::WrongType {
                    expected: Text::new("공고 목록", "a list of notices"),
                    found: JsonType::of(other),
                },
            )]),
        };
    }
    if let Some(data) = top.get("data") {
        return match data {
            Value::Array(items) => Ok(Document {
                form: Form::KStartupJson,
                list_path: "data".into(),
                items: items.clone(),
            }),
            other => Err(vec![Problem::new(
                "data",
                ProblemKind::WrongType {
                    expected: Text::new("K-Startup 공고 목록", "a list of K-Startup notices"),
                    found: JsonType::of(other),
                },
            )]),
        };
    }
    if let Some(r) = top.get("response") {
        return Err(data_go_kr_response(
            text_at(r, &["header", "resultCode"]),
            text_at(r, &["header", "resultMsg"]),
        ));
    }
    let mut keys: Vec<String> = top
        .keys()
        .take(8)
        .map(|k| format!("\"{}\"", printable(&truncate_chars(k, 40))))
        .collect();
    if keys.is_empty() {
        keys.push("-".into());
    }
    let keys = keys.join(", ");
    Err(refuse(
        format!(
            "\"jsonArray\"(기업마당)도 \"data\"(K-Startup)도 없습니다: 가치가 읽는 공고 파일이 아닙니다 (있는 필드: {keys}). 기업마당 API의 응답(JSON 또는 RSS)이나 K-Startup 공고 API(getAnnouncementInformation01)의 JSON 응답을 그대로 쓰세요."
        ),
        format!(
            "no \"jsonArray\" (bizinfo) and no \"data\" (K-Startup): not a feed Gachi reads (fields found: {keys}). Use the bizinfo API's answer (JSON or RSS) or the JSON answer of K-Startup's announcement API (getAnnouncementInformation01), unchanged."
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_recognised_with_or_without_doctype() {
        assert!(looks_like_html("<!DOCTYPE html><html>"));
        assert!(looks_like_html("<?xml version=\"1.0\"?>\n<html><body>"));
        assert!(looks_like_html("  <body>오류</body>"));
        assert!(!looks_like_html("<?xml version=\"1.0\"?><rss><channel>"));
        assert_eq!(
            html_title("<html><head><title> 점검 중\n</title></head>"),
            Some("점검 중".into())
        );
    }
}
