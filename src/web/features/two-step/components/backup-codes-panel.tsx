// The 10 backup codes, shown once: each signs in once when the authenticator app or passkey
// isn't at hand. Copy and Print help save them; the page never shows them again.
import { useEffect, useRef, useState } from "react";
import { Alert } from "../../../components/ui/alert";
import { Message, useT } from "../../../lib/i18n";

export function BackupCodesPanel({ codes, onDone }: { codes: string[]; onDone(): void }) {
  const t = useT();
  const [copied, setCopied] = useState<"yes" | "failed">();
  const heading = useRef<HTMLHeadingElement>(null);
  // The codes replace whatever was on screen: take the reader to them.
  useEffect(() => heading.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(`${t("devices.backupCodes.copyHeading")}\n${codes.join("\n")}\n`);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <section className="card backup-codes" aria-labelledby="backup-codes-title">
      <h2 id="backup-codes-title" ref={heading} tabIndex={-1}>
        {t("devices.backupCodes.title")}
      </h2>
      <p>
        <Message id="devices.backupCodes.explanation" components={{ 0: <strong /> }} />
      </p>
      <ol className="backup-codes__list" aria-label={t("devices.backupCodes.listLabel")}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="form__actions backup-codes__actions">
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {t("devices.backupCodes.copy")}
        </button>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          {t("devices.backupCodes.print")}
        </button>
        <button type="button" className="button button--primary" onClick={onDone}>
          {t("devices.backupCodes.done")}
        </button>
      </div>
      {copied === "yes" && <Alert tone="success">{t("devices.backupCodes.copied")}</Alert>}
      {copied === "failed" && <Alert tone="error">{t("devices.backupCodes.copyFailed")}</Alert>}
    </section>
  );
}
