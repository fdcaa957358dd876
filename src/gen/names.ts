import type { LanguageId } from "../lang/types.js";

/** The forms of a generated item's name that templates use, all derived from one checked name. */
export interface ItemNames {
  /** As given: lowercase words joined by `-` or `_`. */
  readonly name: string;
  readonly kebab: string;
  readonly snake: string;
  readonly camel: string;
  readonly pascal: string;
  /** Go package name: the words run together. */
  readonly joined: string;
}

const WORDS = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/;

const KEYWORDS: Readonly<Record<LanguageId, ReadonlySet<string>>> = {
  go: new Set(
    (
      "break case chan const continue default defer else fallthrough for func go goto if import " +
      "interface map package range return select struct switch type var main internal testdata " +
      "vendor any error string int bool byte rune len cap new make nil true false errors fmt io os " +
      "strings bytes time sort sync context flag log math net path testing strconv slices maps"
    ).split(" "),
  ),
  python: new Set(
    (
      "and as assert async await break class continue def del elif else except finally for from " +
      "global if import in is lambda nonlocal not or pass raise return try while with yield " +
      "asyncio typing dataclasses collections abc json os sys re io test tests cli"
    ).split(" "),
  ),
  rust: new Set(
    (
      "as async await break const continue crate dyn else enum extern false fn for if impl in let " +
      "loop match mod move mut pub ref return self static struct super trait true type unsafe use " +
      "where while abstract become box do final macro override priv typeof unsized virtual yield " +
      "try gen main lib std core alloc tests"
    ).split(" "),
  ),
  ts: new Set(
    (
      "break case catch class const continue debugger default delete do else enum export extends " +
      "false finally for function if import in instanceof new null return super switch this throw " +
      "true try typeof var void while with let static yield await implements interface package " +
      "private protected public cli index run"
    ).split(" "),
  ),
};

function words(name: string): readonly string[] {
  return name.split(/[-_]/);
}

function capitalise(word: string): string {
  return `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
}

/** The rule the name breaks for this language, or undefined when every derived form is usable. */
export function itemNameRule(lang: LanguageId, name: string): string | undefined {
  if (!WORDS.test(name)) {
    return (
      "a generated name is lowercase words of ASCII letters and digits joined by '-' or '_', " +
      "starting with a letter (for example parse-config)"
    );
  }
  if (name.length > 48) return "a generated name is at most 48 characters long";
  const forms = itemNames(name);
  const reserved = KEYWORDS[lang];
  for (const form of new Set([forms.snake, forms.camel, forms.joined, forms.kebab])) {
    if (reserved.has(form)) {
      return `"${form}" is reserved in this ${lang} project (a keyword, a builtin or a name the template already uses)`;
    }
  }
  return undefined;
}

export function itemNames(name: string): ItemNames {
  const parts = words(name);
  const [first = "", ...rest] = parts;
  return {
    name,
    kebab: parts.join("-"),
    snake: parts.join("_"),
    camel: `${first}${rest.map(capitalise).join("")}`,
    pascal: parts.map(capitalise).join(""),
    joined: parts.join(""),
  };
}
