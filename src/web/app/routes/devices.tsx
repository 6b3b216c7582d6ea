// Manage access and devices: where the account is signed in, Sign out of any one device,
// Sign out of all other devices, and Sign out of all devices.
import { useEffect, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { Alert } from "../../components/ui/alert";
import { LoadFailed } from "../../components/ui/load-failed";
import { Loading } from "../../components/ui/loading";
import { useDevices, type Device } from "../../features/devices/api/list-sessions";
import { DeviceList } from "../../features/devices/components/device-list";
import { SignOutDeviceDialog } from "../../features/devices/components/sign-out-device-dialog";
import { SignOutOtherDevicesDialog } from "../../features/devices/components/sign-out-other-devices-dialog";
import { SignOutDialog } from "../../features/session/components/sign-out-dialog";
import { useSignedIn } from "../signed-in-data";

const otherDevicesSignedOut = (count: number) =>
  count === 0
    ? "No other devices were signed in."
    : `Signed out of ${count} other device${count === 1 ? "" : "s"}. Only this device is still signed in.`;

export default function DevicesPage() {
  const { profiles } = useSignedIn();
  const navigate = useNavigate();
  const devices = useDevices();
  const [signingOut, setSigningOut] = useState<Device>();
  const [signingOutOthers, setSigningOutOthers] = useState(false);
  const [signingOutAll, setSigningOutAll] = useState(false);
  const [notice, setNotice] = useState<{ tone: "success" | "info"; text: string }>();
  // The Sign out button that opened a dialog is gone once its device is: focus goes to the notice.
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const list = devices.state;
  const hasOtherDevices = list.status === "ready" && list.devices.some((device) => !device.current);

  function signedOut(device: Device) {
    setSigningOut(undefined);
    if (device.current) {
      void navigate("/sign-in?reason=signed-out", { replace: true });
      return;
    }
    devices.drop((listed) => listed.id !== device.id);
    setNotice({ tone: "success", text: `${device.deviceName} was signed out.` });
    devices.reload();
  }

  function alreadyGone(device: Device) {
    setSigningOut(undefined);
    devices.drop((listed) => listed.id !== device.id);
    setNotice({ tone: "info", text: `${device.deviceName} was already signed out.` });
    devices.reload();
  }

  function othersSignedOut(count: number) {
    setSigningOutOthers(false);
    devices.drop((listed) => listed.current);
    setNotice({ tone: "success", text: otherDevicesSignedOut(count) });
    devices.reload();
  }

  return (
    <div className="subpage subpage--wide">
      <Link className="back-link" to="/account">
        Account
      </Link>
      <h1>Manage access and devices</h1>
      <p className="subpage__lead">These browsers, phones and TVs are signed in to your account.</p>
      <div ref={noticeRef} tabIndex={-1} className="devices__notice">
        {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      </div>
      {list.status === "loading" && <Loading label="Loading your devices…" />}
      {list.status === "failed" && <LoadFailed className="devices__failed" message={list.message} onRetry={devices.reload} />}
      {list.status === "ready" && (
        <DeviceList
          devices={list.devices}
          profiles={profiles}
          onSignOut={(device) => {
            setNotice(undefined);
            setSigningOut(device);
          }}
        />
      )}
      <div className="devices__footer">
        {hasOtherDevices && (
          <div className="devices__action">
            <p>Don't recognise a device, or left one signed in somewhere? Sign out everywhere but here.</p>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setNotice(undefined);
                setSigningOutOthers(true);
              }}
            >
              Sign out of all other devices
            </button>
          </div>
        )}
        <div className="devices__action">
          <p>Every device, this one included, will need your password to watch again.</p>
          <button type="button" className="button button--secondary" onClick={() => setSigningOutAll(true)}>
            Sign out of all devices
          </button>
        </div>
      </div>
      <SignOutDeviceDialog
        device={signingOut}
        onCancel={() => setSigningOut(undefined)}
        onSignedOut={signedOut}
        onAlreadyGone={alreadyGone}
      />
      <SignOutOtherDevicesDialog
        open={signingOutOthers}
        onCancel={() => setSigningOutOthers(false)}
        onSignedOut={othersSignedOut}
      />
      <SignOutDialog scope="all-devices" open={signingOutAll} onClose={() => setSigningOutAll(false)} />
    </div>
  );
}
