// The player: the title's moving picture, its position, Pause and Resume, and a way back. When
// the stream ends from elsewhere the picture stops and a notice says why, in plain words, with
// Play again (unless this device was signed out or the title blocked) and Back to browsing.

import { useEffect, useId, useRef, useState } from "react";
import { Link } from "react-router";
import type { CatalogueTitle } from "../../../../contract/schemas/catalogue";
import { Alert } from "../../../components/ui/alert";
import { Loading } from "../../../components/ui/loading";
import { type MessageId, useT } from "../../../lib/i18n";
import { titleKindName } from "../../catalogue/title-words";
import { usePlaybackPosition } from "../hooks/use-playback-position";
import { endedWords, playbackClock, runtimeSeconds } from "../playback-words";
import type { LeaseState } from "../stream-lease";
import { MovingPicture } from "./moving-picture";

export type PlayerTitle = Pick<CatalogueTitle, "id" | "name" | "kind" | "year">;

interface PlayerScreenProps {
  title: PlayerTitle;
  state: Exclude<LeaseState, { status: "too-many" | "restricted" }>;
  onPlayAgain(): void;
}

export function PlayerScreen({ title, state, onPlayAgain }: PlayerScreenProps) {
  const t = useT();
  const [paused, setPaused] = useState(false);
  const headingId = useId();
  const playing = state.status === "playing";
  const runtime = runtimeSeconds(title);
  const position = usePlaybackPosition(playing && !paused, runtime);
  const endedReason = state.status === "ended" ? state.reason : undefined;
  const ended = endedReason ? endedWords(endedReason) : undefined;
  const endedRef = useRef<HTMLHeadingElement>(null);
  // The controls the viewer was using are gone: focus goes to why.
  useEffect(() => {
    if (endedReason) endedRef.current?.focus();
  }, [endedReason]);

  const pictureState: MessageId = !playing
    ? "watching.player.pictureLabel.stopped"
    : paused
      ? "watching.player.pictureLabel.paused"
      : "watching.player.pictureLabel.playing";
  const pictureLabel = t(pictureState, { name: title.name });
  const meta = { kind: titleKindName(title.kind), year: String(title.year) };

  return (
    <section className="player" aria-labelledby={headingId}>
      <Link className="back-link" to="/browse">
        {t("watching.player.backToBrowsing")}
      </Link>
      <h1 id={headingId} className="player__title">
        {title.name}
      </h1>
      <div className={`player__frame${playing ? "" : " player__frame--stopped"}`}>
        <MovingPicture titleId={title.id} paused={!playing || paused} label={pictureLabel} className="player__picture" />
        {state.status === "starting" && (
          <div className="player__overlay">
            <Loading label={t("watching.player.starting")} />
          </div>
        )}
        {ended && (
          <div className="player__overlay player__ended" role="alert">
            <h2 ref={endedRef} tabIndex={-1}>
              {ended.heading}
            </h2>
            <p>{ended.detail}</p>
            <div className="player__ended-actions">
              {ended.canPlayAgain && (
                <button type="button" className="button button--primary" onClick={onPlayAgain}>
                  {t("watching.player.playAgain")}
                </button>
              )}
              <Link className="button button--secondary" to="/browse">
                {t("watching.player.backToBrowsing")}
              </Link>
            </div>
          </div>
        )}
      </div>
      {state.status === "failed" && (
        <div className="player__failed">
          <Alert tone="error">{state.message}</Alert>
          <button type="button" className="button button--secondary" onClick={onPlayAgain}>
            {t("watching.player.tryAgain")}
          </button>
        </div>
      )}
      <div className="player__controls">
        {(playing || state.status === "starting") && (
          <button
            type="button"
            className="button button--secondary player__toggle"
            disabled={!playing}
            onClick={() => setPaused((was) => !was)}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              {paused ? <path d="M7 4.5v15l12-7.5z" /> : <path d="M6.5 4.5h4v15h-4zM13.5 4.5h4v15h-4z" />}
            </svg>
            {t(paused ? "watching.player.resume" : "watching.player.pause")}
          </button>
        )}
        <progress
          className="player__progress"
          max={runtime}
          value={position}
          aria-label={t("watching.player.position", { name: title.name })}
        />
        <span className="player__time">
          {t("watching.player.time", { position: playbackClock(position), runtime: playbackClock(runtime) })}
        </span>
      </div>
      <p className="player__meta">{t(playing && paused ? "watching.player.metaPaused" : "watching.player.meta", meta)}</p>
    </section>
  );
}
