// The end of every sign-in that needed more than a password (second step, passkey alone):
// a new session at assurance level 2, the audit record, the profiles and a device cookie, and
// the owner's "new sign-in" notice when the device is not one this account has used before.
// Runs inside the caller's unit of work.
import type { DeviceKind } from "../../contract/schemas/common";
import type { AccountRecord } from "../accounts/ports";
import { auditEvent } from "../audit/events";
import type { CoreDeps, RequestContext } from "../deps";
import { writeSecurityNotice } from "../notices/security-notice";
import type { Stores } from "../ports";
import { issueDeviceCookie, knownDeviceId } from "./device-cookie";
import { issueSession } from "./issue-session";
import type { SignedIn } from "./signed-in";

export async function finishSignIn(
  deps: CoreDeps,
  stores: Stores,
  account: AccountRecord,
  request: {
    device: { kind: DeviceKind; name: string };
    deviceCookie: string | undefined;
    method: "totp" | "backup_code" | "passkey" | "passkey_only";
    /** The passkey's own name, when one signed in: the log says which. */
    passkeyName?: string | undefined;
    context: RequestContext;
  },
): Promise<SignedIn> {
  const issued = await issueSession(deps, stores, { accountId: account.id, device: request.device, context: request.context, aal: 2 });
  const known = knownDeviceId(deps.keys.deviceCookies, request.deviceCookie, account.id);
  if (!known) {
    const at = issued.session.createdAt;
    const payload = { device: request.device.name, ip: request.context.ip, at: at.toISOString() };
    await writeSecurityNotice(stores, account.id, { template: "new_sign_in", payload }, at);
  }
  await stores.audit.record(
    auditEvent("signed_in", { accountId: account.id, sessionId: issued.session.id }, request.context, issued.session.createdAt, {
      deviceName: request.device.name,
      method: request.method,
      ...(request.passkeyName === undefined ? {} : { passkeyName: request.passkeyName }),
    }),
  );
  const profiles = await stores.profiles.listByAccount(account.id);
  const deviceCookie = known ? request.deviceCookie! : issueDeviceCookie(deps.keys.deviceCookies, deps.random, account.id);
  return { ...issued, account, profiles, deviceCookie };
}
