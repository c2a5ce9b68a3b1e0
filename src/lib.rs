//! Gachi (같이): a pathway planner through Korean MOTIE and MSS support programmes.
//!
//! The core (`catalogue`, `profile`, `matcher`, `plan`) is pure: no egui, no file
//! I/O, no clock. `files` does the I/O, `cli` the command line, `view` the desktop app.
#![forbid(unsafe_code)]
// Data from outside never reaches an unwrap or expect: every failure is a message.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod bizinfo;
pub mod catalogue;
pub mod cli;
pub mod clock;
pub mod codes;
pub mod export;
pub mod facts;
pub mod fetch;
pub mod files;
pub mod json_read;
pub mod keys;
pub mod ksic;
pub mod matcher;
pub mod month;
pub mod plan;
pub mod profile;
pub mod review;
pub mod strings;
pub mod text;
pub mod view;
pub mod workspace;

pub use catalogue::Catalogue;
pub use month::YearMonth;
pub use plan::Plan;
pub use profile::FirmProfile;

/// "gachi 0.1.0", written into every plan.
pub const GENERATED_BY: &str = concat!("gachi ", env!("CARGO_PKG_VERSION"));
