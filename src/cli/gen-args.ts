import { usageError } from "../core/errors.js";

export interface GenFlags {
  readonly positionals: readonly string[];
  readonly list: boolean;
  readonly dir: string | undefined;
  readonly lang: string | undefined;
  readonly dryRun: boolean;
  readonly json: boolean;
  readonly force: boolean;
  readonly help: boolean;
  /** Every other `--key value` (or `--key=value`, `--answer key=value`): a generator's answers. */
  readonly answers: ReadonlyMap<string, string>;
}

const BOOLEANS = new Set(["list", "dry-run", "json", "force", "help", "yes"]);
const SHORT: Readonly<Record<string, string>> = { "-h": "help", "-y": "yes" };
const KEY = /^[a-z][a-zA-Z0-9-]*$/;

function setOnce(map: Map<string, string>, key: string, value: string): void {
  const earlier = map.get(key);
  if (earlier !== undefined) {
    throw usageError(`--${key} is given twice (${earlier}, then ${value})`, `keep one --${key}`);
  }
  if (value.trim() === "") throw usageError(`--${key} is empty`, `give --${key} a value`);
  map.set(key, value);
}

/** Parses `gen` arguments: its own flags, and any other `--flag value` as a generator answer. */
export function parseGenFlags(argv: readonly string[]): GenFlags {
  const positionals: string[] = [];
  const booleans = new Set<string>();
  const values = new Map<string, string>();
  for (let index = 0; index < argv.length; index += 1) {
    const token = argv[index] ?? "";
    const short = SHORT[token];
    if (short !== undefined) {
      booleans.add(short);
      continue;
    }
    if (token === "--") {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    if (!token.startsWith("--")) {
      if (token.startsWith("-") && token !== "-") {
        throw usageError(`unknown flag ${token}`, "run create-litclaude gen --help");
      }
      positionals.push(token);
      continue;
    }
    const [rawKey = "", inline] = token.slice(2).split(/=(.*)/s);
    if (!KEY.test(rawKey))
      throw usageError(`unknown flag ${token}`, "run create-litclaude gen --help");
    if (BOOLEANS.has(rawKey)) {
      if (inline !== undefined) throw usageError(`--${rawKey} takes no value`, `pass --${rawKey}`);
      booleans.add(rawKey);
      continue;
    }
    const value = inline ?? argv[index + 1];
    if (value === undefined || (inline === undefined && value.startsWith("--"))) {
      throw usageError(`--${rawKey} needs a value`, `pass --${rawKey} <value>`);
    }
    if (inline === undefined) index += 1;
    if (rawKey === "answer") {
      const [key = "", answer] = value.split(/=(.*)/s);
      if (answer === undefined || !KEY.test(key)) {
        throw usageError(`--answer ${value} is not KEY=VALUE`, "pass --answer key=value");
      }
      setOnce(values, key, answer);
    } else {
      setOnce(values, rawKey, value);
    }
  }
  const dir = values.get("dir");
  const lang = values.get("lang");
  values.delete("dir");
  values.delete("lang");
  return {
    positionals,
    list: booleans.has("list"),
    dir,
    lang,
    dryRun: booleans.has("dry-run"),
    json: booleans.has("json"),
    force: booleans.has("force"),
    help: booleans.has("help"),
    answers: values,
  };
}
