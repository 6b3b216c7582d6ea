// Watching now, inside a device's row: the title, the profile watching, since when, and Stop
// watching (which ends the stream and leaves the device signed in).
import type { PublicProfile } from "../../../../contract/schemas/profiles";
import { Avatar } from "../../../components/ui/avatar";
import { useT } from "../../../lib/i18n";
import type { Device } from "../api/list-sessions";
import { exactTime, startedAgo } from "../format-relative-time";

interface WatchingNowProps {
  device: Device;
  watching: NonNullable<Device["watching"]>;
  /** The account's profiles, for the avatar of the one watching (the stream names it). */
  profiles: Pick<PublicProfile, "name" | "avatar">[];
  now: number;
  onStop(): void;
}

export function WatchingNow({ device, watching, profiles, now, onStop }: WatchingNowProps) {
  const t = useT();
  const profile = watching.profileName === null ? undefined : profiles.find((candidate) => candidate.name === watching.profileName);
  return (
    <div className="watching">
      <div className="watching__text">
        <p className="watching__label">
          <span className="watching__live" aria-hidden="true" />
          {t("devices.watchingNow.label")}
        </p>
        <p className="watching__title">{watching.title.name}</p>
        <p className="watching__meta">
          {watching.profileName !== null && (
            <span className="watching__profile">
              <span className="visually-hidden">{t("devices.watchingNow.profile")}</span>
              {profile && <Avatar avatar={profile.avatar} size="small" />}
              <span>{watching.profileName}</span>
            </span>
          )}
          <time dateTime={watching.since} title={exactTime(watching.since)}>
            {startedAgo(watching.since, now)}
          </time>
        </p>
      </div>
      <button
        type="button"
        className="button button--secondary watching__stop"
        aria-label={device.current ? t("devices.watchingNow.stopHere") : t("devices.watchingNow.stopOn", { device: device.deviceName })}
        onClick={onStop}
      >
        {t("devices.watchingNow.stop")}
      </button>
    </div>
  );
}
