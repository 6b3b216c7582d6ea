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
  const device = "session" in replaced ? await endSession(stores, replaced, at) : { ...replaced, profileId: null, aal: 1 as const };
  const signedOutOtherDevices = options.signOutOtherDevices
    ? (await stores.sessions.revokeAllForAccount(device.accountId, at, options.signOutOtherDevices)).length
    : 0;
  const issued = await issueSession(deps, stores, {
    accountId: device.accountId,
    device: device.device,
    profileId: device.profileId,
    context: options.context,
    aal: options.aal ?? device.aal,
  });
  // A new token is not a sign-out: what the device is watching goes on, under the new session.
  if ("session" in replaced) await stores.streams.moveToSession(replaced.session.id, issued.session.id);
  return { ...issued, signedOutOtherDevices };
}

/** Ends the device's session; answers what its replacement carries over. */
async function endSession(stores: Stores, { session, reason }: { session: SessionRecord; reason: RevokedReason }, at: Date) {
  // The chosen profile may have been deleted meanwhile; a new session must not point at it.
  const profileKept = session.profileId !== null && (await stores.profiles.find(session.accountId, session.profileId)) !== null;
  await stores.sessions.revoke(session, at, reason);
  return {
    accountId: session.accountId,
    device: { kind: session.deviceKind, name: session.deviceName },
    profileId: profileKept ? session.profileId : null,
    aal: session.aal,
  };
}
