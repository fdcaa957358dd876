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

var (
	errMaxLines      = errors.New("--max-lines needs a whole number above zero")
	errUnknownOption = errors.New("unknown option")
)

type options struct {
	paths    []string
	json     bool
	help     bool
	maxLines int
}

func parseOptions(args []string, envMaxLines string) (options, error) {
	opts := options{maxLines: defaultMaxLines}

	if envMaxLines != "" {
		if err := opts.setMaxLines(envMaxLines); err != nil {
			return opts, fmt.Errorf("NO_EXCUSE_MAX_LINES: %w", err)
		}
	}

	for i := 0; i < len(args); i++ {
		consumed, err := opts.parseArg(args[i], args[i+1:])
		if err != nil {
			return opts, err
		}

		i += consumed
	}

	if len(opts.paths) == 0 {
		opts.paths = []string{"."}
	}

	return opts, nil
}

// parseArg applies one argument and says how many of the following ones it used.
func (o *options) parseArg(arg string, rest []string) (int, error) {
	switch {
	case arg == "--json":
		o.json = true
	case arg == "--help" || arg == "-h":
		o.help = true
	case arg == "--max-lines":
		if len(rest) == 0 {
			return 0, errMaxLines
		}

		return 1, o.setMaxLines(rest[0])
	case strings.HasPrefix(arg, "--max-lines="):
		return 0, o.setMaxLines(strings.TrimPrefix(arg, "--max-lines="))
	case strings.HasPrefix(arg, "-"):
		return 0, fmt.Errorf("%w %q", errUnknownOption, arg)
	default:
		o.paths = append(o.paths, arg)
	}

	return 0, nil
}

func (o *options) setMaxLines(s string) error {
	n, err := parseMaxLines(s)
	if err != nil {
		return err
	}

	o.maxLines = n

	return nil
}

func parseMaxLines(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, errMaxLines
	}

	return n, nil
}
