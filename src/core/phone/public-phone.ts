// The phone number as the account page shows it: masked.
import type { z } from "zod";
import type { publicPhone } from "../../contract/schemas/account";
import type { AccountRecord } from "../accounts/ports";
import { maskPhone } from "./phone-number";

export function toPublicPhone(account: AccountRecord): z.infer<typeof publicPhone> | null {
  if (!account.phoneE164) return null;
  return { masked: maskPhone(account.phoneE164), verified: account.phoneVerifiedAt !== null, smsOptIn: account.smsOptIn };
}
