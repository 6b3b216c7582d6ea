// Answers the API client's "confirm it's you" for every signed-in page: while it is mounted,
// a request refused with REAUTH_REQUIRED waits for this dialog, then is sent again.
import { useCallback, useEffect, useRef, useState } from "react";
import { setReauthHandler } from "../../../lib/api-client";
import { passkeysUsable } from "../../../lib/passkey-support";
import { ReauthDialog } from "./reauth-dialog";

/** `hasPasskeys` tells whether to offer "Use a passkey": only when the account has one (and this browser can use it). */
export function ReauthPrompt({ hasPasskeys }: { hasPasskeys(): Promise<boolean> }) {
  const [open, setOpen] = useState(false);
  const [offerPasskey, setOfferPasskey] = useState(false);
  // Several requests refused at once share one prompt.
  const asking = useRef<{ promise: Promise<boolean>; resolve(confirmed: boolean): void }>(undefined);

  useEffect(
    () =>
      setReauthHandler(() => {
        if (asking.current) return asking.current.promise;
        let resolve!: (confirmed: boolean) => void;
        const promise = new Promise<boolean>((done) => (resolve = done));
        asking.current = { promise, resolve };
        void (passkeysUsable() ? hasPasskeys() : Promise.resolve(false)).then((offered) => {
          setOfferPasskey(offered);
          setOpen(true);
        });
        return promise;
      }),
    [hasPasskeys],
  );

  // A page left with the prompt open: the waiting request ends as refused.
  useEffect(() => () => asking.current?.resolve(false), []);

  const finish = useCallback((confirmed: boolean) => {
    setOpen(false);
    asking.current?.resolve(confirmed);
    asking.current = undefined;
  }, []);

  return <ReauthDialog open={open} offerPasskey={offerPasskey} onConfirmed={() => finish(true)} onCancel={() => finish(false)} />;
}
