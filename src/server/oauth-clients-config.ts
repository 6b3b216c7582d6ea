// OAUTH_CLIENTS: the apps registered to use TV sign-in's OAuth endpoints, as a JSON array,
// e.g. [{"id":"acme-tv","name":"Acme TV app","deviceKind":"tv"}]. Malformed JSON or entries
// stop the start with a message naming the variable.
import { z } from "zod";
import { deviceKind } from "../contract/schemas/common";
import { DEVICE_CODE_GRANT } from "../contract/schemas/tv-sign-in";
import { defaultOAuthClients, type OAuthClient } from "../core/config";
import { readJsonList } from "./config/json-list";

const clientEntry = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, "ids are 1–100 letters, digits, dots, dashes or underscores"),
  name: z.string().min(1).max(60),
  deviceKind,
  /** Defaults to the device grant for TVs and to none for the rest. */
  grantTypes: z.array(z.literal(DEVICE_CODE_GRANT)).optional(),
});

export function readOAuthClients(raw: string | undefined): OAuthClient[] {
  if (raw === undefined || raw.trim() === "") return defaultOAuthClients;
  const entries = readJsonList("OAUTH_CLIENTS", "clients", raw, clientEntry);
  if (entries.length === 0) throw new Error("OAUTH_CLIENTS must name at least one client.");
  return entries.map((entry) => ({
    id: entry.id,
    name: entry.name,
    deviceKind: entry.deviceKind,
    grantTypes: entry.grantTypes ?? (entry.deviceKind === "tv" ? [DEVICE_CODE_GRANT] : []),
  }));
}
