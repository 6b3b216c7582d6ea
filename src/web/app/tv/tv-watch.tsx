// Watching a title on the TV: take a screen, then the full-screen player; or, when the plan has
// no screen free, where the account is watching; or, when the profile may not watch the title,
// that it isn't available; or, when the stream ends under the player (stopped from another
// device, lapsed, blocked by parental controls), why. Back from any of them returns to the
// catalogue.
import { useEffect, useState } from "react";
import type { CatalogueTitle } from "../../../contract/schemas/catalogue";
import type { StreamEndedEvent } from "../../../contract/schemas/sessions";
import { MovingPicture } from "../../features/player/components/moving-picture";
import { type StartedStream, type StreamEndReason, startTvStream, type WatchingNow } from "../../features/tv/api/tv-streams";
import { StreamEnded } from "../../features/tv/components/stream-ended";
import { TitleRestricted } from "../../features/tv/components/title-restricted";
import { TooManyStreams } from "../../features/tv/components/too-many-streams";
import { TvPlayer } from "../../features/tv/components/tv-player";
import { failureMessage, isSessionLost } from "../../lib/api-client";
import { t, useT } from "../../lib/i18n";
import type { Caller } from "../../lib/usher";

type Phase =
  | { name: "starting" }
  | { name: "playing"; started: StartedStream }
  | { name: "too-many"; watching: WatchingNow[] }
  | { name: "restricted" }
  | { name: "ended"; reason: StreamEndReason }
  | { name: "trouble"; message: string };

const focusOnArrival = (button: HTMLButtonElement | null) => button?.focus();

/** Usher's reason, else ours, in the shown language: the plain t(), which the effect that starts the stream need not depend on. */
const startFailure = (error: unknown) => failureMessage(error, t("tv.watch.startFailed"));

export function TvWatch({
  tv,
  title,
  streamEnded,
  onBack,
  onSignedOut,
}: {
  tv: Caller;
  title: CatalogueTitle;
  /** The latest stream-ended event of this TV's session. */
  streamEnded: StreamEndedEvent | null;
  onBack(): void;
  onSignedOut(): void;
}) {
  const t = useT();
  const [phase, setPhase] = useState<Phase>({ name: "starting" });
  // A new object on each attempt (the first, Try again, Play again) starts the stream afresh.
  const [attempt, setAttempt] = useState({});

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt stands for "start again"; it carries no value.
  useEffect(() => {
    let current = true;
    setPhase({ name: "starting" });
    startTvStream(tv, title.id).then(
      (start) => {
        if (!current) return;
        if (start.ok) setPhase({ name: "playing", started: start.started });
        else setPhase(start.code === "TOO_MANY_STREAMS" ? { name: "too-many", watching: start.watching } : { name: "restricted" });
      },
      (error: unknown) => {
        if (!current) return;
        if (isSessionLost(error)) onSignedOut();
        else setPhase({ name: "trouble", message: startFailure(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [tv, title.id, attempt, onSignedOut]);

  // Ended by someone else: said at once, without waiting for the next heartbeat. A sign-out is
  // left to the session's own event, which takes the TV back to its code screen.
  const playingId = phase.name === "playing" ? phase.started.stream.id : null;
  useEffect(() => {
    if (streamEnded && streamEnded.streamId === playingId && streamEnded.reason !== "signed_out") {
      setPhase({ name: "ended", reason: streamEnded.reason });
    }
  }, [streamEnded, playingId]);

  const again = () => setAttempt({});
  switch (phase.name) {
    case "starting":
      return (
        <p className="tv-screen__loading" role="status">
          {t("tv.watch.starting", { title: title.name })}
        </p>
      );
    case "playing":
      return (
        <TvPlayer
          tv={tv}
          title={title}
          stream={{ id: phase.started.stream.id, heartbeatMs: phase.started.heartbeatMs }}
          picture={(paused) => <MovingPicture titleId={title.id} paused={paused} label={title.name} />}
          onBack={onBack}
          onEnded={(reason) => setPhase({ name: "ended", reason })}
          onSignedOut={onSignedOut}
        />
      );
    case "too-many":
      return <TooManyStreams watching={phase.watching} onTryAgain={again} onBack={onBack} />;
    case "restricted":
      return <TitleRestricted titleName={title.name} onBack={onBack} />;
    case "ended":
      return <StreamEnded titleName={title.name} reason={phase.reason} onPlayAgain={again} onBack={onBack} />;
    case "trouble":
      return (
        <div className="tv-trouble" role="alert">
          <h1>{t("tv.watch.troubleHeading")}</h1>
          <p>{phase.message}</p>
          <button ref={focusOnArrival} type="button" className="button button--primary" onClick={onBack}>
            {t("tv.watch.back")}
          </button>
        </div>
      );
  }
}
