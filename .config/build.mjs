// Bundles src/ into dist/: one small entry for the bin, heavy parts split into lazily loaded chunks.
import { build } from "esbuild";
import { rm } from "node:fs/promises";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { precompiledModule } from "./precompile-templates.mjs";

// Handlebars only needs source-map when asked for source maps, which we never do; it falls back
// by itself when the module is empty, and the bundle sheds ~27 KB of parse time.
const withoutSourceMap = {
  name: "without-source-map",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^source-map$/ }, () => ({
      path: "source-map",
      namespace: "empty",
    }));
    pluginBuild.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "export {}" }));
  },
};

// degit loads its own git client (~260 KB) only when it is given none; src/template-source gives
// it one always, so the bundle carries a stand-in that says so instead.
const withoutDegitGitClient = {
  name: "without-degit-git-client",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\/client-[\w-]+\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]degit[\\/]/.test(args.importer)
        ? { path: "degit-git-client", namespace: "degit-git-client" }
        : undefined,
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: "degit-git-client" }, () => ({
      contents:
        'const missing = () => Promise.reject(new Error("degit\'s own git client is not bundled"));\n' +
        "export const defaultGitClient = { fetchRefs: missing, clone: missing };",
    }));
  },
};

const root = fileURLToPath(new URL("..", import.meta.url));
const withPrecompiledTemplates = {
  name: "precompiled-templates",
  setup(pluginBuild) {
    pluginBuild.onLoad(
      { filter: /src[\\/]core[\\/]precompiled[\\/](go|python|rust|ts)\.ts$/ },
      async (args) => ({
        contents: await precompiledModule(root, basename(args.path, ".ts")),
        loader: "js",
      }),
    );
  },
};

await rm(new URL("../dist", import.meta.url), { recursive: true, force: true });
const shared = {
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  // Prefer ES module builds: jsonc-parser's "main" is a UMD bundle whose inner requires
  // esbuild cannot follow.
  mainFields: ["module", "main"],
  target: "node20.19",
  minify: process.env.NO_MINIFY !== "1",
  legalComments: "linked",
  metafile: true,
  chunkNames: "chunks/[name]-[hash]",
  banner: {
    js: 'import { createRequire as __litclaudeRequire } from "node:module"; const require = __litclaudeRequire(import.meta.url);',
  },
  logLevel: "warning",
  plugins: [withoutSourceMap, withPrecompiledTemplates, withoutDegitGitClient],
};
// Two builds, so the bin's graph holds no chunk split off only to be shared with the library
// entry: every module the bin loads costs a resolve, a read and a compile.
const results = await Promise.all([
  build({ ...shared, entryPoints: { cli: "src/cli.ts" } }),
  build({ ...shared, entryPoints: { index: "src/index.ts" }, chunkNames: "lib/[name]-[hash]" }),
]);
const outputs = results.flatMap((result) => Object.values(result.metafile.outputs));
const bytes = outputs.reduce((sum, output) => sum + output.bytes, 0);
console.log(`dist/: ${outputs.length} files, ${(bytes / 1024).toFixed(0)} KiB`);
