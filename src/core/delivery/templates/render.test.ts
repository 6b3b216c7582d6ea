import { describe, expect, it } from "vitest";
import enEmails from "../../../locales/en/emails.json";
import { PermanentDeliveryError } from "../senders";
import { defaultReader, type Reader } from "./reader";
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
  const rendered = render({ channel: "email", template, payload }, defaultReader);
  if (rendered.channel !== "email") throw new Error("not an email");
  return rendered.email;
}

describe("message templates", () => {
  it.each(names)("renders %s from its sample payload", (name) => {
    const rendered = render({ channel: templates[name].channel, template: name, payload: samplePayloads[name] }, defaultReader);
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
    expect(() => render({ channel: "email", template: "nope", payload: {} }, defaultReader)).toThrow(PermanentDeliveryError);
    expect(() => render({ channel: "sms", template: "password_changed", payload: samplePayloads.password_changed }, defaultReader)).toThrow(
      /not sent by sms/,
    );
    expect(() =>
      render({ channel: "email", template: "two_step_changed", payload: { change: "other", at: "2026-11-21T13:05:00Z" } }, defaultReader),
    ).toThrow(/does not fit/);
  });
});

// Every way each template can read: its sample, and each variant its payload can choose.
const at = "2026-11-21T13:05:00.000Z";
const variants: [TemplateName, Record<string, unknown>][] = [
  ...names.map((name): [TemplateName, Record<string, unknown>] => [name, samplePayloads[name]]),
  ["sign_in_code", { code: "246810", device: "Chrome on macOS", newDevice: false }],
  ["new_sign_in", { device: "Chrome on macOS", ip: null, at }],
  ...["changed", "removed"].map((change): [TemplateName, Record<string, unknown>] => [
    "phone_changed",
    { phone: "+1 ••• ••• ••23", change, at },
  ]),
  ...["two_step_on", "two_step_off", "two_step_reset", "passkey_removed", "backup_codes_renewed"].map(
    (change): [TemplateName, Record<string, unknown>] => ["two_step_changed", { change, at }],
  ),
  ["plan_changed", { plan: "Basic", screens: 1, downgrade: true, at }],
];

function renderAs(reader: Reader, template: TemplateName, payload: Record<string, unknown>) {
  const rendered = render({ channel: templates[template].channel, template, payload }, reader);
  return rendered.channel === "email" ? rendered.email : { subject: rendered.text, text: rendered.text, html: "" };
}

const spanish: Reader = { language: "es", timeZone: "Europe/Madrid" };
const arabic: Reader = { language: "ar", timeZone: "Europe/Madrid" };
const ids = Object.keys(enEmails);
/** What a missing phrase shows instead: its id ("email.newSignIn.subject"), or a placeholder unfilled. */
const showsRaw = (part: string) => ids.some((id) => part.includes(id)) || /\{[A-Za-z]+[,}]/.test(part);

describe.each([spanish, arabic])("message templates in $language", (reader) => {
  it.each(variants)("renders %s %j in the reader's language", (template, payload) => {
    const english = renderAs(defaultReader, template, payload);
    const translated = renderAs(reader, template, payload);
    for (const part of [translated.subject, translated.text, translated.html]) expect(showsRaw(part), part).toBe(false);
    expect(translated.subject).not.toBe(english.subject);
    expect(translated.text).not.toBe(english.text);
    if (templates[template].channel === "email") {
      expect(translated.html).toContain(`<html lang="${reader.language}" dir="${reader.language === "ar" ? "rtl" : "ltr"}">`);
      expect(translated.html).toContain(`text-align:${reader.language === "ar" ? "right" : "left"}`);
    }
  });

  it.each(variants.filter(([, payload]) => "at" in payload))("shows the moment of %s in the reader's time zone", (template, payload) => {
    const { text } = renderAs(reader, template, payload);
    // 13:05 UTC is 14:05 in Madrid in November; Arabic reads the clock in 12 hours ("2:05 م").
    expect(text).toContain(reader.language === "ar" ? "2:05" : "14:05");
    expect(text).not.toContain("13:05");
  });

  it.each(notices)("%s carries its \"This wasn't me\" link in the reader's words", (name) => {
    const wasntMe = reader.language === "ar" ? "لم أكن أنا" : "No fui yo";
    const { text, html } = renderAs(reader, name, samplePayloads[name]);
    expect(text).toContain(`${wasntMe}: https://watch.example/secure-account`);
    expect(html).toMatch(new RegExp(`<a href="https://watch\\.example/secure-account"[^>]*>${wasntMe}</a>`));
  });
});

describe("message templates in Spanish and Arabic", () => {
  it("counts screens in each language's plural forms", () => {
    const paragraph = (reader: Reader, screens: number) =>
      renderAs(reader, "plan_changed", { plan: "Premium", screens, downgrade: false, at }).text;
    expect(paragraph(spanish, 1)).toContain(": 1 pantalla a la vez.");
    expect(paragraph(spanish, 4)).toContain(": 4 pantallas a la vez.");
    expect(paragraph(arabic, 1)).toContain(": شاشة واحدة في الوقت نفسه.");
    expect(paragraph(arabic, 2)).toContain(": شاشتان في الوقت نفسه.");
    expect(paragraph(arabic, 4)).toContain(": 4 شاشات في الوقت نفسه.");
    expect(paragraph(arabic, 11)).toContain(": 11 شاشة في الوقت نفسه.");
  });

  it("keeps data as it is stored, and sets it apart in right-to-left text", () => {
    const payload = { phone: "+1 ••• ••• ••23", change: "added", at };
    expect(renderAs(spanish, "phone_changed", payload).text).toContain("se agregó el número de teléfono +1 ••• ••• ••23 a tu cuenta");
    expect(renderAs(arabic, "phone_changed", payload).text).toContain("رقم الهاتف \u2068+1 ••• ••• ••23\u2069 إلى حسابك");
    expect(renderAs(arabic, "plan_changed", samplePayloads.plan_changed).subject).toBe("خطتك الآن هي \u2068Premium\u2069");
  });

  it("sends text messages with the code as it is, and no longer than a long text", () => {
    for (const reader of [spanish, arabic])
      for (const name of names.filter((name) => templates[name].channel === "sms")) {
        const { text } = renderAs(reader, name, samplePayloads[name]);
        expect(text).toContain(String(samplePayloads[name].code));
        expect(text.length).toBeLessThanOrEqual(160);
      }
  });

  it("writes the moment in each language's words, naming the zone", () => {
    expect(renderAs(spanish, "new_sign_in", samplePayloads.new_sign_in).text).toContain(
      "Fecha y hora: 21 de noviembre de 2026 a las 14:05 CET",
    );
    expect(renderAs({ language: "es", timeZone: "UTC" }, "password_changed", { at }).text).toContain(
      "el 21 de noviembre de 2026 a las 13:05 UTC.",
    );
    expect(renderAs({ language: "ar", timeZone: "UTC" }, "password_changed", { at }).text).toContain("21 نوفمبر 2026 في 1:05 م UTC");
    expect(renderAs({ language: "en", timeZone: "Europe/Madrid" }, "new_sign_in", samplePayloads.new_sign_in).text).toContain(
      "Time: 21 November 2026 at 14:05 CET",
    );
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
