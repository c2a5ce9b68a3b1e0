//! The verdict on one programme for one firm: each criterion's outcome with its
//! reason in Korean and English, and the programme's eligibility from them. Written
//! by the matcher, read by exports and the app.

use crate::text::Text;
use serde::{Deserialize, Serialize};

/// How one criterion came out for the firm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Pass,
    Fail,
    Unknown,
}

/// Why one criterion passed, failed or could not be decided.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    pub criterion: String,
    pub outcome: Outcome,
    pub ko: String,
    pub en: String,
}

impl Reason {
    pub(crate) fn new(
        criterion: &str,
        outcome: Outcome,
        ko: impl Into<String>,
        en: impl Into<String>,
    ) -> Self {
        Reason {
            criterion: criterion.to_string(),
            outcome,
            // Particles after names are chosen here, once for every sentence.
            ko: crate::text::josa(&ko.into()),
            en: en.into(),
        }
    }

    pub fn text(&self) -> Text {
        Text::new(self.ko.clone(), self.en.clone())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Eligibility {
    /// Every criterion passed (a programme without criteria is open to all).
    #[default]
    Eligible,
    /// None failed; at least one unknown or not machine-checkable.
    Verify,
    /// At least one failed.
    NotEligible,
}

impl Eligibility {
    pub fn code(self) -> &'static str {
        match self {
            Eligibility::Eligible => "eligible",
            Eligibility::Verify => "verify",
            Eligibility::NotEligible => "not_eligible",
        }
    }

    pub fn of(reasons: &[Reason]) -> Self {
        if reasons.iter().any(|r| r.outcome == Outcome::Fail) {
            Eligibility::NotEligible
        } else if reasons.iter().any(|r| r.outcome == Outcome::Unknown) {
            Eligibility::Verify
        } else {
            Eligibility::Eligible
        }
    }
}
