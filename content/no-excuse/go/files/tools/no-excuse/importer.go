package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"go/importer"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// goListTimeout bounds the one `go list` run per module; past it the type
// based rules fall back to syntax rather than hang an editor hook.
const goListTimeout = 2 * time.Minute

var errNoExport = errors.New("no export data")

// importerCache gives each module one importer fed by one `go list -export`
// run over all the folders being checked in that module.
type importerCache struct {
	fset      *token.FileSet
	byRoot    map[string]types.Importer
	rootOfDir map[string]string
}

func newImporterCache(fset *token.FileSet, dirs []string) *importerCache {
	cache := &importerCache{fset: fset, byRoot: map[string]types.Importer{}, rootOfDir: map[string]string{}}
	dirsByRoot := map[string][]string{}

	for _, dir := range dirs {
		root := moduleRoot(dir)
		cache.rootOfDir[dir] = root
		dirsByRoot[root] = append(dirsByRoot[root], dir)
	}

	for root, rootDirs := range dirsByRoot {
		exports := map[string]string{}
		if root != "" {
			exports = listExports(root, rootDirs)
		}

		cache.byRoot[root] = importer.ForCompiler(fset, "gc", func(path string) (io.ReadCloser, error) {
			file, ok := exports[path]
			if !ok {
				return nil, fmt.Errorf("%s: %w", path, errNoExport)
			}

			f, err := os.Open(filepath.Clean(file))
			if err != nil {
				return nil, fmt.Errorf("opening export data of %s: %w", path, err)
			}

			return f, nil
		})
	}

	return cache
}

func (c *importerCache) forDir(dir string) types.Importer {
	return c.byRoot[c.rootOfDir[dir]]
}

func moduleRoot(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}

	for d := abs; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}

		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// listExports asks the go tool where the compiled export data of every
// dependency lives. It builds what is stale (cached afterwards). A failure
// yields an empty map: the checker then works from syntax alone.
func listExports(root string, dirs []string) map[string]string {
	args := []string{"list", "-e", "-export", "-deps", "-test", "-f", "{{.ImportPath}}\t{{.Export}}"}

	for _, dir := range dirs {
		abs, err := filepath.Abs(dir)
		if err != nil {
			continue
		}

		args = append(args, abs)
	}

	ctx, cancel := context.WithTimeout(context.Background(), goListTimeout)
	defer cancel()

	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = root

	var out bytes.Buffer

	cmd.Stdout = &out

	exports := map[string]string{}
	if err := cmd.Run(); err != nil && out.Len() == 0 {
		return exports
	}

	scanner := bufio.NewScanner(&out)
	for scanner.Scan() {
		importPath, file, ok := strings.Cut(scanner.Text(), "\t")
		if ok && file != "" && !strings.Contains(importPath, " ") {
			exports[importPath] = file
		}
	}

	return exports
}
