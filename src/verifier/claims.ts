// What Usher vouches for about a live session, read from its introspection answer (RFC 7662).
// Only `active: true` with every claim a service relies on is a live session, and only
// `active: false` is a signed-out one: anything else is an answer Usher doesn't give, so it is
// no answer at all (a verifier that read it as "signed out" would sign viewers out during an
// incident). Claims are copied one by one, so whatever Usher adds one day isn't passed on
// unread, and frozen, since one answer is handed to every caller that shares it and to the cache.

export type Plan = "basic" | "standard" | "premium";

/** How old a viewer should be for a title, lowest first: Usher's catalogue rates every title with one. */
export const maturityRatings = Object.freeze(["All", "7+", "13+", "16+", "18+"] as const);
export type MaturityRating = (typeof maturityRatings)[number];

/** The profile a device watches as, with its parental controls. */
export interface ProfileClaim {
  readonly id: string;
  readonly name: string;
  /** A Kids profile watches only titles made for children. */
  readonly kids: boolean;
  /** The highest rating the profile may watch. */
  readonly max_rating: MaturityRating;
  /** Title ids blocked on the profile whatever their rating. */
  readonly restricted_titles: readonly string[];
}

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
  readonly profile: ProfileClaim | null;
}

export type Introspected = { active: true; claims: SessionClaims } | { active: false };

const PLANS: readonly string[] = ["basic", "standard", "premium"];
const RATINGS: readonly string[] = maturityRatings;

/** Usher's introspection answer; null for anything it does not answer. */
export function introspected(body: unknown): Introspected | null {
  if (!isRecord(body)) return null;
  if (body.active === false) return { active: false };
  const { active, sub, sid, exp, iat, auth_time, plan, aal, device } = body;
  const profile = profileClaim(body.profile);
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
    profile !== undefined;
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
    profile,
  };
  return { active: true, claims: Object.freeze(claims) };
}

/** The profile claim, null when no profile is chosen; undefined when it is not one Usher gives. */
function profileClaim(profile: unknown): ProfileClaim | null | undefined {
  if (profile === null) return null;
  if (!isRecord(profile)) return undefined;
  const { id, name, kids, max_rating, restricted_titles } = profile;
  const valid =
    typeof id === "string" &&
    typeof name === "string" &&
    typeof kids === "boolean" &&
    typeof max_rating === "string" &&
    RATINGS.includes(max_rating) &&
    Array.isArray(restricted_titles) &&
    restricted_titles.every((titleId) => typeof titleId === "string");
  if (!valid) return undefined;
  return Object.freeze({
    id,
    name,
    kids,
    max_rating: max_rating as MaturityRating,
    restricted_titles: Object.freeze([...(restricted_titles as string[])]),
  });
}

const isSeconds = (value: unknown): value is number => Number.isSafeInteger(value);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
