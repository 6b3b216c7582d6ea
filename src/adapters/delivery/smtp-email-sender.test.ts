// The SMTP sender against a real SMTP server in the test: the message that arrives, as a mail
// client parses it, and how refusals are told apart (5xx for good, 4xx worth another try).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SmtpInbox, startSmtpInbox } from "../../../test/support/smtp-inbox";
import { PermanentDeliveryError } from "../../core/delivery/senders";
import { defaultReader } from "../../core/delivery/templates/reader";
import { createRenderer } from "../../core/delivery/templates/render";
import { createSmtpEmailSender } from "./smtp-email-sender";

let inbox: SmtpInbox;
beforeAll(async () => {
  inbox = await startSmtpInbox();
});
afterAll(async () => inbox.close());

const render = createRenderer({ publicUrl: "https://watch.example" });

function resetEmail(token: string) {
  const rendered = render({ channel: "email", template: "password_reset", payload: { token } }, defaultReader);
  if (rendered.channel !== "email") throw new Error("an email template");
  return { ...rendered.email, template: "password_reset" };
}

describe("SMTP email sender", () => {
  it("delivers an HTML and plain-text email, logging in with the URL's credentials", async () => {
    const sender = createSmtpEmailSender({ url: inbox.url, from: "Usher <no-reply@watch.example>" });
    await sender.send({ to: "viewer@example.test", ...resetEmail("tok-123") });
    sender.close();

    const mail = await inbox.waitFor((m) => m.subject === "Reset your password");
    expect(mail.from?.text).toBe('"Usher" <no-reply@watch.example>');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : "").toBe("viewer@example.test");
    expect(mail.text).toContain("Set a new password: https://watch.example/reset-password#token=tok-123");
    expect(mail.html).toContain('href="https://watch.example/reset-password#token=tok-123"');
    expect(mail.html).toContain(">Usher</span>");
    expect(mail.headers.get("x-usher-template")).toBe("password_reset");
  });

  it("reports a 5xx refusal as permanent and a 4xx one as worth retrying", async () => {
    inbox.refuse.set("gone@example.test", 550);
    inbox.refuse.set("busy@example.test", 451);
    const sender = createSmtpEmailSender({ url: inbox.url, from: "Usher <no-reply@watch.example>" });
    await expect(sender.send({ to: "gone@example.test", ...resetEmail("tok-1") })).rejects.toBeInstanceOf(PermanentDeliveryError);
    const retry = await sender.send({ to: "busy@example.test", ...resetEmail("tok-2") }).catch((error: unknown) => error);
    expect(retry).toBeInstanceOf(Error);
    expect(retry).not.toBeInstanceOf(PermanentDeliveryError);
    sender.close();
  });

  it("fails to be retried, not for good, when the server refuses the login", async () => {
    const wrong = inbox.url.replace("smtp-test-password", "wrong");
    const sender = createSmtpEmailSender({ url: wrong, from: "Usher <no-reply@watch.example>" });
    const error = await sender.send({ to: "viewer@example.test", ...resetEmail("tok-3") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(PermanentDeliveryError);
    sender.close();
  });
});
