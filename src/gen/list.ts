import { usageError } from "../core/errors.js";
import type { ProjectInfo } from "./detect.js";
import type { Generator, GeneratorSet } from "./plop-api.js";

/** The generators that apply to this project's kind, in the order the plopfiles declared them. */
export function applicable(set: GeneratorSet, project: ProjectInfo): readonly Generator[] {
  return set.generators.filter(
    (generator) => generator.kinds === undefined || generator.kinds.includes(project.kind),
  );
}

export function findGenerator(set: GeneratorSet, name: string, project: ProjectInfo): Generator {
  const usable = applicable(set, project);
  const found = usable.find((generator) => generator.name === name);
  if (found !== undefined) return found;
  const other = set.generators.find((generator) => generator.name === name);
  if (other !== undefined) {
    throw usageError(
      `the ${name} generator is for ${other.kinds?.join(" or ") ?? "other"} projects; this ${project.lang} project is a ${project.kind}`,
      `the generators here: ${usable.map((generator) => generator.name).join(", ")}`,
    );
  }
  throw usageError(
    `there is no ${name} generator for ${project.lang} projects`,
    `the generators here: ${usable.map((generator) => generator.name).join(", ")} (gen --list)`,
  );
}

/** One line per generator: its usage and what it makes. */
export function listLines(generators: readonly Generator[]): readonly string[] {
  const usages = generators.map((generator) =>
    generator.prompts.some((prompt) => prompt.name === "name")
      ? `${generator.name} <name>`
      : generator.name,
  );
  const width = Math.max(0, ...usages.map((usage) => usage.length));
  return generators.map(
    (generator, index) => `${(usages[index] ?? "").padEnd(width)}  ${generator.description}`,
  );
}
