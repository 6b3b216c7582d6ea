// "Too many people are using your account right now": every screen of the plan is taken. Says
// where the account is watching, and offers the ways out: try again once a screen is free,
// change plan, or manage devices. A Kids profile can open neither, so it is told whom to ask.
import { useEffect, useId, useRef } from "react";
import { Link } from "react-router";
import { DeviceIcon } from "../../../components/ui/device-icon";
import { useMinuteClock } from "../../../lib/use-minute-clock";
import type { WatchingNow } from "../api/start-stream";
import { deviceKindName, startedAgo } from "../playback-words";

interface TooManyStreamsProps {
  titleName: string;
  watching: WatchingNow[];
  kidsProfile: boolean;
  onTryAgain(): void;
}

const exactTime = (iso: string) => new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));

export function TooManyStreams({ titleName, watching, kidsProfile, onTryAgain }: TooManyStreamsProps) {
  const now = useMinuteClock();
  const listId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The page changed under the viewer's focus (Play, or Try again): say where they are now.
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <div className="subpage too-many">
      <Link className="back-link" to="/browse">
        Back to browsing
      </Link>
      <h1 ref={headingRef} tabIndex={-1}>
        Too many people are using your account right now
      </h1>
      <p className="subpage__lead">
        Every screen your plan allows is in use, so <strong>{titleName}</strong> can't play here. Stop watching on one of these devices, or
        change to a plan with more screens.
      </p>
      <h2 id={listId}>Watching now</h2>
      {watching.length === 0 ? (
        <p className="empty">A screen may have just been freed. Try again.</p>
      ) : (
        <ul className="devices" aria-labelledby={listId}>
          {watching.map((live) => (
            <li key={`${live.device.name}-${live.since}`} className="device">
              <DeviceIcon kind={live.device.kind} />
              <div className="device__text">
                <p className="device__name">{live.device.name}</p>
                <p className="too-many__watching">
                  {live.profileName ?? "No profile"} is watching <strong>{live.title.name}</strong>
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
          Try again
        </button>
        {!kidsProfile && (
          <>
            <Link className="button button--secondary" to="/account/plan">
              Change plan
            </Link>
            <Link className="button button--secondary" to="/account/devices">
              Manage access and devices
            </Link>
          </>
        )}
      </div>
      {kidsProfile && (
        <p className="too-many__kids">Ask whoever looks after this account to stop watching on another device, or to change the plan.</p>
      )}
    </div>
  );
}
