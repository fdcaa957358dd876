package main

import (
	"go/ast"
	"go/token"
	"strings"
)

func (c *fileChecker) checkDecls() {
	for _, decl := range c.sf.ast.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			c.checkInit(d)

			if c.exportedAPI() && d.Name.IsExported() && receiverExported(d.Recv) {
				c.checkSignature(d.Type, d.Name.Name)
			}
		case *ast.GenDecl:
			c.checkGenDecl(d)
		}
	}
}

// exportedAPI is false where nothing can be imported: package main and tests.
func (c *fileChecker) exportedAPI() bool {
	return !c.isMain && !c.sf.isTest
}

func (c *fileChecker) checkInit(d *ast.FuncDecl) {
	if d.Recv == nil && d.Name.Name == "init" && d.Body != nil && len(d.Body.List) > 0 {
		c.reportf(d.Pos(), ruleInit, "init runs hidden side effects on import: call a named setup function explicitly")
	}
}

func (c *fileChecker) checkGenDecl(d *ast.GenDecl) {
	for _, spec := range d.Specs {
		switch s := spec.(type) {
		case *ast.TypeSpec:
			iface, ok := s.Type.(*ast.InterfaceType)
			if ok && c.exportedAPI() && s.Name.IsExported() {
				c.checkInterfaceMethods(iface)
			}
		case *ast.ValueSpec:
			if d.Tok == token.VAR && !c.sf.isTest {
				c.checkGlobalVar(d, s)
			}
		}
	}
}

func (c *fileChecker) checkInterfaceMethods(iface *ast.InterfaceType) {
	for _, m := range iface.Methods.List {
		ft, ok := m.Type.(*ast.FuncType)
		if !ok {
			continue
		}

		for _, name := range m.Names {
			if name.IsExported() {
				c.checkSignature(ft, name.Name)
			}
		}
	}
}

// checkSignature looks at parameters and results only: `any` as a type
// parameter constraint is ordinary generics, not an escape hatch.
func (c *fileChecker) checkSignature(ft *ast.FuncType, name string) {
	for _, list := range []*ast.FieldList{ft.Params, ft.Results} {
		if list == nil {
			continue
		}

		for _, field := range list.List {
			ast.Inspect(field.Type, func(n ast.Node) bool {
				if isEmptyInterface(n) {
					c.reportf(n.Pos(), ruleAny, "exported %s takes or returns an untyped value: use a concrete type, a small interface or a type parameter", name)

					return false
				}

				return true
			})
		}
	}
}

func isEmptyInterface(n ast.Node) bool {
	switch t := n.(type) {
	case *ast.Ident:
		return t.Name == "any"
	case *ast.InterfaceType:
		return t.Methods == nil || len(t.Methods.List) == 0
	default:
		return false
	}
}

func receiverExported(recv *ast.FieldList) bool {
	if recv == nil || len(recv.List) == 0 {
		return true
	}

	t := recv.List[0].Type
	for {
		switch r := t.(type) {
		case *ast.StarExpr:
			t = r.X
		case *ast.IndexExpr:
			t = r.X
		case *ast.IndexListExpr:
			t = r.X
		case *ast.Ident:
			return r.IsExported()
		default:
			return false
		}
	}
}

// checkGlobalVar allows the blank identifier (compile-time interface
// checks), sentinel errors and go:embed targets; any other package-level
// var is shared mutable state.
func (c *fileChecker) checkGlobalVar(d *ast.GenDecl, s *ast.ValueSpec) {
	if hasEmbed(d.Doc) || hasEmbed(s.Doc) {
		return
	}

	for i, name := range s.Names {
		if name.Name == "_" || isSentinelError(name.Name, s.Values, i) {
			continue
		}

		c.reportf(name.Pos(), ruleGlobalVar, "package-level var %s is shared mutable state: use a const, a function or pass it in", name.Name)
	}
}

func hasEmbed(doc *ast.CommentGroup) bool {
	if doc == nil {
		return false
	}

	for _, cm := range doc.List {
		if strings.HasPrefix(cm.Text, "//go:embed ") {
			return true
		}
	}

	return false
}

func isSentinelError(name string, values []ast.Expr, i int) bool {
	if !strings.HasPrefix(name, "Err") && !strings.HasPrefix(name, "err") || i >= len(values) {
		return false
	}

	call, ok := values[i].(*ast.CallExpr)
	if !ok {
		return false
	}

	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}

	pkg, ok := sel.X.(*ast.Ident)

	return ok && (pkg.Name == "errors" && sel.Sel.Name == "New" || pkg.Name == "fmt" && sel.Sel.Name == "Errorf")
}
