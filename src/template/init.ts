import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { ProjectFile } from "../core/files.js";
import type { Kind, Language } from "../core/options.js";
import { packageRoot } from "../core/package-root.js";
import { MANIFEST_FILE, SCHEMA_COPY, type Manifest } from "./manifest-schema.js";

export const SHIPPED_SCHEMA = join("schema", SCHEMA_COPY);

/** A starting manifest: one example question, one rendered file, no tasks. */
export function starterManifest(name: string, lang: Language, kind: Kind): Manifest {
  return {
    $schema: `./${SCHEMA_COPY}`,
    name,
    description: "Our team's starter, layered over the strict baseline",
    version: "0.1.0",
    extends: { lang, kind },
    questions: [
      {
        id: "team",
        type: "string",
        message: "Which team owns the project?",
        pattern: "^[a-z][a-z0-9-]*$",
        default: "platform",
      },
    ],
    files: { include: ["**"], exclude: ["README.md"], render: ["**/*.hbs"] },
    tasks: [],
  };
}

function file(path: string, content: string): ProjectFile {
  return { path, content, executable: false };
}

/** The files `template init` writes: manifest, schema copy, a README and example team files. */
export async function starterFiles(
  dir: string,
  lang: Language,
  kind: Kind,
): Promise<readonly ProjectFile[]> {
  const name =
    basename(dir)
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, "-") || "team-template";
  const schema = await readFile(join(packageRoot(), SHIPPED_SCHEMA), "utf8");
  return [
    file(MANIFEST_FILE, `${JSON.stringify(starterManifest(name, lang, kind), null, 2)}\n`),
    file(SCHEMA_COPY, schema),
    file(
      "README.md",
      [
        `# ${name}`,
        "",
        "A team template for create-litclaude. Every file here except this README (see",
        `\`files.exclude\` in ${MANIFEST_FILE}) lands over the strict baseline; \`.hbs\` files are`,
        "rendered with the answers to the questions, and `_x` names become `.x`.",
        "",
        "```sh",
        "npx create-litclaude template check .",
        "npx create-litclaude my-app --template ./path/to/this --answer team=platform --yes",
        "```",
        "",
      ].join("\n"),
    ),
    file(
      "AGENTS.md.hbs",
      "## Team {{team}}\n\nThe {{team}} team owns this project. Ask in its channel before adding a dependency.\n",
    ),
    file("_gitignore", "# the team's own\n.env.local\n"),
    file("docs/OWNERS.md.hbs", "# Owners of {{name}}\n\n- team {{team}}\n"),
  ];
}
