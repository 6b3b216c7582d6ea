// The account's passkeys: list, add (the browser makes one from the server's options),
// rename, remove.
import type { z } from "zod";
import type { PublicPasskey, passkeyAddedResponse } from "../../../../contract/schemas/two-step";
import { call } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";
import { createPasskey } from "../../../lib/webauthn";
import type { TwoStepChanged } from "./totp";

export type Passkey = PublicPasskey;
export type PasskeyAdded = z.infer<typeof passkeyAddedResponse>;

export const listPasskeys = async (): Promise<Passkey[]> => (await call(() => usher.GET("/api/v1/account/passkeys"))).passkeys;

export async function addPasskey(name: string, signOutOtherDevices: boolean): Promise<PasskeyAdded> {
  // The options are asked for first: that is where a stale session is asked to confirm it's you.
  const { options } = await call(() => usher.POST("/api/v1/account/passkeys/registration-options"));
  const passkey = await createPasskey(options);
  return call(() => usher.POST("/api/v1/account/passkeys", { body: { name, passkey, signOutOtherDevices } }));
}

export const renamePasskey = async (id: string, name: string): Promise<Passkey> =>
  (await call(() => usher.PATCH("/api/v1/account/passkeys/{id}", { params: { path: { id } }, body: { name } }))).passkey;

/** Ask for a passkey after the password from now on (`on`), or stop asking. */
export const setPasskeyStep = (on: boolean, signOutOtherDevices: boolean): Promise<TwoStepChanged> =>
  call(() => usher.PUT("/api/v1/account/two-step/passkey-step", { body: { on, signOutOtherDevices } }));

export const removePasskey = (id: string, signOutOtherDevices: boolean): Promise<TwoStepChanged> =>
  call(() => usher.POST("/api/v1/account/passkeys/{id}/remove", { params: { path: { id } }, body: { signOutOtherDevices } }));
