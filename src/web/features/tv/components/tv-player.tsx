// The TV's full-screen player: the picture, the title, a progress bar and two controls. OK
// (Enter) on Pause/Play or the remote's play-pause key pauses and resumes; Back stops the
// stream (its screen goes back to the account) and returns to the catalogue. Heartbeats keep
// the screen while the player is open.
import { type ReactNode, useEffect, useRef, useState } from "react";
import type { CatalogueTitle } from "../../../../contract/schemas/catalogue";
import { useT } from "../../../lib/i18n";
import type { Caller } from "../../../lib/usher";
import { type StreamEndReason, stopTvStream } from "../api/tv-streams";
import { useBackKey } from "../hooks/use-back-key";
import { useRemoteControl } from "../hooks/use-remote-control";
import { useStreamHeartbeat } from "../hooks/use-stream-heartbeat";

/** The catalogue has no lengths: an episode or a film of a typical one. */
const runningSeconds: Record<CatalogueTitle["kind"], number> = { Series: 45 * 60, Film: 100 * 60 };

/** A remote's media keys, as browsers name them: what each makes of "paused". */
const mediaKeys: Partial<Record<string, (paused: boolean) => boolean>> = {
  MediaPlayPause: (paused) => !paused,
  MediaPlay: () => false,
  MediaPause: () => true,
};

/** How often the position and the bar move. */
const TICK_MS = 250;

function clock(seconds: number): string {
  const whole = Math.floor(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** Seconds into the title, moving only while playing; it stops at the end. */
function usePosition(paused: boolean, length: number): number {
  const [position, setPosition] = useState(0);
  useEffect(() => {
    if (paused) return;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      const step = (now - last) / 1000;
      last = now;
      setPosition((at) => Math.min(length, at + step));
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [paused, length]);
  return position;
}

export interface TvPlayerProps {
  tv: Caller;
  title: CatalogueTitle;
  stream: { id: string; heartbeatMs: number };
  /** The moving picture, drawn by the page's picture component, still while paused. */
  picture(paused: boolean): ReactNode;
  /** After Back: the stream is being stopped. */
  onBack(): void;
  onEnded(reason: StreamEndReason): void;
  onSignedOut(): void;
}

export function TvPlayer({ tv, title, stream, picture, onBack, onEnded, onSignedOut }: TvPlayerProps) {
  const t = useT();
  const [paused, setPaused] = useState(false);
  const length = runningSeconds[title.kind];
  const position = usePosition(paused, length);
  const finished = position >= length;
  const controls = useRef<HTMLDivElement>(null);
  const onArrowKey = useRemoteControl(controls, stream.id);

  useStreamHeartbeat(tv, stream, { onEnded, onSignedOut });

  function back() {
    void stopTvStream(tv, stream.id);
    onBack();
  }
  useBackKey(back);

  // The remote's own play and pause keys work wherever the focus is.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const change = mediaKeys[event.key];
      if (!change) return;
      event.preventDefault();
      setPaused(change);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  const stopped = paused || finished;
  return (
    <section className="tv-player" aria-label={t("tv.player.playing", { title: title.name })} data-paused={stopped ? "true" : "false"}>
      <div className="tv-player__picture">{picture(stopped)}</div>
      {stopped && (
        <p className="tv-player__paused" aria-hidden="true">
          {finished ? t("tv.player.theEnd") : t("tv.player.paused")}
        </p>
      )}
      <div className="tv-player__bar">
        <h1 className="tv-player__title">{title.name}</h1>
        <div className="tv-player__timeline">
          <progress className="tv-player__progress" aria-label={t("tv.player.progress")} max={length} value={position} />
          <span className="tv-player__time">
            {clock(position)} / {clock(length)}
          </span>
        </div>
        <div className="tv-player__controls" ref={controls}>
          <button
            type="button"
            className="tv-tile tv-player__control"
            data-row={0}
            data-col={0}
            onKeyDown={onArrowKey}
            onClick={() => setPaused((was) => !was)}
          >
            {paused ? t("tv.player.play") : t("tv.player.pause")}
          </button>
          <button type="button" className="tv-tile tv-player__control" data-row={0} data-col={1} onKeyDown={onArrowKey} onClick={back}>
            {t("tv.player.back")}
          </button>
        </div>
        <p className="tv-player__help">{t("tv.player.help")}</p>
        <p className="visually-hidden" role="status">
          {finished
            ? t("tv.player.finished", { title: title.name })
            : paused
              ? t("tv.player.paused")
              : t("tv.player.playing", { title: title.name })}
        </p>
      </div>
    </section>
  );
}
