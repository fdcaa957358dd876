package main

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

type ignoreRule struct {
	base     string // absolute, slash-separated directory of the .gitignore
	segments []string
	negate   bool
	dirOnly  bool
	anchored bool
}

type ignoreSet struct {
	rules []ignoreRule
}

// loadAncestorIgnores reads the .gitignore files above root, stopping at
// the repository (or module) root, so that checking a sub-folder still
// honours the ignores written at the top.
func loadAncestorIgnores(root string) (*ignoreSet, error) {
	set := &ignoreSet{}

	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, fmt.Errorf("cannot resolve %s: %w", root, err)
	}

	var chain []string

	for dir := abs; !isProjectRoot(dir) && filepath.Dir(dir) != dir; {
		dir = filepath.Dir(dir)
		chain = append(chain, dir)
	}

	for _, dir := range slices.Backward(chain) {
		if err := set.load(dir); err != nil {
			return nil, err
		}
	}

	return set, nil
}

func isProjectRoot(dir string) bool {
	for _, marker := range []string{".git", "go.mod"} {
		if _, err := os.Stat(filepath.Join(dir, marker)); err == nil {
			return true
		}
	}

	return false
}

func (s *ignoreSet) load(dir string) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return fmt.Errorf("cannot resolve %s: %w", dir, err)
	}

	f, err := os.Open(filepath.Clean(filepath.Join(abs, ".gitignore")))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}

	if err != nil {
		return fmt.Errorf("cannot read .gitignore in %s: %w", dir, err)
	}

	defer closeQuietly(f)

	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		if rule, ok := parseIgnoreLine(filepath.ToSlash(abs), scanner.Text()); ok {
			s.rules = append(s.rules, rule)
		}
	}

	if err := scanner.Err(); err != nil {
		return fmt.Errorf("cannot read .gitignore in %s: %w", dir, err)
	}

	return nil
}

// closeQuietly closes a file that was only read: nothing was buffered, so a
// close error cannot lose data.
func closeQuietly(f *os.File) {
	if err := f.Close(); err != nil {
		return
	}
}

func parseIgnoreLine(base, line string) (ignoreRule, bool) {
	line = strings.TrimRight(line, " \t\r")
	if line == "" || strings.HasPrefix(line, "#") {
		return ignoreRule{}, false
	}

	rule := ignoreRule{base: base}

	if strings.HasPrefix(line, "!") {
		rule.negate = true
		line = line[1:]
	}

	line = strings.TrimPrefix(line, `\`)

	if strings.HasSuffix(line, "/") {
		rule.dirOnly = true
		line = strings.TrimSuffix(line, "/")
	}

	rule.anchored = strings.Contains(line, "/")
	line = strings.TrimPrefix(line, "/")

	if line == "" {
		return ignoreRule{}, false
	}

	rule.segments = strings.Split(line, "/")

	return rule, true
}

// ignored applies the rules in order; the last rule that matches wins.
func (s *ignoreSet) ignored(p string, isDir bool) bool {
	abs, err := filepath.Abs(p)
	if err != nil {
		return false
	}

	abs = filepath.ToSlash(abs)
	result := false

	for _, r := range s.rules {
		rel, ok := strings.CutPrefix(abs, r.base+"/")
		if !ok || (r.dirOnly && !isDir) {
			continue
		}

		if r.matches(rel) {
			result = !r.negate
		}
	}

	return result
}

func (r ignoreRule) matches(rel string) bool {
	parts := strings.Split(rel, "/")
	if !r.anchored {
		ok, err := path.Match(r.segments[0], parts[len(parts)-1])

		return err == nil && ok
	}

	return matchSegments(r.segments, parts)
}

func matchSegments(pattern, parts []string) bool {
	if len(pattern) == 0 {
		return len(parts) == 0
	}

	if pattern[0] == "**" {
		for i := 0; i <= len(parts); i++ {
			if matchSegments(pattern[1:], parts[i:]) {
				return true
			}
		}

		return false
	}

	if len(parts) == 0 {
		return false
	}

	ok, err := path.Match(pattern[0], parts[0])

	return err == nil && ok && matchSegments(pattern[1:], parts[1:])
}
