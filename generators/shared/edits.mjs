// Text edits the plopfiles' transforms share: each keeps a file the way its formatter prints it.

/** Adds `line` to the last run of lines that `pattern` matches, kept sorted; or after `anchor`. */
export function insertSorted(content, line, pattern, fallback) {
  const lines = content.split("\n");
  if (lines.includes(line)) return content;
  let end = -1;
  lines.forEach((each, index) => {
    if (pattern.test(each)) end = index;
  });
  if (end === -1) return fallback(content, line);
  let start = end;
  while (start > 0 && pattern.test(lines[start - 1])) start -= 1;
  const run = [...lines.slice(start, end + 1), line].sort();
  lines.splice(start, end - start + 1, ...run);
  return lines.join("\n");
}

/** Inserts `text` before the first match of `pattern`, once. */
export function insertBefore(content, pattern, text) {
  if (content.includes(text)) return content;
  const at = content.search(pattern);
  if (at === -1) throw new Error(`no match for ${pattern}: the file has left the template's layout`);
  return `${content.slice(0, at)}${text}${content.slice(at)}`;
}

/** Inserts `text` after the first match of `pattern`, once. */
export function insertAfter(content, pattern, text) {
  if (content.includes(text)) return content;
  const match = pattern.exec(content);
  if (match === null) {
    throw new Error(`no match for ${pattern}: the file has left the template's layout`);
  }
  const at = match.index + match[0].length;
  return `${content.slice(0, at)}${text}${content.slice(at)}`;
}
