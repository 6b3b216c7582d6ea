// The devices signed in to the account: one session per browser, phone or TV.
import { useEffect, useState } from "react";
import type { PublicSession } from "../../../../contract/schemas/sessions";
import { api, failureMessage, isSessionLost } from "../../../lib/api-client";

export type Device = PublicSession;

export const listSessions = async (): Promise<Device[]> => (await api<{ sessions: Device[] }>("GET", "/sessions")).sessions;

export type DevicesState = { status: "loading" } | { status: "failed"; message: string } | { status: "ready"; devices: Device[] };

/** This device first, then the most recently active. */
export function useDevices(): DevicesState {
  const [state, setState] = useState<DevicesState>({ status: "loading" });
  useEffect(() => {
    let current = true;
    listSessions().then(
      (devices) => {
        const ordered = [...devices].sort(
          (a, b) => Number(b.current) - Number(a.current) || Date.parse(b.lastActiveAt) - Date.parse(a.lastActiveAt),
        );
        if (current) setState({ status: "ready", devices: ordered });
      },
      (error: unknown) => {
        if (current && !isSessionLost(error)) {
          setState({ status: "failed", message: failureMessage(error, "Your devices couldn't be loaded.") });
        }
      },
    );
    return () => {
      current = false;
    };
  }, []);
  return state;
}
