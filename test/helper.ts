// Route tests build the real app on a fresh database (PGlite, or PostgreSQL with
// USHER_TEST_DB=postgres) and talk to it through app.inject, as a browser or an app would.

import type { SQL } from "drizzle-orm";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { createStandardWebhookSender } from "../src/adapters/delivery/standard-webhook-sender";
import { createArgon2Hasher } from "../src/adapters/passwords/argon2-hasher";
import { MemoryRateLimiter } from "../src/adapters/rate-limit/memory-rate-limiter";
import { InProcessRevocationSignals } from "../src/adapters/revocation/in-process-revocation-signals";
import { listeningConnections } from "../src/adapters/session-changes/listening-connection";
import { SessionChangeNode } from "../src/adapters/session-changes/session-change-node";
import { ManualClock, minutes } from "../src/core/clock";
import { createCodeFlowDelivery } from "../src/core/code-flows/deliver-code-flow";
import { type CoreConfig, defaultCoreConfig } from "../src/core/config";
import { cryptoRandom } from "../src/core/crypto/random";
import { createDispatcher } from "../src/core/delivery/dispatcher";
import type { EmailSender } from "../src/core/delivery/senders";
import { createRenderer } from "../src/core/delivery/templates/render";
import type { CoreDeps } from "../src/core/deps";
import type { PasswordHasher } from "../src/core/passwords/ports";
import type { RateLimiter } from "../src/core/rate-limit/ports";
import { defaultLeaseTimings } from "../src/core/session-changes/ports";
import type { RevocationSignals } from "../src/core/sessions/revocation-signals";
import { type App, type AppOptions, buildApp } from "../src/server/app";
import { logRedactions } from "../src/server/main";
import { deriveCoreKeys } from "../src/server/secret-key";
import { fastifyTrustProxy, type TrustProxy } from "../src/server/trust-proxy";
import * as schema from "../src/store/schema";
import { createStores } from "../src/store/stores";
import { createTestDatabase, routeTestDatabase, rowsOf, type TestDatabase } from "./support/databases";
import { LogCapture } from "./support/log-capture";

export const APP_ORIGIN = "http://localhost:3000";
export const CHROME_ON_MAC =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
export const STRONG_PASSWORD = "violet-kettle-harbour-42";
export const SESSION_COOKIE = "__Host-usher_session";

/** Tests hash with cheap argon2id parameters (m=1 MiB, t=1); the OWASP ones are tested in the hasher's own suite. */
export const cheapArgon2 = { memoryKiB: 1024, iterations: 1, parallelism: 1 };

export interface TestApp {
  app: App;
  core: CoreDeps;
  clock: ManualClock;
  database: TestDatabase;
  /** What revocations are published to and heard from (in process unless the test passed its own). */
  signals: RevocationSignals;
  /** Counts password verifications, to prove equal work on every sign-in failure. */
  verifications: { count: number };
  /** Everything the app logged (at trace level) and every secret the test handled. */
  logs: LogCapture;
  browser(options?: { userAgent?: string; ip?: string; headers?: Record<string, string> }): Device;
  phoneApp(options?: { name?: string; ip?: string }): Device;
  /** Rows of a raw query on the test database, on either driver. */
  query<T>(statement: SQL): Promise<T[]>;
  /** Every email and text message the app's dispatcher has handed to its senders, oldest first. */
  sent: SentMessage[];
  /** Resolves once the dispatcher has delivered (or dropped) everything written so far. */
  delivered(): Promise<void>;
  /** How many messages were sent once everything written so far is delivered: `sent.slice(mark)` is what came after. */
  sentMark(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Lifts the per-IP sign-up and sign-in limits, for files where many accounts sign up and in
 * from the helper's IPs; those limits have their own tests. The other limits stay.
 */
export function withoutPerIpLimits(config: CoreConfig): CoreConfig {
  return {
    ...config,
    limits: {
      ...config.limits,
      signUpPerIp: { limit: 10_000, windowMs: minutes(60) },
      signInPerIp: { limit: 10_000, windowMs: minutes(15) },
    },
  };
}

/** A message as its reader gets it: a rendered email or text, with the template it came from. */
export type SentMessage =
  | { channel: "email"; to: string; template: string; subject: string; text: string }
  | { channel: "sms"; to: string; text: string };

export interface TestAppOptions {
  config?: (config: CoreConfig) => CoreConfig;
  /** Serve a built web app from this folder. */
  webRoot?: string;
  devMailbox?: boolean;
  eventStreamHeartbeatMs?: number;
  /** TV sign-in: the origin OAuth metadata names (default APP_ORIGIN). */
  publicUrl?: string;
  /** Which proxies may name the client (TRUST_PROXY); none by default. */
  trustProxy?: TrustProxy;
  /** Sees every SQL statement the app's stores send. */
  onStatement?: (sql: string) => void;
  /** Also hands every email to this sender (a real SMTP server), besides keeping it in `sent`. */
  emailSender?: EmailSender;
  /** Counts rate limits instead of an in-process limiter on the test's clock. */
  limiter?: RateLimiter;
  /** Where rate limits are shared, for /healthz to report on (nothing by default). */
  redis?: AppOptions["redis"];
  /**
   * Hears session changes from the database as a server node does, takes verifier
   * subscriptions, and makes every change wait for them: a real SessionChangeNode on the test
   * database. Off by default: changes then reach open screens in process.
   */
  sessionChanges?: boolean;
}

export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase(routeTestDatabase, options.onStatement);
  const clock = new ManualClock(new Date());
  const verifications = { count: 0 };
  const logs = new LogCapture();
  const hasher = createArgon2Hasher(cheapArgon2);
  const passwords: PasswordHasher = {
    hash: (password) => hasher.hash(password),
    verify: (hash, password) => {
      verifications.count++;
      return hasher.verify(hash, password);
    },
  };
  const sessionChanges = options.sessionChanges
    ? await SessionChangeNode.start({
        connect: listeningConnections(database.database),
        db: database.database.db,
        timings: defaultLeaseTimings,
      })
    : null;
  const signals: RevocationSignals = sessionChanges ?? new InProcessRevocationSignals();
  let outboxWritten = () => {};
  const core: CoreDeps = {
    stores: createStores(database.database.db),
    clock,
    random: cryptoRandom,
    config: options.config ? options.config(structuredClone(defaultCoreConfig)) : defaultCoreConfig,
    passwords,
    limiter: options.limiter ?? new MemoryRateLimiter(clock),
    keys: deriveCoreKeys(cryptoRandom.bytes(32)),
    outboxWritten: () => outboxWritten(),
    sessionChangesHeard: async (changes) => {
      if (sessionChanges) return sessionChanges.heard(changes);
      for (const change of changes) (signals as InProcessRevocationSignals).publish(change.accountId);
    },
  };
  // Delivery as in embedded mode: every message is rendered and kept where the test can read it.
  const sent: SentMessage[] = [];
  const dispatcher = createDispatcher({
    stores: core.stores,
    clock,
    render: createRenderer({ publicUrl: APP_ORIGIN }),
    resolve: createCodeFlowDelivery(core),
    senders: {
      email: {
        send: async (email) => {
          sent.push({ channel: "email", to: email.to, template: email.template, subject: email.subject, text: email.text });
          await options.emailSender?.send(email);
        },
      },
      sms: { send: async ({ to, text }) => void sent.push({ channel: "sms", to, text }) },
    },
    // Webhooks go out for real, to whatever HTTP peer a test registers.
    webhooks: { stores: core.stores, clock, keys: core.keys, sender: createStandardWebhookSender({ timeoutMs: 5_000 }) },
  });
  outboxWritten = dispatcher.wake;
  const delivered = async () => {
    dispatcher.wake();
    await dispatcher.idle();
  };
  const app = await buildApp({
    core,
    allowedOrigins: [APP_ORIGIN],
    production: false,
    checkDatabase: async () => {},
    redis: options.redis,
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
    devMailbox: options.devMailbox ?? false,
    logger: { level: "trace", redact: logRedactions, stream: logs.stream },
    signals,
    ...(options.eventStreamHeartbeatMs ? { eventStreamHeartbeatMs: options.eventStreamHeartbeatMs } : {}),
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    trustProxy: fastifyTrustProxy(options.trustProxy ?? false),
    ...(sessionChanges ? { sessionChanges: { hub: sessionChanges.hub, timings: defaultLeaseTimings } } : {}),
  });
  return {
    app,
    core,
    clock,
    database,
    signals,
    verifications,
    logs,
    browser: (o = {}) => new Device(app, logs, "browser", o.userAgent ?? CHROME_ON_MAC, o.ip ?? "203.0.113.10", undefined, o.headers),
    phoneApp: (o = {}) => new Device(app, logs, "app", "UsherApp/1.0 (iPhone; iOS 18.1)", o.ip ?? "203.0.113.20", o.name),
    query: (statement) => rowsOf(database.database.db, statement),
    sent,
    delivered,
    async sentMark() {
      await delivered();
      return sent.length;
    },
    async close() {
      await dispatcher.stop();
      await app.close();
      await signals.close();
      try {
        await rememberStoredSecrets(core, database, logs);
      } finally {
        await database.drop();
      }
      // Every route test file doubles as a log-leak test: nothing secret may reach the log.
      const leaks = logs.leaks();
      if (leaks.length > 0) throw new Error(`secrets found in the log:\n${JSON.stringify(leaks.slice(0, 5), null, 2)}`);
    },
  };
}

type Body = Record<string, unknown> | undefined;

/**
 * One device talking to the API: a browser keeps cookies and sends the app's Origin; a
 * phone app keeps its bearer token. Both remember what sign-in and password changes hand them.
 */
export class Device {
  cookies = new Map<string, string>();
  token: string | undefined;
  /** An app's device token, from its last sign-in: sent back with the next one, as Usher's apps do. */
  deviceToken: string | undefined;

  constructor(
    readonly app: App,
    private readonly logs: LogCapture,
    readonly kind: "browser" | "app",
    readonly userAgent: string,
    readonly ip: string,
    readonly appName?: string,
    /** Sent with every request, e.g. the X-Forwarded-For a load balancer adds. */
    readonly headers: Record<string, string> = {},
  ) {}

  get(url: string, extra: Partial<InjectOptions> = {}) {
    return this.request({ method: "GET", url, ...extra });
  }
  post(url: string, body?: Body, extra: Partial<InjectOptions> = {}) {
    return this.request({ method: "POST", url, ...(body ? { payload: body } : {}), ...extra });
  }
  put(url: string, body?: Body) {
    return this.request({ method: "PUT", url, ...(body ? { payload: body } : {}) });
  }
  patch(url: string, body?: Body) {
    return this.request({ method: "PATCH", url, ...(body ? { payload: body } : {}) });
  }
  delete(url: string) {
    return this.request({ method: "DELETE", url });
  }

  /** The client declaration an app adds to sign-in and sign-up bodies. */
  get client() {
    return this.kind === "app" ? { kind: "mobile" as const, ...(this.appName ? { name: this.appName } : {}) } : undefined;
  }

  async signUp(email: string, password = STRONG_PASSWORD, extra: Body = {}) {
    return this.post("/api/v1/auth/sign-up", { email, password, ...(this.client ? { client: this.client } : {}), ...extra });
  }
  async signIn(email: string, password = STRONG_PASSWORD) {
    return this.post("/api/v1/auth/sign-in", { email, password, ...this.appFields });
  }

  /** What an app adds to a sign-in body: its declaration, and its device token once it has one. */
  get appFields() {
    return {
      ...(this.client ? { client: this.client } : {}),
      ...(this.kind === "app" && this.deviceToken ? { deviceToken: this.deviceToken } : {}),
    };
  }

  async request(options: InjectOptions): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = {
      "user-agent": this.userAgent,
      ...this.headers,
      ...(options.headers as Record<string, string>),
    };
    if (this.kind === "browser") {
      if (options.method !== "GET" && !("origin" in headers)) headers.origin = APP_ORIGIN;
      if (this.cookies.size > 0 && !("cookie" in headers)) {
        headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
      }
    } else if (this.token && !("authorization" in headers)) {
      headers.authorization = `Bearer ${this.token}`;
    }
    this.logs.rememberRequestBody(options.payload);
    this.logs.remember(headers.authorization?.replace(/^Bearer /, ""));
    const response = await this.app.inject({ ...options, headers, remoteAddress: this.ip });
    this.remember(response);
    return response;
  }

  /** The current session token, whichever way this device keeps it. */
  get sessionToken(): string | undefined {
    return this.kind === "browser" ? this.cookies.get(SESSION_COOKIE) : this.token;
  }

  private remember(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const cleared = cookie.value === "" || cookie.maxAge === 0 || (cookie.expires && cookie.expires.getTime() < Date.now());
      this.logs.remember(cookie.value);
      if (cleared) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    if (response.headers["content-type"]?.toString().includes("json")) {
      const body = response.json() as { token?: string; deviceToken?: string };
      if (body && typeof body.token === "string") this.logs.remember(body.token);
      if (body && typeof body.deviceToken === "string") this.logs.remember(body.deviceToken);
      if (this.kind === "app" && body && typeof body.token === "string") this.token = body.token;
      if (this.kind === "app" && body && typeof body.deviceToken === "string") this.deviceToken = body.deviceToken;
    }
  }
}

/** A unique email per test, so tests never collide. */
let emailCounter = 0;
export function uniqueEmail(label = "viewer"): string {
  return `${label}.${process.pid}.${Date.now().toString(36)}.${emailCounter++}@example.com`;
}

/** The error code of an error answer (`{ error: { code } }`), or undefined for any other body. */
export function errorCode(response: { json(): unknown }): string | undefined {
  return (response.json() as { error?: { code?: string } }).error?.code;
}

/**
 * A fresh address per call (10.0.0.1, 10.0.0.2, …), so one test's attempts never count
 * against another's per-IP limits.
 */
let ipCounter = 0;
export function nextIp(): string {
  ipCounter += 1;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

/** The newest SMS code the outbox holds for a number. */
export async function latestSmsCode(core: CoreDeps, e164: string): Promise<string> {
  const messages = await core.stores.outbox.listRecent(50);
  const message = messages.find((m) => m.channel === "sms" && m.recipient === e164);
  if (!message) throw new Error(`no SMS to ${e164} in the outbox`);
  return (message.payload as { code: string }).code;
}

/** The hashes at rest are secrets too: none of them may appear in a log line. */
async function rememberStoredSecrets(core: CoreDeps, database: TestDatabase, logs: LogCapture): Promise<void> {
  const db = database.database.db;
  const stored = [
    ...(await db.select({ secret: schema.account.passwordHash }).from(schema.account)),
    ...(await db.select({ secret: schema.session.tokenHash }).from(schema.session)),
    ...(await db.select({ secret: schema.oneTimeCode.codeHash }).from(schema.oneTimeCode)),
    // TV sign-in
    ...(await db.select({ secret: schema.tvCode.deviceCodeHash }).from(schema.tvCode)),
    // Second factors, sign-in flows and profile PINs
    ...(await db.select({ secret: schema.backupCode.codeHash }).from(schema.backupCode)),
    ...(await db.select({ secret: schema.mfaTotp.secretEncrypted }).from(schema.mfaTotp)),
    ...(await db.select({ secret: schema.authFlow.handleHash }).from(schema.authFlow)),
    ...(await db.select({ secret: schema.codeFlow.codeHash }).from(schema.codeFlow)),
    ...(await db.select({ secret: schema.profile.pinHash }).from(schema.profile)),
  ];
  for (const row of stored) logs.remember(row.secret);
  for (const message of await core.stores.outbox.listRecent(1000)) {
    const code = (message.payload as { code?: unknown }).code;
    if (typeof code === "string") logs.codes.add(code);
    // Emailed links carry a token ("<account id>.<secret>"); neither it nor its secret may be logged.
    const token = (message.payload as { token?: unknown }).token;
    if (typeof token === "string") {
      logs.remember(token);
      logs.remember(token.split(".")[1]);
    }
  }
}
