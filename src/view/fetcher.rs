//! "공고 새로 받기": fetching a feed with the user's key from the app
//! (docs/feeds.md, "In the app"). A small modal asks for the source and the key
//! (a password field; a key saved in the OS keyring is used when none is typed);
//! the fetch runs on its own thread and reports each page through a channel, so
//! the window keeps drawing, with a progress bar and 취소. On success the combined
//! answer is written to `<data dir>/feeds/<source>-<YYYY-MM-DD>.json` (the raw
//! pages in `feeds/feed-cache/`) and imported as a feed file is.
//!
//! The key lives only in the dialog's field, the worker thread and the keyring:
//! never in [`super::AppState`], a file or a message.

use super::{Command, GachiApp, Notice, i18n as s, style};
use crate::bizinfo::Source;
use crate::fetch::{self, Endpoint, FetchError, Job, Progress, Settings};
use crate::keys::{KeyStore, OsKeyring};
use crate::text::{Lang, Text};
use eframe::egui;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

/// The sources the dialog offers, in order.
pub const SOURCES: [Source; 2] = [Source::Bizinfo, Source::KStartup];

/// The dialog's fields.
pub struct FetchForm {
    /// Which feed.
    pub source: Source,
    /// The key typed; shown as dots, never persisted.
    pub key: String,
    /// Keep the typed key in the OS keyring.
    pub save: bool,
    /// The sources with a key in the store, read when the dialog opened.
    pub saved: Vec<Source>,
}

/// The key never appears, even in a debug print.
impl std::fmt::Debug for FetchForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FetchForm")
            .field("source", &self.source)
            .field("key", &fetch::REDACTED)
            .field("save", &self.save)
            .field("saved", &self.saved)
            .finish()
    }
}

/// What the worker thread reports.
enum Msg {
    Progress(Progress),
    /// The combined answer is written here.
    Written(PathBuf),
    Failed(Vec<Text>),
    Cancelled,
}

/// A fetch under way.
pub struct Running {
    /// Which feed.
    pub source: Source,
    /// The last page reported.
    pub progress: Option<Progress>,
    rx: mpsc::Receiver<Msg>,
    cancel: Arc<AtomicBool>,
}

/// Everything about fetching that lives while the app runs.
pub struct FetchState {
    /// Where keys are kept: the OS keyring, or an in-memory store in tests.
    pub store: Box<dyn KeyStore>,
    /// Another address for every source (tests: a local server on 127.0.0.1);
    /// checked with [`Endpoint::parse`] like `--endpoint`.
    pub endpoint: Option<String>,
    /// Other timeouts and pauses (tests); else [`Settings::for_source`].
    pub settings: Option<Settings>,
    /// Another folder for `feeds/` (tests); else [`super::data_dir`].
    pub data_dir: Option<PathBuf>,
    /// The dialog, while open.
    pub form: Option<FetchForm>,
    /// The fetch, while it runs.
    pub running: Option<Running>,
}

impl Default for FetchState {
    fn default() -> Self {
        FetchState {
            store: Box::new(OsKeyring),
            endpoint: None,
            settings: None,
            data_dir: None,
            form: None,
            running: None,
        }
    }
}

/// "3쪽 · 공고 120건 / 전체 1443건", "page 3 · 120 notices of 1443".
pub fn progress_text(p: Option<&Progress>, lang: Lang) -> String {
    let Some(p) = p else {
        return s::FETCH_RUNNING.get(lang).to_string();
    };
    let (page, n) = (p.page, p.notices);
    match (lang, p.total) {
        (Lang::Ko, Some(t)) => format!(
            "{page}{} · {} {n}건 / {} {t}건",
            s::FETCH_PAGE.ko,
            s::FETCH_COUNT.ko,
            s::FETCH_OF.ko
        ),
        (Lang::Ko, None) => format!("{page}{} · {} {n}건", s::FETCH_PAGE.ko, s::FETCH_COUNT.ko),
        (Lang::En, Some(t)) => format!(
            "{} {page} · {n} {} {} {t}",
            s::FETCH_PAGE.en,
            s::FETCH_COUNT.en,
            s::FETCH_OF.en
        ),
        (Lang::En, None) => format!("{} {page} · {n} {}", s::FETCH_PAGE.en, s::FETCH_COUNT.en),
    }
}

/// The progress line, bar and 취소 shown in the catalogue box while a fetch runs.
pub fn progress(ui: &mut egui::Ui, run: &Running, lang: Lang, cmds: &mut Vec<Command>) {
    let p = run.progress.as_ref();
    let fraction = match p {
        Some(p) => match p.total {
            Some(t) if t > 0 => (p.notices as f32 / t as f32).clamp(0.0, 1.0),
            _ => 0.5,
        },
        None => 0.0,
    };
    let label = run.source.label();
    ui.label(format!(
        "{} — {}",
        s::FETCH_RUNNING.get(lang),
        label.get(lang)
    ));
    ui.horizontal(|ui| {
        ui.add(
            egui::ProgressBar::new(fraction)
                .desired_width(320.0)
                .text(progress_text(p, lang))
                .animate(p.is_none()),
        );
        if ui.button(s::CANCEL.get(lang)).clicked() {
            cmds.push(Command::CancelFetch);
        }
    });
}

/// The fetch dialog, as a modal.
pub fn dialog(ctx: &egui::Context, form: &mut FetchForm, lang: Lang, cmds: &mut Vec<Command>) {
    let modal = egui::Modal::new(egui::Id::unique("fetch_dialog")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.label(style::bold(s::FETCH_TITLE.get(lang), 17.0));
        ui.add_space(4.0);
        ui.add(egui::Label::new(s::FETCH_WHY.get(lang)).wrap());
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            ui.label(s::FETCH_SOURCE.get(lang));
            for source in SOURCES {
                ui.radio_value(&mut form.source, source, source.label().get(lang));
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label(s::FETCH_KEY.get(lang));
            ui.add(
                egui::TextEdit::singleline(&mut form.key)
                    .password(true)
                    .desired_width(300.0),
            )
            .labelled_by(label.id);
        });
        if form.saved.contains(&form.source) {
            ui.horizontal_wrapped(|ui| {
                ui.label(s::FETCH_SAVED_KEY.get(lang));
                if ui.button(s::FETCH_FORGET_KEY.get(lang)).clicked() {
                    cmds.push(Command::ForgetKey(form.source));
                }
            });
        }
        ui.checkbox(&mut form.save, s::FETCH_SAVE_KEY.get(lang));
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui
                .button(style::bold(s::FETCH_GO.get(lang), 14.0))
                .clicked()
            {
                cmds.push(Command::StartFetch);
            }
            ui.add_space(12.0);
            if ui.button(s::CANCEL.get(lang)).clicked() {
                cmds.push(Command::CloseFetch);
            }
        });
    });
    if modal.should_close() {
        cmds.push(Command::CloseFetch);
    }
}

/// One fetch handed to the worker thread.
struct Task {
    source: Source,
    /// The user's key; never shown.
    key: String,
    endpoint: Endpoint,
    settings: Settings,
    /// Where the combined answer goes.
    out: PathBuf,
}

/// The fetch itself, on the worker thread: every page, then the combined answer
/// written atomically. Progress goes to `tx` after each page; `cancel` stops it.
fn work(task: &Task, cancel: &AtomicBool, tx: &mpsc::Sender<Msg>, ctx: &egui::Context) -> Msg {
    let Task {
        source,
        key,
        endpoint,
        settings,
        out,
    } = task;
    let (source, key, out): (Source, &str, &Path) = (*source, key, out);
    let cache = fetch::cache_dir_for(out, source, &crate::clock::today());
    let job = Job {
        source,
        key,
        endpoint,
        settings,
        cache_dir: Some(&cache),
    };
    let result = fetch::fetch_all(&job, &mut |p| {
        let _ = tx.send(Msg::Progress(p.clone()));
        ctx.request_repaint();
        !cancel.load(Ordering::SeqCst)
    });
    let redacted = |t: &Text| Text::new(fetch::redact(&t.ko, key), fetch::redact(&t.en, key));
    match result {
        Err(FetchError::Cancelled) => Msg::Cancelled,
        Err(e) => Msg::Failed(e.texts().iter().map(redacted).collect()),
        Ok(_) if cancel.load(Ordering::SeqCst) => Msg::Cancelled,
        Ok(fetched) => match crate::files::write_atomic(out, &fetched.answer_json(key)) {
            Ok(()) => Msg::Written(out.to_path_buf()),
            Err(e) => Msg::Failed(vec![redacted(&Text::new(
                e.text(Lang::Ko),
                e.text(Lang::En),
            ))]),
        },
    }
}

impl GachiApp {
    /// Opens the dialog, noting which sources have a saved key.
    pub(super) fn fetch_open(&mut self) {
        if self.rt.fetch.running.is_some() {
            return;
        }
        let store = &self.rt.fetch.store;
        let saved = SOURCES
            .into_iter()
            .filter(|&src| matches!(store.get(src), Ok(Some(_))))
            .collect();
        self.rt.fetch.form = Some(FetchForm {
            source: Source::Bizinfo,
            key: String::new(),
            save: false,
            saved,
        });
    }

    fn fetch_error(&mut self, title: s::S, lines: &[Text]) {
        let lang = self.state.lang;
        let mut detail: Vec<&str> = lines.iter().map(|t| t.get(lang)).collect();
        detail.push(s::CATALOGUE_UNCHANGED.get(lang));
        self.rt.notices.push(Notice {
            error: true,
            title,
            detail: detail.join("\n"),
            folder: None,
            since: std::time::Instant::now(),
        });
    }

    /// Forgets the saved key of a source.
    pub(super) fn fetch_forget_key(&mut self, source: Source) {
        match self.rt.fetch.store.delete(source) {
            Ok(()) => {
                if let Some(form) = &mut self.rt.fetch.form {
                    form.saved.retain(|&s| s != source);
                }
                self.notify_ok(s::KEY_DELETED, source.label().get(self.state.lang).into());
            }
            Err(t) => self.fetch_error(s::KEY_NOT_DELETED, &[t]),
        }
    }

    /// Starts the fetch the dialog describes: the typed key (saved first if asked;
    /// a store that fails says so and the fetch goes on), else the saved one.
    pub(super) fn fetch_start(&mut self, ctx: &egui::Context) {
        if self.rt.fetch.running.is_some() {
            return;
        }
        let Some(form) = self.rt.fetch.form.take() else {
            return;
        };
        let lang = self.state.lang;
        let source = form.source;
        let typed = form.key.trim().to_string();
        let key = if typed.is_empty() {
            match self.rt.fetch.store.get(source) {
                Ok(Some(k)) => k,
                Ok(None) => {
                    let label = source.label();
                    let why = Text::new(
                        format!("{} API 키를 입력하세요.", label.ko),
                        format!("Enter the {} API key.", label.en),
                    );
                    self.fetch_error(s::FETCH_NO_KEY, &[why]);
                    self.rt.fetch.form = Some(form);
                    return;
                }
                Err(t) => {
                    self.fetch_error(s::FETCH_NO_KEY, &[t]);
                    self.rt.fetch.form = Some(form);
                    return;
                }
            }
        } else {
            typed.clone()
        };
        if let Err(t) = fetch::check_key(&key) {
            self.fetch_error(s::FETCH_FAILED, &[t]);
            self.rt.fetch.form = Some(form);
            return;
        }
        if form.save
            && !typed.is_empty()
            && let Err(t) = self.rt.fetch.store.set(source, &typed)
        {
            let why = s::KEY_NOT_SAVED_WHY.get(lang);
            self.rt.notices.push(Notice {
                error: true,
                title: s::KEY_NOT_SAVED,
                detail: format!("{}\n{why}", t.get(lang)),
                folder: None,
                since: std::time::Instant::now(),
            });
        }
        drop(form);
        let given = self
            .rt
            .fetch
            .endpoint
            .clone()
            .unwrap_or_else(|| fetch::default_endpoint(source).to_string());
        let endpoint = match Endpoint::parse(&given) {
            Ok(e) => e,
            Err(t) => {
                let t = Text::new(fetch::redact(&t.ko, &key), fetch::redact(&t.en, &key));
                self.fetch_error(s::FETCH_FAILED, &[t]);
                return;
            }
        };
        let Some(dir) = self.rt.fetch.data_dir.clone().or_else(super::data_dir) else {
            let t = Text::new(
                "앱 데이터 폴더를 찾을 수 없습니다.",
                "the app's data folder cannot be found.",
            );
            self.fetch_error(s::FETCH_FAILED, &[t]);
            return;
        };
        let out =
            dir.join("feeds")
                .join(format!("{}-{}.json", source.code(), crate::clock::today()));
        let settings = self
            .rt
            .fetch
            .settings
            .clone()
            .unwrap_or_else(|| Settings::for_source(source));
        let (tx, rx) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let stop = cancel.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let task = Task {
                source,
                key,
                endpoint,
                settings,
                out,
            };
            let msg = work(&task, &stop, &tx, &ctx);
            let _ = tx.send(msg);
            ctx.request_repaint();
        });
        self.rt.fetch.running = Some(Running {
            source,
            progress: None,
            rx,
            cancel,
        });
    }

    /// Stops the fetch: nothing it reads afterwards is written or imported.
    pub(super) fn fetch_cancel(&mut self) {
        if let Some(run) = self.rt.fetch.running.take() {
            run.cancel.store(true, Ordering::SeqCst);
            let lang = self.state.lang;
            self.rt.notices.push(Notice {
                error: false,
                title: s::FETCH_CANCELLED,
                detail: s::CATALOGUE_UNCHANGED.get(lang).to_string(),
                folder: None,
                since: std::time::Instant::now(),
            });
        }
    }

    /// Reads what the worker reported since the last frame; imports the answer
    /// when it is written. Asks for frames while the fetch runs.
    pub(super) fn fetch_poll(&mut self, ctx: &egui::Context) {
        loop {
            let Some(run) = &mut self.rt.fetch.running else {
                return;
            };
            let msg = match run.rx.try_recv() {
                Ok(Msg::Progress(p)) => {
                    run.progress = Some(p);
                    continue;
                }
                Ok(msg) => msg,
                Err(mpsc::TryRecvError::Empty) => {
                    ctx.request_repaint_after(Duration::from_millis(100));
                    return;
                }
                Err(mpsc::TryRecvError::Disconnected) => Msg::Failed(Vec::new()),
            };
            self.rt.fetch.running = None;
            match msg {
                Msg::Written(path) => {
                    self.import_bizinfo_path(&path);
                }
                Msg::Failed(lines) => self.fetch_error(s::FETCH_FAILED, &lines),
                Msg::Cancelled | Msg::Progress(_) => {
                    let lang = self.state.lang;
                    self.notify_ok(
                        s::FETCH_CANCELLED,
                        s::CATALOGUE_UNCHANGED.get(lang).to_string(),
                    );
                }
            }
            return;
        }
    }
}
