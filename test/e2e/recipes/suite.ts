// The recipe test of one language: all of its "do" recipes together pass the whole gate of a
// freshly generated project; each "dont" recipe alone makes that gate stop at the step it names.
// One e2e file per language calls this, so the languages run in parallel.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lastLine, runGate } from "../support.js";
import type { RecipeLanguage } from "./languages.js";
import {
  addRecipes,
  generateProject,
  removeProject,
  runGateUpTo,
  type RecipeProject,
} from "./project.js";
import { loadRecipes, type Recipe } from "./recipes.js";

const GENERATE_TIMEOUT = 300_000;
const GATE_TIMEOUT = 300_000;

/** The gate's output, headed by the recipe blocks that were in the project. */
function explain(recipes: readonly Recipe[], output: string): string {
  return `${recipes.map((recipe) => `${recipe.source} (${recipe.path})`).join("\n")}\n${output}`;
}

export async function describeRecipes(lang: RecipeLanguage): Promise<void> {
  // Loaded at collection time: a bad block fails the file at once, naming its file and line.
  const recipes = await loadRecipes(lang);
  const dos = recipes.filter((recipe) => recipe.kind === "do");
  const donts = recipes.flatMap((recipe) => (recipe.kind === "dont" ? [recipe] : []));

  describe(`${lang} recipes under the gate of a generated project`, () => {
    let project: RecipeProject | undefined;
    const generated = (): RecipeProject => {
      if (project === undefined) throw new Error(`the ${lang} project was not generated`);
      return project;
    };

    beforeAll(async () => {
      project = await generateProject(lang);
    }, GENERATE_TIMEOUT);

    afterAll(async () => {
      if (project !== undefined) await removeProject(project);
    });

    it("has recipes to prove", () => {
      expect(dos.length, `no recipe=do block under references/${lang}/`).toBeGreaterThan(0);
      expect(donts.length, `no recipe=dont block under references/${lang}/`).toBeGreaterThan(0);
    });

    it(
      `passes the whole gate with all ${String(dos.length)} "do" recipes in`,
      async () => {
        const undo = await addRecipes(generated(), dos);
        try {
          const gate = await runGate(generated().dir);
          expect(lastLine(gate.output), explain(dos, gate.output)).toBe("OK: all checks passed");
          expect(gate.exitCode).toBe(0);
        } finally {
          await undo();
        }
      },
      GATE_TIMEOUT,
    );

    it.each(donts.map((recipe) => [`${recipe.source} fails at ${recipe.fails}`, recipe] as const))(
      "%s",
      async (_name, recipe) => {
        const undo = await addRecipes(generated(), [recipe]);
        try {
          const gate = await runGateUpTo(generated(), recipe.fails);
          expect(lastLine(gate.output), explain([recipe], gate.output)).toBe(
            `FAILED: ${recipe.fails}`,
          );
          expect(gate.exitCode).toBe(1);
        } finally {
          await undo();
        }
      },
      GATE_TIMEOUT,
    );
  });
}
