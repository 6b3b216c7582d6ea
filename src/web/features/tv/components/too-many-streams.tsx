// What the TV shows when the account's plan has no screen free: where the account is watching
// right now, and how to make room from a phone or computer (stop a device, or change plan).
import { useRef } from "react";
import type { WatchingNow } from "../api/tv-streams";
import { useBackKey } from "../hooks/use-back-key";
import { useRemoteControl } from "../hooks/use-remote-control";

const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });

export function TooManyStreams({ watching, onTryAgain, onBack }: { watching: WatchingNow[]; onTryAgain(): void; onBack(): void }) {
  const screen = useRef<HTMLDivElement>(null);
  const onKeyDown = useRemoteControl(screen, watching);
  useBackKey(onBack);

  return (
    <div className="tv-message" ref={screen} role="alert">
      <h1 className="tv-message__heading">Too many people are using your account right now</h1>
      {watching.length > 0 && (
        <>
          <p>Every screen of your plan is in use:</p>
          <ul className="tv-message__list" aria-label="Watching now">
            {watching.map((live) => (
              <li key={`${live.device.name}-${live.since}`}>
                <strong>{live.profileName ?? "Someone"}</strong> is watching <strong>{live.title.name}</strong> on {live.device.name}
                <span className="tv-message__since"> since {timeOfDay.format(new Date(live.since))}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        To watch here, stop watching on one of those devices, or change your plan for more screens. On your phone or computer, go to{" "}
        <strong className="tv-message__url">{window.location.host}/account</strong> and choose <strong>Manage access and devices</strong> or{" "}
        <strong>Change plan</strong>.
      </p>
      <div className="tv-message__actions">
        <button type="button" className="tv-tile tv-message__action" data-row={0} data-col={0} onKeyDown={onKeyDown} onClick={onBack}>
          Back
        </button>
        <button type="button" className="tv-tile tv-message__action" data-row={0} data-col={1} onKeyDown={onKeyDown} onClick={onTryAgain}>
          Try again
        </button>
      </div>
    </div>
  );
}
