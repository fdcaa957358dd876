/**
 * Glob patterns of a manifest's file rules, matched against posix paths inside the template:
 * `*` and `?` stay within one path segment, `**` spans segments, `{a,b}` is either, `[abc]` a
 * class. A pattern without `/` matches the base name at any depth, as in .gitignore.
 */
function escape(char: string): string {
  return /[.+^$()|\\]/.test(char) ? `\\${char}` : char;
}

function translate(pattern: string): string {
  let out = "";
  let braces = 0;
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern.charAt(index);
    if (char === "*" && pattern.charAt(index + 1) === "*") {
      const slashAfter = pattern.charAt(index + 2) === "/";
      out += slashAfter ? "(?:.*/)?" : ".*";
      index += slashAfter ? 2 : 1;
    } else if (char === "*") {
      out += "[^/]*";
    } else if (char === "?") {
      out += "[^/]";
    } else if (char === "{") {
      braces += 1;
      out += "(?:";
    } else if (char === "}" && braces > 0) {
      braces -= 1;
      out += ")";
    } else if (char === "," && braces > 0) {
      out += "|";
    } else if (char === "[") {
      const end = pattern.indexOf("]", index + 1);
      if (end === -1) {
        out += "\\[";
      } else {
        out += `[${pattern
          .slice(index + 1, end)
          .replace(/^!/, "^")
          .replaceAll("\\", "\\\\")}]`;
        index = end;
      }
    } else {
      out += escape(char);
    }
  }
  return out;
}

export function globRegExp(pattern: string): RegExp {
  const anchored = pattern.replace(/^\.\//, "");
  const body = translate(anchored.replace(/\/$/, "/**"));
  return new RegExp(anchored.includes("/") ? `^${body}$` : `^(?:.*/)?${body}$`, "u");
}

/** Whether `path` matches any of `patterns`. */
export function matchesAny(path: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((pattern) => pattern.test(path));
}
