package main

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"sort"
)

type finding struct {
	path    string
	rule    string
	message string
	line    int
	col     int
}

type sourceFile struct {
	ast       *ast.File
	path      string
	src       []byte
	size      int64
	wanted    bool
	isTest    bool
	generated bool
	// tooBig files are not parsed: only their size is reported.
	tooBig bool
}

// checkFiles parses every package that holds a wanted file (siblings are
// needed for type information) and runs the rules on the wanted files.
func checkFiles(paths []string, maxLines int) ([]finding, error) {
	fset := token.NewFileSet()
	wanted := map[string]bool{}
	byDir := map[string][]string{}

	for _, p := range paths {
		wanted[p] = true
		dir := filepath.Dir(p)
		byDir[dir] = append(byDir[dir], p)
	}

	dirs := sortedKeys(byDir)
	parsedByDir := make([][]*sourceFile, len(dirs))
	errs := make([]error, len(dirs))

	parallel(len(dirs), func(i int) {
		parsedByDir[i], errs[i] = parseDir(fset, dirs[i], byDir[dirs[i]], wanted)
	})

	parsed := map[string][]*sourceFile{}

	for i, dir := range dirs {
		if errs[i] != nil {
			return nil, errs[i]
		}

		parsed[dir] = parsedByDir[i]
	}

	importers := newImporterCache(fset, parsed)

	type job struct {
		dir   string
		group []*sourceFile
	}

	var (
		jobs []job
		big  []finding
	)

	for _, dir := range dirs {
		big = append(big, oversized(parsed[dir])...)

		for _, group := range groupByPackage(parsed[dir]) {
			jobs = append(jobs, job{dir: dir, group: group})
		}
	}

	results := make([][]finding, len(jobs))

	parallel(len(jobs), func(i int) {
		results[i] = checkGroup(fset, importers.forDir(jobs[i].dir), jobs[i].group, maxLines)
	})

	findings := append(slices.Concat(results...), big...)
	sortFindings(findings)

	return findings, nil
}

func checkGroup(fset *token.FileSet, imp types.Importer, group []*sourceFile, maxLines int) []finding {
	info := typeCheck(fset, imp, group)

	var findings []finding

	for _, sf := range group {
		if sf.wanted && !sf.generated {
			findings = append(findings, checkFile(fset, sf, info, maxLines)...)
		}
	}

	return findings
}

// oversized reports the wanted files too big to parse, unless generated.
func oversized(files []*sourceFile) []finding {
	var findings []finding

	for _, sf := range files {
		if sf.tooBig && sf.wanted && !sf.generated {
			findings = append(findings, finding{
				path: sf.path, line: 1, col: 1, rule: ruleFileTooLong,
				message: fmt.Sprintf("file has %d bytes, more than the %d no-excuse reads: split it by responsibility", sf.size, maxFileBytes),
			})
		}
	}

	return findings
}

func sortFindings(findings []finding) {
	sort.Slice(findings, func(i, j int) bool {
		a, b := findings[i], findings[j]
		if a.path != b.path {
			return a.path < b.path
		}

		if a.line != b.line {
			return a.line < b.line
		}

		return a.col < b.col
	})
}

// groupByPackage splits a folder into its package and its external test
// package, which go/types must check separately.
func groupByPackage(files []*sourceFile) [][]*sourceFile {
	groups := map[string][]*sourceFile{}

	for _, sf := range files {
		if !sf.tooBig {
			groups[sf.ast.Name.Name] = append(groups[sf.ast.Name.Name], sf)
		}
	}

	out := make([][]*sourceFile, 0, len(groups))
	for _, name := range sortedKeys(groups) {
		out = append(out, groups[name])
	}

	return out
}

// typeCheck collects whatever type information it can. Errors are expected
// (a missing import, a half-written file) and only make the type-based rules
// fall back to what the syntax alone proves.
func typeCheck(fset *token.FileSet, imp types.Importer, group []*sourceFile) *types.Info {
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{},
		Uses:  map[*ast.Ident]types.Object{},
		Defs:  map[*ast.Ident]types.Object{},
	}
	conf := types.Config{
		Importer:    imp,
		FakeImportC: true,
		Error:       func(error) {},
	}

	files := make([]*ast.File, 0, len(group))
	for _, sf := range group {
		files = append(files, sf.ast)
	}

	if _, err := conf.Check(group[0].ast.Name.Name, fset, files, info); err != nil {
		return info // partial, and still worth using
	}

	return info
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}

	sort.Strings(keys)

	return keys
}
