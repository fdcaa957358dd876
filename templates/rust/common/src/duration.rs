//! Parsing a duration written as a whole number followed by a unit: `45s`, `15m`, `2h`.

use std::fmt;
use std::num::ParseIntError;

/// A number of seconds. A newtype, so that seconds cannot be mixed up with other counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Seconds(u64);

impl Seconds {
    /// Wraps a raw number of seconds.
    pub const fn new(value: u64) -> Self {
        Self(value)
    }

    /// The raw number of seconds.
    pub const fn get(self) -> u64 {
        self.0
    }
}

impl fmt::Display for Seconds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}s", self.0)
    }
}

/// The unit suffix of a duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// `s`
    Second,
    /// `m`
    Minute,
    /// `h`
    Hour,
}

impl Unit {
    /// Reads a unit from its one-letter suffix.
    ///
    /// # Errors
    ///
    /// [`ParseDurationError::UnknownUnit`] when the suffix is not `s`, `m` or `h`.
    pub fn from_suffix(suffix: char) -> Result<Self, ParseDurationError> {
        match suffix {
            's' => Ok(Self::Second),
            'm' => Ok(Self::Minute),
            'h' => Ok(Self::Hour),
            other => Err(ParseDurationError::UnknownUnit(other)),
        }
    }

    /// How many seconds one of this unit holds.
    pub const fn seconds(self) -> u64 {
        // Every variant is listed: adding a unit fails to compile until it is handled here.
        match self {
            Self::Second => 1,
            Self::Minute => 60,
            Self::Hour => 3600,
        }
    }
}

/// Why a duration could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseDurationError {
    /// The text was empty.
    Empty,
    /// The text did not end with a unit letter.
    MissingUnit,
    /// The unit letter was not one of `s`, `m`, `h`.
    UnknownUnit(char),
    /// The part before the unit was not a whole number.
    InvalidNumber(ParseIntError),
    /// The duration does not fit in a `u64` number of seconds.
    TooLarge,
}

impl fmt::Display for ParseDurationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("the duration is empty"),
            Self::MissingUnit => f.write_str("the duration has no unit (use s, m or h)"),
            Self::UnknownUnit(unit) => write!(f, "unknown unit `{unit}` (use s, m or h)"),
            Self::InvalidNumber(_) => f.write_str("the amount is not a whole number"),
            Self::TooLarge => f.write_str("the duration is too large"),
        }
    }
}

impl std::error::Error for ParseDurationError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::InvalidNumber(cause) => Some(cause),
            Self::Empty | Self::MissingUnit | Self::UnknownUnit(_) | Self::TooLarge => None,
        }
    }
}

/// Parses `45s`, `15m` or `2h` into seconds.
///
/// # Errors
///
/// A [`ParseDurationError`] that says what is wrong with `text`.
pub fn parse_duration(text: &str) -> Result<Seconds, ParseDurationError> {
    let mut chars = text.trim().chars();
    let suffix = chars.next_back().ok_or(ParseDurationError::Empty)?;
    if suffix.is_ascii_digit() {
        return Err(ParseDurationError::MissingUnit);
    }
    let unit = Unit::from_suffix(suffix)?;
    // What is left once the unit letter is taken off the end.
    let amount: u64 = chars
        .as_str()
        .parse()
        .map_err(ParseDurationError::InvalidNumber)?;
    amount
        .checked_mul(unit.seconds())
        .map(Seconds::new)
        .ok_or(ParseDurationError::TooLarge)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_unit() {
        assert_eq!(parse_duration("45s").unwrap(), Seconds::new(45));
        assert_eq!(parse_duration("15m").unwrap(), Seconds::new(900));
        assert_eq!(parse_duration(" 2h ").unwrap(), Seconds::new(7200));
    }

    #[test]
    fn says_what_is_wrong() {
        assert_eq!(parse_duration(""), Err(ParseDurationError::Empty));
        assert_eq!(parse_duration("90"), Err(ParseDurationError::MissingUnit));
        assert_eq!(
            parse_duration("3d"),
            Err(ParseDurationError::UnknownUnit('d'))
        );
        assert!(matches!(
            parse_duration("xs"),
            Err(ParseDurationError::InvalidNumber(_))
        ));
    }

    #[test]
    fn rejects_overflow_instead_of_wrapping() {
        let text = format!("{}h", u64::MAX);
        assert_eq!(parse_duration(&text), Err(ParseDurationError::TooLarge));
    }

    #[test]
    fn displays_with_its_unit() {
        assert_eq!(Seconds::new(7).to_string(), "7s");
    }
}
