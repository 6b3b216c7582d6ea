// A locked profile on the TV: its 4-digit PIN, typed with the remote's number keys, Enter to
// open, Escape (Back) to return to the profiles.
import { type FormEvent, useState } from "react";
import type { PublicProfile } from "../../../contract/schemas/profiles";
import { Avatar } from "../../components/ui/avatar";
import { PinField, pinProblem } from "../../components/ui/pin-field";
import { useT } from "../../lib/i18n";

export function TvPin({
  profile,
  error,
  busy,
  onSubmit,
  onBack,
}: {
  profile: PublicProfile;
  error?: string | undefined;
  busy: boolean;
  onSubmit(pin: string): void;
  onBack(): void;
}) {
  const t = useT();
  const [pin, setPin] = useState("");
  const [problem, setProblem] = useState<string>();

  function submit(event: FormEvent) {
    event.preventDefault();
    const wrong = pinProblem(pin);
    setProblem(wrong);
    if (!wrong) onSubmit(pin);
    setPin("");
  }

  return (
    <form className="tv-pin" onSubmit={submit} onKeyDown={(event) => event.key === "Escape" && onBack()}>
      <Avatar avatar={profile.avatar} />
      <h1 className="tv-pin__heading">{t("tv.pin.heading", { name: profile.name })}</h1>
      <PinField label={t("tv.pin.label")} autoFocus value={pin} onValueChange={setPin} error={problem ?? error} disabled={busy} />
      <p className="tv-pin__help">{t("tv.pin.help")}</p>
    </form>
  );
}
