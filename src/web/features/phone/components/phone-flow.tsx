// Add (or change) phone number from start to end: the number step, then the code step.
import { useState } from "react";
import { t } from "../../../lib/i18n";
import type { Phone } from "../api/phone";
import { PhoneForm } from "./phone-form";
import { VerifyCodeForm } from "./verify-code-form";

type Step = { name: "number" } | { name: "code"; masked: string; justSent: boolean };

interface PhoneFlowProps {
  /** The number already on the account, if any. */
  phone: Phone | null;
  /** Open on the code step, for a number added earlier and not verified yet. */
  verifyExisting: boolean;
  /** Resolves once the page has moved on. */
  onDone(notice: string): unknown;
  /** Leaving the code step of `verifyExisting` for the number step (the page's title changes). */
  onLeaveVerify(): void;
}

export function PhoneFlow({ phone, verifyExisting, onDone, onLeaveVerify }: PhoneFlowProps) {
  const [step, setStep] = useState<Step>(() =>
    verifyExisting && phone && !phone.verified ? { name: "code", masked: phone.masked, justSent: false } : { name: "number" },
  );
  const changing = phone !== null;

  if (step.name === "code") {
    return (
      <VerifyCodeForm
        key={`${step.masked}-${step.justSent}`}
        masked={step.masked}
        justSent={step.justSent}
        onVerified={(masked) => onDone(verifiedNotice(masked, !step.justSent ? "verified" : changing ? "changed" : "added"))}
        onUseAnotherNumber={() => (step.justSent ? setStep({ name: "number" }) : onLeaveVerify())}
      />
    );
  }
  return (
    <PhoneForm
      smsOptIn={phone?.smsOptIn ?? false}
      onSaved={(sent) =>
        sent.codeExpiresAt === null
          ? onDone(t("account.phoneFlow.unchanged"))
          : setStep({ name: "code", masked: sent.phone.masked, justSent: true })
      }
    />
  );
}

function verifiedNotice(masked: string, what: "added" | "changed" | "verified"): string {
  if (what === "added") return t("account.phoneFlow.added", { phone: masked });
  if (what === "changed") return t("account.phoneFlow.changed", { phone: masked });
  return t("account.phoneFlow.verified", { phone: masked });
}
