//! The matcher: eligibility, pathway and schedule. Pure functions of
//! (catalogue, profile, month).

mod eligibility;
mod freshness;
mod pathway;
mod schedule;
mod standing;
pub use standing::{RecordWarning, record_warnings};
mod unlock;

pub use eligibility::{
    Eligibility, FirmFacts, Outcome, Reason, evaluate, evaluate_programme, outcome,
};
pub use freshness::{Freshness, OUTDATED_AFTER_MONTHS, freshness, source_month};
pub use pathway::{Assessment, PER_CATEGORY, assess_all, build_plan};
pub use schedule::{Placement, WindowState, default_duration, open_in, place};
pub use unlock::{Change, Unlock, unlock_criterion, unlock_programme};
