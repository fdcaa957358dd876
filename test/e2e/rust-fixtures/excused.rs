// no-excuse-ok: file-too-long -- planted: this file is long on purpose
//! Every documented opt-out, each with its reason.
// no-excuse-ok: no-crate-allow -- planted: a module-wide exception on purpose
#![expect(clippy::doc_markdown, reason = "planted: SomeName on purpose")]

/// Mentions SomeName without backticks.
pub const MARK: u8 = 1;

/// Unwraps.
///
/// # Panics
///
/// When `x` is `None`.
#[expect(clippy::unwrap_used, reason = "planted: the caller checked")]
pub fn unwrapped(x: Option<u8>) -> u8 {
    x.unwrap()
}

/// Expects.
///
/// # Panics
///
/// When `x` is `None`.
#[expect(clippy::expect_used, reason = "planted: the caller checked")]
pub fn expected(x: Option<u8>) -> u8 {
    x.expect("checked")
}

/// Panics.
///
/// # Panics
///
/// Always.
#[expect(clippy::panic, reason = "planted: a panic on purpose")]
pub fn stop() {
    panic!("planted");
}

/// Not done yet.
///
/// # Panics
///
/// Always.
#[expect(clippy::todo, reason = "planted: unfinished on purpose")]
pub fn unfinished() {
    todo!();
}

/// The low byte.
#[expect(
    clippy::as_conversions,
    clippy::cast_possible_truncation,
    reason = "planted: From is not const"
)]
pub const fn low_byte(x: u64) -> u8 {
    x as u8
}

/// Removes a file, best effort.
pub fn clean(path: &std::path::Path) {
    #[expect(
        clippy::let_underscore_must_use,
        reason = "planted: best-effort clean-up"
    )]
    let _ = std::fs::remove_file(path);
}
