import { dirname } from "node:path";
import { usageError } from "../core/errors.js";

export type AnswerValue = string | boolean;
export type GenAnswers = Readonly<Record<string, unknown>>;

/** One question of a generator, in plop's (inquirer's) shape; only what `gen` needs is read. */
export interface Prompt {
  readonly type: "input" | "confirm" | "list";
  readonly name: string;
  readonly message: string;
  readonly default: unknown;
  readonly choices: readonly string[] | undefined;
  readonly when: unknown;
  readonly validate: unknown;
}

/** A generator as a plopfile declares it with `setGenerator`. */
export interface Generator {
  readonly name: string;
  readonly description: string;
  readonly prompts: readonly Prompt[];
  /** An array of actions, or a function of the answers returning one (plop's dynamic actions). */
  readonly actions: unknown;
  /** Project kinds the generator applies to (a litclaude addition); undefined means every kind. */
  readonly kinds: readonly string[] | undefined;
  /** The folder of the plopfile that declared it: `templateFile` paths start there. */
  readonly baseDir: string;
}

export type Helper = (...args: readonly unknown[]) => unknown;

export interface PlopApi {
  readonly setGenerator: (name: unknown, config: unknown) => void;
  readonly setHelper: (name: string, helper: Helper) => void;
  readonly setPartial: (name: string, partial: string) => void;
  readonly getDestBasePath: () => string;
  readonly getPlopfilePath: () => string;
}

/** What a plopfile registered: generators in order, helpers and partials. */
export interface GeneratorSet {
  readonly generators: Generator[];
  readonly helpers: Map<string, Helper>;
  readonly partials: Map<string, string>;
}

/** A function a plopfile supplied (when, validate, transform, dynamic actions, ...). */
export type PlopFunction = (...args: readonly unknown[]) => unknown;

export function isCallable(value: unknown): value is PlopFunction {
  return typeof value === "function";
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): readonly string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const items: unknown[] = value;
  return items.every((item) => typeof item === "string") ? items : undefined;
}

function promptOf(value: unknown, where: string): Prompt {
  if (!isRecord(value) || typeof value["name"] !== "string") {
    throw usageError(`${where}: every prompt needs a name`, "give each prompt a name: string");
  }
  const type: unknown = value["type"] ?? "input";
  if (type !== "input" && type !== "confirm" && type !== "list") {
    throw usageError(
      `${where}: prompt ${value["name"]} has type ${JSON.stringify(type)}`,
      "gen answers prompts from flags: use input, confirm or list",
    );
  }
  const choices = value["choices"];
  return {
    type,
    name: value["name"],
    message: typeof value["message"] === "string" ? value["message"] : value["name"],
    default: value["default"],
    choices: stringList(choices),
    when: value["when"],
    validate: value["validate"],
  };
}

/** The `plop` object handed to a plopfile: the registering part of node-plop's API. */
export function plopApi(set: GeneratorSet, plopfile: string, destBasePath: string): PlopApi {
  const baseDir = dirname(plopfile);
  return {
    setGenerator(name: unknown, config: unknown): void {
      if (typeof name !== "string" || !isRecord(config)) {
        throw usageError(
          `${plopfile}: setGenerator needs a name and a config object`,
          "call plop.setGenerator(name, { description, prompts, actions })",
        );
      }
      const raw: unknown = config["prompts"];
      const prompts: readonly unknown[] = Array.isArray(raw) ? raw : [];
      set.generators.push({
        name,
        description: typeof config["description"] === "string" ? config["description"] : "",
        prompts: prompts.map((prompt) => promptOf(prompt, `${plopfile} (${name})`)),
        actions: config["actions"] ?? [],
        kinds: stringList(config["kinds"]),
        baseDir,
      });
    },
    setHelper(name: string, helper: Helper): void {
      set.helpers.set(name, helper);
    },
    setPartial(name: string, partial: string): void {
      set.partials.set(name, partial);
    },
    getDestBasePath: (): string => destBasePath,
    getPlopfilePath: (): string => baseDir,
  };
}
