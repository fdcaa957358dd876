//! `no-ignored-error`: a value thrown away where it may be an error. The checker sees tokens,
//! not types, so it looks at how the value was made: a call whose result is discarded
//! (`let _ = f();`, `_ = f();`, `let _name = f();`, `drop(f())`, `f().ok();`, or `drop(name)`
//! of a `let name = f();`) is reported unless `?` handled it or the call hands out a guard.

use crate::regions::{closes, ident, opens, punct};
use crate::rules::Checker;

/// Methods that return a guard or a resource: keeping it alive, or dropping it to release it
/// early, is the point, not an error left unread.
const GUARDS: [&str; 6] = [
    "lock",
    "try_lock",
    "borrow",
    "borrow_mut",
    "enter",
    "entered",
];
/// `RwLock`'s guards; with arguments these are `io::Read::read` and `io::Write::write`.
const GUARDS_WITHOUT_ARGS: [&str; 4] = ["read", "write", "try_read", "try_write"];
/// Calls whose last step makes or hands over a plain value, not an outcome.
const PLAIN_VALUES: [&str; 5] = ["take", "clone", "new", "with_capacity", "default"];

const HOW: &str = "handle it (`?`, match, or map_err), or see AGENTS.md for the one opt-out";

impl Checker<'_> {
    /// The index of the `;` that ends the statement whose value starts at `from` (or of the `,`
    /// that ends a match arm, or of the bracket that closes around it).
    fn statement_end(&self, from: usize) -> usize {
        let mut j = from;
        // Inside `::<...>` a `,` separates generic arguments, not arms.
        let mut generics = 0usize;
        while let Some(token) = self.code.token(j) {
            let after = self.before(j, 1);
            if punct(Some(token), b'<') && (generics > 0 || punct(after, b':')) {
                generics += 1;
            } else if punct(Some(token), b'>') && generics > 0 && !punct(after, b'-') {
                generics -= 1;
            } else if generics == 0
                && (punct(Some(token), b';') || punct(Some(token), b',') || closes(Some(token)))
            {
                return j;
            }
            j = if opens(Some(token)) {
                self.code.partner(j) + 1
            } else {
                j + 1
            };
        }
        j
    }

    /// Whether the tokens `from..to` are a call (or macro) whose outcome nobody handled.
    fn unhandled_call(&self, from: usize, to: usize) -> bool {
        let Some(last) = to.checked_sub(1).filter(|l| *l >= from) else {
            return false;
        };
        if !punct(self.code.token(last), b')') {
            return false;
        }
        let open = self.code.partner(last);
        let callee = open.checked_sub(1).and_then(|c| self.code.token(c));
        let is_call = ident(callee).is_some() || punct(callee, b'!') || punct(callee, b'>');
        if !is_call || open <= from {
            return false;
        }
        if ident(callee).is_some_and(|name| PLAIN_VALUES.contains(&name)) {
            return false;
        }
        !(from..to).any(|j| {
            let name = ident(self.code.token(j));
            let call = punct(self.code.token(j + 1), b'(');
            let no_args = punct(self.code.token(j + 2), b')');
            call && name.is_some_and(|n| {
                GUARDS.contains(&n) || (no_args && GUARDS_WITHOUT_ARGS.contains(&n))
            })
        })
    }

    /// `let _ = ...;` always; `let _name = call();` and `let name = call();` are remembered for
    /// a later `drop(name)`.
    pub(crate) fn let_binding(&mut self, i: usize) {
        let mut at = i + 1;
        if ident(self.code.token(at)) == Some("mut") {
            at += 1;
        }
        let Some(name) = ident(self.code.token(at)).map(ToOwned::to_owned) else {
            return;
        };
        let next = self.code.token(at + 1);
        if name == "_" && (punct(next, b'=') || punct(next, b':')) {
            let message =
                format!("`let _ =` throws the value away, and with a Result its error: {HOW}");
            self.report(i, "no-ignored-error", message);
            return;
        }
        let Some(value) = self.value_start(at + 1) else {
            return;
        };
        let end = self.statement_end(value);
        if name.starts_with('_') && self.unhandled_call(value, end) {
            let message = format!(
                "`let {name} =` keeps a value nobody reads, and with a Result its error: {HOW}"
            );
            self.report(i, "no-ignored-error", message);
        }
        self.bindings.insert(name, (value, end));
    }

    /// After a `let` pattern at `from`: the first token of the value, past an optional `: Type`.
    fn value_start(&self, from: usize) -> Option<usize> {
        let mut j = from;
        if punct(self.code.token(j), b':') {
            while let Some(token) = self.code.token(j) {
                if punct(Some(token), b'=') || punct(Some(token), b';') || closes(Some(token)) {
                    break;
                }
                j = if opens(Some(token)) {
                    self.code.partner(j) + 1
                } else {
                    j + 1
                };
            }
        }
        let assigns = punct(self.code.token(j), b'=') && !punct(self.code.token(j + 1), b'=');
        assigns.then_some(j + 1)
    }

    /// `_ = call();` as a statement of its own.
    pub(crate) fn wildcard_assignment(&mut self, i: usize) {
        let before = self.before(i, 1);
        let arm = punct(before, b'>') && punct(self.before(i, 2), b'=');
        let statement_start = before.is_none()
            || arm
            || punct(before, b';')
            || punct(before, b'{')
            || punct(before, b'}');
        let assigns = punct(self.code.token(i + 1), b'=')
            && !punct(self.code.token(i + 2), b'=')
            && !punct(self.code.token(i + 2), b'>');
        if statement_start && assigns && self.unhandled_call(i + 2, self.statement_end(i + 2)) {
            let message =
                format!("`_ =` throws the value away, and with a Result its error: {HOW}");
            self.report(i, "no-ignored-error", message);
        }
    }

    /// `drop(call())`, or `drop(name)` of a name bound to a call's unhandled outcome.
    pub(crate) fn drop_call(&mut self, i: usize) {
        let before = self.before(i, 1);
        let via_path = punct(before, b':') && ident(self.before(i, 3)) == Some("mem");
        if (punct(before, b':') && !via_path) || punct(before, b'.') || ident(before) == Some("fn")
        {
            return;
        }
        if !punct(self.code.token(i + 1), b'(') {
            return;
        }
        let close = self.code.partner(i + 1);
        let dropped = if close == i + 3 {
            let name = ident(self.code.token(i + 2)).unwrap_or_default();
            self.bindings
                .get(name)
                .is_some_and(|(from, to)| self.unhandled_call(*from, *to))
        } else {
            self.unhandled_call(i + 2, close)
        };
        if dropped {
            let message = format!(
                "drop(...) throws away a call's outcome, and with a Result its error: {HOW}"
            );
            self.report(i, "no-ignored-error", message);
        }
    }

    /// `call().ok();`: the error becomes `None` and nobody looks at it.
    pub(crate) fn ok_discard(&mut self, i: usize) {
        let discarded = punct(self.before(i, 1), b'.')
            && punct(self.code.token(i + 1), b'(')
            && punct(self.code.token(i + 2), b')')
            && punct(self.code.token(i + 3), b';');
        if discarded {
            let message = format!("`.ok();` turns the error into a None nobody reads: {HOW}");
            self.report(i, "no-ignored-error", message);
        }
    }
}
