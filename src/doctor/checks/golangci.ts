import { at, itemKey, list, weakenings, word, type Change, type Path } from "../parse/tree.js";
import { parseYamlDoc, type YamlDoc } from "../parse/yaml.js";
import type { Check, Finding } from "../types.js";
import { RUN_UPDATE, bothTexts, inUnit, show } from "./common.js";

const CONFIG = ".golangci.yml";
const DEFAULTS = ["none", "fast", "standard", "all"];
function finding(
  file: string,
  doc: YamlDoc,
  id: string,
  path: Path,
  was: string,
  is: string,
  fix: string,
): Finding {
  return {
    id,
    file,
    line: doc.lineOf(path) ?? doc.lineOf(path.slice(0, -1)) ?? 1,
    baseline: was,
    current: is,
    fix,
  };
}

function linterFindings(file: string, base: YamlDoc, doc: YamlDoc): Finding[] {
  const findings: Finding[] = [];
  const wasDefault = word(at(base.value, ["linters", "default"]), "standard");
  const isDefault = word(at(doc.value, ["linters", "default"]), "standard");
  if (DEFAULTS.indexOf(isDefault) < DEFAULTS.indexOf(wasDefault)) {
    findings.push(
      finding(
        file,
        doc,
        "golangci/linters.default",
        ["linters", "default"],
        `default: ${wasDefault}`,
        `default: ${isDefault}`,
        `set linters.default: ${wasDefault} in ${file}`,
      ),
    );
  }
  const disabled = new Set(list(at(base.value, ["linters", "disable"])).map(String));
  list(at(doc.value, ["linters", "disable"])).forEach((name, index) => {
    if (disabled.has(String(name))) return;
    findings.push(
      finding(
        file,
        doc,
        `golangci/disable/${String(name)}`,
        ["linters", "disable", index],
        "enabled",
        `disabled (linters.disable has ${String(name)})`,
        `remove ${String(name)} from linters.disable in ${file}; silence single lines with //nolint:${String(name)} // <why>`,
      ),
    );
  });
  const baseRules = new Set(
    list(at(base.value, ["linters", "exclusions", "rules"])).map((rule) => JSON.stringify(rule)),
  );
  list(at(doc.value, ["linters", "exclusions", "rules"])).forEach((rule, index) => {
    if (baseRules.has(JSON.stringify(rule))) return;
    const linters =
      list(at(rule, ["linters"]))
        .map(String)
        .join("+") || "*";
    const where = word(at(rule, ["path"]) ?? at(rule, ["text"]) ?? at(rule, ["source"]), "*");
    findings.push(
      finding(
        file,
        doc,
        `golangci/exclusion/${linters}:${where}`,
        ["linters", "exclusions", "rules", index],
        "not excluded",
        `exclusion rule ${JSON.stringify(rule)}`,
        `remove this rule from linters.exclusions.rules in ${file}; use //nolint:<linter> // <why> on the lines that need it`,
      ),
    );
  });
  for (const key of ["paths", "presets"]) {
    const had = new Set(list(at(base.value, ["linters", "exclusions", key])).map(String));
    list(at(doc.value, ["linters", "exclusions", key])).forEach((item, index) => {
      if (had.has(String(item))) return;
      findings.push(
        finding(
          file,
          doc,
          `golangci/exclusion-${key}/${String(item)}`,
          ["linters", "exclusions", key, index],
          "not excluded",
          `linters.exclusions.${key} has ${String(item)}`,
          `remove ${String(item)} from linters.exclusions.${key} in ${file}`,
        ),
      );
    });
  }
  return findings;
}

function settingFinding(file: string, base: YamlDoc, doc: YamlDoc, change: Change): Finding {
  const name = change.path.join(".");
  if (!Array.isArray(at(base.value, change.path))) {
    const was = `${name}: ${show(change.was)}`;
    const is = change.is === undefined ? "unset" : `${name}: ${show(change.is)}`;
    return finding(file, doc, `golangci/${name}`, change.path, was, is, `set ${was} in ${file}`);
  }
  const item = change.was ?? change.is;
  const id = `golangci/${name}/${itemKey(item)}`;
  return change.was === undefined
    ? finding(
        file,
        doc,
        id,
        change.path,
        `${name} without ${show(item)}`,
        `${name} has ${show(item)}`,
        `remove ${show(item)} from ${name} in ${file}`,
      )
    : finding(
        file,
        doc,
        id,
        change.path,
        `${name} has ${show(item)}`,
        `${name} lacks ${show(item)}`,
        `add ${show(item)} back to ${name} in ${file}, or ${RUN_UPDATE}`,
      );
}

function settingFindings(file: string, base: YamlDoc, doc: YamlDoc): Finding[] {
  const sections: Path[] = [
    ["linters", "settings"],
    ["linters", "exclusions", "generated"],
    ["formatters", "enable"],
    ["issues"],
    ["run", "tests"],
  ];
  return sections
    .flatMap((section) =>
      weakenings(at(base.value, section), at(doc.value, section), section).map((change) =>
        settingFinding(file, base, doc, change),
      ),
    )
    .concat(
      at(doc.value, ["run", "tests"]) === false && at(base.value, ["run", "tests"]) === undefined
        ? [
            finding(
              file,
              doc,
              "golangci/run.tests",
              ["run", "tests"],
              "tests linted",
              "run.tests: false",
              `remove run.tests: false from ${file}`,
            ),
          ]
        : [],
    );
}

/** golangci-lint linters disabled, exclusions added, settings loosened. */
export const checkGolangci: Check = async (context) => {
  const file = inUnit(context.unit.dir, CONFIG);
  const texts = await bothTexts(context, file);
  if (texts === undefined) {
    const missing = (await context.read(file)) === undefined;
    return missing
      ? [
          {
            id: "golangci/missing",
            file,
            line: 1,
            baseline: `${CONFIG} with every linter on`,
            current: "missing",
            fix: `restore ${file}: ${RUN_UPDATE}`,
          },
        ]
      : [];
  }
  const base = parseYamlDoc(texts.base, file);
  const doc = parseYamlDoc(texts.current, file);
  return [...linterFindings(file, base, doc), ...settingFindings(file, base, doc)];
};
