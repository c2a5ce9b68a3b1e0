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
    let code = match &cli.command {
        Some(cmd) => report(&run(cmd)),
        None => match gachi::view::run_app() {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("error: cannot open the window: {e}");
                1
            }
        },
    };
    std::process::exit(code);
}
