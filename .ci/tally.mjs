#!/usr/bin/env node
// The closing tally of a CI run, from vitest's JSON report: fails (exit 1) when a test failed,
// when any test was skipped or left todo, or when fewer tests passed than the committed floor.
// Usage: node .ci/tally.mjs <vitest-report.json> <floor-file>
import { readFileSync } from "node:fs";

const [reportPath, floorPath] = process.argv.slice(2);
if (reportPath === undefined || floorPath === undefined) {
  console.error("usage: node .ci/tally.mjs <vitest-report.json> <floor-file>");
  process.exit(2);
}

function readOrFail(path, what) {
  try {
    return readFileSync(path, "utf8");
  } catch {
    console.error(`tally: cannot read ${what} ${path}: did the test run write it?`);
    process.exit(1);
  }
}

const report = JSON.parse(readOrFail(reportPath, "the test report"));
const floorText = readOrFail(floorPath, "the test floor").trim();
const floor = Number(floorText);
if (!/^[1-9][0-9]*$/.test(floorText)) {
  console.error(`tally: ${floorPath} must hold one positive whole number, not "${floorText}"`);
  process.exit(2);
}

const notRun = [];
for (const file of report.testResults ?? []) {
  for (const test of file.assertionResults ?? []) {
    if (test.status !== "passed" && test.status !== "failed") {
      notRun.push(`${test.status}: ${file.name} > ${test.fullName ?? test.title}`);
    }
  }
}
const passed = report.numPassedTests ?? 0;
const failed = report.numFailedTests ?? 0;
const skipped = report.numPendingTests ?? 0;
const todo = report.numTodoTests ?? 0;
const failedFiles = report.numFailedTestSuites ?? 0;
console.log(
  `${passed} passed, ${failed} failed, ${skipped} skipped, ${todo} todo (floor ${floor})`,
);

const problems = [];
if (failed > 0 || failedFiles > 0) problems.push(`${failed} test(s) and ${failedFiles} file(s) failed`);
if (notRun.length > 0 || skipped > 0 || todo > 0) {
  problems.push(`tests that did not run (no skip, no todo, no .only in CI):\n  ${notRun.join("\n  ")}`);
}
if (passed < floor) {
  problems.push(
    `only ${passed} tests passed, below the floor of ${floor} in ${floorPath}: ` +
      "a test list shrank (an empty describe.each?) or a file stopped being collected",
  );
}
if (problems.length > 0) {
  for (const problem of problems) console.error(`tally: ${problem}`);
  process.exit(1);
}
if (passed > floor) {
  console.log(`tally: the suite grew; raise ${floorPath} to ${passed} in this change`);
}
