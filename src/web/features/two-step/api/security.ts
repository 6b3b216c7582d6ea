// Account → Security & Privacy's state: two-step verification, passkeys, backup codes left.
import { useCallback, useEffect, useState } from "react";
import type { z } from "zod";
import type { securityResponse } from "../../../../contract/schemas/two-step";
import { call, failureMessage, isSessionLost } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";

export type Security = z.infer<typeof securityResponse>;

export const getSecurity = (): Promise<Security> => call(() => usher.GET("/api/v1/account/security"));

export type SecurityState = { status: "loading" } | { status: "failed"; message: string } | { status: "ready"; security: Security };

/** Loads the state when the page opens; `reload` fetches it again after a change. */
export function useSecurity(): SecurityState & { reload(): void } {
  const [state, setState] = useState<SecurityState>({ status: "loading" });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    getSecurity().then(
      (security) => current && setState({ status: "ready", security }),
      (error: unknown) => {
        // A lost session is already on its way to the sign-in page: keep showing "Loading".
        if (current && !isSessionLost(error)) {
          setState({ status: "failed", message: failureMessage(error, "Your security settings couldn't be loaded.") });
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
