// The end of a sign-in once the first factor is proven (a password, or a sign-in code): a
// challenge when the account has a second step, otherwise a new session, its audit record,
// the profiles, a device credential, and the owner's "new sign-in" notice when the device is
// not one this account has signed in on before.
import type { DeviceKind } from "../../contract/schemas/common";
import { auditEvent } from "../audit/events";
import type { CoreDeps, RequestContext } from "../deps";
import type { TwoStepState } from "../mfa/two-step-facts";
import { startTwoStep, type TwoStepRequired } from "../mfa/two-step-sign-in";
import { twoStepState } from "../mfa/two-step-state";
import { writeSecurityNotice } from "../notices/security-notice";
import { issueDeviceCookie, knownDeviceId } from "../sessions/device-cookie";
import { issueSession } from "../sessions/issue-session";
import type { SignedIn } from "../sessions/signed-in";
import { inUnitOfWork } from "../unit-of-work";
import { refuseIfLocked } from "./account-locked";
import type { AccountRecord } from "./ports";

export interface ProvenSignIn {
  device: { kind: DeviceKind; name: string };
  /** The browser's device cookie or the app's device token, if it has one. */
  deviceCredential?: string | undefined;
  /** Apps keep their token themselves; remembered across a second step. */
  keepsTokenItself: boolean;
  method: "password" | "sign_in_code";
}

export async function signInProven(
  deps: CoreDeps,
  account: AccountRecord,
  request: ProvenSignIn,
  context: RequestContext,
  /** Where the account stands on two-step verification, when the caller read it with the account. */
  twoStep?: TwoStepState,
): Promise<SignedIn | TwoStepRequired> {
  refuseIfLocked(account);
  // The first factor alone is not enough when the account has a second one: answer a challenge.
  const state = twoStep ?? (await twoStepState(deps.stores, account.id));
  if (state.enabled) return startTwoStep(deps, account, state, { ...request.device, keepsTokenItself: request.keepsTokenItself });
  const knownDevice = knownDeviceId(deps.keys.deviceCookies, request.deviceCredential, account.id);
  return inUnitOfWork(deps, async (stores) => {
    const issued = await issueSession(deps, stores, { accountId: account.id, device: request.device, context });
    // A device this account has signed in on before is not news; anything else is.
    if (!knownDevice) {
      const at = issued.session.createdAt;
      const payload = { device: request.device.name, ip: context.ip, at: at.toISOString() };
      await writeSecurityNotice(stores, account, { template: "new_sign_in", payload }, at);
    }
    await stores.audit.record(
      auditEvent("signed_in", { accountId: account.id, sessionId: issued.session.id }, context, issued.session.createdAt, {
        deviceName: request.device.name,
        ...(request.method === "password" ? {} : { method: request.method }),
      }),
    );
    const profiles = await stores.profiles.listByAccount(account.id);
    const deviceCookie = knownDevice ? request.deviceCredential! : issueDeviceCookie(deps.keys.deviceCookies, deps.random, account.id);
    return { ...issued, account, profiles, deviceCookie };
  });
}
