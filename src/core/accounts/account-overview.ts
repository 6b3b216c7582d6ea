// The account page's membership details.
import type { AccountResponse } from "../../contract/schemas/account";
import type { CoreConfig } from "../config";
import { toPublicPhone } from "../phone/public-phone";
import type { AccountRecord } from "./ports";

export function toPublicAccount(account: AccountRecord, config: Pick<CoreConfig, "plans">): AccountResponse["account"] {
  return {
    email: account.email,
    plan: account.plan,
    screens: config.plans[account.plan].screens,
    phone: toPublicPhone(account),
    passwordChangedAt: account.passwordChangedAt.toISOString(),
    memberSince: account.createdAt.toISOString(),
    emailVerified: account.emailVerifiedAt !== null,
    language: account.language,
    timeZone: account.timeZone,
  };
}
