package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// maxFileBytes bounds what one check reads and parses: no hand-written Go
// file is a megabyte long, and a hostile one must not stall the edit hook.
const maxFileBytes = 1 << 20

// generatedHeadBytes is how much of an oversized file is read to tell
// whether a tool wrote it.
const generatedHeadBytes = 64 << 10

// parseDir parses the wanted files and, for type information, the other
// .go files of the same folder. Only a wanted file that fails to parse is an
// error; a broken sibling is left out.
func parseDir(fset *token.FileSet, dir string, files []string, wanted map[string]bool) ([]*sourceFile, error) {
	all := append(slices.Clone(files), siblings(dir, wanted)...)
	parsed := make([]*sourceFile, 0, len(all))

	for _, p := range all {
		sf, err := parseFile(fset, p)
		if err != nil && wanted[p] {
			return nil, err
		}

		if err == nil && (wanted[p] || !sf.tooBig) {
			sf.wanted = wanted[p]
			parsed = append(parsed, sf)
		}
	}

	return parsed, nil
}

// siblings are the folder's other files the go tool would build; one it
// cannot use (dangling, not a regular file) only costs type information.
func siblings(dir string, wanted map[string]bool) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}

	var out []string

	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		if goSourceName(e.Name()) && !wanted[p] {
			if keep, err := buildable(p); keep && err == nil {
				out = append(out, p)
			}
		}
	}

	return out
}

func parseFile(fset *token.FileSet, p string) (*sourceFile, error) {
	sf, err := readSource(p)
	if err != nil {
		return nil, err
	}

	if sf.size > maxFileBytes {
		sf.tooBig, sf.generated = true, generatedHead(sf.src)

		return sf, nil
	}

	f, err := parser.ParseFile(fset, p, sf.src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("cannot parse %w", err)
	}

	sf.ast, sf.generated = f, ast.IsGenerated(f)

	return sf, nil
}

// readSource reads a file whole, or only its head when it is over the limit.
func readSource(p string) (*sourceFile, error) {
	f, err := os.Open(filepath.Clean(p))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", p, err)
	}

	defer closeQuietly(f)

	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", p, err)
	}

	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("cannot read %s: %w", p, errNotRegular)
	}

	limit := info.Size()
	if limit > maxFileBytes {
		limit = generatedHeadBytes
	}

	src, err := io.ReadAll(io.LimitReader(f, limit))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", p, err)
	}

	return &sourceFile{path: p, src: src, size: info.Size(), isTest: strings.HasSuffix(p, "_test.go")}, nil
}

// generatedHead applies the go tool's "Code generated ... DO NOT EDIT."
// convention to the head of a file too big to parse.
func generatedHead(head []byte) bool {
	marker := regexp.MustCompile(`(?m)^// Code generated .* DO NOT EDIT\.$`)
	loc := marker.FindIndex(head)
	pkg := regexp.MustCompile(`(?m)^package `).FindIndex(head)

	return len(loc) == 2 && (len(pkg) == 0 || loc[0] < pkg[0])
}
