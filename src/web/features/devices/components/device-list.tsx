// Manage access and devices' list: each signed-in device with its last profile, when and where
// it was active, what it is watching, and its own Sign out (this one's says what it signs out of).
import type { PublicProfile } from "../../../../contract/schemas/profiles";
import { Avatar } from "../../../components/ui/avatar";
import { DeviceIcon } from "../../../components/ui/device-icon";
import { Message, type MessageId, useT } from "../../../lib/i18n";
import { signOutHereLabel } from "../../../lib/sign-out-here";
import { useMinuteClock } from "../../../lib/use-minute-clock";
import type { Device } from "../api/list-sessions";
import { activeAgo, exactTime } from "../format-relative-time";
import { WatchingNow } from "./watching-now";

const kindNames: Record<Device["deviceKind"], MessageId> = {
  web: "devices.deviceList.kind.web",
  mobile: "devices.deviceList.kind.mobile",
  tv: "devices.deviceList.kind.tv",
};

export type DeviceProfile = Pick<PublicProfile, "id" | "name" | "avatar">;

interface DeviceListProps {
  devices: Device[];
  /** The account's profiles, to name the one each device last used. */
  profiles: DeviceProfile[];
  onSignOut(device: Device): void;
  /** Stop watching on a device that is watching (it stays signed in). */
  onStopWatching(device: Device): void;
}

export function DeviceList({ devices, profiles, onSignOut, onStopWatching }: DeviceListProps) {
  const t = useT();
  const now = useMinuteClock();
  if (devices.length === 0) {
    return <p className="empty">{t("devices.deviceList.empty")}</p>;
  }
  return (
    <ul className="devices" aria-label={t("devices.deviceList.label")}>
      {devices.map((device) => {
        const profile = profiles.find((candidate) => candidate.id === device.profileId);
        return (
          <li key={device.id} className={`device${device.current ? " device--current" : ""}`}>
            <DeviceIcon kind={device.deviceKind} />
            <div className="device__text">
              <p className="device__name">
                <span>{device.deviceName}</span>
                {device.current && <span className="badge badge--ok">{t("devices.deviceList.thisDevice")}</span>}
              </p>
              <p className="device__profile">
                <span className="visually-hidden">{t("devices.deviceList.lastProfile")}</span>
                {profile ? (
                  <>
                    <Avatar avatar={profile.avatar} size="small" />
                    <span>{profile.name}</span>
                  </>
                ) : (
                  <span className="device__no-profile">{t("devices.deviceList.noProfile")}</span>
                )}
              </p>
              <p className="device__meta">
                <span>{t(kindNames[device.deviceKind])}</span>
                <span>
                  <time dateTime={device.lastActiveAt} title={exactTime(device.lastActiveAt)}>
                    {device.current ? t("devices.deviceList.activeNow") : activeAgo(device.lastActiveAt, now)}
                  </time>
                </span>
                {device.ip && <span>{t("devices.deviceList.ipAddress", { ip: device.ip })}</span>}
                <span>
                  <Message
                    id="devices.deviceList.signedIn"
                    values={{ time: exactTime(device.createdAt) }}
                    components={{ 0: <time dateTime={device.createdAt} /> }}
                  />
                </span>
              </p>
              {device.watching && (
                <WatchingNow
                  device={device}
                  watching={device.watching}
                  profiles={profiles}
                  now={now}
                  onStop={() => onStopWatching(device)}
                />
              )}
            </div>
            {device.current ? (
              <button type="button" className="button button--secondary device__sign-out" onClick={() => onSignOut(device)}>
                {signOutHereLabel(device.deviceKind)}
              </button>
            ) : (
              <button
                type="button"
                className="button button--secondary device__sign-out"
                aria-label={t("devices.deviceList.signOutDevice", { device: device.deviceName })}
                onClick={() => onSignOut(device)}
              >
                {t("devices.deviceList.signOut")}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
