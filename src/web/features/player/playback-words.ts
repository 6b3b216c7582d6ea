// What the player says: why playback stopped, how long ago a screen started watching, and the
// made-up running time of a title (the catalogue has no video, so no real one).
import { formatRelativeTime, type MessageId, t } from "../../lib/i18n";
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

const ended: Record<EndReason, { heading: MessageId; detail: MessageId; canPlayAgain: boolean }> = {
  stopped_from_another_device: {
    heading: "watching.ended.stoppedFromAnotherDevice.heading",
    detail: "watching.ended.stoppedFromAnotherDevice.detail",
    canPlayAgain: true,
  },
  signed_out: { heading: "watching.ended.signedOut.heading", detail: "watching.ended.signedOut.detail", canPlayAgain: false },
  expired: { heading: "watching.ended.expired.heading", detail: "watching.ended.expired.detail", canPlayAgain: true },
  stopped: { heading: "watching.ended.stopped.heading", detail: "watching.ended.stopped.detail", canPlayAgain: true },
  restricted: { heading: "watching.ended.restricted.heading", detail: "watching.ended.restricted.detail", canPlayAgain: false },
};

export function endedWords(reason: EndReason): EndedWords {
  const { heading, detail, canPlayAgain } = ended[reason];
  return { heading: t(heading), detail: t(detail), canPlayAgain };
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "Started just now", "Started 5 minutes ago", "Started yesterday". */
export function startedAgo(iso: string, now = Date.now()): string {
  const seconds = Math.max(0, (now - Date.parse(iso)) / 1000);
  for (const [unit, size] of UNITS) {
    if (seconds >= size) return t("watching.startedAgo.ago", { ago: formatRelativeTime(-Math.floor(seconds / size), unit) });
  }
  return t("watching.startedAgo.justNow");
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

const kindNames: Record<string, MessageId> = {
  web: "watching.deviceKind.web",
  mobile: "watching.deviceKind.mobile",
  tv: "watching.deviceKind.tv",
};

/** "Browser", "Phone", "TV". */
export const deviceKindName = (kind: string): string => t(kindNames[kind] ?? "watching.deviceKind.other");
