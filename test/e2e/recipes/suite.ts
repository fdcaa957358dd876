// The recipe test of one language: all of its "do" recipes together pass the whole gate of a
// freshly generated project; each "dont" recipe alone makes that gate stop at the step it names.
// One e2e file per language calls this, so the languages run in parallel.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lastLine, runGate, type RunResult } from "../support.js";
import type { RecipeLanguage } from "./languages.js";
import {
  addRecipes,
  generateProject,
  removeProject,
  runGateSteps,
  type RecipeProject,
} from "./project.js";
import { loadRecipes, STEPS, type Recipe, type Step } from "./recipes.js";

const GENERATE_TIMEOUT = 300_000;
const GATE_TIMEOUT = 300_000;

/** The gate's output, headed by the recipe blocks that were in the project. */
function explain(recipes: readonly Recipe[], output: string): string {
  return `${recipes.map((recipe) => `${recipe.source} (${recipe.path})`).join("\n")}\n${output}`;
}

function failedLine(output: string): string | undefined {
  return /^FAILED: .*$/m.exec(output)?.[0];
}

/** Runs the `steps` of the gate with `recipes` added, and takes them out again. */
async function withRecipes(
  project: RecipeProject,
  recipes: readonly Recipe[],
  steps: readonly Step[],
): Promise<RunResult> {
  const undo = await addRecipes(project, recipes);
  try {
    return await runGateSteps(project, steps);
  } finally {
    await undo();
  }
}

async function passesTogether(
  project: RecipeProject,
  recipes: readonly Recipe[],
  steps: readonly Step[],
): Promise<boolean> {
  const gate = await withRecipes(project, recipes, steps);
  return gate.exitCode === 0 && failedLine(gate.output) === undefined;
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

    // A "dont" must pass every step before its own and fail its own. The steps before are run
    // once with all the recipes of that step in (each adds one module, and adding modules only
    // adds findings, so passing together means passing alone), and again for each alone only
    // when that fails; then each recipe alone runs its own step.
    for (const step of STEPS) {
      const group = donts.filter((recipe) => recipe.fails === step);
      const before = STEPS.slice(0, STEPS.indexOf(step));
      if (group.length === 0) continue;
      if (before.length > 0) {
        it(
          `passes ${before.join(", ")} with the ${String(group.length)} recipe(s) that fail at ${step}`,
          async () => {
            if (await passesTogether(generated(), group, before)) return;
            for (const recipe of group) {
              const gate = await withRecipes(generated(), [recipe], before);
              expect(failedLine(gate.output), explain([recipe], gate.output)).toBeUndefined();
              expect(gate.exitCode).toBe(0);
            }
          },
          GATE_TIMEOUT,
        );
      }
      it.each(group.map((recipe) => [recipe.source, recipe] as const))(
        `%s fails at ${step}`,
        async (_name, recipe) => {
          const gate = await withRecipes(generated(), [recipe], [step]);
          expect(lastLine(gate.output), explain([recipe], gate.output)).toBe(`FAILED: ${step}`);
          expect(gate.exitCode).toBe(1);
        },
        GATE_TIMEOUT,
      );
    }
  });
}
