//! Year-month dates: the scenario timeline's unit. A workshop plans in months, not days.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A month of a year, written `"2008-12"` in scenario files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct YearMonth {
    year: i32,
    month: u8,
}

/// Earliest year a scenario can name.
pub const MIN_YEAR: i32 = 1900;
/// Latest year a scenario can name.
pub const MAX_YEAR: i32 = 2200;

/// Why a text is not a year-month.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("expected a year and month like \"2008-12\" (years {MIN_YEAR}–{MAX_YEAR}), found {0:?}")]
pub struct YearMonthError(pub String);

impl YearMonth {
    /// A year-month, if the month is 1–12 and the year within [`MIN_YEAR`, `MAX_YEAR`].
    pub fn new(year: i32, month: u8) -> Option<Self> {
        ((MIN_YEAR..=MAX_YEAR).contains(&year) && (1..=12).contains(&month))
            .then_some(Self { year, month })
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// Months since January of year 0; differences of these are durations in months.
    pub fn index(self) -> i32 {
        self.year * 12 + i32::from(self.month) - 1
    }

    /// The year-month with the given [`index`](Self::index), clamped to the allowed years.
    pub fn from_index(index: i32) -> Self {
        let index = index.clamp(MIN_YEAR * 12, MAX_YEAR * 12 + 11);
        // The clamp keeps month in 1..=12 and year in range.
        Self {
            year: index.div_euclid(12),
            month: u8::try_from(index.rem_euclid(12) + 1).unwrap_or(1),
        }
    }

    /// Months from `self` to `later` (negative when `later` is earlier).
    pub fn months_until(self, later: YearMonth) -> i32 {
        later.index() - self.index()
    }

    /// This date moved by `months` (clamped to the allowed years).
    pub fn plus_months(self, months: i32) -> Self {
        Self::from_index(self.index().saturating_add(months))
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for YearMonth {
    type Err = YearMonthError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || YearMonthError(s.to_owned());
        // Strict: four digits, a hyphen, one or two digits; no spaces, signs or other digits.
        let (y, m) = s.split_once('-').ok_or_else(err)?;
        let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
        if y.len() != 4 || m.is_empty() || m.len() > 2 || !digits(y) || !digits(m) {
            return Err(err());
        }
        let year: i32 = y.parse().map_err(|_| err())?;
        let month: u8 = m.parse().map_err(|_| err())?;
        Self::new(year, month).ok_or_else(err)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Whether two periods share at least one month. `None` as an end means open-ended.
pub fn periods_overlap(
    a_start: YearMonth,
    a_end: Option<YearMonth>,
    b_start: YearMonth,
    b_end: Option<YearMonth>,
) -> bool {
    let a_before_b_ends = b_end.is_none_or(|e| a_start <= e);
    let b_before_a_ends = a_end.is_none_or(|e| b_start <= e);
    a_before_b_ends && b_before_a_ends
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        let d: YearMonth = "2008-12".parse().unwrap();
        assert_eq!(d.to_string(), "2008-12");
        assert_eq!(
            "2008-3".parse::<YearMonth>().unwrap().to_string(),
            "2008-03"
        );
        for bad in [
            "2008",
            "2008-13",
            "2008-00",
            "08-01",
            "abcd-01",
            "2008-1x",
            "",
            "1800-01",
            " 2008-+1 ",
            "2008-+1",
            " 2008-01",
            "2008-01 ",
            "+008-01",
            "２００８-01",
            "2008--1",
        ] {
            assert!(bad.parse::<YearMonth>().is_err(), "{bad}");
        }
    }

    #[test]
    fn arithmetic() {
        let a: YearMonth = "2008-12".parse().unwrap();
        let b: YearMonth = "2010-06".parse().unwrap();
        assert_eq!(a.months_until(b), 18);
        assert_eq!(a.plus_months(18), b);
        assert_eq!(YearMonth::from_index(a.index()), a);
        assert_eq!(a.plus_months(i32::MAX).year(), MAX_YEAR);
    }

    #[test]
    fn overlap() {
        let d = |s: &str| s.parse::<YearMonth>().unwrap();
        assert!(periods_overlap(
            d("2000-01"),
            Some(d("2001-01")),
            d("2001-01"),
            None
        ));
        assert!(!periods_overlap(
            d("2000-01"),
            Some(d("2000-12")),
            d("2001-01"),
            None
        ));
        assert!(periods_overlap(d("2005-01"), None, d("2001-01"), None));
    }
}
