// Writes src/client/api-types.ts from the OpenAPI document. A test fails when it is stale.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { apiTypesSource } from "../src/server/openapi-document";

const target = fileURLToPath(new URL("../src/client/api-types.ts", import.meta.url));
writeFileSync(target, await apiTypesSource());
console.log(`wrote ${target}`);
