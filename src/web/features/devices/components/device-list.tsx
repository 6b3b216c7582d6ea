// Manage access and devices, read-only for now: every signed-in device, this one marked.
import { DeviceIcon } from "./device-icon";
import type { Device } from "../api/list-sessions";
import { activeAgo, exactTime } from "../format-relative-time";

const kindNames: Record<Device["deviceKind"], string> = { web: "Browser", mobile: "Phone", tv: "TV" };

export function DeviceList({ devices }: { devices: Device[] }) {
  if (devices.length === 0) {
    return <p className="empty">No devices are signed in to your account.</p>;
  }
  return (
    <ul className="devices" aria-label="Signed-in devices">
      {devices.map((device) => (
        <li key={device.id} className={`device${device.current ? " device--current" : ""}`}>
          <DeviceIcon kind={device.deviceKind} />
          <div className="device__text">
            <p className="device__name">
              <span>{device.deviceName}</span>
              {device.current && <span className="badge badge--ok">This device</span>}
            </p>
            <p className="device__meta">
              <span>{kindNames[device.deviceKind]}</span>
              <span>
                <time dateTime={device.lastActiveAt} title={exactTime(device.lastActiveAt)}>
                  {device.current ? "Active now" : activeAgo(device.lastActiveAt)}
                </time>
              </span>
              {device.ip && <span>IP {device.ip}</span>}
              <span>
                Signed in <time dateTime={device.createdAt}>{exactTime(device.createdAt)}</time>
              </span>
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
