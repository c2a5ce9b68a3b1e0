//! `gachi`: argument parsing only. No command opens the desktop app.
// On Windows the release exe is a GUI program: a double-click opens no console
// window. Commands still print to the terminal they were typed in (see
// `attach_parent_console`). Debug builds keep the console for `eprintln!`.
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]
// `deny`, not `forbid`: the one Windows API call below is allowed by name.
#![deny(unsafe_code)]
#![deny(clippy::unwrap_used, clippy::expect_used)]

use clap::Parser;
use gachi::cli::{Cli, report, run};

fn main() {
    if std::env::args_os().len() > 1 {
        attach_parent_console();
    }
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

/// A GUI-subsystem exe starts without standard output: when `gachi.exe plan …`
/// is typed in cmd or PowerShell, attach to that terminal so that output, errors,
/// help and `--version` are printed there. Without a parent console (a
/// double-click) nothing happens. Output redirected to a file or a pipe is kept.
/// As for every GUI-subsystem program, cmd shows its prompt again before the
/// output; PowerShell's `gachi.exe … | Out-Host` or `start /wait` waits.
#[cfg(windows)]
#[allow(unsafe_code)]
fn attach_parent_console() {
    use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};
    // SAFETY: AttachConsole takes a process id and touches no Rust memory; on
    // failure (no parent console, or one already attached) it returns 0 and
    // changes nothing, which is fine.
    unsafe {
        AttachConsole(ATTACH_PARENT_PROCESS);
    }
}

#[cfg(not(windows))]
fn attach_parent_console() {}
