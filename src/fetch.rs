//! Fetching the notice feeds (기업마당 bizinfo, K-Startup) over HTTPS with the user's
//! key, page by page, into one answer that `gachi import` reads (docs/feeds.md,
//! "Fetching").
//!
//! This is the edge of the program that talks to the network: `ureq` with rustls,
//! connect and read timeouts, retries with exponential backoff for timeouts,
//! connection errors and 5xx answers (never for 4xx or an error answer), and plain
//! `http://` only to a loopback address (the tests' local server). Every answer is
//! read with [`crate::bizinfo::detect`], so a gateway error, an API error or an HTML
//! page stops the fetch with the importer's own explanation.
//!
//! The key is never shown: every message, the address shown, the cached answers
//! and the combined file pass through [`redact`].

use crate::bizinfo::Source;
use crate::bizinfo::detect::{Document, looks_like_html, read_document};
use crate::files::{self, FileError};
use crate::text::{Text, printable};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// bizinfo's open API (JSON with `dataType=json`).
pub const BIZINFO_ENDPOINT: &str = "https://www.bizinfo.go.kr/uss/rss/bizinfoApi.do";
/// K-Startup's announcement operation on the data.go.kr gateway.
pub const KSTARTUP_ENDPOINT: &str =
    "https://apis.data.go.kr/B552735/kisedKstartupService01/getAnnouncementInformation01";
/// What replaces the key wherever it would appear.
pub const REDACTED: &str = "***";
/// The most pages one fetch asks for, so a server that always answers a full page
/// cannot keep it going forever.
pub const MAX_PAGES: u32 = 200;
/// The largest answer read for one page (the importer's file cap).
pub const MAX_PAGE_BYTES: u64 = files::MAX_FILE_BYTES;

/// The environment variable read for the key when `--key` is not given.
pub fn key_env(source: Source) -> &'static str {
    match source {
        Source::Bizinfo => "GACHI_BIZINFO_KEY",
        Source::KStartup => "GACHI_KSTARTUP_KEY",
    }
}

/// The service's address when `--endpoint` is not given.
pub fn default_endpoint(source: Source) -> &'static str {
    match source {
        Source::Bizinfo => BIZINFO_ENDPOINT,
        Source::KStartup => KSTARTUP_ENDPOINT,
    }
}

/// Notices asked for per page: bizinfo's documented maximum (500), and K-Startup
/// 100 (what other clients use; data.go.kr's maximum for it is not documented).
pub fn default_page_size(source: Source) -> u32 {
    match source {
        Source::Bizinfo => 500,
        Source::KStartup => 100,
    }
}

/// Timeouts, retries and pauses of one fetch. The defaults are for the real
/// services; tests inject short ones.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Time to open the connection (TCP and TLS).
    pub connect_timeout: Duration,
    /// Time to wait for the answer's headers, and again for its body.
    pub read_timeout: Duration,
    /// The pauses before each retry; their number is the number of retries.
    pub retry_delays: Vec<Duration>,
    /// The pause between two pages (bizinfo refuses bursts with HTTP 401).
    pub page_pause: Duration,
    /// Notices asked for per page.
    pub page_size: u32,
    /// The most pages asked for.
    pub max_pages: u32,
}

impl Settings {
    /// 10 s to connect, 30 s to read, 3 retries after 0.5 s, 1 s and 2 s, the
    /// source's page size, 1.5 s between bizinfo pages and 0.5 s between K-Startup's.
    pub fn for_source(source: Source) -> Settings {
        Settings {
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(30),
            retry_delays: backoff(Duration::from_millis(500), 3),
            page_pause: match source {
                Source::Bizinfo => Duration::from_millis(1500),
                Source::KStartup => Duration::from_millis(500),
            },
            page_size: default_page_size(source),
            max_pages: MAX_PAGES,
        }
    }
}

/// `count` delays starting at `first`, each twice the one before.
pub fn backoff(first: Duration, count: usize) -> Vec<Duration> {
    (0..count).map(|i| first * 2u32.pow(i as u32)).collect()
}

/// Whether a host is this machine: 127.0.0.0/8, ::1 or localhost.
fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    host.parse::<std::net::IpAddr>()
        .is_ok_and(|ip| ip.is_loopback())
}

/// A checked endpoint: `https://…`, or `http://` to a loopback host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    url: String,
    loopback: bool,
}

impl Endpoint {
    /// Checks an address given with `--endpoint` (or the default one). Refused:
    /// anything that is not an http(s) URL with a host, and plain `http://` to any
    /// host but this machine (the key would cross the network unencrypted).
    pub fn parse(url: &str) -> Result<Endpoint, Text> {
        let url = url.trim();
        let shown = printable(url);
        let uri: ureq::http::Uri = url.parse().map_err(|_| {
            Text::new(
                format!(
                    "\"{shown}\"은(는) 주소(URL)가 아닙니다. https://로 시작하는 주소를 쓰세요."
                ),
                format!("\"{shown}\" is not an address (URL); give one starting with https://."),
            )
        })?;
        let host = uri.host().unwrap_or_default().to_string();
        if host.is_empty() {
            return Err(Text::new(
                format!("\"{shown}\"에 호스트가 없습니다. https://로 시작하는 주소를 쓰세요."),
                format!("\"{shown}\" has no host; give an address starting with https://."),
            ));
        }
        let loopback = is_loopback(&host);
        match uri.scheme_str() {
            Some(s) if s.eq_ignore_ascii_case("https") => {}
            Some(s) if s.eq_ignore_ascii_case("http") => {
                if !loopback {
                    return Err(Text::new(
                        format!(
                            "\"{shown}\": 암호화되지 않은 http:// 주소는 이 컴퓨터(127.0.0.1, ::1, localhost)에만 쓸 수 있습니다. 키가 네트워크에 그대로 보이기 때문입니다. https://를 쓰세요."
                        ),
                        format!(
                            "\"{shown}\": plain http:// is allowed only to this machine (127.0.0.1, ::1, localhost), because the key would cross the network unencrypted. Use https://."
                        ),
                    ));
                }
            }
            _ => {
                return Err(Text::new(
                    format!("\"{shown}\": https://로 시작하는 주소여야 합니다."),
                    format!("\"{shown}\": the address must start with https://."),
                ));
            }
        }
        Ok(Endpoint {
            url: url.to_string(),
            loopback,
        })
    }

    /// The address as given.
    pub fn as_str(&self) -> &str {
        &self.url
    }
}

/// Percent-encodes a query value (RFC 3986 unreserved characters kept).
fn encode(value: &str) -> String {
    let mut out = String::new();
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` sequences (anything else kept as it is).
fn decode(value: &str) -> String {
    let b = value.as_bytes();
    let hex = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Whether a key is already percent-encoded (data.go.kr's "Encoding" key, with
/// `%2B`, `%2F`, `%3D`): it is then sent as it is, not encoded twice.
fn is_encoded(key: &str) -> bool {
    let b = key.as_bytes();
    (0..b.len()).any(|i| {
        b[i] == b'%'
            && i + 2 < b.len()
            && b[i + 1].is_ascii_hexdigit()
            && b[i + 2].is_ascii_hexdigit()
    })
}

/// The forms of the key that could appear in a text: as given, percent-encoded,
/// percent-decoded, and with `/` escaped as JSON may write it. Longest first.
fn key_forms(key: &str) -> Vec<String> {
    let mut forms = vec![key.to_string(), encode(key), decode(key)];
    for f in forms.clone() {
        forms.push(f.replace('/', "\\/"));
        forms.push(f.to_lowercase());
    }
    forms.retain(|f| !f.is_empty());
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    forms.dedup();
    forms
}

/// `text` with every form of `key` (as given, percent-encoded or decoded) replaced
/// by `***`.
pub fn redact(text: &str, key: &str) -> String {
    let mut out = text.to_string();
    for f in key_forms(key) {
        out = out.replace(&f, REDACTED);
    }
    out
}

/// [`redact`] on bytes (a cached answer that may not be UTF-8).
pub fn redact_bytes(bytes: &[u8], key: &str) -> Vec<u8> {
    let mut out = bytes.to_vec();
    for f in key_forms(key) {
        let f = f.as_bytes();
        let mut next = Vec::with_capacity(out.len());
        let mut i = 0;
        while i < out.len() {
            if out[i..].starts_with(f) {
                next.extend_from_slice(REDACTED.as_bytes());
                i += f.len();
            } else {
                next.push(out[i]);
                i += 1;
            }
        }
        out = next;
    }
    out
}

/// Checks a key: not empty, no spaces or control characters inside, at least 8
/// characters (real keys are far longer; a short one is a typo or an empty
/// variable, and redacting it would blot out ordinary words).
pub fn check_key(key: &str) -> Result<(), Text> {
    if key.is_empty() {
        return Err(Text::new("키가 비어 있습니다.", "the key is empty."));
    }
    if key.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Text::new(
            "키에 공백이나 제어 문자가 있습니다. 발급받은 키를 그대로 붙여 넣으세요.",
            "the key contains spaces or control characters; paste it exactly as issued.",
        ));
    }
    if key.chars().count() < 8 {
        return Err(Text::new(
            "키가 너무 짧습니다 (8자 미만). 발급받은 키 전체를 쓰세요.",
            "the key is too short (under 8 characters); use the whole key as issued.",
        ));
    }
    Ok(())
}

/// One fetch: which feed, with which key, from where, how.
#[derive(Clone)]
pub struct Job<'a> {
    pub source: Source,
    /// The user's key; never shown.
    pub key: &'a str,
    pub endpoint: &'a Endpoint,
    pub settings: &'a Settings,
    /// Where each raw answer is kept (`page-<n>.json`, the key redacted); none to
    /// keep nothing.
    pub cache_dir: Option<&'a Path>,
}

impl std::fmt::Debug for Job<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Job")
            .field("source", &self.source)
            .field("key", &REDACTED)
            .field("endpoint", &self.endpoint)
            .field("settings", &self.settings)
            .field("cache_dir", &self.cache_dir)
            .finish()
    }
}

impl Job<'_> {
    /// The request for page `page` (from 1), with the key.
    fn url(&self, page: u32) -> String {
        let key = if is_encoded(self.key) {
            self.key.to_string()
        } else {
            encode(self.key)
        };
        let size = self.settings.page_size;
        let query = match self.source {
            Source::Bizinfo => format!(
                "crtfcKey={key}&dataType=json&searchCnt={size}&pageUnit={size}&pageIndex={page}"
            ),
            Source::KStartup => {
                format!("serviceKey={key}&page={page}&perPage={size}&returnType=json")
            }
        };
        let base = self.endpoint.as_str();
        let sep = if !base.contains('?') {
            "?"
        } else if base.ends_with('?') || base.ends_with('&') {
            ""
        } else {
            "&"
        };
        format!("{base}{sep}{query}")
    }

    /// The request for page `page` as it may be shown: the key is `***`.
    pub fn shown_url(&self, page: u32) -> String {
        printable(&redact(&self.url(page), self.key))
    }
}

/// How far a fetch has come, after each page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// The page just read (from 1).
    pub page: u32,
    /// Notices read so far.
    pub notices: usize,
    /// The total the service announced, if it did.
    pub total: Option<u64>,
}

/// What a successful fetch read.
#[derive(Debug, Clone, PartialEq)]
pub struct Fetched {
    pub source: Source,
    /// Pages asked for (including a last, empty one).
    pub pages: u32,
    /// Every notice in page order.
    pub items: Vec<Value>,
    /// The total the service announced (`totCnt`, `totalCount`), if it did.
    pub total: Option<u64>,
}

impl Fetched {
    /// The combined answer in the form `gachi import` reads: `{"jsonArray": […]}`
    /// for bizinfo, `{"data": […], "currentCount", "totalCount"}` for K-Startup;
    /// the key redacted, should a server have echoed it.
    pub fn answer_json(&self, key: &str) -> Vec<u8> {
        let items = Value::Array(self.items.clone());
        let doc = match self.source {
            Source::Bizinfo => serde_json::json!({ "jsonArray": items }),
            Source::KStartup => serde_json::json!({
                "currentCount": self.items.len(),
                "data": items,
                "totalCount": self.total.unwrap_or(self.items.len() as u64),
            }),
        };
        let text = serde_json::to_string_pretty(&doc).unwrap_or_default();
        redact(&text, key).into_bytes()
    }
}

/// Why a fetch stopped. Every text is already redacted.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchError {
    /// The service answered with something that is not notices: a gateway error
    /// (key not registered …), the API's error answer, a wrong shape. The
    /// importer's explanations, one per problem.
    Answer { url: String, problems: Vec<Text> },
    /// An HTML page instead of data (a login, error or maintenance page).
    Html { url: String, problems: Vec<Text> },
    /// An HTTP status other than 200 (5xx after the retries).
    Status {
        url: String,
        status: u16,
        tries: u32,
    },
    /// No answer in time, after the retries.
    Timeout { url: String, tries: u32 },
    /// The connection was refused or could not be made, after the retries.
    Connect {
        url: String,
        tries: u32,
        detail: String,
    },
    /// Any other network or protocol error.
    Network {
        url: String,
        tries: u32,
        detail: String,
    },
    /// The same page came back for the next page number: the server ignores paging.
    SamePage { url: String },
    /// More than `max_pages` full pages.
    TooManyPages { max: u32 },
    /// The service answered, but with no notice at all.
    NoNotice { url: String },
    /// A raw answer could not be kept in the cache.
    Cache(Text),
    /// Stopped by the caller.
    Cancelled,
}

impl FetchError {
    /// Whether the cause is the user's input (key, endpoint, a refused request):
    /// exit code 2; anything else (network, server) is 1.
    pub fn is_bad_input(&self) -> bool {
        match self {
            FetchError::Answer { .. } => true,
            FetchError::Status { status, .. } => (400..500).contains(status),
            _ => false,
        }
    }

    /// What went wrong and what to do, one text per line.
    pub fn texts(&self) -> Vec<Text> {
        let tries_ko = |t: u32| {
            if t > 1 {
                format!(" ({t}번 시도)")
            } else {
                String::new()
            }
        };
        let tries_en = |t: u32| match t {
            0 | 1 => String::new(),
            t => format!(" (tried {t} times)"),
        };
        match self {
            FetchError::Answer { url, problems } | FetchError::Html { url, problems } => problems
                .iter()
                .map(|p| Text::new(format!("{url}: {}", p.ko), format!("{url}: {}", p.en)))
                .collect(),
            FetchError::Status { url, status, tries } => {
                let (ko, en) = match status {
                    401 | 403 => (
                        "키가 거부되었거나, 요청이 너무 빨랐습니다 (기업마당은 연속 요청을 401로 거부합니다). 키를 확인하고 잠시 뒤 다시 받으세요.",
                        "the key was refused, or the requests came too fast (bizinfo refuses bursts with 401). Check the key and try again in a while.",
                    ),
                    404 => (
                        "그 주소에 API가 없습니다. --endpoint를 확인하세요.",
                        "there is no API at that address; check --endpoint.",
                    ),
                    400..=499 => (
                        "서버가 요청을 거부했습니다. 키와 --endpoint를 확인하세요.",
                        "the server refused the request; check the key and --endpoint.",
                    ),
                    500..=599 => (
                        "서버 오류입니다. 서비스가 점검 중이거나 바쁠 수 있습니다. 잠시 뒤 다시 받으세요.",
                        "a server error; the service may be down or busy. Try again later.",
                    ),
                    _ => (
                        "공고 대신 다른 응답이 왔습니다.",
                        "the server answered with something other than notices.",
                    ),
                };
                vec![Text::new(
                    format!("{url}: HTTP 상태 {status}{}. {ko}", tries_ko(*tries)),
                    format!("{url}: HTTP status {status}{}: {en}", tries_en(*tries)),
                )]
            }
            FetchError::Timeout { url, tries } => vec![Text::new(
                format!(
                    "{url}: 제한 시간 안에 응답이 없습니다{}. 네트워크나 서비스 상태를 확인하고 잠시 뒤 다시 받으세요.",
                    tries_ko(*tries)
                ),
                format!(
                    "{url}: timeout, no answer in time{}. Check the network or the service and try again later.",
                    tries_en(*tries)
                ),
            )],
            FetchError::Connect { url, tries, detail } => vec![Text::new(
                format!(
                    "{url}: 연결할 수 없습니다{}: {detail}. 인터넷 연결과 주소를 확인하세요.",
                    tries_ko(*tries)
                ),
                format!(
                    "{url}: cannot connect{}: {detail}. Check the internet connection and the address.",
                    tries_en(*tries)
                ),
            )],
            FetchError::Network { url, tries, detail } => vec![Text::new(
                format!("{url}: 네트워크 오류{}: {detail}", tries_ko(*tries)),
                format!("{url}: network error{}: {detail}", tries_en(*tries)),
            )],
            FetchError::SamePage { url } => vec![Text::new(
                format!(
                    "{url}: 앞 쪽과 같은 공고가 다시 왔습니다. 서버가 쪽 번호를 무시합니다; 받기를 멈췄습니다."
                ),
                format!(
                    "{url}: the same notices as the page before came back; the server ignores the page number, so the fetch stopped."
                ),
            )],
            FetchError::TooManyPages { max } => vec![Text::new(
                format!(
                    "{max}쪽을 받고도 끝나지 않았습니다. 서버가 계속 가득 찬 쪽을 돌려주어 받기를 멈췄습니다."
                ),
                format!(
                    "still not at the end after {max} pages: the server keeps answering full pages, so the fetch stopped."
                ),
            )],
            FetchError::NoNotice { url } => vec![Text::new(
                format!("{url}: 서비스가 공고를 하나도 돌려주지 않았습니다."),
                format!("{url}: the service answered with no notice at all."),
            )],
            FetchError::Cache(t) => vec![t.clone()],
            FetchError::Cancelled => vec![Text::new("받기를 취소했습니다.", "fetch cancelled.")],
        }
    }
}

/// What one request ended with.
enum Attempt {
    Body(Vec<u8>),
    Status(u16),
    Timeout,
    Connect(String),
    Other(String),
}

impl Attempt {
    fn retry(&self) -> bool {
        match self {
            Attempt::Body(_) | Attempt::Other(_) => false,
            Attempt::Status(s) => *s >= 500,
            Attempt::Timeout | Attempt::Connect(_) => true,
        }
    }
}

fn agent(job: &Job) -> ureq::Agent {
    let s = job.settings;
    let mut cfg = ureq::Agent::config_builder()
        .timeout_connect(Some(s.connect_timeout))
        .timeout_recv_response(Some(s.read_timeout))
        .timeout_recv_body(Some(s.read_timeout))
        .http_status_as_error(false)
        .https_only(!job.endpoint.loopback)
        .max_redirects(5)
        .user_agent(format!("gachi/{}", env!("CARGO_PKG_VERSION")));
    if job.endpoint.loopback {
        // A proxy from the environment must not see a request to this machine.
        cfg = cfg.proxy(None);
    }
    cfg.build().into()
}

fn classify(e: ureq::Error) -> Attempt {
    match e {
        ureq::Error::Timeout(_) => Attempt::Timeout,
        ureq::Error::ConnectionFailed | ureq::Error::HostNotFound => {
            Attempt::Connect(e.to_string())
        }
        ureq::Error::Io(io) => match io.kind() {
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => Attempt::Timeout,
            std::io::ErrorKind::ConnectionRefused
            | std::io::ErrorKind::ConnectionReset
            | std::io::ErrorKind::ConnectionAborted
            | std::io::ErrorKind::NotConnected
            | std::io::ErrorKind::UnexpectedEof
            | std::io::ErrorKind::BrokenPipe => Attempt::Connect(io.to_string()),
            _ => Attempt::Other(io.to_string()),
        },
        other => Attempt::Other(other.to_string()),
    }
}

fn request(agent: &ureq::Agent, url: &str) -> Attempt {
    let mut resp = match agent.get(url).call() {
        Ok(r) => r,
        Err(e) => return classify(e),
    };
    let status = resp.status().as_u16();
    if status != 200 {
        return Attempt::Status(status);
    }
    match resp
        .body_mut()
        .with_config()
        .limit(MAX_PAGE_BYTES)
        .read_to_vec()
    {
        Ok(b) => Attempt::Body(b),
        Err(e) => classify(e),
    }
}

/// One page's body, with the retries.
fn get_page(job: &Job, agent: &ureq::Agent, page: u32) -> Result<Vec<u8>, FetchError> {
    let url = job.url(page);
    let shown = job.shown_url(page);
    let mut tries = 0u32;
    loop {
        tries += 1;
        let attempt = request(agent, &url);
        let delay = job.settings.retry_delays.get(tries as usize - 1);
        if attempt.retry()
            && let Some(d) = delay
        {
            std::thread::sleep(*d);
            continue;
        }
        let detail = |d: String| printable(&redact(&d, job.key));
        return match attempt {
            Attempt::Body(b) => Ok(b),
            Attempt::Status(status) => Err(FetchError::Status {
                url: shown,
                status,
                tries,
            }),
            Attempt::Timeout => Err(FetchError::Timeout { url: shown, tries }),
            Attempt::Connect(d) => Err(FetchError::Connect {
                url: shown,
                tries,
                detail: detail(d),
            }),
            Attempt::Other(d) => Err(FetchError::Network {
                url: shown,
                tries,
                detail: detail(d),
            }),
        };
    }
}

/// A count written as a number or as text.
fn count_of(v: Option<&Value>) -> Option<u64> {
    match v? {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// The total the service announces: bizinfo's `totCnt` on each item, K-Startup's
/// top-level `totalCount`.
fn announced_total(source: Source, body: &[u8], doc: &Document) -> Option<u64> {
    match source {
        Source::Bizinfo => doc.items.first().and_then(|i| count_of(i.get("totCnt"))),
        Source::KStartup => {
            let v: Value = serde_json::from_slice(body).ok()?;
            count_of(v.get("totalCount"))
        }
    }
}

/// The cache file of page `page`.
pub fn cache_file(dir: &Path, page: u32) -> PathBuf {
    dir.join(format!("page-{page}.json"))
}

/// The cache folder of one day's fetch: `<dir of out>/feed-cache/<source>-<date>`.
pub fn cache_dir_for(out: &Path, source: Source, date: &str) -> PathBuf {
    let dir = match out.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    dir.join("feed-cache")
        .join(format!("{}-{date}", source.code()))
}

fn keep(job: &Job, page: u32, body: &[u8]) -> Result<(), FetchError> {
    let Some(dir) = job.cache_dir else {
        return Ok(());
    };
    let fail = |e: FileError| {
        FetchError::Cache(Text::new(
            e.text(crate::text::Lang::Ko),
            e.text(crate::text::Lang::En),
        ))
    };
    std::fs::create_dir_all(dir).map_err(|e| {
        fail(FileError::whole(
            dir,
            Text::new(
                format!("캐시 폴더를 만들 수 없습니다: {e}"),
                format!("cannot create the cache folder: {e}"),
            ),
        ))
    })?;
    files::write_atomic(&cache_file(dir, page), &redact_bytes(body, job.key)).map_err(fail)
}

/// Removes cached pages past `last` left by an earlier fetch the same day.
fn drop_stale_pages(job: &Job, last: u32) {
    let Some(dir) = job.cache_dir else { return };
    let mut page = last + 1;
    while cache_file(dir, page).exists() {
        let _ = std::fs::remove_file(cache_file(dir, page));
        page += 1;
    }
}

/// Fetches every page of `job`'s feed. Pages are asked for from 1 until a page is
/// empty, or shorter than the page size once the announced total (if any) is
/// reached, or the announced total is reached; at most `max_pages`. Each raw
/// answer is kept in the cache as it arrives. `on_page` is told after each page and
/// may stop the fetch by returning false.
pub fn fetch_all(
    job: &Job,
    on_page: &mut dyn FnMut(&Progress) -> bool,
) -> Result<Fetched, FetchError> {
    let agent = agent(job);
    let mut items: Vec<Value> = Vec::new();
    let mut total = None;
    let mut previous: Option<Vec<Value>> = None;
    let size = job.settings.page_size.max(1) as usize;
    for page in 1..=job.settings.max_pages.max(1) {
        if page > 1 && !job.settings.page_pause.is_zero() {
            std::thread::sleep(job.settings.page_pause);
        }
        let body = get_page(job, &agent, page)?;
        keep(job, page, &body)?;
        let doc = read_document(&body).map_err(|problems| {
            let text = String::from_utf8_lossy(&body);
            let problems: Vec<Text> = problems
                .iter()
                .map(|p| {
                    Text::new(
                        printable(&redact(&p.in_lang(crate::text::Lang::Ko), job.key)),
                        printable(&redact(&p.in_lang(crate::text::Lang::En), job.key)),
                    )
                })
                .collect();
            let url = job.shown_url(page);
            if looks_like_html(&text) {
                FetchError::Html { url, problems }
            } else {
                FetchError::Answer { url, problems }
            }
        })?;
        if doc.form.source() != job.source {
            let (ko, en) = (doc.form.label().ko, doc.form.label().en);
            let want = job.source.label();
            return Err(FetchError::Answer {
                url: job.shown_url(page),
                problems: vec![Text::new(
                    format!(
                        "{}을(를) 받는 중인데 {ko} 형태의 응답이 왔습니다. --endpoint를 확인하세요.",
                        want.ko
                    ),
                    format!(
                        "fetching {} but the answer is {en}; check --endpoint.",
                        want.en
                    ),
                )],
            });
        }
        if let Some(t) = announced_total(job.source, &body, &doc) {
            total = Some(t);
        }
        let count = doc.items.len();
        if count > 0 && previous.as_ref() == Some(&doc.items) {
            return Err(FetchError::SamePage {
                url: job.shown_url(page),
            });
        }
        items.extend(doc.items.iter().cloned());
        previous = Some(doc.items);
        if !on_page(&Progress {
            page,
            notices: items.len(),
            total,
        }) {
            return Err(FetchError::Cancelled);
        }
        let reached = total.is_some_and(|t| items.len() as u64 >= t);
        let short = count < size && total.is_none_or(|t| items.len() as u64 >= t);
        if count == 0 || short || reached {
            if items.is_empty() {
                return Err(FetchError::NoNotice {
                    url: job.shown_url(1),
                });
            }
            drop_stale_pages(job, page);
            return Ok(Fetched {
                source: job.source,
                pages: page,
                items,
                total,
            });
        }
    }
    Err(FetchError::TooManyPages {
        max: job.settings.max_pages,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_may_use_plain_http() {
        assert!(Endpoint::parse("http://127.0.0.1:8080/api").is_ok());
        assert!(Endpoint::parse("http://[::1]:8080/api").is_ok());
        assert!(Endpoint::parse("http://localhost/api").is_ok());
        assert!(Endpoint::parse("https://www.bizinfo.go.kr/uss/rss/bizinfoApi.do").is_ok());
        let e = Endpoint::parse("http://www.bizinfo.go.kr/uss/rss/bizinfoApi.do").unwrap_err();
        assert!(e.en.contains("only to this machine"), "{}", e.en);
        assert!(Endpoint::parse("http://127.0.0.1.example.com/").is_err());
        assert!(Endpoint::parse("ftp://127.0.0.1/").is_err());
        assert!(Endpoint::parse("not a url").is_err());
    }

    #[test]
    fn every_form_of_the_key_is_redacted() {
        let key = "Ab+c/d=Ef%2Bgh";
        for form in key_forms(key) {
            let t = format!("x {form} y");
            assert_eq!(redact(&t, key), "x *** y", "{form}");
            assert_eq!(redact_bytes(t.as_bytes(), key), b"x *** y", "{form}");
        }
    }

    #[test]
    fn an_encoded_key_is_sent_as_it_is() {
        let settings = Settings::for_source(Source::KStartup);
        let ep = Endpoint::parse(KSTARTUP_ENDPOINT).unwrap();
        let job = |key| Job {
            source: Source::KStartup,
            key,
            endpoint: &ep,
            settings: &settings,
            cache_dir: None,
        };
        assert!(
            job("abc%2Bdef%3D%3D")
                .url(2)
                .contains("serviceKey=abc%2Bdef%3D%3D&page=2")
        );
        assert!(
            job("abc+def==")
                .url(1)
                .contains("serviceKey=abc%2Bdef%3D%3D&page=1")
        );
        assert!(
            job("abc+def==")
                .shown_url(1)
                .contains("serviceKey=***&page=1&perPage=100&returnType=json")
        );
    }

    #[test]
    fn backoff_doubles() {
        assert_eq!(
            backoff(Duration::from_millis(500), 3),
            vec![
                Duration::from_millis(500),
                Duration::from_secs(1),
                Duration::from_secs(2)
            ]
        );
    }
}
