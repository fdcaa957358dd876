import type { GeneratorSet } from "./plop-api.js";

export type RenderString = (template: string, data: Readonly<Record<string, unknown>>) => string;

function wordsOf(value: unknown): readonly string[] {
  return String(value)
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== "")
    .map((word) => word.toLowerCase());
}

function capitalise(word: string): string {
  return `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
}

/** plop's built-in case helpers, by the names plopfiles use. */
const CASE_HELPERS: Readonly<Record<string, (value: unknown) => string>> = {
  camelCase: (value) =>
    wordsOf(value)
      .map((word, index) => (index === 0 ? word : capitalise(word)))
      .join(""),
  snakeCase: (value) => wordsOf(value).join("_"),
  dashCase: (value) => wordsOf(value).join("-"),
  kebabCase: (value) => wordsOf(value).join("-"),
  kabobCase: (value) => wordsOf(value).join("-"),
  dotCase: (value) => wordsOf(value).join("."),
  pathCase: (value) => wordsOf(value).join("/"),
  properCase: (value) => wordsOf(value).map(capitalise).join(""),
  pascalCase: (value) => wordsOf(value).map(capitalise).join(""),
  constantCase: (value) => wordsOf(value).join("_").toUpperCase(),
  sentenceCase: (value) => capitalise(wordsOf(value).join(" ")),
  titleCase: (value) => wordsOf(value).map(capitalise).join(" "),
  lowerCase: (value) => String(value).toLowerCase(),
  upperCase: (value) => String(value).toUpperCase(),
};

/** A handlebars instance with plop's helpers, then the plopfile's own helpers and partials. */
export async function stringRenderer(set: GeneratorSet): Promise<RenderString> {
  const { default: Handlebars } = await import("handlebars");
  const engine = Handlebars.create();
  for (const [name, helper] of Object.entries(CASE_HELPERS)) engine.registerHelper(name, helper);
  for (const [name, helper] of set.helpers) engine.registerHelper(name, helper);
  for (const [name, partial] of set.partials) engine.registerPartial(name, partial);
  return (template, data) => engine.compile(template, { noEscape: true, strict: true })(data);
}
