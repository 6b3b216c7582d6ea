// Starts every run with an empty screenshot folder, so what is there afterwards is this run's.
import { rmSync } from "node:fs";

export default function globalSetup(): void {
  rmSync("test-results/screenshots", { recursive: true, force: true });
}
