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
	"strconv"
	"strings"
	"sync"
	"time"
)

// goListTimeout bounds the one `go list` run per module; past it the type
// based rules fall back to syntax rather than hang an editor hook.
const goListTimeout = 2 * time.Minute

var errNoExport = errors.New("no export data")

// importerCache gives each module one importer fed by one `go list -export`
// run over everything the checked files import. The checked packages
// themselves are type-checked from source, so they are never compiled.
type importerCache struct {
	byRoot    map[string]types.Importer
	rootOfDir map[string]string
}

func newImporterCache(fset *token.FileSet, parsed map[string][]*sourceFile) *importerCache {
	cache := &importerCache{byRoot: map[string]types.Importer{}, rootOfDir: map[string]string{}}
	importsByRoot := map[string]map[string]bool{}

	for dir, files := range parsed {
		root := moduleRoot(dir)
		cache.rootOfDir[dir] = root

		if importsByRoot[root] == nil {
			importsByRoot[root] = map[string]bool{}
		}

		collectImports(files, importsByRoot[root])
	}

	for root, imports := range importsByRoot {
		exports := map[string]string{}
		if root != "" && len(imports) > 0 {
			exports = listExports(root, sortedKeys(imports))
		}

		cache.byRoot[root] = exportImporter(fset, exports)
	}

	return cache
}

func collectImports(files []*sourceFile, into map[string]bool) {
	for _, sf := range files {
		if sf.tooBig {
			continue
		}

		for _, spec := range sf.ast.Imports {
			if path, err := strconv.Unquote(spec.Path.Value); err == nil && path != "C" {
				into[path] = true
			}
		}
	}
}

// lockedImporter lets packages be type-checked in parallel: the standard
// importer caches what it loaded and is not safe for concurrent use.
type lockedImporter struct {
	inner types.Importer
	mu    sync.Mutex
}

func (l *lockedImporter) Import(path string) (*types.Package, error) {
	l.mu.Lock()
	defer l.mu.Unlock()

	pkg, err := l.inner.Import(path)
	if err != nil {
		return nil, fmt.Errorf("importing %s: %w", path, err)
	}

	return pkg, nil
}

// exportImporter reads compiled export data; an import it has no data for
// stays unresolved and the rules that need its types fall back to syntax.
func exportImporter(fset *token.FileSet, exports map[string]string) types.Importer {
	return &lockedImporter{inner: gcImporter(fset, exports)}
}

func gcImporter(fset *token.FileSet, exports map[string]string) types.Importer {
	return importer.ForCompiler(fset, "gc", func(path string) (io.ReadCloser, error) {
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

// listExports asks the go tool where the compiled export data of the given
// imports (and what they import) lives, building what is stale; the build
// cache keeps it for the next run. A failure yields an empty map: the checker
// then works from syntax alone.
func listExports(root string, imports []string) map[string]string {
	args := append([]string{"list", "-e", "-export", "-deps", "-f", "{{.ImportPath}}\t{{.Export}}"}, imports...)

	ctx, cancel := context.WithTimeout(context.Background(), goListTimeout)
	defer cancel()

	//nolint:gosec // fixed program, no shell; the arguments are import paths read from Go source
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = root
	// Never download: an editing hook must not wait on the network, and a
	// missing module only costs type information.
	cmd.Env = append(os.Environ(), "GOPROXY=off")

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
