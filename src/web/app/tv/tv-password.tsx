// Leaving a Kids profile on the TV for an unlocked one, when the account asks for its password
// (EXIT_KIDS_PASSWORD_REQUIRED): the password, typed into the focused field, Enter to open,
// Escape (Back) to return to the profiles. It is kept only while this screen shows.
import { type FormEvent, useState } from "react";
import type { PublicProfile } from "../../../contract/schemas/profiles";
import { Avatar } from "../../components/ui/avatar";
import { TextField } from "../../components/ui/text-field";
import { useT } from "../../lib/i18n";

export function TvPassword({
  profile,
  error,
  busy,
  onSubmit,
  onBack,
}: {
  profile: PublicProfile;
  error?: string | undefined;
  busy: boolean;
  onSubmit(password: string): void;
  onBack(): void;
}) {
  const t = useT();
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<string>();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const missing = password ? undefined : t("tv.password.required");
    setProblem(missing);
    if (!missing) onSubmit(password);
    setPassword("");
  }

  return (
    <form className="tv-pin tv-password" onSubmit={submit} onKeyDown={(event) => event.key === "Escape" && onBack()}>
      <Avatar avatar={profile.avatar} />
      <h1 className="tv-pin__heading">{t("tv.password.heading")}</h1>
      {/* No Show button, unlike the web's: a remote has no Tab to reach it by. */}
      <TextField
        label={t("tv.password.label", { name: profile.name })}
        type="password"
        autoFocus
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={problem ?? error}
        // Read-only rather than disabled while checking: a disabled field would drop the focus,
        // and a TV has no pointer to bring it back after a wrong password.
        readOnly={busy}
      />
      <p className="tv-pin__help">{t("tv.password.help")}</p>
    </form>
  );
}
