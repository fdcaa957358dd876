package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

const defaultMaxLines = 250

const usage = `usage: scripts/no-excuse [PATH...] [--json] [--max-lines N]
  PATH         files or directories to check (default: the whole project)
  --json       print one JSON object instead of text
  --max-lines  longest allowed file (default 250, or NO_EXCUSE_MAX_LINES)
exit status: 0 clean, 1 findings, 2 usage or unreadable input
`

var errMaxLines = errors.New("--max-lines needs a whole number above zero")

type options struct {
	paths    []string
	json     bool
	help     bool
	maxLines int
}

func parseOptions(args []string, envMaxLines string) (options, error) {
	opts := options{maxLines: defaultMaxLines}

	if envMaxLines != "" {
		n, err := parseMaxLines(envMaxLines)
		if err != nil {
			return opts, fmt.Errorf("NO_EXCUSE_MAX_LINES: %w", err)
		}

		opts.maxLines = n
	}

	for i := 0; i < len(args); i++ {
		arg := args[i]

		switch {
		case arg == "--json":
			opts.json = true
		case arg == "--help" || arg == "-h":
			opts.help = true
		case arg == "--max-lines" && i+1 < len(args):
			i++

			n, err := parseMaxLines(args[i])
			if err != nil {
				return opts, err
			}

			opts.maxLines = n
		case strings.HasPrefix(arg, "--max-lines="):
			n, err := parseMaxLines(strings.TrimPrefix(arg, "--max-lines="))
			if err != nil {
				return opts, err
			}

			opts.maxLines = n
		case strings.HasPrefix(arg, "-"):
			return opts, fmt.Errorf("unknown option %q", arg)
		default:
			opts.paths = append(opts.paths, arg)
		}
	}

	if len(opts.paths) == 0 {
		opts.paths = []string{"."}
	}

	return opts, nil
}

func parseMaxLines(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, errMaxLines
	}

	return n, nil
}
