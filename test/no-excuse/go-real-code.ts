/** Code a Go programmer writes in a generated project; the Go e2e test plants it. */

/** Real code, as a Go programmer writes it; the gate must accept it as it is. */
export const realCode: Readonly<Record<string, string>> = {
  "internal/wc/wc.go": `// Package wc counts the lines of files.
package wc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
)

// Counter counts the lines written to it.
type Counter struct {
	lines int
}

var _ io.Writer = (*Counter)(nil)

// Write counts the newlines in p; it never fails.
func (c *Counter) Write(p []byte) (int, error) {
	c.lines += bytes.Count(p, []byte{'\\n'})

	return len(p), nil
}

// Lines is the number of lines counted so far.
func (c *Counter) Lines() int {
	return c.lines
}

// CountFile counts the lines of the file at path, as named on a command line.
func CountFile(path string) (lines int, err error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, fmt.Errorf("counting lines: %w", err)
	}

	defer func() {
		err = errors.Join(err, f.Close())
	}()

	var c Counter
	if _, err := io.Copy(&c, f); err != nil {
		return 0, fmt.Errorf("reading %s: %w", path, err)
	}

	return c.Lines(), nil
}
`,
  "internal/wc/queue.go": `package wc

import "container/heap"

// Job is a piece of work with a priority; lower runs first.
type Job struct {
	Name     string
	Priority int
}

// Queue orders jobs by priority. It implements heap.Interface, whose Push and Pop take and
// return any; use it through container/heap.
type Queue []Job

var _ heap.Interface = (*Queue)(nil)

// Len is the number of queued jobs.
func (q *Queue) Len() int { return len(*q) }

// Less orders by priority.
func (q *Queue) Less(i, j int) bool { return (*q)[i].Priority < (*q)[j].Priority }

// Swap exchanges two jobs.
func (q *Queue) Swap(i, j int) { (*q)[i], (*q)[j] = (*q)[j], (*q)[i] }

// Push adds x, which container/heap hands over from heap.Push; anything but a Job is ignored.
func (q *Queue) Push(x any) {
	if job, ok := x.(Job); ok {
		*q = append(*q, job)
	}
}

// Pop removes and returns the last job, as container/heap expects.
func (q *Queue) Pop() any {
	old := *q
	last := old[len(old)-1]
	*q = old[:len(old)-1]

	return last
}
`,
  "internal/wc/wc_test.go": `package wc

import (
	"container/heap"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestCountFile(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "three.txt")
	if err := os.WriteFile(path, []byte("a\\nb\\nc\\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := CountFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != 3 {
		t.Errorf("CountFile() = %d, want 3", got)
	}
}

func TestCountFileMissing(t *testing.T) {
	t.Parallel()
	_, err := CountFile(filepath.Join(t.TempDir(), "missing"))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("CountFile(missing) error = %v, want fs.ErrNotExist", err)
	}
}

func TestQueue(t *testing.T) {
	t.Parallel()
	q := &Queue{}
	heap.Init(q)
	heap.Push(q, Job{Name: "late", Priority: 9})
	heap.Push(q, Job{Name: "soon", Priority: 1})
	first, ok := heap.Pop(q).(Job)
	if !ok || first.Name != "soon" {
		t.Errorf("heap.Pop() = %v, want the job named soon", first)
	}
}
`,
  "internal/wire/wire.go": `// Package wire speaks an outside JSON API whose fields are snake_case.
package wire

// Account is one record of that API.
type Account struct {
	UserID      string \`json:"user_id"\`
	DisplayName string \`json:"display_name"\`
}
`,
};

/** The tagliatelle override that .golangci.yml documents, for the snake_case package above. */
export function enableWireOverride(config: string): string {
  const example =
    "        # overrides:\n        #   - pkg: internal/wire\n        #     rules:\n        #       json: snake\n";
  if (!config.includes(example)) throw new Error(".golangci.yml lost its tagliatelle example");
  return config.replace(example, example.replaceAll("        # ", "        "));
}

/** main with the version variables a release sets with -ldflags -X. */
export function mainWithVersion(module: string): string {
  return `// Command demo-cli prints a greeting. It only wires the process to internal/app.
package main

import (
	"fmt"
	"os"

	"${module}/internal/app"
)

// version is set when a release is built: go build -ldflags "-X main.version=v1.2.3".
var version = "dev"

var commit = "none" //nolint:gochecknoglobals // set at link time: go build -ldflags "-X main.commit=abc123"

func main() {
	if len(os.Args) == 2 && os.Args[1] == "-version" {
		if _, err := fmt.Fprintln(os.Stdout, version, commit); err != nil {
			os.Exit(1)
		}

		return
	}

	os.Exit(app.Run(os.Args[1:], os.Getenv, os.Stdout, os.Stderr))
}
`;
}
