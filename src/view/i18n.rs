//! The app's strings: the one table in `crate::strings`.

pub use crate::strings::*;
