// How this node delivers email and text messages, from the environment (listed in the
// README). Embedded mode defaults to the dev outbox (printed to the log, readable at
// /dev/mailbox). Production mode must really deliver: it refuses to start without SMTP_URL
// and an SMS provider, and refuses the dev outbox, whose log lines would hold codes and links.
export type EmailDelivery = { kind: "dev" } | { kind: "smtp"; url: string; from: string };
export type SmsDelivery =
  | { kind: "dev" }
  | { kind: "webhook"; url: string; secret: string }
  | { kind: "twilio"; baseUrl: string; accountSid: string; authToken: string; from: string };

export interface DeliveryConfig {
  email: EmailDelivery;
  sms: SmsDelivery;
  /** Between polls of the outbox for retries and other nodes' messages. */
  pollMs: number;
  /** How long a claimed message is held before another node may try it. */
  leaseMs: number;
}

/** The variables read here; the rest of the environment is the configuration schema's. */
export type DeliveryEnvironment = Partial<
  Record<
    | "SMTP_URL"
    | "MAIL_FROM"
    | "SMS_PROVIDER"
    | "SMS_WEBHOOK_URL"
    | "SMS_WEBHOOK_SECRET"
    | "TWILIO_ACCOUNT_SID"
    | "TWILIO_AUTH_TOKEN"
    | "TWILIO_FROM"
    | "TWILIO_BASE_URL"
    | "OUTBOX_POLL_SECONDS"
    | "OUTBOX_LEASE_SECONDS",
    string
  >
>;

export function readDeliveryConfig(env: DeliveryEnvironment, mode: "embedded" | "production", publicUrl: string): DeliveryConfig {
  const production = mode === "production";
  const smtpUrl = env.SMTP_URL || undefined;
  if (production && !smtpUrl) {
    throw new Error(
      "SMTP_URL is required in production mode (DATABASE_URL is set): Usher must be able to email verification links and security notices.",
    );
  }
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new Error("SMTP_URL must start with smtp:// or smtps://.");
  const email: EmailDelivery = smtpUrl
    ? { kind: "smtp", url: smtpUrl, from: env.MAIL_FROM || `Usher <no-reply@${new URL(publicUrl).hostname}>` }
    : { kind: "dev" };

  const provider = env.SMS_PROVIDER || (production ? undefined : "dev");
  let sms: SmsDelivery;
  if (provider === "dev") {
    if (production) throw new Error('SMS_PROVIDER=dev is for embedded mode only: it prints codes to the log. Use "webhook" or "twilio".');
    sms = { kind: "dev" };
  } else if (provider === "webhook") {
    sms = { kind: "webhook", url: webhookUrl(required(env, "SMS_WEBHOOK_URL")), secret: required(env, "SMS_WEBHOOK_SECRET") };
  } else if (provider === "twilio") {
    sms = {
      kind: "twilio",
      baseUrl: env.TWILIO_BASE_URL || "https://api.twilio.com",
      accountSid: required(env, "TWILIO_ACCOUNT_SID"),
      authToken: required(env, "TWILIO_AUTH_TOKEN"),
      from: required(env, "TWILIO_FROM"),
    };
  } else {
    throw new Error(
      provider === undefined
        ? 'SMS_PROVIDER is required in production mode (DATABASE_URL is set): "webhook" or "twilio".'
        : `SMS_PROVIDER must be "dev", "webhook" or "twilio", not "${provider}".`,
    );
  }
  return { email, sms, pollMs: seconds(env, "OUTBOX_POLL_SECONDS", 10), leaseMs: seconds(env, "OUTBOX_LEASE_SECONDS", 300) };
}

function required(env: DeliveryEnvironment, name: keyof DeliveryEnvironment): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is required with SMS_PROVIDER=${env.SMS_PROVIDER}.`);
  return value;
}

/** HTTPS, or plain HTTP to this machine only (a local relay, or a test's peer). */
function webhookUrl(raw: string): string {
  const url = URL.parse(raw);
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url?.hostname ?? "");
  if (!url || (url.protocol !== "https:" && !(url.protocol === "http:" && loopback))) {
    throw new Error("SMS_WEBHOOK_URL must be an https:// URL (http:// only to 127.0.0.1 or localhost).");
  }
  return url.toString();
}

function seconds(env: DeliveryEnvironment, name: keyof DeliveryEnvironment, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback * 1000;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of seconds, not "${raw}".`);
  return value * 1000;
}
