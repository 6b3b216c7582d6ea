// What the TV shows when its stream ended while it was playing, and why; Play again unless it
// would only be refused.
import { useRef } from "react";
import { type MessageId, useT } from "../../../lib/i18n";
import type { StreamEndReason } from "../api/tv-streams";
import { useBackKey } from "../hooks/use-back-key";
import { useRemoteControl } from "../hooks/use-remote-control";

const why: Record<StreamEndReason, MessageId> = {
  stopped_from_another_device: "tv.streamEnded.reason.stoppedFromAnotherDevice",
  expired: "tv.streamEnded.reason.expired",
  signed_out: "tv.streamEnded.reason.signedOut",
  stopped: "tv.streamEnded.reason.stopped",
  restricted: "tv.streamEnded.reason.restricted",
};

/** Playing a title blocked on the profile again would only be refused. */
const playableAgain = (reason: StreamEndReason) => reason !== "restricted";

export function StreamEnded({
  titleName,
  reason,
  onPlayAgain,
  onBack,
}: {
  titleName: string;
  reason: StreamEndReason;
  onPlayAgain(): void;
  onBack(): void;
}) {
  const t = useT();
  const screen = useRef<HTMLDivElement>(null);
  const onKeyDown = useRemoteControl(screen, reason);
  useBackKey(onBack);

  return (
    <div className="tv-message" ref={screen} role="alert">
      <h1 className="tv-message__heading">{t("tv.streamEnded.heading", { title: titleName })}</h1>
      <p>{t(why[reason])}</p>
      <div className="tv-message__actions">
        <button type="button" className="tv-tile tv-message__action" data-row={0} data-col={0} onKeyDown={onKeyDown} onClick={onBack}>
          {t("tv.streamEnded.back")}
        </button>
        {playableAgain(reason) && (
          <button
            type="button"
            className="tv-tile tv-message__action"
            data-row={0}
            data-col={1}
            onKeyDown={onKeyDown}
            onClick={onPlayAgain}
          >
            {t("tv.streamEnded.playAgain")}
          </button>
        )}
      </div>
    </div>
  );
}
