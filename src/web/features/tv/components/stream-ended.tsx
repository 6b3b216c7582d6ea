// What the TV shows when its stream ended while it was playing, and why; Play again unless it
// would only be refused.
import { useRef } from "react";
import type { StreamEndReason } from "../api/tv-streams";
import { useBackKey } from "../hooks/use-back-key";
import { useRemoteControl } from "../hooks/use-remote-control";

const why: Record<StreamEndReason, string> = {
  stopped_from_another_device: "Someone stopped it from another device signed in to your account.",
  expired: "This TV lost touch with Usher for too long, so its screen was given back to your account.",
  signed_out: "This TV was signed out.",
  stopped: "It was stopped on this TV.",
  restricted: "This title was blocked on this profile by its parental controls.",
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
  const screen = useRef<HTMLDivElement>(null);
  const onKeyDown = useRemoteControl(screen, reason);
  useBackKey(onBack);

  return (
    <div className="tv-message" ref={screen} role="alert">
      <h1 className="tv-message__heading">{titleName} stopped playing</h1>
      <p>{why[reason]}</p>
      <div className="tv-message__actions">
        <button type="button" className="tv-tile tv-message__action" data-row={0} data-col={0} onKeyDown={onKeyDown} onClick={onBack}>
          Back
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
            Play again
          </button>
        )}
      </div>
    </div>
  );
}
