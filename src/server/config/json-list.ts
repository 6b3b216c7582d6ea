// Variables that hold a JSON array of entries (OAUTH_CLIENTS, SERVICE_CLIENTS,
// WEBHOOK_ENDPOINTS): malformed JSON, a wrong entry or a repeated id stops the start with a
// message naming the variable and the place. Values are never quoted back: some are secrets.
import { z } from "zod";

export function readJsonList<T extends { id: string }>(name: string, what: string, raw: string, entry: z.ZodType<T>): T[] {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error(`${name} must be a JSON array of ${what}.`);
  }
  const parsed = z.array(entry).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${name} is not valid at ${issue.path.join(".") || "the top"}: ${issue.message}.`);
  }
  const ids = new Set<string>();
  for (const { id } of parsed.data) {
    if (ids.has(id)) throw new Error(`${name} lists "${id}" twice.`);
    ids.add(id);
  }
  return parsed.data;
}
