// Where an account stands on two-step verification, from what the stores say of its second
// factors: a value of its own, so that the account store can read it with the account.

export interface TwoStepState {
  enabled: boolean;
  totp: boolean;
  passkeys: number;
  /** Whether a passkey is asked for after the password (counts only while there is one). */
  passkeyStep: boolean;
  backupCodesLeft: number;
}

/** What the stores say about an account's second factors, from which its two-step state follows. */
export interface TwoStepFacts {
  totpEnabled: boolean;
  passkeys: number;
  passkeyStepChosen: boolean;
  backupCodesLeft: number;
}

export function twoStepStateOf(facts: TwoStepFacts): TwoStepState {
  const passkeyStep = facts.passkeyStepChosen && facts.passkeys > 0;
  return {
    enabled: facts.totpEnabled || passkeyStep,
    totp: facts.totpEnabled,
    passkeys: facts.passkeys,
    passkeyStep,
    backupCodesLeft: facts.backupCodesLeft,
  };
}
