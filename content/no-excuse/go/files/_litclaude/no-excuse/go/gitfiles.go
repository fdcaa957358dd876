package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"
)

const gitTimeout = 30 * time.Second

var errGitWarning = errors.New("git could not list every file")

// gitListing is what git says about a folder: inGit is false when it is not
// in a git work tree or git cannot answer, and the caller then walks.
type gitListing struct {
	files []string
	inGit bool
}

// gitFiles lists, relative to root and slash-separated, the files git
// tracks or would track under root: the exact answer to what .gitignore,
// .git/info/exclude and the global excludes leave in.
func gitFiles(root string) (gitListing, error) {
	ctx, cancel := context.WithTimeout(context.Background(), gitTimeout)
	defer cancel()

	cmd := exec.CommandContext(ctx, "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	cmd.Dir = root
	cmd.Env = gitEnv()

	var stdout, stderr bytes.Buffer

	cmd.Stdout = &stdout
	cmd.Stderr = &stderr

	if runErr := cmd.Run(); runErr != nil {
		// No git, or no work tree here: the walk takes over.
		return gitListing{}, nil
	}

	// git skips a folder it cannot open with only a warning; a checker that
	// skipped it would pass code nobody looked at.
	if warning := strings.TrimSpace(stderr.String()); warning != "" {
		line, _, _ := strings.Cut(warning, "\n")

		return gitListing{}, fmt.Errorf("listing %s: %w: %s", root, errGitWarning, line)
	}

	seen := map[string]bool{}

	var files []string

	for name := range strings.SplitSeq(stdout.String(), "\x00") {
		if name != "" && !seen[name] {
			seen[name] = true
			files = append(files, name)
		}
	}

	return gitListing{files: files, inGit: true}, nil
}

// gitEnv drops the variables a git hook sets relative to the repository
// top: with them, git run from a sub-folder would look in the wrong place.
func gitEnv() []string {
	environ := os.Environ()
	env := make([]string, 0, len(environ))

	for _, kv := range environ {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_PREFIX":
			continue
		}

		env = append(env, kv)
	}

	return env
}
