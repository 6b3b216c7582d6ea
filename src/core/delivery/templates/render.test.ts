import { describe, expect, it } from "vitest";
import { PermanentDeliveryError } from "../senders";
import { createRenderer, redactSecrets, templates, type TemplateName } from "./render";
import { samplePayloads } from "./samples";

const render = createRenderer({ publicUrl: "https://watch.example" });
const names = Object.keys(templates) as TemplateName[];
const notices: TemplateName[] = ["new_sign_in", "password_changed", "email_changed", "phone_changed", "two_step_changed", "signed_out_all_devices"];

function email(template: TemplateName, payload: Record<string, unknown> = samplePayloads[template]) {
  const rendered = render({ channel: "email", template, payload });
  if (rendered.channel !== "email") throw new Error("not an email");
  return rendered.email;
}

describe("message templates", () => {
  it.each(names)("renders %s from its sample payload", (name) => {
    const rendered = render({ channel: templates[name].channel, template: name, payload: samplePayloads[name] });
    if (rendered.channel === "sms") {
      expect(rendered.text.length).toBeLessThanOrEqual(160);
      expect(rendered.text).toMatch(/^Your Usher .* code is \d{6}\./);
    } else {
      expect(rendered.email.subject.length).toBeGreaterThan(0);
      expect(rendered.email.html).toContain("USHER");
      expect(rendered.email.text).toContain("https://watch.example");
    }
  });

  it.each(notices)("%s carries a \"This wasn't me\" link to /secure-account in both bodies", (name) => {
    const { text, html } = email(name);
    expect(text).toContain("This wasn't me: https://watch.example/secure-account");
    expect(html).toMatch(/<a href="https:\/\/watch\.example\/secure-account"[^>]*>This wasn't me<\/a>/);
  });

  it("puts single-use tokens in the link's fragment, never in a query string", () => {
    expect(email("email_verification").text).toContain("https://watch.example/verify-email#token=sample-verification-token");
    expect(email("password_reset").html).toContain('href="https://watch.example/reset-password#token=sample-reset-token"');
    expect(email("password_reset").text).not.toContain("?token=");
  });

  it("tells of a new sign-in with device, time (UTC) and IP", () => {
    const { subject, text } = email("new_sign_in");
    expect(subject).toBe("New sign-in to your account");
    expect(text).toContain("Device: Chrome on macOS");
    expect(text).toContain("Time: 21 November 2026 at 13:05 UTC");
    expect(text).toContain("IP address: 203.0.113.10");
  });

  it("escapes every value it puts into HTML", () => {
    const { html, text } = email("new_sign_in", { device: '<script>alert("x")</script>', ip: null, at: "2026-11-21T13:05:00Z" });
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(text).toContain("IP address: unknown");
  });

  it("knows which payload fields are secrets to blank once a message is done with", () => {
    expect(redactSecrets({ template: "phone_verification", payload: { code: "123456" } })).toEqual({ code: "[redacted]" });
    expect(redactSecrets({ template: "password_reset", payload: { token: "a.b" } })).toEqual({ token: "[redacted]" });
    expect(redactSecrets({ template: "new_sign_in", payload: samplePayloads.new_sign_in })).toBeNull();
    expect(redactSecrets({ template: "unknown", payload: { code: "1" } })).toBeNull();
  });

  it("fails for good on an unknown template, the wrong channel or a payload that doesn't fit", () => {
    expect(() => render({ channel: "email", template: "nope", payload: {} })).toThrow(PermanentDeliveryError);
    expect(() => render({ channel: "sms", template: "password_changed", payload: samplePayloads.password_changed })).toThrow(/not sent by sms/);
    expect(() => render({ channel: "email", template: "two_step_changed", payload: { change: "other", at: "2026-11-21T13:05:00Z" } })).toThrow(/does not fit/);
  });
});
