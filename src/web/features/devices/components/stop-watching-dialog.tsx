// The confirmation before Stop watching, as Sign out has one: what will stop, on which device,
// and that the device stays signed in.
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";
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
  const where = !device || device.current ? "this device" : device.deviceName;

  async function confirm() {
    if (!device?.watching) return;
    await stopWatching(device.watching.streamId);
    await onStopped(device);
  }

  return (
    <ConfirmDialog
      open={device !== undefined}
      title={`Stop watching on ${where}?`}
      confirmLabel="Stop watching"
      busyLabel="Stopping…"
      failed="Stopping that stream failed. Please try again."
      onConfirm={confirm}
      onCancel={onClose}
    >
      <p>
        <strong>{device?.watching?.title.name ?? "What is playing"}</strong> will stop playing on {where}, freeing its screen for another
        device.
      </p>
      <p>
        {device?.current
          ? "You'll stay signed in on this device."
          : `${where} stays signed in: whoever is using it can start watching again.`}
      </p>
    </ConfirmDialog>
  );
}
