// The 10 backup codes, shown once: each signs in once when the authenticator app or passkey
// isn't at hand. Copy and Print help save them; the page never shows them again.
import { useEffect, useRef, useState } from "react";
import { Alert } from "../../../components/ui/alert";

export function BackupCodesPanel({ codes, onDone }: { codes: string[]; onDone(): void }) {
  const [copied, setCopied] = useState<"yes" | "failed">();
  const heading = useRef<HTMLHeadingElement>(null);
  // The codes replace whatever was on screen: take the reader to them.
  useEffect(() => heading.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(`Usher backup codes\n${codes.join("\n")}\n`);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <section className="card backup-codes" aria-labelledby="backup-codes-title">
      <h2 id="backup-codes-title" ref={heading} tabIndex={-1}>
        Save these now
      </h2>
      <p>
        Your backup codes sign you in when your authenticator app or passkey isn't at hand. Each works once. Keep them somewhere safe:{" "}
        <strong>this is the only time they are shown.</strong>
      </p>
      <ol className="backup-codes__list" aria-label="Backup codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="form__actions backup-codes__actions">
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          Copy codes
        </button>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          Print
        </button>
        <button type="button" className="button button--primary" onClick={onDone}>
          I've saved them
        </button>
      </div>
      {copied === "yes" && <Alert tone="success">The codes were copied. Paste them somewhere safe.</Alert>}
      {copied === "failed" && <Alert tone="error">This browser wouldn't copy them. Select the codes and copy them, or print them.</Alert>}
    </section>
  );
}
