// Which steps of Secure your account are done. Kept in sessionStorage (for this tab, per
// account: whether a step was done, never anything secret), so going off to review the devices
// and coming back keeps the ticks.
import { useCallback, useState } from "react";
import type { MessageId } from "../../lib/i18n";

export type StepId = "signOut" | "password" | "devices" | "phone" | "twoStep";
/** What a done step says, kept as its message rather than its words: said in the language shown. */
export interface Said {
  id: MessageId;
  values?: Record<string, number>;
}
export type StepsDone = Partial<Record<StepId, Said>>;

const key = (accountId: string) => `usher.secure-account.${accountId}`;

function read(accountId: string): StepsDone {
  try {
    const saved = JSON.parse(sessionStorage.getItem(key(accountId)) ?? "{}") as unknown;
    if (!saved || typeof saved !== "object") return {};
    // A line that isn't a message (kept by an older version of the page) leaves its step not done.
    return Object.fromEntries(Object.entries(saved).filter(([, said]) => typeof (said as Partial<Said> | null)?.id === "string"));
  } catch {
    return {};
  }
}

/** Each done step keeps a line saying what was done ("3 other devices were signed out."). */
export function useStepsDone(accountId: string): [StepsDone, (step: StepId, said: Said) => void] {
  const [done, setDone] = useState<StepsDone>(() => read(accountId));
  const markDone = useCallback(
    (step: StepId, said: Said) => {
      setDone((before) => {
        const after = { ...before, [step]: said };
        sessionStorage.setItem(key(accountId), JSON.stringify(after));
        return after;
      });
    },
    [accountId],
  );
  return [done, markDone];
}
