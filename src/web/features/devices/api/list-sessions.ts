// The devices signed in to the account: one session per browser, phone or TV, this device
// first, then the most recently active.
import type { PublicSession } from "../../../../contract/schemas/sessions";
import { call } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";

export type Device = PublicSession;

const ordered = (devices: Device[]) =>
  [...devices].sort((a, b) => Number(b.current) - Number(a.current) || Date.parse(b.lastActiveAt) - Date.parse(a.lastActiveAt));

export const listSessions = async (): Promise<Device[]> => ordered((await call(() => usher.GET("/api/v1/sessions"))).sessions);
