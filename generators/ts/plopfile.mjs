// Generators for TypeScript projects, in plop's plopfile format. create-litclaude gen runs them
// against the project in memory and writes the result all or nothing.
import { existsSync } from "node:fs";
import { join } from "node:path";

const NAME = { type: "input", name: "name", message: "name (lowercase words, e.g. parse-config)" };

/** An import statement as prettier prints it at 80 columns: wrapped when it is too long. */
function tsImport(name, from) {
  const line = `import { ${name} } from "${from}";`;
  if (line.length <= 80) return line;
  const names = name.split(", ").map((each) => `  ${each},\n`);
  return `import {\n${names.join("")}} from "${from}";`;
}

export default function generators(plop) {
  plop.setHelper("tsImport", tsImport);
  plop.setHelper("concat", (...parts) => parts.slice(0, -1).join(""));

  plop.setGenerator("module", {
    description: "a module in src/lib/ and its test in test/",
    prompts: [NAME],
    actions: [
      { type: "add", path: "src/lib/{{kebab}}.ts", templateFile: "templates/module.ts.hbs" },
      { type: "add", path: "test/{{kebab}}.test.ts", templateFile: "templates/module.test.ts.hbs" },
    ],
  });

  plop.setGenerator("command", {
    description: "a subcommand in src/commands/, dispatched from run() in src/lib/run.ts, with its test",
    kinds: ["cli"],
    prompts: [NAME],
    actions: [
      { type: "add", path: "src/commands/{{kebab}}.ts", templateFile: "templates/command.ts.hbs" },
      {
        type: "add",
        path: "test/commands/{{kebab}}.test.ts",
        templateFile: "templates/command.test.ts.hbs",
      },
      {
        // The import goes first in the file: prettier and ESLint accept any import order.
        type: "modify",
        path: "src/lib/run.ts",
        pattern: /^/,
        template: '{{{tsImport (concat "run" pascal) (concat "../commands/" kebab ".js")}}}\n',
      },
      {
        // The subcommand is matched before run() reads its usual arguments.
        type: "modify",
        path: "src/lib/run.ts",
        pattern: /(export function run\(args: readonly string\[\]\)[^{]*\{\n)/,
        template: '$1  if (args[0] === "{{kebab}}") {\n    return run{{pascal}}(args.slice(1));\n  }\n',
      },
    ],
  });

  plop.setGenerator("test", {
    description: "a test file in test/ for an existing module src/lib/<name>.ts",
    prompts: [NAME],
    actions: (answers) => {
      const module = `src/lib/${answers.kebab}.ts`;
      if (!existsSync(join(plop.getDestBasePath(), module))) {
        throw new Error(`${module} does not exist: gen module ${answers.name} makes it with its test`);
      }
      return [
        { type: "add", path: "test/{{kebab}}.test.ts", templateFile: "templates/test.test.ts.hbs" },
      ];
    },
  });
}
