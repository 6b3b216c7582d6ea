// A privilege change never keeps a token: after a new proof (re-authentication, a password
// change, a second factor added or removed, a password reset) the device gets a new session,
// proven now, and the one it held ends. The same step may end every other session of the
// account. Runs inside the caller's unit of work, which announces the ended sessions.
import type { DeviceKind } from "../../contract/schemas/common";
import type { CoreDeps, RequestContext } from "../deps";
import type { Stores } from "../ports";
import { type IssuedSession, issueSession } from "./issue-session";
import type { RevokedReason, SessionRecord } from "./ports";

export type ReplacedDevice =
  /** A signed-in device: its session ends for `reason`; the new one keeps its device and profile. */
  | { session: SessionRecord; reason: RevokedReason }
  /** A device with no session of this account yet, proving itself anew (a password reset). */
  | { accountId: string; device: { kind: DeviceKind; name: string } };

export interface ReplaceOptions {
  context: RequestContext;
  /** Ends every other session of the account too, for this reason. */
  signOutOtherDevices?: RevokedReason | undefined;
  /** The new session's assurance; a signed-in device keeps its own by default, a new one gets 1. */
  aal?: 1 | 2 | undefined;
}

export interface ReplacedSession extends IssuedSession {
  /** How many other devices were signed out (0 unless asked). */
  signedOutOtherDevices: number;
}

export async function replaceSession(
  deps: Pick<CoreDeps, "clock" | "random" | "config">,
  stores: Stores,
  replaced: ReplacedDevice,
  options: ReplaceOptions,
): Promise<ReplacedSession> {
  const at = deps.clock.now();
  const current = "session" in replaced ? replaced.session : null;
  const accountId = "session" in replaced ? replaced.session.accountId : replaced.accountId;
  let profileId: string | null = null;
  if ("session" in replaced) {
    const { session, reason } = replaced;
    // The chosen profile may have been deleted meanwhile; a new session must not point at it.
    if (session.profileId && (await stores.profiles.find(accountId, session.profileId))) profileId = session.profileId;
    await stores.sessions.revoke(session, at, reason);
  }
  const signedOutOtherDevices = options.signOutOtherDevices
    ? await stores.sessions.revokeAllForAccount(accountId, at, options.signOutOtherDevices, current?.id)
    : 0;
  const issued = await issueSession(deps, stores, {
    accountId,
    device: "session" in replaced ? { kind: replaced.session.deviceKind, name: replaced.session.deviceName } : replaced.device,
    profileId,
    context: options.context,
    aal: options.aal ?? current?.aal ?? 1,
  });
  return { ...issued, signedOutOtherDevices };
}
