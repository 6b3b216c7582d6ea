import { describe, expect, it } from "vitest";
import { PermanentDeliveryError } from "../senders";
import { createRenderer, redactSecrets, type TemplateName, templates } from "./render";
import { samplePayloads } from "./samples";

const render = createRenderer({ publicUrl: "https://watch.example" });
const names = Object.keys(templates) as TemplateName[];
const notices: TemplateName[] = [
  "new_sign_in",
  "password_changed",
  "email_changed",
  "phone_changed",
  "two_step_changed",
  "signed_out_all_devices",
  "plan_changed",
];

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
      expect(rendered.email.html).toContain(">Usher</span>");
      expect(rendered.email.text).toContain("https://watch.example");
    }
  });

  it.each(notices)('%s carries a "This wasn\'t me" link to /secure-account in both bodies', (name) => {
    const { text, html } = email(name);
    expect(text).toContain("This wasn't me: https://watch.example/secure-account");
    expect(html).toMatch(/<a href="https:\/\/watch\.example\/secure-account"[^>]*>This wasn't me<\/a>/);
  });

  it("writes \"This wasn't me\" in a colour that meets WCAG AA (4.5:1) on the notice's grey", () => {
    const { html } = email("new_sign_in");
    const colour = html.match(/color:(#[0-9a-f]{6});font-weight:bold">This wasn't me/)?.[1];
    expect(colour).toBeDefined();
    expect(contrast(colour!, "#f4f4f4")).toBeGreaterThanOrEqual(4.5);
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
    expect(() => render({ channel: "sms", template: "password_changed", payload: samplePayloads.password_changed })).toThrow(
      /not sent by sms/,
    );
    expect(() =>
      render({ channel: "email", template: "two_step_changed", payload: { change: "other", at: "2026-11-21T13:05:00Z" } }),
    ).toThrow(/does not fit/);
  });
});

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((at) => {
      const c = parseInt(hex.slice(at, at + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}
