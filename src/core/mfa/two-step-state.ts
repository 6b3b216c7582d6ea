// Where an account stands on two-step verification: it is on when an authenticator app is
// enabled, or when the owner chose to be asked for a passkey after the password (and has one).
// A passkey alone is another way to sign in, not a second step. Backup codes are the fallback
// for either.
import type { TwoStepMethod } from "../../contract/schemas/two-step";
import type { Stores } from "../ports";
import { type TwoStepState, twoStepStateOf } from "./two-step-facts";

export async function twoStepState(stores: Stores, accountId: string): Promise<TwoStepState> {
  const [totp, passkeys, passkeyStepChosen, backupCodesLeft] = await Promise.all([
    stores.totp.find(accountId),
    stores.passkeys.listByAccount(accountId),
    stores.passkeys.isSecondStep(accountId),
    stores.backupCodes.countUnused(accountId),
  ]);
  return twoStepStateOf({ totpEnabled: totp?.enabledAt != null, passkeys: passkeys.length, passkeyStepChosen, backupCodesLeft });
}

/** The ways the second step can be completed, in the order a client should offer them. */
export function twoStepMethods(state: TwoStepState): TwoStepMethod[] {
  const methods: TwoStepMethod[] = [];
  if (state.passkeys > 0) methods.push("passkey");
  if (state.totp) methods.push("totp");
  if (state.backupCodesLeft > 0) methods.push("backup_code");
  return methods;
}
