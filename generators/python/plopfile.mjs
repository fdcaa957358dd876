// Generators for Python projects, in plop's plopfile format. create-litclaude gen runs them
// against the project in memory and writes the result all or nothing.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { insertAfter, insertBefore } from "../shared/edits.mjs";

const NAME = { type: "input", name: "name", message: "name (lowercase words, e.g. parse-config)" };
const LINE_LENGTH = 88;

/** A from-import as ruff prints it: one line, or one name a line in parentheses. */
function fromImport(module, names) {
  const line = `from ${module} import ${names.join(", ")}`;
  if (line.length <= LINE_LENGTH) return line;
  return `from ${module} import (\n${names.map((name) => `    ${name},\n`).join("")})`;
}

/** commands/__init__.py: every subcommand's module imported, and the table of their mains. */
function commandTable(content, data) {
  const names = new Set([...content.matchAll(/^ {4}"([a-z0-9-]+)": ([a-z0-9_]+)\.main,$/gm)].map((m) => `${m[1]} ${m[2]}`));
  names.add(`${data.kebab} ${data.snake}`);
  const entries = [...names].map((each) => each.split(" ")).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const modules = entries.map(([, module]) => module).sort();
  return [
    '"""The subcommands of the command line tool by name; `gen command NAME` adds to it."""',
    "",
    "from collections.abc import Callable, Mapping, Sequence",
    "from types import MappingProxyType",
    "",
    fromImport(`${data.importName}.commands`, modules),
    "",
    "_COMMANDS: dict[str, Callable[[Sequence[str]], int]] = {",
    ...entries.map(([name, module]) => `    "${name}": ${module}.main,`),
    "}",
    "",
    "COMMANDS: Mapping[str, Callable[[Sequence[str]], int]] = MappingProxyType(_COMMANDS)",
    "",
  ].join("\n");
}

/** cli.py: import the table once, and look a subcommand up before the usual arguments. */
function hookCommands(content, data) {
  const own = new RegExp(`^from ${data.importName}\\.(?!commands)([a-z_.]+) import`, "m");
  const line = `from ${data.importName}.commands import COMMANDS\n`;
  const later = [...content.matchAll(new RegExp(own, "gm"))].find((m) => m[1] > "commands");
  let next = later === undefined ? insertAfter(content, /^import anyio\n\n/m, line) : insertBefore(content, new RegExp(`^${later[0]}`, "m"), line);
  next = insertAfter(
    next,
    /^ {4}args = list\(.*\)\n/m,
    "    command = COMMANDS.get(args[0]) if args else None\n    if command is not None:\n        return command(args[1:])\n",
  );
  return next;
}

/**
 * pyproject.toml: tools/ is type-checked, and its scripts may print and stand alone. Without an
 * include list basedpyright checks every file already; with one (older projects), tools/ joins it.
 */
function toolsChecked(content) {
  const section = /^\[tool\.basedpyright\]\n(?:(?!\[)[^\n]*\n)*?include = \[([^\]]*)\]/m.exec(content);
  let next = content;
  if (section !== null && !section[1].includes('"tools"')) {
    const at = section.index + section[0].length - 1;
    next = `${content.slice(0, at)}, "tools"${content.slice(at)}`;
  }
  next = insertAfter(
    next,
    /^\[tool\.ruff\.lint\.per-file-ignores\]\n/m,
    '"tools/*.py" = [\n  "INP001", # a tool is a single-file script, not a package\n  "T201",   # a tool talks to the terminal\n]\n',
  );
  return next;
}

export default function generators(plop) {
  plop.setGenerator("module", {
    description: "a module in the package and its test in tests/",
    prompts: [NAME],
    actions: [
      { type: "add", path: "src/{{importName}}/{{snake}}.py", templateFile: "templates/module.py.hbs" },
      { type: "add", path: "tests/test_{{snake}}.py", templateFile: "templates/test_module.py.hbs" },
    ],
  });

  plop.setGenerator("command", {
    description: "a subcommand in the package's commands/, looked up from cli.py, with its test",
    kinds: ["cli"],
    prompts: [NAME],
    actions: [
      {
        type: "add",
        path: "src/{{importName}}/commands/{{snake}}.py",
        templateFile: "templates/command.py.hbs",
      },
      { type: "add", path: "src/{{importName}}/commands/__init__.py", template: "", skipIfExists: true },
      { type: "modify", path: "src/{{importName}}/commands/__init__.py", transform: commandTable },
      { type: "modify", path: "src/{{importName}}/cli.py", transform: hookCommands },
      { type: "add", path: "tests/test_command_{{snake}}.py", templateFile: "templates/test_command.py.hbs" },
    ],
  });

  plop.setGenerator("script", {
    description: "a single-file uv script in tools/ with PEP 723 inline metadata, checked like the package",
    prompts: [NAME],
    actions: [
      { type: "add", path: "tools/{{snake}}.py", templateFile: "templates/script.py.hbs", executable: true },
      { type: "modify", path: "pyproject.toml", transform: toolsChecked },
    ],
  });

  plop.setGenerator("test", {
    description: "a test file in tests/ for an existing module of the package",
    prompts: [NAME],
    actions: (answers) => {
      const module = `src/${answers.importName}/${answers.snake}.py`;
      if (!existsSync(join(plop.getDestBasePath(), module))) {
        throw new Error(`${module} does not exist: gen module ${answers.name} makes it with its test`);
      }
      return [{ type: "add", path: "tests/test_{{snake}}.py", templateFile: "templates/test_existing.py.hbs" }];
    },
  });
}
