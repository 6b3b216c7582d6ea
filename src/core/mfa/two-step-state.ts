// Where an account stands on two-step verification: it is on when an authenticator app is
// enabled, or when the owner chose to be asked for a passkey after the password (and has one).
// A passkey alone is another way to sign in, not a second step. Backup codes are the fallback
// for either.
import type { TwoStepMethod } from "../../contract/schemas/two-step";
import type { Stores } from "../ports";

export interface TwoStepState {
  enabled: boolean;
  totp: boolean;
  passkeys: number;
  /** Whether a passkey is asked for after the password (counts only while there is one). */
  passkeyStep: boolean;
  backupCodesLeft: number;
}

export async function twoStepState(stores: Stores, accountId: string): Promise<TwoStepState> {
  const [totp, passkeys, passkeyStepChosen, backupCodesLeft] = await Promise.all([
    stores.totp.find(accountId),
    stores.passkeys.listByAccount(accountId),
    stores.passkeys.isSecondStep(accountId),
    stores.backupCodes.countUnused(accountId),
  ]);
  const totpOn = totp?.enabledAt != null;
  const passkeyStep = passkeyStepChosen && passkeys.length > 0;
  return { enabled: totpOn || passkeyStep, totp: totpOn, passkeys: passkeys.length, passkeyStep, backupCodesLeft };
}

/** The ways the second step can be completed, in the order a client should offer them. */
export function twoStepMethods(state: TwoStepState): TwoStepMethod[] {
  const methods: TwoStepMethod[] = [];
  if (state.passkeys > 0) methods.push("passkey");
  if (state.totp) methods.push("totp");
  if (state.backupCodesLeft > 0) methods.push("backup_code");
  return methods;
}
