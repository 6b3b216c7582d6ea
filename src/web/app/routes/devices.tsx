// Manage access and devices: where the account is signed in, and Sign out of all devices.
import { useState } from "react";
import { Link } from "react-router";
import { Alert } from "../../components/ui/alert";
import { Loading } from "../../components/ui/loading";
import { useDevices } from "../../features/devices/api/list-sessions";
import { DeviceList } from "../../features/devices/components/device-list";
import { SignOutDialog } from "../../features/session/components/sign-out-dialog";

export default function DevicesPage() {
  const devices = useDevices();
  const [signingOutAll, setSigningOutAll] = useState(false);

  return (
    <div className="subpage subpage--wide">
      <Link className="back-link" to="/account">
        Account
      </Link>
      <h1>Manage access and devices</h1>
      <p className="subpage__lead">These browsers, phones and TVs are signed in to your account.</p>
      {devices.status === "loading" && <Loading label="Loading your devices…" />}
      {devices.status === "failed" && <Alert tone="error">{devices.message}</Alert>}
      {devices.status === "ready" && <DeviceList devices={devices.devices} />}
      <div className="devices__footer">
        <Alert tone="info">
          Signing out one device at a time is coming soon. Until then, you can sign out of all devices at once; you'll
          need your password to sign in again here too.
        </Alert>
        <button type="button" className="button button--secondary" onClick={() => setSigningOutAll(true)}>
          Sign out of all devices
        </button>
      </div>
      <SignOutDialog scope="all-devices" open={signingOutAll} onClose={() => setSigningOutAll(false)} />
    </div>
  );
}
