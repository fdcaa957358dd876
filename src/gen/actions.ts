import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { usageError } from "../core/errors.js";
import { isCallable, type GenAnswers, type Generator } from "./plop-api.js";
import type { RenderString } from "./render-string.js";
import { VirtualTree } from "./virtual-tree.js";

const EXACT_TEMPLATE = Symbol("exact template path");

type Data = Readonly<Record<string, unknown>>;
type Fields = Readonly<Record<string | symbol, unknown>>;

interface ActionContext {
  readonly generator: Generator;
  readonly tree: VirtualTree;
  readonly render: RenderString;
  readonly where: string;
}

function isRecord(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function field(action: Fields, name: string, where: string): string {
  const value = action[name];
  if (typeof value !== "string" || value === "") {
    throw usageError(`${where}: needs ${name}`, `give the action a ${name}: string`);
  }
  return value;
}

async function templateOf(action: Fields, context: ActionContext, data: Data): Promise<string> {
  const file = action["templateFile"];
  // addMany hands each file over by its real path, whose {{...}} segments are not for rendering.
  const exact = action[EXACT_TEMPLATE];
  const source =
    typeof exact === "string"
      ? await readFile(exact, "utf8")
      : typeof file === "string"
        ? await readFile(join(context.generator.baseDir, context.render(file, data)), "utf8")
        : action["template"];
  if (typeof source !== "string") {
    throw usageError(`${context.where}: needs template or templateFile`, "give the action one");
  }
  return context.render(source, data);
}

function transformed(action: Fields, text: string, data: Data, where: string): string {
  const transform = action["transform"];
  if (transform === undefined) return text;
  if (!isCallable(transform)) throw usageError(`${where}: transform is not a function`);
  const result: unknown = transform(text, data);
  if (typeof result !== "string") {
    throw usageError(`${where}: transform returned no text`, "return the new file content");
  }
  return result;
}

function patternOf(action: Fields, where: string): RegExp | string | undefined {
  const pattern = action["pattern"];
  if (pattern === undefined || typeof pattern === "string" || pattern instanceof RegExp) {
    return pattern;
  }
  throw usageError(`${where}: pattern must be a string or a regular expression`);
}

function notFound(where: string, path: string, pattern: RegExp | string): Error {
  return usageError(
    `${where}: ${path} has no match for ${String(pattern)}, so the generator cannot tell where its change goes`,
    `the file has moved away from the template's layout; add the change by hand; nothing was written`,
  );
}

async function add(action: Fields, context: ActionContext, data: Data, path: string) {
  const existing = await context.tree.read(path);
  if (existing !== undefined && action["skipIfExists"] === true) return;
  const text = transformed(action, await templateOf(action, context, data), data, context.where);
  context.tree.write(path, text, "add", action["executable"] === true);
}

async function change(action: Fields, context: ActionContext, data: Data, path: string) {
  const current = await context.tree.read(path);
  if (current === undefined) {
    throw usageError(
      `${context.where}: ${path} does not exist, so it cannot be changed`,
      "run gen from the project root, or pass --dir; nothing was written",
    );
  }
  const pattern = patternOf(action, context.where);
  const hasTemplate = action["template"] !== undefined || action["templateFile"] !== undefined;
  const text = hasTemplate ? await templateOf(action, context, data) : "";
  let next = current;
  if (action["type"] === "modify" && pattern !== undefined) {
    if (current.search(pattern) === -1) throw notFound(context.where, path, pattern);
    next = current.replace(pattern, text);
  } else if (action["type"] === "append") {
    const unique = action["unique"] !== false;
    const separator = typeof action["separator"] === "string" ? action["separator"] : "\n";
    if (!(unique && current.includes(text))) {
      if (pattern === undefined) next = `${current}${separator}${text}`;
      else if (current.search(pattern) === -1) throw notFound(context.where, path, pattern);
      else next = current.replace(pattern, (match) => `${match}${separator}${text}`);
    }
  }
  context.tree.write(path, transformed(action, next, data, context.where), "change", false);
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

async function addMany(action: Fields, context: ActionContext, data: Data) {
  const base = join(context.generator.baseDir, field(action, "base", context.where));
  const destination = field(action, "destination", context.where);
  const strip = action["stripExtensions"] ?? ["hbs"];
  for (const file of await filesUnder(base)) {
    let rel = relative(base, file).replace(/\\/g, "/");
    for (const extension of Array.isArray(strip) ? strip : []) {
      if (typeof extension === "string" && rel.endsWith(`.${extension}`)) {
        rel = rel.slice(0, -extension.length - 1);
      }
    }
    const path = VirtualTree.checkedPath(
      context.render(`${destination}/${rel}`, data),
      context.where,
    );
    await add({ ...action, [EXACT_TEMPLATE]: file }, context, data, path);
  }
}

/** Runs one plop action against the virtual tree. */
export async function runAction(
  raw: unknown,
  index: number,
  generator: Generator,
  tree: VirtualTree,
  render: RenderString,
  answers: GenAnswers,
): Promise<void> {
  const where = `generator ${generator.name}, action ${String(index + 1)}`;
  if (!isRecord(raw)) {
    throw usageError(
      `${where}: only declarative actions (add, addMany, modify, append) are supported`,
      "a function action could write to disk behind the plan: express it as a modify with a transform",
    );
  }
  const data: Data = { ...answers, ...(isRecord(raw["data"]) ? raw["data"] : {}) };
  const skip = raw["skip"];
  if (isCallable(skip) && Boolean(skip(data))) return;
  const context: ActionContext = { generator, tree, render, where };
  const type = raw["type"];
  if (type === "addMany") return addMany(raw, context, data);
  if (type !== "add" && type !== "modify" && type !== "append") {
    throw usageError(
      `${where}: unknown action type ${String(type)}`,
      "use add, addMany, modify or append",
    );
  }
  const path = VirtualTree.checkedPath(render(field(raw, "path", where), data), where);
  if (type === "add") return add(raw, context, data, path);
  return change(raw, context, data, path);
}
