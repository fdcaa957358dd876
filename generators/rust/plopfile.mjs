// Generators for Rust projects, in plop's plopfile format. create-litclaude gen runs them against
// the project in memory and writes the result all or nothing.
import { insertAfter, insertSorted } from "../shared/edits.mjs";

const NAME = { type: "input", name: "name", message: "name (lowercase words, e.g. parse-config)" };

/** Declares `pub mod NAME;` in a crate file: in the file's last run of `pub mod` lines, sorted. */
function declareModule(name) {
  return (content) =>
    insertSorted(content, `pub mod ${name};`, /^pub mod [a-z0-9_]+;$/, (text, line) =>
      `${text.trimEnd()}\n\n${line}\n`,
    );
}

const RUN_COMMAND = `
/// Runs a subcommand on the arguments after its name: prints its text, or reports its error.
fn run_command<E: std::fmt::Display>(
    command: fn(&[String]) -> Result<String, E>,
    args: &[String],
) -> ExitCode {
    match command(args.get(1..).unwrap_or(&[])) {
        Ok(text) => {
            if writeln!(std::io::stdout(), "{text}").is_err() {
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
        Err(error) => report(&mut std::io::stderr(), &error.to_string()),
    }
}
`;

function hookCommand(content, data) {
  const dispatch =
    `    if args.first().map(String::as_str) == Some("${data.kebab}") {\n` +
    `        return run_command(${data.crateIdent}::commands::${data.snake}::run, &args);\n` +
    "    }\n";
  let next = insertAfter(content, /^ {4}let args: Vec<String> = [^\n]*\n/m, dispatch);
  if (!next.includes("fn run_command<")) next = `${next.trimEnd()}\n${RUN_COMMAND}`;
  return next;
}

export default function generators(plop) {
  plop.setGenerator("module", {
    description: "a module in src/, declared in lib.rs, with its unit tests",
    prompts: [NAME],
    actions: [
      { type: "add", path: "src/{{snake}}.rs", templateFile: "templates/module.rs.hbs" },
      { type: "modify", path: "src/lib.rs", transform: (content, data) => declareModule(data.snake)(content) },
    ],
  });

  plop.setGenerator("command", {
    description: "a subcommand in src/commands/, dispatched from main.rs, with its unit tests",
    kinds: ["cli"],
    prompts: [NAME],
    actions: [
      { type: "add", path: "src/commands/{{snake}}.rs", templateFile: "templates/command.rs.hbs" },
      {
        type: "add",
        path: "src/commands.rs",
        template: "//! The subcommands of the command line tool; `gen command NAME` adds to them.\n",
        skipIfExists: true,
      },
      { type: "modify", path: "src/commands.rs", transform: (content, data) => declareModule(data.snake)(content) },
      { type: "modify", path: "src/lib.rs", transform: declareModule("commands") },
      { type: "modify", path: "src/main.rs", transform: hookCommand },
      { type: "add", path: "tests/command_{{snake}}.rs", templateFile: "templates/command_test.rs.hbs" },
    ],
  });
}
