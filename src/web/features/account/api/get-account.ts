// The account page's data: email, plan, password age, phone, member since.
import { useCallback, useEffect, useState } from "react";
import type { AccountResponse } from "../../../../contract/schemas/account";
import { call, failureMessage, isSessionLost } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";

export type AccountDetails = AccountResponse["account"];

export const getAccount = async (): Promise<AccountDetails> => (await call(() => usher.GET("/api/v1/account"))).account;

export type AccountState =
  | { status: "loading" }
  | { status: "failed"; message: string }
  | { status: "ready"; account: AccountDetails };

/** Loads the account when the page opens; `reload` fetches it again after a change. */
export function useAccount(): AccountState & { reload(): void } {
  const [state, setState] = useState<AccountState>({ status: "loading" });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    getAccount().then(
      (account) => current && setState({ status: "ready", account }),
      (error: unknown) => {
        // A lost session is already on its way to the sign-in page: keep showing "Loading".
        if (current && !isSessionLost(error)) {
          setState({ status: "failed", message: failureMessage(error, "Your account details couldn't be loaded.") });
        }
      },
    );
    return () => {
      current = false;
    };
  }, [generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { ...state, reload };
}
