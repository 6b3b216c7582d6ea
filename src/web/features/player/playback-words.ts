// What the player says: why playback stopped, how long ago a screen started watching, and the
// made-up running time of a title (the catalogue has no video, so no real one).
import type { EndReason } from "./stream-lease";

export interface EndedWords {
  heading: string;
  detail: string;
  /**
   * Signed out, the player can only lead to Sign In (the signed-in layout takes the device
   * there); blocked by parental controls, playing again would only be refused.
   */
  canPlayAgain: boolean;
}

const ended: Record<EndReason, EndedWords> = {
  stopped_from_another_device: {
    heading: "Playback stopped from another device",
    detail: "Someone signed in to your account stopped this screen from another device.",
    canPlayAgain: true,
  },
  signed_out: {
    heading: "This device was signed out",
    detail: "Playback stopped because this device is no longer signed in. Sign in again to keep watching.",
    canPlayAgain: false,
  },
  expired: {
    heading: "Playback stopped: this screen was idle too long",
    detail: "This player didn't check in for a while, so its screen was freed for another device.",
    canPlayAgain: true,
  },
  stopped: {
    heading: "Playback stopped",
    detail: "This device started playing in another tab or window, which took over its screen.",
    canPlayAgain: true,
  },
  restricted: {
    heading: "Playback stopped: this title was blocked on this profile by its parental controls.",
    detail: "The profile's maturity rating or blocked titles were changed while it played. Choose something else to watch.",
    canPlayAgain: false,
  },
};

export const endedWords = (reason: EndReason): EndedWords => ended[reason];

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "Started just now", "Started 5 minutes ago", "Started yesterday". */
export function startedAgo(iso: string, now = Date.now()): string {
  const seconds = Math.max(0, (now - Date.parse(iso)) / 1000);
  const words = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (seconds >= size) return `Started ${words.format(-Math.floor(seconds / size), unit)}`;
  }
  return "Started just now";
}

/** A film runs 85 to 144 minutes, an episode 22 to 57; the same title always runs as long. */
export function runtimeSeconds(title: { id: string; kind: "Film" | "Series" }): number {
  let h = 0;
  for (let i = 0; i < title.id.length; i++) h = (Math.imul(h, 31) + title.id.charCodeAt(i)) >>> 0;
  const minutes = title.kind === "Film" ? 85 + (h % 60) : 22 + (h % 36);
  return minutes * 60;
}

/** "4:05", "1:02:09": a position in the title. */
export function playbackClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = String(s % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

const kindNames: Record<string, string> = { web: "Browser", mobile: "Phone", tv: "TV" };

/** "Browser", "Phone", "TV". */
export const deviceKindName = (kind: string): string => kindNames[kind] ?? "Device";
