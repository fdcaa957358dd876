package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

var errNotRegular = errors.New("is not a regular file")

// collectFiles expands the given paths into the .go files the go tool would
// build. A file named explicitly is always checked. A directory inside a git
// work tree is listed by git itself (tracked files and untracked ones no
// ignore rule excludes, global excludes included); elsewhere it is walked,
// honouring every .gitignore from the project root down. Either way the go
// tool's skips apply (vendor, testdata, names starting with . or _), and so
// does its silence about dangling symlinks such as an editor's `.#app.go`.
func collectFiles(paths []string) ([]string, error) {
	seen := map[string]bool{}

	var files []string

	for _, p := range paths {
		found, err := expandPath(p)
		if err != nil {
			return nil, err
		}

		for _, f := range found {
			if clean := filepath.Clean(f); !seen[clean] {
				seen[clean] = true
				files = append(files, clean)
			}
		}
	}

	sort.Strings(files)

	return files, nil
}

func expandPath(p string) ([]string, error) {
	info, err := os.Stat(p)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", p, err)
	}

	if info.IsDir() {
		return listDir(p)
	}

	if !strings.HasSuffix(p, ".go") {
		return nil, nil
	}

	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("cannot read %s: %w", p, errNotRegular)
	}

	return []string{p}, nil
}

func listDir(root string) ([]string, error) {
	listed, err := gitFiles(root)
	if err != nil {
		return nil, err
	}

	if !listed.inGit {
		return walkDir(root)
	}

	var files []string

	for _, rel := range listed.files {
		if !goSourcePath(rel) {
			continue
		}

		p := filepath.Join(root, rel)

		keep, err := buildable(p)
		if err != nil {
			return nil, err
		}

		if keep {
			files = append(files, p)
		}
	}

	return files, nil
}

// goSourcePath is true for a slash-separated path, relative to the folder
// being checked, that the go tool would build from.
func goSourcePath(rel string) bool {
	parts := strings.Split(rel, "/")

	return !slices.ContainsFunc(parts[:len(parts)-1], skipDir) && goSourceName(parts[len(parts)-1])
}

func goSourceName(name string) bool {
	return strings.HasSuffix(name, ".go") && !strings.HasPrefix(name, ".") && !strings.HasPrefix(name, "_")
}

// buildable is false for a dangling symlink and for a file git still lists
// but that is gone from the work tree. A FIFO or device named *.go is an
// error: reading it could block forever.
func buildable(p string) (bool, error) {
	info, err := os.Stat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}

	if err != nil {
		return false, fmt.Errorf("cannot read %s: %w", p, err)
	}

	if !info.Mode().IsRegular() {
		return false, fmt.Errorf("cannot read %s: %w", p, errNotRegular)
	}

	return true, nil
}

func walkDir(root string) ([]string, error) {
	ignores, err := loadAncestorIgnores(root)
	if err != nil {
		return nil, err
	}

	w := &walker{root: root, ignores: ignores}
	if err := filepath.WalkDir(root, w.visit); err != nil {
		return nil, fmt.Errorf("walking %s: %w", root, err)
	}

	return w.files, nil
}

type walker struct {
	ignores *ignoreSet
	root    string
	files   []string
}

func (w *walker) visit(p string, d fs.DirEntry, err error) error {
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", p, err)
	}

	if d.IsDir() {
		if p != w.root && skipDir(d.Name()) || w.ignores.ignored(p, true) {
			return filepath.SkipDir
		}

		return w.ignores.load(p)
	}

	if !goSourceName(d.Name()) || w.ignores.ignored(p, false) {
		return nil
	}

	keep, err := buildable(p)
	if keep {
		w.files = append(w.files, p)
	}

	return err
}

func skipDir(name string) bool {
	return name == "vendor" || name == "testdata" ||
		strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")
}
