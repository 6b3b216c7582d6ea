// Where an account stands on two-step verification: it is on when an authenticator app is
// enabled or at least one passkey is registered; backup codes are the fallback for either.
import type { TwoStepMethod } from "../../contract/schemas/two-step";
import type { Stores } from "../ports";

export interface TwoStepState {
  enabled: boolean;
  totp: boolean;
  passkeys: number;
  backupCodesLeft: number;
}

export async function twoStepState(stores: Stores, accountId: string): Promise<TwoStepState> {
  const [totp, passkeys, backupCodesLeft] = await Promise.all([
    stores.totp.find(accountId),
    stores.passkeys.listByAccount(accountId),
    stores.backupCodes.countUnused(accountId),
  ]);
  const totpOn = totp?.enabledAt != null;
  return { enabled: totpOn || passkeys.length > 0, totp: totpOn, passkeys: passkeys.length, backupCodesLeft };
}

/** The ways the second step can be completed, in the order a client should offer them. */
export function twoStepMethods(state: TwoStepState): TwoStepMethod[] {
  const methods: TwoStepMethod[] = [];
  if (state.passkeys > 0) methods.push("passkey");
  if (state.totp) methods.push("totp");
  if (state.backupCodesLeft > 0) methods.push("backup_code");
  return methods;
}
