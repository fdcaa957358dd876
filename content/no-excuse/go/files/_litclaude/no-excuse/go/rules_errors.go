package main

import (
	"go/ast"
	"go/types"
	"strings"
)

// neverFails lists calls whose error result is documented to be always nil
// (or is the terminal's problem); golangci-lint's errcheck skips them too.
func neverFails(fullName string) bool {
	switch fullName {
	case "fmt.Print", "fmt.Printf", "fmt.Println":
		return true
	}

	return strings.HasPrefix(fullName, "(*bytes.Buffer).Write") ||
		strings.HasPrefix(fullName, "(*strings.Builder).Write")
}

// checkDroppedCall reports a call statement whose results include an error.
func (c *fileChecker) checkDroppedCall(call *ast.CallExpr) {
	tv, ok := c.info.Types[call]
	if !ok || tv.Type == nil || !returnsError(tv.Type) {
		return
	}

	name := calleeName(c.info, call)
	if neverFails(name) || c.printsToMemory(name, call) {
		return
	}

	c.reportf(call.Pos(), ruleIgnoredError, "the error returned by %s is dropped: handle or return it", shortName(name))
}

// printsToMemory is true for fmt.Fprint* into a bytes.Buffer or
// strings.Builder, which cannot fail.
func (c *fileChecker) printsToMemory(name string, call *ast.CallExpr) bool {
	if !strings.HasPrefix(name, "fmt.Fprint") || len(call.Args) == 0 {
		return false
	}

	tv, ok := c.info.Types[call.Args[0]]
	if !ok || tv.Type == nil {
		return false
	}

	w := tv.Type.String()

	return w == "*bytes.Buffer" || w == "*strings.Builder"
}

// checkBlankAssign reports an error value assigned to the blank identifier,
// as in `_ = err` or `n, _ := strconv.Atoi(s)`.
func (c *fileChecker) checkBlankAssign(lhs, rhs []ast.Expr) {
	for i, l := range lhs {
		ident, ok := l.(*ast.Ident)
		if !ok || ident.Name != "_" {
			continue
		}

		t, known := c.valueType(rhs, len(lhs), i)
		if known && isError(t) {
			c.reportf(ident.Pos(), ruleIgnoredError, "an error is assigned to _: handle or return it")
		}

		if !known && len(lhs) == len(rhs) && looksLikeErr(rhs[i]) {
			c.reportf(ident.Pos(), ruleIgnoredError, "an error is assigned to _: handle or return it")
		}
	}
}

// valueType finds the type of the i-th value on the right-hand side, which
// is either its own expression or one result of a single call. Values that
// only hold an error without reporting one (the first result of `v.(error)`,
// a map or slice element) are not followed.
func (c *fileChecker) valueType(rhs []ast.Expr, lhsCount, i int) (types.Type, bool) {
	switch {
	case len(rhs) == lhsCount && reportsFailure(rhs[i]):
		tv, ok := c.info.Types[rhs[i]]
		if !ok || tv.Type == nil || tv.IsNil() {
			return nil, false
		}

		return tv.Type, true
	case len(rhs) == 1:
		return c.resultType(rhs[0], i)
	default:
		return nil, false
	}
}

// resultType is the type of the i-th result when e is a call, and only
// when that is the last result: by convention a failure is reported last,
// and an error before it is a value (errors.AsType returns the one found).
func (c *fileChecker) resultType(e ast.Expr, i int) (types.Type, bool) {
	if _, call := ast.Unparen(e).(*ast.CallExpr); !call {
		return nil, false
	}

	tv, ok := c.info.Types[e]
	if !ok || tv.Type == nil {
		return nil, false
	}

	tuple, isTuple := tv.Type.(*types.Tuple)
	if !isTuple || i != tuple.Len()-1 {
		return nil, false
	}

	return tuple.At(i).Type(), true
}

func reportsFailure(e ast.Expr) bool {
	switch ast.Unparen(e).(type) {
	case *ast.Ident, *ast.SelectorExpr, *ast.CallExpr:
		return true
	default:
		return false
	}
}

func returnsError(t types.Type) bool {
	tuple, ok := t.(*types.Tuple)
	if !ok {
		return isError(t)
	}

	for v := range tuple.Variables() {
		if isError(v.Type()) {
			return true
		}
	}

	return false
}

func isError(t types.Type) bool {
	errType := types.Universe.Lookup("error").Type()
	if types.Identical(t, errType) {
		return true
	}

	iface, ok := errType.Underlying().(*types.Interface)

	return ok && t != nil && types.Implements(t, iface)
}

// looksLikeErr is the fallback when types are unknown: `_ = err`,
// `_ = readErr`.
func looksLikeErr(e ast.Expr) bool {
	ident, ok := e.(*ast.Ident)

	return ok && (ident.Name == "err" || strings.HasSuffix(ident.Name, "Err"))
}

func calleeName(info *types.Info, call *ast.CallExpr) string {
	var ident *ast.Ident

	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		ident = fun
	case *ast.SelectorExpr:
		ident = fun.Sel
	default:
		return "this call"
	}

	if fn, ok := info.Uses[ident].(*types.Func); ok {
		return fn.FullName()
	}

	return ident.Name
}

// shortName turns "(*os.File).Close" into "os.File.Close" for messages.
func shortName(full string) string {
	return strings.NewReplacer("(*", "", "(", "", ")", "").Replace(full)
}
