//! Runs the built binary the way a user would.

use std::process::Command;

/// The binary under test. Cargo builds it first and passes its path; it carries the package's
/// name, which keeps this line the same whatever the project is called.
fn binary() -> Command {
    Command::new(env!(concat!("CARGO_BIN_EXE_", env!("CARGO_PKG_NAME"))))
}

#[test]
fn prints_each_duration_in_seconds() {
    let output = binary().args(["90s", "2m"]).output().expect("runs");
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "90s = 90s\n2m = 120s\n"
    );
}

#[test]
fn explains_a_bad_duration_and_exits_2() {
    let output = binary().arg("3d").output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("unknown unit `d`"));
}

#[test]
fn prints_usage_without_arguments() {
    let output = binary().output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).starts_with("usage: "));
}
