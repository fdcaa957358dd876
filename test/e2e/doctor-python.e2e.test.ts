import { describe, it } from "vitest";
import { plant } from "./support.js";
import { expectOnlyFinding, lineOf, project } from "./doctor-support.js";

const BASE_IGNORES = "COM812, CPY001, D203, D213, FIX002, SIM105";

describe("doctor on a Python project with one weakening", () => {
  it("reports a ruff ignore beyond the baseline's", async () => {
    const dir = await project("python", "cli");
    await plant(dir, "pyproject.toml", (old) =>
      old.replace("ignore = [\n", 'ignore = [\n  "ERA001",\n'),
    );
    await expectOnlyFinding(dir, {
      id: "ruff/ignore/ERA001",
      file: "pyproject.toml",
      line: await lineOf(dir, "pyproject.toml", '"ERA001"'),
      baseline: `not ignored (baseline ignores ${BASE_IGNORES})`,
      current: 'tool.ruff.lint.ignore has "ERA001"',
    });
  });

  it("reports a per-file ruff ignore beyond the baseline's", async () => {
    const dir = await project("python", "lib");
    await plant(dir, "pyproject.toml", (old) =>
      old.replace('"tests/**" = [\n', '"tests/**" = [\n  "ANN001",\n'),
    );
    await expectOnlyFinding(dir, {
      id: "ruff/per-file-ignore/tests/**/ANN001",
      file: "pyproject.toml",
      line: await lineOf(dir, "pyproject.toml", '"ANN001"'),
      baseline: '"tests/**" ignores S101, PLR2004, D103',
      current: '"tests/**" ignores "ANN001"',
    });
  });

  it("reports basedpyright's typeCheckingMode lowered", async () => {
    const dir = await project("python", "cli");
    await plant(dir, "pyproject.toml", (old) =>
      old.replace('typeCheckingMode = "all"', 'typeCheckingMode = "standard"'),
    );
    await expectOnlyFinding(dir, {
      id: "basedpyright/typeCheckingMode",
      file: "pyproject.toml",
      line: await lineOf(dir, "pyproject.toml", "typeCheckingMode"),
      baseline: 'typeCheckingMode = "all"',
      current: 'typeCheckingMode = "standard"',
    });
  });

  it("reports a basedpyright rule turned off", async () => {
    const dir = await project("python", "lib");
    await plant(dir, "pyproject.toml", (old) =>
      old.replace(
        "reportUnusedCallResult = false\n",
        "reportUnusedCallResult = false\nreportAny = false\n",
      ),
    );
    await expectOnlyFinding(dir, {
      id: "basedpyright/reportAny",
      file: "pyproject.toml",
      line: await lineOf(dir, "pyproject.toml", "reportAny"),
      baseline: 'reportAny at the "all" mode\'s level',
      current: "reportAny = false",
    });
  });

  it("reports a dev tool pin moved backwards", async () => {
    const dir = await project("python", "cli");
    await plant(dir, "pyproject.toml", (old) =>
      old.replace('"basedpyright==1.40.2"', '"basedpyright==1.30.0"'),
    );
    await expectOnlyFinding(dir, {
      id: "pin/basedpyright",
      file: "pyproject.toml",
      line: await lineOf(dir, "pyproject.toml", "basedpyright==1.30.0"),
      baseline: "basedpyright==1.40.2",
      current: "basedpyright==1.30.0",
    });
  });

  it("reports a ruff.toml that takes over from pyproject.toml's settings", async () => {
    const dir = await project("python", "lib");
    await plant(dir, "ruff.toml", '[lint]\nselect = ["E"]\n');
    await expectOnlyFinding(dir, {
      id: "ruff/config-file",
      file: "ruff.toml",
      line: 1,
      baseline: "ruff configured by [tool.ruff] in pyproject.toml",
      current: "ruff.toml takes its place for the project",
    });
  });
});
