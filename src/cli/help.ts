export const HELP = `create-litclaude: start a Go, Python, Rust or TypeScript project that is strict from
its first commit, with the litclaude Claude Code plugin installed.

Usage
  npm create litclaude@latest [dir] -- --lang <go|python|rust|ts> [flags]
  create-litclaude [dir] --lang <go|python|rust|ts> [flags]
  create-litclaude add <go|python|rust|ts> [--dir PATH] [--kind K] [--name N] [--allow-dirty]
                   [--dry-run] [--json] [--force]
  create-litclaude gen <generator> <name> [flags]   add code to a project (gen --help, gen --list)
  create-litclaude update [--check] [--dry-run] [--conflict inline|rej] [--answer K=V]
                   bring the project to this version's baseline, three-way (update --help)
  create-litclaude doctor [dir] [--lang L] [--json]
                   where the repo drifted from its strict baseline (doctor --help)
  create-litclaude template init [dir] [--lang L] [--kind K]   start a team template
  create-litclaude template check [dir]                        validate a team template

Flags
  --lang <go|python|rust|ts>   language (asked when interactive); also takes the aliases
                               golang, py, python3, rs, typescript
  --kind <cli|lib>             a command-line tool (default) or a library
  --name <name>                project name (default: the directory's name), checked by the
                               language's own rules
  --module <path>              Go module path (default: derived from the name); Go only
  --plugin <vendor|marketplace|none>
                               how the litclaude plugin is installed (default: vendor, copied
                               to .claude/skills/litclaude)
  --marketplace <source>       marketplace source for --plugin marketplace
  --git / --no-git             create a git repository with a first commit (default: yes)
  --install / --no-install     install dependencies (default: yes)
  --verify                     run the new project's scripts/check after install
  -y, --yes                    never prompt; missing answers take their defaults
  --dry-run                    print the plan and write nothing
  --json                       print one JSON object on stdout and nothing else there
  --force                      with conflicts, overwrite and keep a .litclaude-backup copy
  --recover                    only put back what an interrupted run changed in [dir], then stop
  --template <src>             a team template (create and add): a folder holding
                               litclaude.template.json, laid over the strict baseline
  --answer <key=value>         answer a template question (repeatable); never asked then
  --answers-file <file>        a JSON object of template answers; --answer wins over it
  --trust                      let the template run its post-create tasks, and remember its
                               source as trusted (user config: $XDG_CONFIG_HOME/create-litclaude)
  --offline                    fetch the template from the cache only
  -h, --help                   this help
  -v, --version                the version

[dir] is the project folder (default: the last part of --name); a leading ~ or ~/ is
your home folder, also when a shell did not expand it. Each flag that takes a value is given at
most once.

Prompts appear only when stdin and stdout are terminals and neither --yes nor CI is set;
otherwise a missing answer is an error that names its flag.

Into an existing folder: identical files are skipped, new ones created, .gitignore merged;
any other file that differs is a conflict (shown as a diff, nothing written) unless --force.

add brings a language's strict setup into the repository in the current folder (made by
create-litclaude or not): its files under --dir (default: the root), a marked section of
AGENTS.md, one CI job, a combined scripts/check, a workspace entry where the repo has a
workspace. Shared files are merged, never overwritten; a second identical add changes nothing.
Uncommitted changes to files it would change are refused unless --allow-dirty.

A team template is untrusted input: paths leaving the project, symlinks pointing outside it,
names differing only by case, oversized or too many files, and handlebars reaching
prototypes or unknown helpers are refused (exit 2) before anything is written. Its
post-create tasks run only when trusted; without --trust they are listed, not run. Where a
team file turns down a strict setting of the baseline, the summary says so.

Exit codes
  0    done
  1    the operation failed (a task failed, conflicts, a disk problem; the report says what to do)
  2    bad usage or bad input; nothing was written
  130  cancelled (Ctrl-C); 143 SIGTERM, 129 SIGHUP: the files are rolled back, or complete with
       the command that finishes the tasks
`;
