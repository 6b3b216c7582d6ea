// Support looks an account up by what the member tells them: an email, a phone number, or the
// id from a webhook or a log line.
import type { AccountRecord } from "../accounts/ports";
import type { CoreDeps } from "../deps";
import { normalizeEmail } from "../email/address";
import { parsePhone } from "../phone/phone-number";

const ACCOUNT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type AccountQuery = { by: "id"; id: string } | { by: "email"; email: string } | { by: "phone"; e164: string };

/** What the words name, or null when they are none of an id, an email or a phone number. */
export function parseAccountQuery(text: string): AccountQuery | null {
  const trimmed = text.trim();
  if (ACCOUNT_ID.test(trimmed)) return { by: "id", id: trimmed.toLowerCase() };
  if (trimmed.includes("@")) {
    const email = normalizeEmail(trimmed);
    return email ? { by: "email", email } : null;
  }
  const phone = parsePhone(trimmed);
  return phone.ok ? { by: "phone", e164: phone.value } : null;
}

export async function findAccounts(deps: Pick<CoreDeps, "stores">, query: AccountQuery): Promise<AccountRecord[]> {
  const { accounts } = deps.stores;
  if (query.by === "phone") return accounts.findByPhone(query.e164);
  const found = query.by === "id" ? await accounts.findById(query.id) : await accounts.findByEmail(query.email);
  return found ? [found] : [];
}
