// What Usher vouches for about a live session, read from its introspection answer (RFC 7662).
// Only `active: true` with every claim a service relies on is a live session, and only
// `active: false` is a signed-out one: anything else is an answer Usher doesn't give, so it is
// no answer at all (a verifier that read it as "signed out" would sign viewers out during an
// incident). Claims are copied one by one, so whatever Usher adds one day isn't passed on
// unread, and frozen, since one answer is handed to every caller that shares it and to the cache.

export type Plan = "basic" | "standard" | "premium";

/** A live session's claims: Usher's introspection answer without `active` and `token_type`. */
export interface SessionClaims {
  /** The account. */
  readonly sub: string;
  /** The session (what session.revoked webhooks name). */
  readonly sid: string;
  /** When the session expires, in seconds since the epoch. */
  readonly exp: number;
  /** When the session was issued, in seconds since the epoch. */
  readonly iat: number;
  /** When the viewer last proved who they are on this device, in seconds since the epoch. */
  readonly auth_time: number;
  /** 2 after a second factor or a passkey, else 1. */
  readonly aal: 1 | 2;
  readonly plan: Plan;
  readonly device: { readonly kind: string; readonly name: string };
  /** The profile chosen on this device; null while none is. */
  readonly profile: { readonly id: string; readonly name: string; readonly kids: boolean } | null;
}

export type Introspected = { active: true; claims: SessionClaims } | { active: false };

const PLANS: readonly string[] = ["basic", "standard", "premium"];

/** Usher's introspection answer; null for anything it does not answer. */
export function introspected(body: unknown): Introspected | null {
  if (!isRecord(body)) return null;
  if (body.active === false) return { active: false };
  const { active, sub, sid, exp, iat, auth_time, plan, aal, device, profile } = body;
  const validProfile =
    profile === null ||
    (isRecord(profile) && typeof profile.id === "string" && typeof profile.name === "string" && typeof profile.kids === "boolean");
  const valid =
    active === true &&
    typeof sub === "string" &&
    typeof sid === "string" &&
    isSeconds(exp) &&
    isSeconds(iat) &&
    isSeconds(auth_time) &&
    typeof plan === "string" &&
    PLANS.includes(plan) &&
    (aal === 1 || aal === 2) &&
    isRecord(device) &&
    typeof device.kind === "string" &&
    typeof device.name === "string" &&
    validProfile;
  if (!valid) return null;
  const claims: SessionClaims = {
    sub,
    sid,
    exp,
    iat,
    auth_time,
    aal,
    plan: plan as Plan,
    device: Object.freeze({ kind: device.kind as string, name: device.name as string }),
    profile: profile && Object.freeze({ id: profile.id as string, name: profile.name as string, kids: profile.kids as boolean }),
  };
  return { active: true, claims: Object.freeze(claims) };
}

const isSeconds = (value: unknown): value is number => Number.isSafeInteger(value);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
