// Change email: the new address and the current password (which proves it's you). Nothing
// changes until the link sent to the new address is opened.
import { useState } from "react";
import { Form } from "../../../components/form/form";
import { useSubmission } from "../../../components/form/use-submission";
import { PasswordField, TextField } from "../../../components/ui/text-field";
import { changeEmail } from "../api/email";

export function ChangeEmailForm({ onSent }: { onSent(sentTo: string): void }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const save = useSubmission<"email" | "password">({
    fallback: "Your email couldn't be changed. Please try again.",
    at: { WRONG_PASSWORD: "password", INVALID_EMAIL: "email", EMAIL_UNCHANGED: "email", EMAIL_TAKEN: "email" },
  });

  function submit() {
    const found = {
      email: email.trim() ? undefined : "Enter your new email address.",
      password: password ? undefined : "Enter your current password.",
    };
    if (save.invalid(found)) return;
    void save.run(async () => onSent((await changeEmail(email.trim(), password)).sentTo));
  }

  return (
    <Form submission={save} onSubmit={submit}>
      <TextField
        label="New email"
        name="email"
        type="email"
        autoComplete="email"
        required
        maxLength={320}
        value={email}
        error={save.errors.email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <PasswordField
        label="Current password"
        name="password"
        autoComplete="current-password"
        required
        value={password}
        error={save.errors.password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <div className="form__actions">
        <button className="button button--primary" type="submit" disabled={save.pending}>
          {save.pending ? "Saving…" : "Save"}
        </button>
      </div>
    </Form>
  );
}
