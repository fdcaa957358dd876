package main

import (
	"go/ast"
	"go/types"
	"strings"
)

// forcedSignatures are standard library interface methods that take or
// return an untyped value by design; a method implementing one cannot
// choose another signature. (encoding/json's Marshaler and Unmarshaler use
// []byte and need no entry.)
func forcedSignatures() map[string]bool {
	return map[string]bool{
		"Push(any)":       true, // container/heap.Interface
		"Pop() any":       true, // container/heap.Interface
		"Scan(any) error": true, // database/sql.Scanner
		"As(any) bool":    true, // the target errors.As calls
		"Get() any":       true, // flag.Getter
		"Value(any) any":  true, // context.Context
	}
}

// forcedByInterface is true for a method whose name and signature are one
// of forcedSignatures.
func forcedByInterface(d *ast.FuncDecl) bool {
	return d.Recv != nil && forcedSignatures()[d.Name.Name+signatureKey(d.Type)]
}

// signatureKey renders "(params) results" without names, writing
// interface{} as any.
func signatureKey(ft *ast.FuncType) string {
	params := fieldTypes(ft.Params)
	results := fieldTypes(ft.Results)

	key := "(" + strings.Join(params, ", ") + ")"

	switch len(results) {
	case 0:
		return key
	case 1:
		return key + " " + results[0]
	default:
		return key + " (" + strings.Join(results, ", ") + ")"
	}
}

func fieldTypes(list *ast.FieldList) []string {
	if list == nil {
		return nil
	}

	var out []string

	for _, field := range list.List {
		t := strings.ReplaceAll(types.ExprString(field.Type), "interface{}", "any")
		for range max(1, len(field.Names)) {
			out = append(out, t)
		}
	}

	return out
}
