// The devices signed in to the account: one session per browser, phone or TV.
import { useCallback, useEffect, useRef, useState } from "react";
import type { PublicSession } from "../../../../contract/schemas/sessions";
import { call, failureMessage, isSessionLost } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";

export type Device = PublicSession;

export const listSessions = async (): Promise<Device[]> => (await call(() => usher.GET("/api/v1/sessions"))).sessions;

export type DevicesState = { status: "loading" } | { status: "failed"; message: string } | { status: "ready"; devices: Device[] };

export interface Devices {
  state: DevicesState;
  /** Fetches the list again; a list already on screen stays there until the new one arrives. */
  reload(): void;
  /** Takes devices off the list at once (after signing them out), before the reload confirms it. */
  drop(keep: (device: Device) => boolean): void;
}

/** This device first, then the most recently active. */
const ordered = (devices: Device[]) =>
  [...devices].sort((a, b) => Number(b.current) - Number(a.current) || Date.parse(b.lastActiveAt) - Date.parse(a.lastActiveAt));

export function useDevices(): Devices {
  const [state, setState] = useState<DevicesState>({ status: "loading" });
  // Only the newest request may write: a slow earlier answer must not bring back a signed-out device.
  const latest = useRef(0);

  const reload = useCallback(() => {
    const request = ++latest.current;
    setState((previous) => (previous.status === "ready" ? previous : { status: "loading" }));
    listSessions().then(
      (devices) => {
        if (request === latest.current) setState({ status: "ready", devices: ordered(devices) });
      },
      (error: unknown) => {
        if (request === latest.current && !isSessionLost(error)) {
          setState({ status: "failed", message: failureMessage(error, "Your devices couldn't be loaded.") });
        }
      },
    );
  }, []);

  useEffect(() => {
    reload();
    return () => {
      latest.current += 1;
    };
  }, [reload]);

  const drop = useCallback((keep: (device: Device) => boolean) => {
    latest.current += 1;
    setState((previous) => (previous.status === "ready" ? { status: "ready", devices: previous.devices.filter(keep) } : previous));
  }, []);

  return { state, reload, drop };
}
