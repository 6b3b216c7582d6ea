// The confirmation before Stop watching, as Sign out has one: what will stop, on which device,
// and that the device stays signed in.
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";
import { Message, useT } from "../../../lib/i18n";
import type { Device } from "../api/list-sessions";
import { stopWatching } from "../api/stop-watching";

interface StopWatchingDialogProps {
  /** The device whose stream to stop; none while the dialog is closed. */
  device: Device | undefined;
  onClose(): void;
  /** The stream has ended: the caller refreshes the list, says so and closes the dialog. */
  onStopped(device: Device): unknown;
}

export function StopWatchingDialog({ device, onClose, onStopped }: StopWatchingDialogProps) {
  const t = useT();
  // Said as "this device" for the one in hand (and while closed), else by its name.
  const here = !device || device.current;
  const deviceName = device?.deviceName ?? "";
  const title = device?.watching?.title.name ?? t("devices.stopWatching.whatIsPlaying");

  async function confirm() {
    if (!device?.watching) return;
    await stopWatching(device.watching.streamId);
    await onStopped(device);
  }

  return (
    <ConfirmDialog
      open={device !== undefined}
      title={here ? t("devices.stopWatching.titleHere") : t("devices.stopWatching.title", { device: deviceName })}
      confirmLabel={t("devices.stopWatching.confirm")}
      busyLabel={t("devices.stopWatching.busy")}
      failed={t("devices.stopWatching.failed")}
      onConfirm={confirm}
      onCancel={onClose}
    >
      <p>
        {here ? (
          <Message id="devices.stopWatching.willStopHere" values={{ title }} components={{ 0: <strong /> }} />
        ) : (
          <Message id="devices.stopWatching.willStop" values={{ title, device: deviceName }} components={{ 0: <strong /> }} />
        )}
      </p>
      <p>{here ? t("devices.stopWatching.staySignedInHere") : t("devices.stopWatching.staysSignedIn", { device: deviceName })}</p>
    </ConfirmDialog>
  );
}
