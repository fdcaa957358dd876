package main

import (
	"fmt"
	"go/ast"
	"go/token"
	"regexp"
	"slices"
	"strings"
)

const optOutMarker = "no-excuse-ok:"

// A valid directive names its linters and says why after a second `//`.
// Built per call rather than held in a package var (see the no-global-var rule).
func nolintPattern() *regexp.Regexp {
	return regexp.MustCompile(`^//nolint:[a-z0-9_-]+(,[a-z0-9_-]+)*\s*//\s*\S`)
}

// optOut is one comment that silences one rule on its line and the next.
type optOut struct {
	rule string
	pos  token.Pos
	line int
	// native marks a //nolint directive; nolintlint reports it when unused.
	native bool
}

func commentBody(text string) string {
	body := strings.TrimPrefix(text, "//")
	if block, ok := strings.CutPrefix(text, "/*"); ok {
		body = strings.TrimSuffix(block, "*/")
	}

	return strings.TrimSpace(body)
}

// checkNolint reports malformed //nolint directives and returns, as
// opt-outs, the valid ones that name a linter enforcing a no-excuse rule.
func (c *fileChecker) checkNolint() []optOut {
	valid := nolintPattern()

	var outs []optOut

	for _, group := range c.sf.ast.Comments {
		for _, cm := range group.List {
			if !looksLikeNolint(cm.Text) {
				continue
			}

			if !valid.MatchString(cm.Text) || strings.Contains(cm.Text, ":all") || strings.Contains(cm.Text, ",all") {
				c.reportf(cm.Pos(), ruleNolint, "write //nolint:<linter> // <reason>: name the linter and say why")

				continue
			}

			outs = append(outs, c.nativeOptOuts(cm)...)
		}
	}

	return outs
}

func (c *fileChecker) nativeOptOuts(cm *ast.Comment) []optOut {
	names, _, _ := strings.Cut(strings.TrimPrefix(cm.Text, "//nolint:"), "//")

	var outs []optOut

	for linter := range strings.SplitSeq(strings.TrimSpace(names), ",") {
		if rule, ok := ruleOfLinter(strings.TrimSpace(linter)); ok {
			outs = append(outs, optOut{rule: rule, pos: cm.Pos(), line: c.line(cm.Pos()), native: true})
		}
	}

	return outs
}

func (c *fileChecker) line(pos token.Pos) int {
	return c.fset.Position(pos).Line
}

// looksLikeNolint is true for the directive (`//nolint...`) and for its
// near misses that golangci-lint ignores (`// nolint`, `// nolint:x`), but not
// for prose that starts with the word.
func looksLikeNolint(text string) bool {
	if strings.HasPrefix(text, "//nolint") {
		return true
	}

	rest, ok := strings.CutPrefix(commentBody(text), "nolint")

	return ok && (rest == "" || strings.HasPrefix(rest, ":"))
}

// optOuts reads every no-excuse-ok comment, reporting the malformed ones.
func (c *fileChecker) optOuts() []optOut {
	var valid []optOut

	for _, group := range c.sf.ast.Comments {
		for _, cm := range group.List {
			rest, ok := strings.CutPrefix(commentBody(cm.Text), optOutMarker)
			if !ok {
				continue
			}

			rule, reason, _ := strings.Cut(rest, "--")
			rule, reason = strings.TrimSpace(rule), strings.TrimSpace(reason)
			linter, linted := linterOf(rule)

			switch {
			case rule == "" || reason == "":
				c.reportf(cm.Pos(), ruleOptOutReason, "an opt-out needs a rule and a reason: no-excuse-ok: <rule> -- <why>")
			case !knownRule(rule):
				c.reportf(cm.Pos(), ruleOptOutUnknown, "no-excuse has no rule %q", rule)
			case linted:
				c.reportf(cm.Pos(), ruleOptOutNolint, "%s enforces %s too: write //nolint:%s // <why>, which silences both", linter, rule, linter)
			default:
				valid = append(valid, optOut{rule: rule, pos: cm.Pos(), line: c.line(cm.Pos())})
			}
		}
	}

	return valid
}

// applyOptOuts drops a finding when an opt-out for its rule sits on the
// same line or the line above, and reports a no-excuse-ok that silenced
// nothing. Findings about opt-outs cannot be silenced.
func (c *fileChecker) applyOptOuts(outs, native []optOut) []finding {
	all := slices.Concat(outs, native)
	used := make([]bool, len(all))

	var kept []finding

	for _, f := range c.findings {
		if !silence(f, all, used) {
			kept = append(kept, f)
		}
	}

	for i, o := range outs {
		if !used[i] {
			p := c.fset.Position(o.pos)
			kept = append(kept, finding{
				path: c.sf.path, line: p.Line, col: p.Column, rule: ruleOptOutStale,
				message: fmt.Sprintf("no %s finding on this line or the next: remove the opt-out", o.rule),
			})
		}
	}

	return kept
}

func silence(f finding, outs []optOut, used []bool) bool {
	switch f.rule {
	case ruleOptOutReason, ruleOptOutUnknown, ruleOptOutNolint, ruleOptOutStale, ruleNolint:
		return false
	}

	silenced := false

	for i, o := range outs {
		if o.rule == f.rule && (o.line == f.line || o.line == f.line-1) {
			used[i], silenced = true, true
		}
	}

	return silenced
}
