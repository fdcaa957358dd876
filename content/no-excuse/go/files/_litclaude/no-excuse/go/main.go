// Command no-excuse reports the escape hatches that the Go toolchain and
// golangci-lint either miss or let a team switch off. It only imports the
// standard library, so the project needs nothing beyond Go to run it.
package main

import (
	"fmt"
	"io"
	"os"
)

const (
	exitClean    = 0
	exitFindings = 1
	exitUsage    = 2
)

func main() {
	os.Exit(guardedRun(os.Args[1:], os.Getenv("NO_EXCUSE_MAX_LINES"), os.Stdout, os.Stderr))
}

// guardedRun turns a bug in the checker into exit status 2 and one line that
// says so: a bare stack trace with status 2 could pass for a read problem.
// recover can change the exit status only through a named result.
func guardedRun(args []string, envMaxLines string, stdout, stderr io.Writer) (status int) {
	defer func() {
		if r := recover(); r != nil {
			writeOrIgnore(stderr, fmt.Sprintf("no-excuse: internal error, a bug in the checker (please report it): %v\n", r))

			status = exitUsage
		}
	}()

	return run(args, envMaxLines, stdout, stderr)
}

func run(args []string, envMaxLines string, stdout, stderr io.Writer) int {
	opts, err := parseOptions(args, envMaxLines)
	if err != nil {
		writeOrIgnore(stderr, "no-excuse: "+err.Error()+"\n"+usage)

		return exitUsage
	}

	if opts.help {
		writeOrIgnore(stdout, usage)

		return exitClean
	}

	files, err := collectFiles(opts.paths)
	if err != nil {
		writeOrIgnore(stderr, "no-excuse: "+err.Error()+"\n")

		return exitUsage
	}

	findings, err := checkFiles(files, opts.maxLines)
	if err != nil {
		writeOrIgnore(stderr, "no-excuse: "+err.Error()+"\n")

		return exitUsage
	}

	out := formatText(findings, len(files))
	if opts.json {
		out, err = formatJSON(findings, len(files))
		if err != nil {
			writeOrIgnore(stderr, "no-excuse: "+err.Error()+"\n")

			return exitUsage
		}
	}

	writeOrIgnore(stdout, out)

	if len(findings) > 0 {
		return exitFindings
	}

	return exitClean
}

// writeOrIgnore writes a report; when stdout itself is gone there is nobody
// left to tell, so the write error is dropped on purpose.
func writeOrIgnore(w io.Writer, s string) {
	if _, err := io.WriteString(w, s); err != nil {
		return
	}
}
