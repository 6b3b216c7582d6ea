// Which steps of Secure your account are done. Kept in sessionStorage (for this tab, per
// account: whether a step was done, never anything secret), so going off to review the devices
// and coming back keeps the ticks.
import { useCallback, useState } from "react";

export type StepId = "signOut" | "password" | "devices" | "phone" | "twoStep";
export type StepsDone = Partial<Record<StepId, string>>;

const key = (accountId: string) => `usher.secure-account.${accountId}`;

function read(accountId: string): StepsDone {
  try {
    const saved = JSON.parse(sessionStorage.getItem(key(accountId)) ?? "{}") as unknown;
    return saved && typeof saved === "object" ? (saved as StepsDone) : {};
  } catch {
    return {};
  }
}

/** Each done step keeps a line saying what was done ("3 other devices were signed out."). */
export function useStepsDone(accountId: string): [StepsDone, (step: StepId, said: string) => void] {
  const [done, setDone] = useState<StepsDone>(() => read(accountId));
  const markDone = useCallback(
    (step: StepId, said: string) => {
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
