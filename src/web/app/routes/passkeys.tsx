// Passkeys: the account's passkeys (name, added, last used), Add a passkey, Rename, Remove.
// Adding or removing one may first ask "Confirm it's you"; each offers to sign out the others.
import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { Alert } from "../../components/ui/alert";
import { LoadFailed } from "../../components/ui/load-failed";
import { Loading } from "../../components/ui/loading";
import { usePasskeys, type Passkey } from "../../features/two-step/api/passkeys";
import { useSecurity } from "../../features/two-step/api/security";
import { AddPasskeyForm } from "../../features/two-step/components/add-passkey-form";
import { BackupCodesPanel } from "../../features/two-step/components/backup-codes-panel";
import { PasskeyItem } from "../../features/two-step/components/passkey-item";
import { RemovePasskeyDialog } from "../../features/two-step/components/remove-passkey-dialog";
import { signedOutNotice } from "../../features/two-step/describe";
import { passkeysSupported } from "../../lib/webauthn";

export default function PasskeysPage() {
  const passkeys = usePasskeys();
  const security = useSecurity();
  const [removing, setRemoving] = useState<Passkey>();
  const [notice, setNotice] = useState<string>();
  const [codes, setCodes] = useState<string[]>();
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice && !codes) noticeRef.current?.focus();
  }, [notice, codes]);

  const list = passkeys.status === "ready" ? passkeys.passkeys : [];
  const hasApp = security.status === "ready" && security.security.twoStep.totp;

  function reload() {
    // A new session may have come with the change (a new cookie): the data is read again with it.
    passkeys.reload();
    security.reload();
  }

  return (
    <div className="subpage subpage--wide passkeys">
      <Link className="back-link" to="/account">
        Account
      </Link>
      <h1>Passkeys</h1>
      <p className="subpage__lead">
        A passkey signs you in with your fingerprint, face, screen lock or security key: nothing to type, nothing to steal. It also
        counts as the second step of two-step verification.
      </p>
      <div ref={noticeRef} tabIndex={-1} className="two-step__notice">
        {notice && <Alert tone="success">{notice}</Alert>}
      </div>
      {codes && <BackupCodesPanel codes={codes} onDone={() => setCodes(undefined)} />}
      {passkeys.status === "loading" && <Loading label="Loading your passkeys…" />}
      {passkeys.status === "failed" && <LoadFailed className="account__failed" message={passkeys.message} onRetry={reload} />}
      {passkeys.status === "ready" && !codes && (
        <section className="section" aria-labelledby="your-passkeys">
          <h2 id="your-passkeys">Your passkeys</h2>
          {list.length === 0 ? (
            <p className="empty passkeys__empty">No passkeys yet.</p>
          ) : (
            <ul className="passkeys__list">
              {list.map((passkey) => (
                <PasskeyItem
                  key={passkey.id}
                  passkey={passkey}
                  onRenamed={(renamed) => (setNotice(`The passkey is now called ${renamed.name}.`), passkeys.reload())}
                  onRemove={() => (setNotice(undefined), setRemoving(passkey))}
                />
              ))}
            </ul>
          )}
        </section>
      )}
      {passkeys.status === "ready" && !codes && (
        passkeysSupported() ? (
          <AddPasskeyForm
            onAdded={(result) => {
              setNotice(`${result.passkey.name} was added: you can sign in with it.${signedOutNotice(result.signedOutDevices)}`);
              if (result.backupCodes) setCodes(result.backupCodes);
              reload();
            }}
          />
        ) : (
          <Alert tone="info">This browser can't make passkeys. Try another browser or your phone.</Alert>
        )
      )}
      <RemovePasskeyDialog
        passkey={removing}
        isLastFactor={list.length === 1 && !hasApp}
        onCancel={() => setRemoving(undefined)}
        onRemoved={(removed, result) => {
          setRemoving(undefined);
          setNotice(`${removed.name} was removed.${signedOutNotice(result.signedOutDevices)}`);
          reload();
        }}
      />
    </div>
  );
}
