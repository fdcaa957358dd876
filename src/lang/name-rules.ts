import type { NameInput, NameResult, ProjectKind, TemplateVars } from "./types.js";

/** A language's rules for a project name: the first rule a name breaks, and a valid alternative. */
export interface NameRules {
  readonly brokenRule: (name: string) => string | undefined;
  readonly suggest: (name: string, kind: ProjectKind) => string | undefined;
}

/** Checks the name by the language's rules; only a valid name gets its template variables. */
export function checkName(
  input: NameInput,
  rules: NameRules,
  vars: (name: string) => TemplateVars,
): NameResult {
  const rule = rules.brokenRule(input.name);
  if (rule === undefined) return { ok: true, vars: vars(input.name) };
  return {
    ok: false,
    problem: { field: "name", rule, suggestion: rules.suggest(input.name, input.kind) },
  };
}
