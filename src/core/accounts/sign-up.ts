// Sign up: a new account with one profile, signed in on this device.
import { avatarIds } from "../../contract/avatars";
import { defaultLanguage, isTimeZone, type Language } from "../../contract/languages";
import type { DeviceKind } from "../../contract/schemas/common";
import { auditEvent } from "../audit/events";
import { defaultMaxRating } from "../catalogue/may-watch";
import type { CoreDeps, RequestContext } from "../deps";
import { normalizeEmail, profileNameFromEmail } from "../email/address";
import { writeEmailVerification } from "../email/email-verification";
import { checkNewPassword } from "../passwords/policy";
import type { ProfileRecord } from "../profiles/ports";
import { cleanProfileName } from "../profiles/public-profile";
import { clientNetwork } from "../rate-limit/client-network";
import { throttle } from "../rate-limit/throttle";
import { fail, ok, type Result } from "../result";
import { issueDeviceCookie } from "../sessions/device-cookie";
import { issueSession } from "../sessions/issue-session";
import type { SignedIn } from "../sessions/signed-in";
import { inUnitOfWork } from "../unit-of-work";
import type { AccountRecord } from "./ports";

export interface SignUpInput {
  email: string;
  password: string;
  profileName?: string;
  device: { kind: DeviceKind; name: string };
  /** The sign-up page's language: the account's emails and texts and its first profile use it. */
  language?: Language;
  /** The browser's time zone, for the times emails and texts give; UTC when unknown. */
  timeZone?: string;
}

export type SignUpFailure =
  | "INVALID_EMAIL"
  | "PASSWORD_TOO_SHORT"
  | "PASSWORD_TOO_LONG"
  | "PASSWORD_TOO_COMMON"
  | "EMAIL_TAKEN"
  | "RATE_LIMITED";

export async function signUp(deps: CoreDeps, input: SignUpInput, context: RequestContext): Promise<Result<SignedIn, SignUpFailure>> {
  const limited = await throttle(deps.limiter, [[`sign-up:ip:${clientNetwork(context)}`, deps.config.limits.signUpPerIp]]);
  if (!limited.ok) return limited;
  const email = normalizeEmail(input.email);
  if (!email) return fail("INVALID_EMAIL");
  const password = checkNewPassword(input.password);
  if (!password.ok) return password;
  if (await deps.stores.accounts.findByEmail(email)) return fail("EMAIL_TAKEN");

  const passwordHash = await deps.passwords.hash(password.value);
  const now = deps.clock.now();
  const account: AccountRecord = {
    id: deps.random.uuid(),
    email,
    emailVerifiedAt: null,
    passwordHash,
    passwordChangedAt: now,
    phoneE164: null,
    phoneVerifiedAt: null,
    smsOptIn: false,
    plan: "standard",
    createdAt: now,
    lockedAt: null,
    lockedReason: null,
    language: input.language ?? defaultLanguage,
    timeZone: input.timeZone && isTimeZone(input.timeZone) ? input.timeZone : "UTC",
  };
  const profile: ProfileRecord = {
    id: deps.random.uuid(),
    accountId: account.id,
    name: (input.profileName && cleanProfileName(input.profileName)) || profileNameFromEmail(email),
    avatar: avatarIds[0],
    isKids: false,
    pinHash: null,
    position: 0,
    createdAt: now,
    maxRating: defaultMaxRating(false),
    restrictedTitles: [],
    language: account.language,
  };

  return inUnitOfWork(deps, async (stores) => {
    // Two sign-ups racing for one email: the loser finds the row taken here.
    if (!(await stores.accounts.create(account))) return fail("EMAIL_TAKEN");
    await stores.profiles.create(profile);
    const issued = await issueSession(deps, stores, { accountId: account.id, device: input.device, context });
    const who = { accountId: account.id, sessionId: issued.session.id };
    await stores.audit.record(auditEvent("account_created", who, context, now));
    await stores.audit.record(auditEvent("signed_in", who, context, now, { deviceName: input.device.name }));
    const deviceCookie = issueDeviceCookie(deps.keys.deviceCookies, deps.random, account.id);
    // The verification link goes out with the account, in the same transaction.
    await writeEmailVerification(deps, stores, account);
    return ok({ ...issued, account, profiles: [profile], deviceCookie });
  });
}
