//! "Now" for the command line and the app, in Korea time (Asia/Seoul): a plan made at
//! 08:00 on the 1st in Seoul is for that month, not the previous one as in UTC. The
//! zone comes from the tz database bundled by `jiff`, so it works on Windows and on
//! machines without /usr/share/zoneinfo. The core never calls this: it takes a month.

use crate::month::YearMonth;
use jiff::Timestamp;
use jiff::tz::TimeZone;

/// The zone every "current month" is taken in.
pub const KOREA: &str = "Asia/Seoul";

/// The month in Korea at an instant.
pub fn month_in_korea(at: Timestamp) -> YearMonth {
    // The bundled database always has Asia/Seoul; a fixed +09:00 (Korea has kept no
    // daylight saving since 1988) only if it were somehow missing.
    let tz = TimeZone::get(KOREA).unwrap_or_else(|_| TimeZone::fixed(jiff::tz::offset(9)));
    let local = tz.to_datetime(at);
    YearMonth {
        year: i32::from(local.year()),
        month: local.month().unsigned_abs(),
    }
}

/// The current month in Korea.
pub fn current_month() -> YearMonth {
    month_in_korea(Timestamp::now())
}

/// The day in Korea at an instant, `YYYY-MM-DD`.
pub fn date_in_korea(at: Timestamp) -> String {
    let tz = TimeZone::get(KOREA).unwrap_or_else(|_| TimeZone::fixed(jiff::tz::offset(9)));
    tz.to_datetime(at).date().to_string()
}

/// Today in Korea, `YYYY-MM-DD` (the date of a fetch's cache folder).
pub fn today() -> String {
    date_in_korea(Timestamp::now())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn the_last_minute_of_a_month_in_utc_is_already_the_next_month_in_korea() {
        assert_eq!(
            month_in_korea(at("2026-11-30T23:59:00Z")).to_string(),
            "2026-12"
        );
        assert_eq!(
            month_in_korea(at("2026-12-31T23:59:00Z")).to_string(),
            "2027-01"
        );
        // 14:59 UTC is 23:59 in Seoul: still the same month.
        assert_eq!(
            month_in_korea(at("2026-11-30T14:59:00Z")).to_string(),
            "2026-11"
        );
        assert_eq!(
            month_in_korea(at("2026-11-30T15:00:00Z")).to_string(),
            "2026-12"
        );
    }

    #[test]
    fn the_date_is_korean() {
        assert_eq!(date_in_korea(at("2026-11-30T15:00:00Z")), "2026-12-01");
        assert_eq!(date_in_korea(at("2026-11-30T14:59:00Z")), "2026-11-30");
    }
}
