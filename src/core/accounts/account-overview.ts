// The account page's membership details.
import type { AccountResponse } from "../../contract/schemas/account";
import { toPublicPhone } from "../phone/public-phone";
import type { AccountRecord } from "./ports";

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
