// Generators for Go projects, in plop's plopfile format. create-litclaude gen runs them against
// the project in memory and writes the result all or nothing.
import { insertAfter } from "../shared/edits.mjs";

const NAME = { type: "input", name: "name", message: "name (lowercase words, e.g. parse-config)" };

/** internal/app/commands.go: a switch from each subcommand's name to its Run. */
function commandSwitch(content, data) {
  const found = [...content.matchAll(/^\tcase "([a-z0-9-]+)":\n\t\treturn ([a-z0-9]+)\.Run, true$/gm)];
  const entries = new Map(found.map((match) => [match[1], match[2]]));
  entries.set(data.kebab, data.joined);
  const names = [...entries.keys()].sort();
  const imports = [...new Set(entries.values())].sort().map((pkg) => `\t"${data.module}/internal/command/${pkg}"`);
  return [
    "package app",
    "",
    "import (",
    '\t"io"',
    "",
    ...imports,
    ")",
    "",
    "// subcommand returns the function that runs the named subcommand, when there is one.",
    "// `create-litclaude gen command NAME` adds its cases.",
    "func subcommand(name string) (func([]string, io.Writer) error, bool) {",
    "\tswitch name {",
    ...names.flatMap((name) => [`\tcase "${name}":`, `\t\treturn ${entries.get(name)}.Run, true`]),
    "\tdefault:",
    "\t\treturn nil, false",
    "\t}",
    "}",
    "",
  ].join("\n");
}

const HOOK = [
  "\tif len(args) > 0 {",
  "\t\tif run, found := subcommand(args[0]); found {",
  "\t\t\tif err := run(args[1:], stdout); err != nil {",
  "\t\t\t\treturn report(stderr, err, ExitUsage)",
  "\t\t\t}",
  "\t\t\treturn ExitOK",
  "\t\t}",
  "\t}",
  "",
].join("\n");

export default function generators(plop) {
  plop.setGenerator("module", {
    description: "a package under internal/ with a table test",
    prompts: [NAME],
    actions: [
      { type: "add", path: "internal/{{joined}}/{{joined}}.go", templateFile: "templates/module.go.hbs" },
      { type: "add", path: "internal/{{joined}}/{{joined}}_test.go", templateFile: "templates/module_test.go.hbs" },
    ],
  });

  plop.setGenerator("command", {
    description: "a subcommand package under internal/command/, looked up from app.Run, with its tests",
    kinds: ["cli"],
    prompts: [NAME],
    actions: [
      {
        type: "add",
        path: "internal/command/{{joined}}/{{joined}}.go",
        templateFile: "templates/command.go.hbs",
      },
      {
        type: "add",
        path: "internal/command/{{joined}}/{{joined}}_test.go",
        templateFile: "templates/command_test.go.hbs",
      },
      { type: "add", path: "internal/app/commands.go", template: "", skipIfExists: true },
      { type: "modify", path: "internal/app/commands.go", transform: commandSwitch },
      {
        type: "modify",
        path: "internal/app/app.go",
        transform: (content) => insertAfter(content, /^func Run\(args \[\]string[^\n]*\{\n/m, HOOK),
      },
      { type: "add", path: "internal/app/command_{{snake}}_test.go", templateFile: "templates/app_command_test.go.hbs" },
    ],
  });
}
