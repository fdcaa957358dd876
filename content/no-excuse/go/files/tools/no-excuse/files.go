package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// collectFiles expands the given paths into .go files. A file named
// explicitly is always checked; a directory is walked the way the go tool
// does (no vendor, testdata, or dot/underscore folders) and honours every
// .gitignore from the repository root down.
func collectFiles(paths []string) ([]string, error) {
	seen := map[string]bool{}

	var files []string

	add := func(p string) {
		clean := filepath.Clean(p)
		if !seen[clean] {
			seen[clean] = true
			files = append(files, clean)
		}
	}

	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", p, err)
		}

		if !info.IsDir() {
			if strings.HasSuffix(p, ".go") {
				add(p)
			}

			continue
		}

		found, err := walkDir(p)
		if err != nil {
			return nil, err
		}

		for _, f := range found {
			add(f)
		}
	}

	sort.Strings(files)

	return files, nil
}

func walkDir(root string) ([]string, error) {
	ignores, err := loadAncestorIgnores(root)
	if err != nil {
		return nil, err
	}

	var files []string

	walkErr := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("cannot read %s: %w", p, err)
		}

		if d.IsDir() {
			if p != root && skipDir(d.Name()) || ignores.ignored(p, true) {
				return filepath.SkipDir
			}

			return ignores.load(p)
		}

		if strings.HasSuffix(p, ".go") && !ignores.ignored(p, false) {
			files = append(files, p)
		}

		return nil
	})
	if walkErr != nil {
		return nil, fmt.Errorf("walking %s: %w", root, walkErr)
	}

	return files, nil
}

func skipDir(name string) bool {
	return name == "vendor" || name == "testdata" ||
		strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")
}
