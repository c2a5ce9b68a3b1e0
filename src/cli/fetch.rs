//! `gachi fetch bizinfo|kstartup`: every notice of a feed, fetched with the user's
//! key into one answer that `gachi import` reads (docs/feeds.md, "Fetching").

use super::*;
use crate::bizinfo::Source;
use crate::fetch::{self, Endpoint, Job, Settings};
use crate::text::printable;
use std::time::Duration;

/// Which feed `gachi fetch` reads.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedName {
    /// 기업마당 open API (bizinfoApi.do), key `crtfcKey` issued by bizinfo.
    Bizinfo,
    /// K-Startup announcements on data.go.kr, key `serviceKey` issued by data.go.kr.
    Kstartup,
}

impl FeedName {
    /// The feed's source.
    pub fn source(self) -> Source {
        match self {
            FeedName::Bizinfo => Source::Bizinfo,
            FeedName::Kstartup => Source::KStartup,
        }
    }
}

/// The arguments of `gachi fetch`.
#[derive(clap::Args, Clone)]
pub struct FetchArgs {
    /// The feed: bizinfo (기업마당) or kstartup (K-Startup).
    #[arg(value_enum)]
    pub source: FeedName,
    /// The API key. Without it, GACHI_BIZINFO_KEY or GACHI_KSTARTUP_KEY is read
    /// (better on a shared screen: a key on the command line shows in the process
    /// list and the shell history). Never printed.
    #[arg(long)]
    pub key: Option<String>,
    /// Another address for the API (https://; plain http:// only to 127.0.0.1,
    /// ::1 or localhost).
    #[arg(long)]
    pub endpoint: Option<String>,
    /// Where to write the combined answer (read it with `gachi import`). The raw
    /// pages are kept beside it in feed-cache/<source>-<date>/.
    #[arg(long)]
    pub out: PathBuf,
    /// Notices asked for per page (bizinfo 500, K-Startup 100).
    #[arg(long = "page-size", value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub page_size: Option<u32>,
    /// The most pages asked for (200).
    #[arg(long = "max-pages", value_parser = clap::value_parser!(u32).range(1..=10000))]
    pub max_pages: Option<u32>,
    /// Connect timeout in milliseconds (10000); for tests.
    #[arg(long = "connect-timeout-ms", hide = true)]
    pub connect_timeout_ms: Option<u64>,
    /// Read timeout in milliseconds (30000); for tests.
    #[arg(long = "read-timeout-ms", hide = true)]
    pub read_timeout_ms: Option<u64>,
    /// The first pause before a retry in milliseconds (500, then doubled); for tests.
    #[arg(long = "retry-delay-ms", hide = true)]
    pub retry_delay_ms: Option<u64>,
    /// The pause between pages in milliseconds; for tests.
    #[arg(long = "page-pause-ms", hide = true)]
    pub page_pause_ms: Option<u64>,
}

/// The key never appears, even in a debug print.
impl std::fmt::Debug for FetchArgs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FetchArgs")
            .field("source", &self.source)
            .field("key", &self.key.as_ref().map(|_| fetch::REDACTED))
            .field("endpoint", &self.endpoint)
            .field("out", &self.out)
            .finish_non_exhaustive()
    }
}

impl FetchArgs {
    fn settings(&self) -> Settings {
        let source = self.source.source();
        let mut s = Settings::for_source(source);
        if let Some(n) = self.page_size {
            s.page_size = n;
        }
        if let Some(n) = self.max_pages {
            s.max_pages = n;
        }
        if let Some(ms) = self.connect_timeout_ms {
            s.connect_timeout = Duration::from_millis(ms);
        }
        if let Some(ms) = self.read_timeout_ms {
            s.read_timeout = Duration::from_millis(ms);
        }
        if let Some(ms) = self.retry_delay_ms {
            s.retry_delays = fetch::backoff(Duration::from_millis(ms), s.retry_delays.len());
        }
        if let Some(ms) = self.page_pause_ms {
            s.page_pause = Duration::from_millis(ms);
        }
        s
    }
}

/// A text safe to print (no control codes from an answer), the key taken out.
fn clean(t: &Text, key: &str) -> Text {
    Text::new(
        fetch::redact(&printable(&t.ko), key),
        fetch::redact(&printable(&t.en), key),
    )
}

/// `gachi fetch` in `lang`: checks the key (`--key`, else the environment) and the
/// endpoint, fetches every page, keeps the raw answers in
/// `<dir of out>/feed-cache/<source>-<YYYY-MM-DD>/page-<n>.json` (Korea's date) and
/// writes the combined answer to `out` atomically, then prints one summary line.
/// Exit 2 for a missing or refused key, a refused endpoint or an error answer;
/// 1 for a network or server failure. A failed fetch leaves `out` as it was. The
/// key appears in no message and no file.
pub fn run_fetch_in(args: &FetchArgs, lang: Lang) -> Outcome {
    let source = args.source.source();
    let env_name = fetch::key_env(source);
    let key = match args.key.clone().filter(|k| !k.trim().is_empty()) {
        Some(k) => k.trim().to_string(),
        None => match std::env::var(env_name) {
            Ok(k) if !k.trim().is_empty() => k.trim().to_string(),
            _ => {
                let label = source.label();
                return Err(CliError::BadInput(vec![Text::new(
                    format!(
                        "{} 키가 없습니다: --key로 주거나 환경 변수 {env_name}에 넣으세요.",
                        label.ko
                    ),
                    format!(
                        "no {} key: give it with --key or in the environment variable {env_name}.",
                        label.en
                    ),
                )]));
            }
        },
    };
    if let Err(t) = fetch::check_key(&key) {
        return Err(CliError::BadInput(vec![Text::new(
            printable(&t.ko),
            printable(&t.en),
        )]));
    }
    let given = args
        .endpoint
        .as_deref()
        .unwrap_or(fetch::default_endpoint(source));
    let endpoint = Endpoint::parse(given).map_err(|t| CliError::BadInput(vec![clean(&t, &key)]))?;
    let settings = args.settings();
    let cache = fetch::cache_dir_for(&args.out, source, &crate::clock::today());
    let job = Job {
        source,
        key: &key,
        endpoint: &endpoint,
        settings: &settings,
        cache_dir: Some(&cache),
    };
    let fetched = fetch::fetch_all(&job, &mut |_| true).map_err(|e| {
        let texts = e.texts().iter().map(|t| clean(t, &key)).collect();
        if e.is_bad_input() {
            CliError::BadInput(texts)
        } else {
            CliError::Network(texts)
        }
    })?;
    write_file(&args.out, &fetched.answer_json(&key)).map_err(|e| match e {
        CliError::Write(f) => CliError::Write(FileError {
            path: f.path,
            problems: f
                .problems
                .into_iter()
                .map(|p| Problem::new(p.path, clean(&p.message, &key)))
                .collect(),
        }),
        other => other,
    })?;
    let out_name = printable(&args.out.display().to_string());
    let cache_name = printable(&cache.display().to_string());
    let label = source.label();
    let n = fetched.items.len();
    let pages = fetched.pages;
    let text = match lang {
        Lang::Ko => format!(
            "{} 공고 {n}건을 {pages}쪽에서 받아 {out_name}에 썼습니다 (받은 응답 원본: {cache_name})\n",
            label.ko
        ),
        Lang::En => format!(
            "fetched {n} {} notices in {pages} pages; wrote {out_name} (raw answers in {cache_name})\n",
            label.en
        ),
    };
    print_out(&fetch::redact(&text, &key))
}
