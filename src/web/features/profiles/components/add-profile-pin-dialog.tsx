// Adding a profile while "Require PIN to add new profiles" is on: the main profile's PIN is
// asked for in a dialog, and the profile is added with it. A wrong PIN or the throttled state
// stays in the dialog; any other refusal (a name already used) goes back to the form.
import { useRef, useState } from "react";
import { ApiError } from "../../../lib/api-client";
import { useT } from "../../../lib/i18n";
import { createProfile } from "../api/profiles";
import { PinDialog } from "./pin-dialog";
import type { ProfileDraft } from "./profile-form";

const PIN_REFUSALS: ReadonlySet<string> = new Set(["INVALID_PIN", "PIN_REQUIRED", "RATE_LIMITED", "NETWORK_ERROR"]);

export interface AddProfilePin {
  draft: ProfileDraft | undefined;
  /** Asks for the PIN and adds the profile: true once added, false when cancelled; throws other refusals. */
  ask(draft: ProfileDraft): Promise<boolean>;
  submit(pin: string): Promise<void>;
  cancel(): void;
}

export function useAddProfilePin(): AddProfilePin {
  const [draft, setDraft] = useState<ProfileDraft>();
  const settle = useRef<{ resolve(added: boolean): void; reject(failure: unknown): void }>(undefined);

  function finish(outcome: { added: boolean } | { failure: unknown }) {
    setDraft(undefined);
    const waiting = settle.current;
    settle.current = undefined;
    if ("failure" in outcome) waiting?.reject(outcome.failure);
    else waiting?.resolve(outcome.added);
  }

  return {
    draft,
    ask: (next) =>
      new Promise<boolean>((resolve, reject) => {
        settle.current = { resolve, reject };
        setDraft(next);
      }),
    async submit(pin) {
      if (!draft) return;
      try {
        await createProfile({ ...draft, pin });
      } catch (failure) {
        if (failure instanceof ApiError && PIN_REFUSALS.has(failure.code)) throw failure;
        return finish({ failure });
      }
      finish({ added: true });
    },
    cancel: () => finish({ added: false }),
  };
}

export function AddProfilePinDialog({ state, mainName }: { state: AddProfilePin; mainName: string | undefined }) {
  const t = useT();
  const name = state.draft?.name;
  // The main profile is missing only from an account without profiles; a closing dialog has no draft.
  const explanation =
    mainName === undefined
      ? name
        ? t("profiles.addProfilePin.bodyNoMain", { name })
        : t("profiles.addProfilePin.bodyNoMainNoName")
      : name
        ? t("profiles.addProfilePin.body", { owner: mainName, name })
        : t("profiles.addProfilePin.bodyNoName", { owner: mainName });
  return (
    <PinDialog
      open={state.draft !== undefined}
      title={t("profiles.addProfilePin.title")}
      pinLabel={mainName === undefined ? t("profiles.addProfilePin.pinForMain") : t("profiles.addProfilePin.pinFor", { owner: mainName })}
      submitLabel={t("profiles.addProfilePin.submit")}
      busyLabel={t("profiles.addProfilePin.busy")}
      onSubmit={state.submit}
      onCancel={state.cancel}
    >
      <p>{explanation}</p>
    </PinDialog>
  );
}
