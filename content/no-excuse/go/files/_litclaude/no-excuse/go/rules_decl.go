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

			if c.exportedAPI() && d.Name.IsExported() && receiverExported(d.Recv) && !forcedByInterface(d) {
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

// checkGlobalVar allows what gochecknoglobals allows: the blank identifier
// (compile-time interface checks), errors named err... or Err..., a var
// named version (set at link time with -ldflags -X), regexp.MustCompile
// results and go:embed targets. Any other package-level var is shared
// mutable state.
func (c *fileChecker) checkGlobalVar(d *ast.GenDecl, s *ast.ValueSpec) {
	if hasEmbed(d.Doc) || hasEmbed(s.Doc) {
		return
	}

	for i, name := range s.Names {
		var value ast.Expr
		if i < len(s.Values) && len(s.Values) == len(s.Names) {
			value = s.Values[i]
		}

		if name.Name == "_" || name.Name == "version" || c.isErrorVar(name, value) || isCallTo(value, "regexp", "MustCompile") {
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

// isErrorVar is true for a var named err... or Err... that holds an error:
// by its type when the type checker knows it, else by an errors.New or
// fmt.Errorf value.
func (c *fileChecker) isErrorVar(name *ast.Ident, value ast.Expr) bool {
	if !strings.HasPrefix(name.Name, "Err") && !strings.HasPrefix(name.Name, "err") {
		return false
	}

	if obj := c.info.Defs[name]; obj != nil && obj.Type() != nil {
		return isError(obj.Type())
	}

	return isCallTo(value, "errors", "New") || isCallTo(value, "fmt", "Errorf")
}

func isCallTo(e ast.Expr, pkg, fn string) bool {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}

	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}

	x, ok := sel.X.(*ast.Ident)

	return ok && x.Name == pkg && sel.Sel.Name == fn
}
