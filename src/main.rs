//! `gachi`: argument parsing only. No command opens the desktop app.
#![forbid(unsafe_code)]
#![deny(clippy::unwrap_used, clippy::expect_used)]

use clap::Parser;
use gachi::cli::{Cli, report, run};

fn main() {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            // clap prints help and version to stdout (exit 0) and usage errors to stderr.
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            std::process::exit(code);
        }
    };
    // The languages are chosen once: `--lang`, else LANG for messages.
    let langs = cli.langs();
    let code = match &cli.command {
        Some(cmd) => report(&run(cmd, langs), langs.messages),
        None => match gachi::view::run_app() {
            Ok(()) => 0,
            Err(e) => {
                match langs.messages {
                    gachi::text::Lang::Ko => eprintln!("오류: 창을 열 수 없습니다: {e}"),
                    gachi::text::Lang::En => eprintln!("error: cannot open the window: {e}"),
                }
                1
            }
        },
    };
    std::process::exit(code);
}
