import { cancelled } from "../core/errors.js";
import { answerProblem } from "../template/manifest.js";
import type { AnswerValue, Question } from "../template/manifest-schema.js";

function given(value: string | symbol): string {
  if (typeof value === "symbol") throw cancelled();
  return value;
}

function agreed(value: boolean | symbol): boolean {
  if (typeof value === "symbol") throw cancelled();
  return value;
}

/** Asks one template question with @clack/prompts; the value is checked while typed. */
export async function askTemplateQuestion(question: Question): Promise<AnswerValue> {
  const clack = await import("@clack/prompts");
  const message = question.message ?? question.id;
  switch (question.type) {
    case "boolean":
      return agreed(
        await clack.confirm({
          message,
          ...(question.default === undefined ? {} : { initialValue: question.default }),
        }),
      );
    case "choice":
      return given(
        await clack.select({
          message,
          options: question.choices.map((value) => ({ value, label: value })),
          ...(question.default === undefined ? {} : { initialValue: question.default }),
        }),
      );
    case "string": {
      const fallback = question.default ?? "";
      const value = given(
        await clack.text({
          message,
          ...(question.default === undefined
            ? {}
            : { placeholder: fallback, defaultValue: fallback }),
          validate: (typed) =>
            answerProblem(question, typed === undefined || typed === "" ? fallback : typed),
        }),
      );
      return value;
    }
    case "number": {
      const fallback = question.default === undefined ? "" : String(question.default);
      const value = given(
        await clack.text({
          message,
          ...(question.default === undefined
            ? {}
            : { placeholder: fallback, defaultValue: fallback }),
          validate: (typed) =>
            answerProblem(question, Number(typed === undefined || typed === "" ? fallback : typed)),
        }),
      );
      return Number(value);
    }
  }
}

export type Consent = "once" | "always" | "no";

/** One screen listing every command the template will run, before any of them runs. */
export async function askTaskConsent(
  template: string,
  source: string,
  prefix: string,
  commands: readonly string[],
): Promise<Consent> {
  const clack = await import("@clack/prompts");
  clack.note(
    commands.map((command) => `$ ${command}`).join("\n"),
    `Template ${template} (${source}) wants to run`,
  );
  const answer = given(
    await clack.select<Consent>({
      message: `Run these ${String(commands.length)} command(s) in the new project?`,
      options: [
        { value: "no", label: "No, skip them" },
        { value: "once", label: "Yes, this time" },
        { value: "always", label: `Yes, and trust ${prefix} from now on` },
      ],
      initialValue: "no",
    }),
  );
  return answer === "once" || answer === "always" ? answer : "no";
}
