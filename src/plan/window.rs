//! How sure a step's start month is.

use serde::{Deserialize, Serialize};

/// How sure the step's start month is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WindowState {
    /// A call confirmed for that year.
    Confirmed,
    /// The month of the last known call, expected to recur.
    Forecast,
    /// Applications all year.
    Rolling,
    /// No known window: the month is only the earliest possible.
    ToVerify,
}

impl WindowState {
    pub fn code(self) -> &'static str {
        match self {
            WindowState::Confirmed => "confirmed",
            WindowState::Forecast => "forecast",
            WindowState::Rolling => "rolling",
            WindowState::ToVerify => "to_verify",
        }
    }
}
