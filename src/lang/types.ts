export type LanguageId = "go" | "python" | "rust" | "ts";
export type ProjectKind = "cli" | "lib";

/** What a language needs from the options to compute its template variables. */
export interface NameInput {
  readonly name: string;
  readonly kind: ProjectKind;
  /** Go only: an explicit module path (`--module`). */
  readonly module: string | undefined;
}

export type TemplateVars = Readonly<Record<string, string>>;

/** A rejected name: the rule it broke and, when one can be derived, a valid name to use instead. */
export interface NameProblem {
  readonly field: "name" | "module";
  readonly rule: string;
  readonly suggestion: string | undefined;
}

export type NameResult =
  | { readonly ok: true; readonly vars: TemplateVars }
  | { readonly ok: false; readonly problem: NameProblem };

/** A command run as a task, with no shell: `cmd` and its arguments. */
export interface CommandSpec {
  readonly cmd: string;
  readonly args: readonly string[];
}

export interface LanguageModule {
  readonly id: LanguageId;
  readonly label: string;
  /** Validates the name (and module) by the language's own rules and derives template variables. */
  readonly templateVars: (input: NameInput) => NameResult;
  /** The dependency install step after files are written; undefined when the language needs none. */
  readonly installCommand: (packageManager: string) => CommandSpec | undefined;
}
