// What the TV shows when the account's plan has no screen free: where the account is watching
// right now, and how to make room from a phone or computer (stop a device, or change plan).
import { useRef } from "react";
import { formatDateTime, Message, useT } from "../../../lib/i18n";
import type { WatchingNow } from "../api/tv-streams";
import { useBackKey } from "../hooks/use-back-key";
import { useRemoteControl } from "../hooks/use-remote-control";

const timeOfDay: Intl.DateTimeFormatOptions = { hour: "numeric", minute: "2-digit" };

export function TooManyStreams({ watching, onTryAgain, onBack }: { watching: WatchingNow[]; onTryAgain(): void; onBack(): void }) {
  const t = useT();
  const screen = useRef<HTMLDivElement>(null);
  const onKeyDown = useRemoteControl(screen, watching);
  useBackKey(onBack);

  return (
    <div className="tv-message" ref={screen} role="alert">
      <h1 className="tv-message__heading">{t("tv.tooManyStreams.heading")}</h1>
      {watching.length > 0 && (
        <>
          <p>{t("tv.tooManyStreams.allScreensInUse")}</p>
          <ul className="tv-message__list" aria-label={t("tv.tooManyStreams.watchingNow")}>
            {watching.map((live) => (
              <li key={`${live.device.name}-${live.since}`}>
                <Message
                  id={live.profileName === null ? "tv.tooManyStreams.someoneWatching" : "tv.tooManyStreams.profileWatching"}
                  values={{
                    profile: live.profileName ?? "",
                    title: live.title.name,
                    device: live.device.name,
                    time: formatDateTime(live.since, timeOfDay),
                  }}
                  components={{ 0: <strong />, 1: <strong />, 2: <span className="tv-message__since" /> }}
                />
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Message
          id="tv.tooManyStreams.makeRoom"
          values={{ address: `${window.location.host}/account` }}
          components={{ 0: <strong className="tv-message__url" />, 1: <strong />, 2: <strong /> }}
        />
      </p>
      <div className="tv-message__actions">
        <button type="button" className="tv-tile tv-message__action" data-row={0} data-col={0} onKeyDown={onKeyDown} onClick={onBack}>
          {t("tv.tooManyStreams.back")}
        </button>
        <button type="button" className="tv-tile tv-message__action" data-row={0} data-col={1} onKeyDown={onKeyDown} onClick={onTryAgain}>
          {t("tv.tooManyStreams.tryAgain")}
        </button>
      </div>
    </div>
  );
}
