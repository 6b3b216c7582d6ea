// "Too many people are using your account right now": every screen of the plan is taken. Says
// where the account is watching, and offers the ways out: try again once a screen is free,
// change plan, or manage devices. A Kids profile can open neither, so it is told whom to ask.
import { useEffect, useId, useRef } from "react";
import { Link } from "react-router";
import { DeviceIcon } from "../../../components/ui/device-icon";
import { formatDateTime, Message, useT } from "../../../lib/i18n";
import { useMinuteClock } from "../../../lib/use-minute-clock";
import type { WatchingNow } from "../api/start-stream";
import { deviceKindName, startedAgo } from "../playback-words";

interface TooManyStreamsProps {
  titleName: string;
  watching: WatchingNow[];
  kidsProfile: boolean;
  onTryAgain(): void;
}

const exactTime = (iso: string) => formatDateTime(iso, { dateStyle: "medium", timeStyle: "short" });

export function TooManyStreams({ titleName, watching, kidsProfile, onTryAgain }: TooManyStreamsProps) {
  const t = useT();
  const now = useMinuteClock();
  const listId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The page changed under the viewer's focus (Play, or Try again): say where they are now.
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <div className="subpage too-many">
      <Link className="back-link" to="/browse">
        {t("watching.player.backToBrowsing")}
      </Link>
      <h1 ref={headingRef} tabIndex={-1}>
        {t("watching.tooMany.heading")}
      </h1>
      <p className="subpage__lead">
        <Message id="watching.tooMany.lead" values={{ title: titleName }} components={{ 0: <strong /> }} />
      </p>
      <h2 id={listId}>{t("watching.tooMany.watchingNow")}</h2>
      {watching.length === 0 ? (
        <p className="empty">{t("watching.tooMany.empty")}</p>
      ) : (
        <ul className="devices" aria-labelledby={listId}>
          {watching.map((live) => (
            <li key={`${live.device.name}-${live.since}`} className="device">
              <DeviceIcon kind={live.device.kind} />
              <div className="device__text">
                <p className="device__name">{live.device.name}</p>
                <p className="too-many__watching">
                  {live.profileName === null ? (
                    <Message id="watching.tooMany.noProfileWatching" values={{ title: live.title.name }} components={{ 0: <strong /> }} />
                  ) : (
                    <Message
                      id="watching.tooMany.profileWatching"
                      values={{ profile: live.profileName, title: live.title.name }}
                      components={{ 0: <strong /> }}
                    />
                  )}
                </p>
                <p className="device__meta">
                  <span>{deviceKindName(live.device.kind)}</span>
                  <span>
                    <time dateTime={live.since} title={exactTime(live.since)}>
                      {startedAgo(live.since, now)}
                    </time>
                  </span>
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      <div className="too-many__actions">
        <button type="button" className="button button--primary" onClick={onTryAgain}>
          {t("watching.player.tryAgain")}
        </button>
        {!kidsProfile && (
          <>
            <Link className="button button--secondary" to="/account/plan">
              {t("watching.tooMany.changePlan")}
            </Link>
            <Link className="button button--secondary" to="/account/devices">
              {t("watching.tooMany.manageDevices")}
            </Link>
          </>
        )}
      </div>
      {kidsProfile && <p className="too-many__kids">{t("watching.tooMany.kids")}</p>}
    </div>
  );
}
