// Prints one line, "N passed, N failed[, N skipped]", over every test runner's JSON report
// given on the command line: vitest's and Playwright's.
import { existsSync, readFileSync } from "node:fs";

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

const total: Counts = { passed: 0, failed: 0, skipped: 0 };
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.error(`test-summary: no report at ${file} (the runner did not finish)`);
    total.failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  if ("numPassedTests" in report) {
    // Vitest / Jest shape.
    total.passed += report.numPassedTests;
    total.failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
    total.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  } else if (report.stats) {
    // Playwright shape. Errors outside any test (the web server did not start, a spec file
    // did not load) leave every count at zero, so each one counts as a failure.
    total.passed += report.stats.expected + report.stats.flaky;
    total.failed += report.stats.unexpected + (report.errors?.length ?? 0);
    total.skipped += report.stats.skipped;
  }
}
const skipped = total.skipped > 0 ? `, ${total.skipped} skipped` : "";
console.log(`${total.passed} passed, ${total.failed} failed${skipped}`);
