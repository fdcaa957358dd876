package main

import (
	"regexp"
	"strings"
)

const optOutMarker = "no-excuse-ok:"

// A valid directive names its linters and says why after a second `//`.
// Built per call rather than held in a package var (see the no-global-var rule).
func nolintPattern() *regexp.Regexp {
	return regexp.MustCompile(`^//nolint:[a-z0-9_-]+(,[a-z0-9_-]+)*\s*//\s*\S`)
}

type optOut struct {
	rule string
	line int
}

func commentBody(text string) string {
	body := strings.TrimPrefix(text, "//")
	if block, ok := strings.CutPrefix(text, "/*"); ok {
		body = strings.TrimSuffix(block, "*/")
	}

	return strings.TrimSpace(body)
}

func (c *fileChecker) checkNolint() {
	valid := nolintPattern()

	for _, group := range c.sf.ast.Comments {
		for _, cm := range group.List {
			if !looksLikeNolint(cm.Text) {
				continue
			}

			if !valid.MatchString(cm.Text) || strings.Contains(cm.Text, ":all") || strings.Contains(cm.Text, ",all") {
				c.reportf(cm.Pos(), ruleNolint, "write //nolint:<linter> // <reason>: name the linter and say why")
			}
		}
	}
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

// optOuts reads every opt-out comment, reporting the malformed ones.
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

			switch {
			case rule == "" || reason == "":
				c.reportf(cm.Pos(), ruleOptOutReason, "an opt-out needs a rule and a reason: no-excuse-ok: <rule> -- <why>")
			case !knownRule(rule):
				c.reportf(cm.Pos(), ruleOptOutUnknown, "no-excuse has no rule %q", rule)
			default:
				valid = append(valid, optOut{rule: rule, line: c.fset.Position(cm.Pos()).Line})
			}
		}
	}

	return valid
}

// applyOptOuts drops a finding when an opt-out for its rule sits on the
// same line or the line above. Findings about opt-outs cannot be silenced.
func applyOptOuts(findings []finding, outs []optOut) []finding {
	kept := findings[:0]

	for _, f := range findings {
		if !silenced(f, outs) {
			kept = append(kept, f)
		}
	}

	return kept
}

func silenced(f finding, outs []optOut) bool {
	if f.rule == ruleOptOutReason || f.rule == ruleOptOutUnknown {
		return false
	}

	for _, o := range outs {
		if o.rule == f.rule && (o.line == f.line || o.line == f.line-1) {
			return true
		}
	}

	return false
}
