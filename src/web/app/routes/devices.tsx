// Manage access and devices: where the account is signed in and what each device is watching,
// Stop watching or Sign out of any one device, Sign out of all other devices, Sign out of all
// devices, and the way to Recent streaming activity.
import { useEffect, useRef, useState } from "react";
import { Link, useLoaderData, useRevalidator } from "react-router";
import { Alert } from "../../components/ui/alert";
import { LoadFailed } from "../../components/ui/load-failed";
import { type Device, listSessions } from "../../features/devices/api/list-sessions";
import { DeviceList } from "../../features/devices/components/device-list";
import { StopWatchingDialog } from "../../features/devices/components/stop-watching-dialog";
import { SignOutDialog, type SignOutScope } from "../../features/session/components/sign-out-dialog";
import { t, useT } from "../../lib/i18n";
import { loaded } from "../../lib/loaded";
import { useSignedIn } from "../signed-in-data";
import "../../styles/devices-watching.css";

export const loader = async () => ({ devices: await loaded(listSessions(), "devices.devicesPage.loadFailed") });

/** What the page says once the dialog has signed out other devices: how many, or which one. */
function signedOutNotice(scope: SignOutScope | undefined, count: number): { tone: "success" | "info"; text: string } {
  if (typeof scope === "object") {
    return count > 0
      ? { tone: "success", text: t("devices.devicesPage.deviceSignedOut", { device: scope.device.deviceName }) }
      : { tone: "info", text: t("devices.devicesPage.deviceAlreadySignedOut", { device: scope.device.deviceName }) };
  }
  if (count === 0) return { tone: "success", text: t("devices.devicesPage.noOtherDevices") };
  return { tone: "success", text: t("devices.devicesPage.otherDevicesSignedOut", { count }) };
}

export default function DevicesPage() {
  const t = useT();
  const { profiles } = useSignedIn();
  const { devices } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  const [signingOut, setSigningOut] = useState<SignOutScope>();
  const [stopping, setStopping] = useState<Device>();
  const [notice, setNotice] = useState<{ tone: "success" | "info"; text: string }>();
  // The Sign out button that opened a dialog is gone once its device is: focus goes to the notice.
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const hasOtherDevices = devices.ok && devices.data.some((device) => !device.current);

  function signOut(scope: SignOutScope) {
    setNotice(undefined);
    setSigningOut(scope);
  }

  function stopWatching(device: Device) {
    setNotice(undefined);
    setStopping(device);
  }

  async function stoppedWatching(device: Device) {
    // The list without its Watching now, before the dialog closes on it.
    await revalidator.revalidate();
    setNotice({
      tone: "success",
      text: device.current ? t("devices.devicesPage.stoppedHere") : t("devices.devicesPage.stopped", { device: device.deviceName }),
    });
    setStopping(undefined);
  }

  async function signedOut(count: number) {
    // The list without them, before the dialog closes on it.
    await revalidator.revalidate();
    setNotice(signedOutNotice(signingOut, count));
    setSigningOut(undefined);
  }

  return (
    <div className="subpage">
      <Link className="back-link" to="/account">
        {t("devices.devicesPage.back")}
      </Link>
      <h1>{t("devices.devicesPage.title")}</h1>
      <p className="subpage__lead">{t("devices.devicesPage.lead")}</p>
      <div ref={noticeRef} tabIndex={-1} className="devices__notice">
        {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      </div>
      {devices.ok ? (
        <DeviceList devices={devices.data} profiles={profiles} onSignOut={(device) => signOut({ device })} onStopWatching={stopWatching} />
      ) : (
        <LoadFailed className="devices__failed" message={devices.message} onRetry={() => void revalidator.revalidate()} />
      )}
      <div className="devices__footer">
        <section className="devices__action" aria-labelledby="streaming-activity">
          <div className="devices__action-text">
            <h2 id="streaming-activity">{t("devices.devicesPage.activityTitle")}</h2>
            <p>{t("devices.devicesPage.activityHint")}</p>
          </div>
          <Link className="button button--secondary" to="/account/devices/streaming-activity">
            {t("devices.devicesPage.seeActivity")}
          </Link>
        </section>
        {hasOtherDevices && (
          <div className="devices__action">
            <p>{t("devices.devicesPage.otherDevicesHint")}</p>
            <button type="button" className="button button--secondary" onClick={() => signOut("other-devices")}>
              {t("devices.devicesPage.signOutOthers")}
            </button>
          </div>
        )}
        <div className="devices__action">
          <p>{t("devices.devicesPage.allDevicesHint")}</p>
          <button type="button" className="button button--secondary" onClick={() => setSigningOut("all-devices")}>
            {t("devices.devicesPage.signOutAll")}
          </button>
        </div>
      </div>
      <StopWatchingDialog device={stopping} onClose={() => setStopping(undefined)} onStopped={stoppedWatching} />
      <SignOutDialog scope={signingOut} onClose={() => setSigningOut(undefined)} onSignedOut={signedOut} />
    </div>
  );
}
