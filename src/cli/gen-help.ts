export const GEN_HELP = `create-litclaude gen: add a module, command, test or script to a project, strict from its
first line, with its test.

Usage
  create-litclaude gen <generator> <name> [flags]
  create-litclaude gen --list

Flags
  --list              the generators for this project, one a line
  --dir <path>        the project (default: the current folder)
  --lang <lang>       the language, when the project has no .litclaude/answers.json and its
                      manifests do not tell
  --dry-run           print every change as a diff and write nothing
  --json              print one JSON object on stdout and nothing else there
  --force             replace files the generator would add that exist already (a
                      .litclaude-backup copy of each is kept)
  --<answer> <value>  any answer of the generator (also --answer key=value)
  -y, --yes           never prompt (in a terminal, gen asks for the answers left open)

The language comes from .litclaude/answers.json, else from the manifest present (go.mod,
pyproject.toml, Cargo.toml, package.json), else --lang. A project's own generators in
.litclaude/generators/plopfile.mjs are listed beside the built-in ones.

All or nothing: the changes are planned in memory, then written through a journal; a failure or
Ctrl-C puts every file back. Run scripts/check afterwards.

Exit codes: 0 done, 1 files exist already (nothing written), 2 bad usage, 130 cancelled.
`;
