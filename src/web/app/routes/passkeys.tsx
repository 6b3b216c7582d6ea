// Passkeys: the account's passkeys (name, added, last used), Add a passkey, Rename, Remove.
// Adding or removing one may first ask "Confirm it's you"; each offers to sign out the others.
import { useEffect, useRef, useState } from "react";
import { Link, useLoaderData, useRevalidator } from "react-router";
import { Alert } from "../../components/ui/alert";
import { LoadFailed } from "../../components/ui/load-failed";
import { listPasskeys, type Passkey } from "../../features/two-step/api/passkeys";
import { getSecurity } from "../../features/two-step/api/security";
import { AddPasskeyForm } from "../../features/two-step/components/add-passkey-form";
import { BackupCodesPanel } from "../../features/two-step/components/backup-codes-panel";
import { PasskeyItem } from "../../features/two-step/components/passkey-item";
import { RemovePasskeyDialog } from "../../features/two-step/components/remove-passkey-dialog";
import { signedOutNotice } from "../../features/two-step/describe";
import { useT } from "../../lib/i18n";
import { loaded } from "../../lib/loaded";
import { passkeysUnavailable } from "../../lib/passkey-support";
import { useSignedIn } from "../signed-in-data";

export const loader = async () => {
  const [passkeys, security] = await Promise.all([
    loaded(listPasskeys(), "devices.passkeysPage.loadFailed"),
    // Only to tell whether the passkeys are the only second step: without it, it isn't said.
    getSecurity().catch(() => undefined),
  ]);
  return { passkeys, onlyStepIsPasskeys: security ? security.twoStep.passkeyStep && !security.twoStep.totp : false };
};

export default function PasskeysPage() {
  const t = useT();
  const { passkeys, onlyStepIsPasskeys } = useLoaderData<typeof loader>();
  const { me } = useSignedIn();
  // A new session may have come with a change (a new cookie): the data is read again with it.
  const revalidator = useRevalidator();
  const reload = () => void revalidator.revalidate();
  const [removing, setRemoving] = useState<Passkey>();
  const [notice, setNotice] = useState<string>();
  const [codes, setCodes] = useState<string[]>();
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice && !codes) noticeRef.current?.focus();
  }, [notice, codes]);

  const list = passkeys.ok ? passkeys.data : [];
  const unavailable = passkeysUnavailable();

  return (
    <div className="subpage passkeys">
      <Link className="back-link" to="/account">
        {t("devices.passkeysPage.back")}
      </Link>
      <h1>{t("devices.passkeysPage.title")}</h1>
      <p className="subpage__lead">{t("devices.passkeysPage.lead")}</p>
      <div ref={noticeRef} tabIndex={-1} className="two-step__notice">
        {notice && <Alert tone="success">{notice}</Alert>}
      </div>
      {codes && <BackupCodesPanel codes={codes} onDone={() => setCodes(undefined)} />}
      {!passkeys.ok && <LoadFailed className="account__failed" message={passkeys.message} onRetry={reload} />}
      {passkeys.ok && !codes && (
        <section className="section" aria-labelledby="your-passkeys">
          <h2 id="your-passkeys">{t("devices.passkeysPage.yourPasskeys")}</h2>
          {list.length === 0 ? (
            <p className="empty passkeys__empty">{t("devices.passkeysPage.empty")}</p>
          ) : (
            <ul className="passkeys__list">
              {list.map((passkey) => (
                <PasskeyItem
                  key={passkey.id}
                  passkey={passkey}
                  onRenamed={(renamed) => {
                    setNotice(t("devices.passkeysPage.renamed", { name: renamed.name }));
                    reload();
                  }}
                  onRemove={() => {
                    setNotice(undefined);
                    setRemoving(passkey);
                  }}
                />
              ))}
            </ul>
          )}
        </section>
      )}
      {passkeys.ok &&
        !codes &&
        (!unavailable ? (
          <AddPasskeyForm
            deviceName={me.session.deviceName}
            onAdded={(result) => {
              setNotice(
                `${t("devices.passkeysPage.added", { name: result.passkey.name })}${signedOutNotice(result.signedOutOtherDevices)}`,
              );
              if (result.backupCodes) setCodes(result.backupCodes);
              reload();
            }}
          />
        ) : (
          <Alert tone="info">{unavailable}</Alert>
        ))}
      <RemovePasskeyDialog
        passkey={removing}
        isLastFactor={list.length === 1 && onlyStepIsPasskeys}
        onCancel={() => setRemoving(undefined)}
        onRemoved={(removed, result) => {
          setRemoving(undefined);
          setNotice(`${t("devices.passkeysPage.removed", { name: removed.name })}${signedOutNotice(result.signedOutOtherDevices)}`);
          reload();
        }}
      />
    </div>
  );
}
