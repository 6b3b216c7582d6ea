import { describe, expect, it } from "vitest";
import { readConfig } from "../config";

const production = {
  DATABASE_URL: "postgres://db.example/usher",
  SECRET_KEY: Buffer.alloc(32, 7).toString("base64"),
  PUBLIC_URL: "https://watch.example",
};
const webhook = { SMS_PROVIDER: "webhook", SMS_WEBHOOK_URL: "https://sms.example/send", SMS_WEBHOOK_SECRET: "s3cret" };

describe("delivery configuration", () => {
  it("prints to the dev outbox in embedded mode unless told otherwise", () => {
    expect(readConfig({}).delivery).toMatchObject({ email: { kind: "dev" }, sms: { kind: "dev" }, pollMs: 10_000, leaseMs: 300_000 });
  });

  it("emails over SMTP from MAIL_FROM, or from no-reply at PUBLIC_URL's host", () => {
    expect(readConfig({ ...production, ...webhook, SMTP_URL: "smtp://mail.example:587" }).delivery.email).toEqual({
      kind: "smtp",
      url: "smtp://mail.example:587",
      from: "Usher <no-reply@watch.example>",
    });
    expect(readConfig({ SMTP_URL: "smtps://mail.example", MAIL_FROM: "Usher <hello@usher.example>" }).delivery.email).toMatchObject({
      from: "Usher <hello@usher.example>",
    });
  });

  it("refuses to start in production mode without SMTP or an SMS provider, or with the dev outbox", () => {
    expect(() => readConfig({ ...production, ...webhook })).toThrow(/SMTP_URL is required in production mode/);
    expect(() => readConfig({ ...production, SMTP_URL: "smtp://mail.example" })).toThrow(/SMS_PROVIDER is required in production mode/);
    expect(() => readConfig({ ...production, SMTP_URL: "smtp://mail.example", SMS_PROVIDER: "dev" })).toThrow(/embedded mode only/);
  });

  it("names what is missing or malformed", () => {
    expect(() => readConfig({ SMTP_URL: "http://mail.example" })).toThrow(/SMTP_URL must start with smtp/);
    expect(() => readConfig({ SMS_PROVIDER: "pigeon" })).toThrow(/SMS_PROVIDER must be "dev", "webhook" or "twilio", not "pigeon"/);
    expect(() => readConfig({ SMS_PROVIDER: "webhook", SMS_WEBHOOK_URL: "https://sms.example" })).toThrow(/SMS_WEBHOOK_SECRET is required/);
    expect(() => readConfig({ SMS_PROVIDER: "twilio", TWILIO_ACCOUNT_SID: "AC1", TWILIO_AUTH_TOKEN: "t" })).toThrow(
      /TWILIO_FROM is required/,
    );
    expect(() => readConfig({ OUTBOX_POLL_SECONDS: "soon" })).toThrow(/OUTBOX_POLL_SECONDS must be a positive number/);
  });

  it("sends webhooks over HTTPS, or plain HTTP only to this machine", () => {
    expect(() => readConfig({ ...webhook, SMS_WEBHOOK_URL: "http://sms.example/send" })).toThrow(/must be an https:\/\/ URL/);
    expect(() => readConfig({ ...webhook, SMS_WEBHOOK_URL: "sms.example" })).toThrow(/SMS_WEBHOOK_URL must be an https:\/\/ URL/);
    expect(readConfig({ ...webhook, SMS_WEBHOOK_URL: "http://127.0.0.1:8025/sms" }).delivery.sms).toEqual({
      kind: "webhook",
      url: "http://127.0.0.1:8025/sms",
      secret: "s3cret",
    });
  });

  it("talks to Twilio's API unless TWILIO_BASE_URL points elsewhere", () => {
    const twilio = { SMS_PROVIDER: "twilio", TWILIO_ACCOUNT_SID: "AC123", TWILIO_AUTH_TOKEN: "tok", TWILIO_FROM: "+14155550100" };
    expect(readConfig(twilio).delivery.sms).toEqual({
      kind: "twilio",
      baseUrl: "https://api.twilio.com",
      accountSid: "AC123",
      authToken: "tok",
      from: "+14155550100",
    });
    expect(readConfig({ ...twilio, TWILIO_BASE_URL: "http://127.0.0.1:9999" }).delivery.sms).toMatchObject({
      baseUrl: "http://127.0.0.1:9999",
    });
  });
});
