// The account page's membership details.
import type { AccountResponse } from "../../contract/schemas/account";
import type { AccountRecord } from "./ports";
import { toPublicPhone } from "../phone/public-phone";

export function toPublicAccount(account: AccountRecord): AccountResponse["account"] {
  return {
    email: account.email,
    plan: account.plan,
    phone: toPublicPhone(account),
    passwordChangedAt: account.passwordChangedAt.toISOString(),
    memberSince: account.createdAt.toISOString(),
    emailVerified: account.emailVerifiedAt !== null,
  };
}
