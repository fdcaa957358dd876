import { parse } from "acorn";

/** One rule setting of an ESLint flat config: its severity (0 off, 1 warn, 2 error) and options. */
export interface RuleSetting {
  readonly name: string;
  readonly severity: number | undefined;
  /** The options after the severity, as JSON; "" when there are none. */
  readonly options: string;
  /** Its value as written, whitespace collapsed. */
  readonly text: string;
  readonly line: number;
}

export interface EslintConfig {
  readonly rules: readonly RuleSetting[];
  /** Shared configs it spreads in, by their source text: `tseslint.configs.strictTypeChecked`. */
  readonly presets: ReadonlyMap<string, number>;
  readonly linterOptions: ReadonlyMap<string, { readonly value: string; readonly line: number }>;
}

/** A node of acorn's syntax tree, seen through what this module reads of it. */
interface AnyNode {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly loc?: { readonly start: { readonly line: number } } | null;
  readonly [key: string]: unknown;
}

function isNode(value: unknown): value is AnyNode {
  return (
    typeof value === "object" &&
    value !== null &&
    "type" in value &&
    typeof value.type === "string" &&
    "start" in value &&
    typeof value.start === "number"
  );
}

function nodes(value: unknown): AnyNode[] {
  if (!Array.isArray(value)) return [];
  const items: readonly unknown[] = value;
  return items.filter(isNode);
}

function children(node: AnyNode): AnyNode[] {
  return Object.entries(node).flatMap(([key, value]) => {
    if (key === "loc") return [];
    return Array.isArray(value) ? nodes(value) : isNode(value) ? [value] : [];
  });
}

function keyName(node: AnyNode): string | undefined {
  const key = node["key"];
  if (!isNode(key)) return undefined;
  if (key.type === "Identifier") return String(key["name"]);
  return key.type === "Literal" ? String(key["value"]) : undefined;
}

/** A literal expression as a plain value; anything else as its source text. */
function literal(node: AnyNode, source: string): unknown {
  switch (node.type) {
    case "Literal":
      return node["value"];
    case "ArrayExpression":
      return nodes(node["elements"]).map((item) => literal(item, source));
    case "ObjectExpression":
      return Object.fromEntries(
        nodes(node["properties"]).map((prop) => {
          const value = prop["value"];
          return [
            keyName(prop) ?? source.slice(prop.start, prop.end),
            isNode(value) ? literal(value, source) : null,
          ];
        }),
      );
    default:
      return source.slice(node.start, node.end);
  }
}

const SEVERITIES: Readonly<Record<string, number>> = { off: 0, warn: 1, error: 2 };

function severityOf(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  return typeof value === "string" ? SEVERITIES[value] : undefined;
}

function lineOf(node: AnyNode): number {
  return node.loc?.start.line ?? 1;
}

function ruleSettings(object: AnyNode, source: string): RuleSetting[] {
  return nodes(object["properties"]).flatMap((prop) => {
    const name = keyName(prop);
    const value = prop["value"];
    if (name === undefined || !isNode(value)) return [];
    const plain = literal(value, source);
    const values: readonly unknown[] = Array.isArray(plain) ? plain : [plain];
    const [first, ...rest] = values;
    return [
      {
        name,
        severity: severityOf(first),
        options: rest.length === 0 ? "" : JSON.stringify(rest),
        text: source.slice(value.start, value.end).replace(/\s+/g, " "),
        line: lineOf(prop),
      },
    ];
  });
}

/** The source text of `a.configs.b` member expressions. */
function presetName(node: AnyNode, source: string): string | undefined {
  if (node.type !== "MemberExpression") return undefined;
  const object = node["object"];
  if (!isNode(object) || object.type !== "MemberExpression") return undefined;
  const property = object["property"];
  if (!isNode(property) || property["name"] !== "configs") return undefined;
  return source.slice(node.start, node.end);
}

/** Reads the rules, shared configs and linter options of an ESLint flat config by its syntax tree. */
export function parseEslintConfig(source: string): EslintConfig {
  const program = parse(source, { ecmaVersion: "latest", sourceType: "module", locations: true });
  const rules: RuleSetting[] = [];
  const presets = new Map<string, number>();
  const linterOptions = new Map<string, { value: string; line: number }>();
  const visit = (node: AnyNode): void => {
    const name = node.type === "Property" ? keyName(node) : undefined;
    const value = node["value"];
    if (name === "rules" && isNode(value) && value.type === "ObjectExpression") {
      rules.push(...ruleSettings(value, source));
    }
    if (name === "linterOptions" && isNode(value) && value.type === "ObjectExpression") {
      for (const prop of nodes(value["properties"])) {
        const inner = prop["value"];
        const key = keyName(prop);
        if (key === undefined || !isNode(inner)) continue;
        linterOptions.set(key, {
          value: JSON.stringify(literal(inner, source)),
          line: lineOf(prop),
        });
      }
    }
    const preset = presetName(node, source);
    if (preset !== undefined && !presets.has(preset)) presets.set(preset, lineOf(node));
    for (const child of children(node)) visit(child);
  };
  if (isNode(program)) visit(program);
  return { rules, presets, linterOptions };
}
