// What the platform's services (playback, catalogue, recommendations) learn when they ask
// about a token: whether it is a live session and, if so, whose, on which profile, device and
// plan. It is the same check every request to Usher gets (validate-session.ts): one batched
// statement, no cache, and a session used only through services still slides its idle expiry.
import type { DeviceKind } from "../../contract/schemas/common";
import type { Plan } from "../accounts/ports";
import type { CoreDeps, RequestContext } from "../deps";
import type { ProfileRecord } from "../profiles/ports";
import { validateSession } from "./validate-session";

/** The asking service's address is not the viewer's: the device keeps the one it was last seen at. */
const ASKED_BY_A_SERVICE: RequestContext = { ip: null, userAgent: null };

export interface SessionClaims {
  accountId: string;
  sessionId: string;
  issuedAt: Date;
  expiresAt: Date;
  /** When the owner last proved who they are on this device (sign-in or re-authentication). */
  authenticatedAt: Date;
  /** 2 after a second factor or a passkey, else 1. */
  assurance: 1 | 2;
  plan: Plan;
  device: { kind: DeviceKind; name: string };
  /** The profile chosen on this device, if any, with what it may watch: services hold back the rest. */
  profile: Pick<ProfileRecord, "id" | "name" | "isKids" | "maxRating" | "restrictedTitles"> | null;
}

/**
 * The claims of a live session, or null for anything else: revoked, expired, unknown,
 * malformed, or not a session token at all. Callers answer every null alike, so a service
 * learns nothing about a token that is not live.
 */
export async function introspectSession(deps: Pick<CoreDeps, "stores" | "clock" | "config">, token: string): Promise<SessionClaims | null> {
  const validated = await validateSession(deps, token, ASKED_BY_A_SERVICE);
  if (!validated.ok) return null;
  const { session, accountPlan, profile } = validated.value;
  return {
    accountId: session.accountId,
    sessionId: session.id,
    issuedAt: session.createdAt,
    expiresAt: session.expiresAt,
    authenticatedAt: session.authenticatedAt,
    assurance: session.aal,
    plan: accountPlan,
    device: { kind: session.deviceKind, name: session.deviceName },
    profile: profile && {
      id: profile.id,
      name: profile.name,
      isKids: profile.isKids,
      maxRating: profile.maxRating,
      restrictedTitles: profile.restrictedTitles,
    },
  };
}
