package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
)

const (
	ruleAny           = "no-any"
	ruleIgnoredError  = "no-ignored-error"
	ruleNolint        = "nolint-needs-reason"
	rulePanic         = "no-panic"
	ruleInit          = "no-init"
	ruleGlobalVar     = "no-global-var"
	ruleFileTooLong   = "file-too-long"
	ruleOptOutReason  = "opt-out-needs-reason"
	ruleOptOutUnknown = "opt-out-unknown-rule"
	ruleOptOutNolint  = "opt-out-use-nolint"
	ruleOptOutStale   = "stale-opt-out"
)

func knownRule(name string) bool {
	switch name {
	case ruleAny, ruleIgnoredError, ruleNolint, rulePanic, ruleInit, ruleGlobalVar,
		ruleFileTooLong, ruleOptOutReason, ruleOptOutUnknown, ruleOptOutNolint, ruleOptOutStale:
		return true
	default:
		return false
	}
}

// linterOf names the golangci-lint linter that enforces the same rule. For
// those rules the linter's own `//nolint:<linter> // <why>` is the one
// opt-out: it silences both, so nobody writes two comments for one line.
func linterOf(rule string) (string, bool) {
	switch rule {
	case ruleIgnoredError:
		return "errcheck", true
	case ruleInit:
		return "gochecknoinits", true
	case ruleGlobalVar:
		return "gochecknoglobals", true
	default:
		return "", false
	}
}

// ruleOfLinter is linterOf the other way round.
func ruleOfLinter(linter string) (string, bool) {
	for _, rule := range []string{ruleIgnoredError, ruleInit, ruleGlobalVar} {
		if l, _ := linterOf(rule); l == linter {
			return rule, true
		}
	}

	return "", false
}

// fileChecker holds what the rules need to know about one file.
type fileChecker struct {
	fset     *token.FileSet
	info     *types.Info
	sf       *sourceFile
	findings []finding
	isMain   bool
}

func (c *fileChecker) reportf(pos token.Pos, rule, format string, args ...any) {
	p := c.fset.Position(pos)
	c.findings = append(c.findings, finding{
		path:    c.sf.path,
		line:    p.Line,
		col:     p.Column,
		rule:    rule,
		message: fmt.Sprintf(format, args...),
	})
}

func checkFile(fset *token.FileSet, sf *sourceFile, info *types.Info, maxLines int) []finding {
	c := &fileChecker{fset: fset, info: info, sf: sf, isMain: sf.ast.Name.Name == "main"}

	// Tests are exempt, as golangci-lint exempts them from funlen and dupl:
	// a table of cases grows with the behaviour it covers.
	if !sf.isTest {
		c.checkLength(maxLines)
	}

	native := c.checkNolint()
	c.checkDecls()
	ast.Inspect(sf.ast, c.visit)

	return c.applyOptOuts(c.optOuts(), native)
}

func (c *fileChecker) checkLength(maxLines int) {
	lines := bytes.Count(c.sf.src, []byte("\n"))
	if len(c.sf.src) > 0 && !bytes.HasSuffix(c.sf.src, []byte("\n")) {
		lines++
	}

	if lines > maxLines {
		c.reportf(c.sf.ast.FileStart, ruleFileTooLong,
			"file has %d lines, the limit is %d: split it by responsibility", lines, maxLines)
	}
}

func (c *fileChecker) visit(n ast.Node) bool {
	switch node := n.(type) {
	case *ast.CallExpr:
		c.checkPanic(node)
	case *ast.ExprStmt:
		if call, ok := node.X.(*ast.CallExpr); ok {
			c.checkDroppedCall(call)
		}
	case *ast.DeferStmt:
		c.checkDroppedCall(node.Call)
	case *ast.GoStmt:
		c.checkDroppedCall(node.Call)
	case *ast.AssignStmt:
		c.checkBlankAssign(node.Lhs, node.Rhs)
	case *ast.ValueSpec:
		if node.Type != nil {
			return true // `var _ error = (*myErr)(nil)` asserts a type, it drops nothing
		}

		exprs := make([]ast.Expr, 0, len(node.Names))
		for _, name := range node.Names {
			exprs = append(exprs, name)
		}

		c.checkBlankAssign(exprs, node.Values)
	}

	return true
}

func (c *fileChecker) checkPanic(call *ast.CallExpr) {
	if c.isMain || c.sf.isTest {
		return
	}

	ident, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || ident.Name != "panic" {
		return
	}

	if obj, known := c.info.Uses[ident]; known {
		if _, builtin := obj.(*types.Builtin); !builtin {
			return
		}
	}

	c.reportf(call.Pos(), rulePanic, "panic outside main and tests: return an error instead")
}
