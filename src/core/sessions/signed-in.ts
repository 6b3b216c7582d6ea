// What a device holds after signing up or in.
import type { SignedInResponse } from "../../contract/schemas/auth";
import type { AccountRecord } from "../accounts/ports";
import type { ProfileRecord } from "../profiles/ports";
import { toPublicProfile } from "../profiles/public-profile";
import type { IssuedSession } from "./issue-session";

export interface SignedIn extends IssuedSession {
  account: AccountRecord;
  profiles: ProfileRecord[];
  /** The device credential: a cookie for browsers, the device token for apps (see sessions/device-cookie.ts). */
  deviceCookie: string;
}

/** The JSON answer; the token and the device token are included only when the device keeps them itself (apps). */
export function toSignedInResponse(signedIn: SignedIn, includeToken: boolean): SignedInResponse {
  const { account, session, profiles, token } = signedIn;
  return {
    account: { id: account.id, email: account.email },
    session: {
      id: session.id,
      deviceKind: session.deviceKind,
      deviceName: session.deviceName,
      expiresAt: session.expiresAt.toISOString(),
    },
    profiles: profiles.map(toPublicProfile),
    ...(includeToken ? { token, deviceToken: signedIn.deviceCookie } : {}),
  };
}
