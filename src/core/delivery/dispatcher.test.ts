// The dispatcher on a real (embedded) database with a moved clock; only the provider at the
// far end of each sender is stood in for, recording what it was handed or failing on cue.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/databases";
import { outbox } from "../../store/schema";
import { createStores } from "../../store/stores";
import { ManualClock, minutes } from "../clock";
import type { Stores } from "../ports";
import {
  backoffDelay,
  createDispatcher,
  type DeliveryFailure,
  type Dispatcher,
  type DispatcherDeps,
  defaultDispatcherOptions,
} from "./dispatcher";
import type { OutboxMessageInput } from "./ports";
import { type EmailMessage, PermanentDeliveryError, type Senders, type SmsMessage } from "./senders";
import { createRenderer, redactSecrets } from "./templates/render";

let database: TestDatabase;
let stores: Stores;
let clock: ManualClock;
let sent: (EmailMessage | SmsMessage)[];
let failures: DeliveryFailure[];
let fail: ((message: EmailMessage | SmsMessage) => Error | undefined) | undefined;
let dispatchers: Dispatcher[];
let beforeSend: (() => Promise<void>) | undefined;
const seconds = (n: number): number => n * 1000;

beforeAll(async () => {
  database = await createTestDatabase("pglite");
  stores = createStores(database.database.db);
});
afterAll(async () => database.drop());
beforeEach(async () => {
  await database.database.db.delete(outbox);
  clock = new ManualClock("2026-11-21T10:00:00Z");
  sent = [];
  failures = [];
  fail = undefined;
  beforeSend = undefined;
  dispatchers = [];
});

const senders: Senders = {
  email: { send: async (email) => record(email) },
  sms: { send: async (sms) => record(sms) },
};
async function record(message: EmailMessage | SmsMessage): Promise<void> {
  await beforeSend?.();
  const error = fail?.(message);
  if (error) throw error;
  sent.push(message);
}

function dispatcher(options: { redact?: boolean; resolve?: DispatcherDeps["resolve"] } = {}): Dispatcher {
  const made = createDispatcher({
    stores,
    clock,
    senders,
    render: createRenderer({ publicUrl: "https://watch.example" }),
    onFailure: (failure) => failures.push(failure),
    ...(options.redact ? { redact: redactSecrets } : {}),
    ...(options.resolve ? { resolve: options.resolve } : {}),
  });
  dispatchers.push(made);
  return made;
}

async function deliverNow(d: Dispatcher): Promise<void> {
  d.wake();
  await d.idle();
}

const code = (digits: string): OutboxMessageInput => ({
  channel: "sms",
  recipient: "+14155550100",
  template: "phone_verification",
  payload: { code: digits },
  createdAt: clock.now(),
});

const stored = async () => (await stores.outbox.listRecent(100))[0]!;

describe("outbox dispatcher", () => {
  it("sends a message as its resolver settles it, sends nothing for one the resolver drops, and retries one whose resolving failed", async () => {
    await stores.outbox.enqueue({ ...code("111111"), recipient: "asked-for@example.test" });
    await stores.outbox.enqueue({ ...code("222222"), recipient: "nobody@example.test", createdAt: new Date(clock.now().getTime() + 1) });
    await stores.outbox.enqueue({ ...code("333333"), recipient: "later@example.test", createdAt: new Date(clock.now().getTime() + 2) });
    clock.advance(10);
    let resolverUp = false;
    const d = dispatcher({
      resolve: async (message) => {
        if (message.recipient === "nobody@example.test") return null;
        if (message.recipient === "later@example.test" && !resolverUp) throw new Error("database away");
        return { ...message, recipient: "+14155550123" };
      },
    });
    await deliverNow(d);
    expect(sent).toEqual([{ to: "+14155550123", text: expect.stringContaining("111111") }]);
    expect(failures.map((f) => [f.final, f.error])).toEqual([[false, "Error: database away"]]);

    resolverUp = true;
    clock.advance(backoffDelay(1, defaultDispatcherOptions));
    await deliverNow(d);
    expect(sent.map((m) => (m as SmsMessage).text.match(/\d{6}/)![0])).toEqual(["111111", "333333"]);
  });

  it("renders and sends what is due, then marks it sent", async () => {
    await stores.outbox.enqueue({
      channel: "email",
      recipient: "viewer@example.test",
      template: "password_changed",
      payload: { at: clock.now().toISOString() },
      createdAt: clock.now(),
    });
    await stores.outbox.enqueue(code("123456"));
    await deliverNow(dispatcher());

    // A batch is sent concurrently: the order of arrival is not fixed.
    expect(sent).toHaveLength(2);
    expect(sent).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          to: "viewer@example.test",
          subject: "Your password was changed",
          text: expect.stringContaining("https://watch.example/secure-account"),
        }),
        { to: "+14155550100", text: "Your Usher verification code is 123456. It expires in 10 minutes." },
      ]),
    );
    const messages = await stores.outbox.listRecent(10);
    expect(messages.map((m) => [m.sentAt, m.attempts, m.lastError])).toEqual([
      [clock.now(), 1, null],
      [clock.now(), 1, null],
    ]);
  });

  it("retries a failed send with exponential backoff, keeping the error without the message's secrets", async () => {
    await stores.outbox.enqueue(code("654321"));
    const d = dispatcher();
    fail = () => new Error("421 busy, could not send 654321 to +14155550100");
    await deliverNow(d);

    expect(sent).toEqual([]);
    expect(await stored()).toMatchObject({
      attempts: 1,
      sentAt: null,
      failedAt: null,
      nextAttemptAt: new Date(clock.now().getTime() + seconds(30)),
    });
    expect((await stored()).lastError).toBe("Error: 421 busy, could not send [redacted] to +14155550100");
    expect(failures).toEqual([expect.objectContaining({ attempts: 1, final: false, template: "phone_verification" })]);
    expect(JSON.stringify(failures)).not.toContain("654321");

    clock.advance(seconds(29));
    await deliverNow(d);
    expect((await stored()).attempts).toBe(1);

    clock.advance(seconds(1));
    await deliverNow(d);
    expect((await stored()).nextAttemptAt).toEqual(new Date(clock.now().getTime() + seconds(60)));

    fail = undefined;
    clock.advance(seconds(60));
    await deliverNow(d);
    expect(sent).toHaveLength(1);
    expect(await stored()).toMatchObject({ attempts: 3, sentAt: clock.now(), lastError: null });
  });

  it("marks a message failed after 8 tries and never tries it again", async () => {
    await stores.outbox.enqueue(code("111222"));
    const d = dispatcher();
    fail = () => new Error("connection refused");
    for (let attempt = 1; attempt <= 8; attempt++) {
      await deliverNow(d);
      clock.advance(backoffDelay(attempt, defaultDispatcherOptions));
    }
    expect(await stored()).toMatchObject({ attempts: 8, sentAt: null, lastError: "Error: connection refused" });
    expect((await stored()).failedAt).not.toBeNull();
    expect(failures.map((f) => f.final)).toEqual([false, false, false, false, false, false, false, true]);

    fail = undefined;
    clock.advance(minutes(24 * 60));
    await deliverNow(d);
    expect(sent).toEqual([]);
  });

  it("backs off 30 s, 1 min, 2 min … up to an hour", () => {
    expect([1, 2, 3, 4, 7, 8, 20].map((n) => backoffDelay(n, defaultDispatcherOptions) / 1000)).toEqual([
      30, 60, 120, 240, 1920, 3600, 3600,
    ]);
  });

  it("fails a message at once when retrying cannot help", async () => {
    await stores.outbox.enqueue({ ...code("333444"), template: "no_such_template" });
    await stores.outbox.enqueue({ ...code("333444"), payload: { code: "not six digits" } });
    await stores.outbox.enqueue({ ...code("555666") });
    fail = (message) =>
      "text" in message && message.text.includes("555666") ? new PermanentDeliveryError("21211 invalid number") : undefined;
    await deliverNow(dispatcher());

    const messages = await stores.outbox.listRecent(10);
    expect(messages.every((m) => m.attempts === 1 && m.failedAt !== null && m.sentAt === null)).toBe(true);
    expect(messages.map((m) => m.lastError).sort()).toEqual([
      "PermanentDeliveryError: 21211 invalid number",
      'PermanentDeliveryError: payload does not fit template "phone_verification"',
      'PermanentDeliveryError: unknown template "no_such_template"',
    ]);
  });

  it("runs again when woken during a run, so a message written meanwhile is not left waiting", async () => {
    await stores.outbox.enqueue(code("100001"));
    const d = dispatcher();
    beforeSend = async () => {
      beforeSend = undefined;
      // Another request commits a message while the first send is under way.
      await stores.outbox.enqueue(code("100002"));
      d.wake();
    };
    d.wake();
    await d.idle();
    expect(sent.map((m) => ("text" in m ? /\d{6}/.exec(m.text)?.[0] : ""))).toEqual(["100001", "100002"]);
  });

  it("leaves a message claimed by a node that died to another node once the lease ends", async () => {
    await stores.outbox.enqueue(code("777888"));
    // The dead node's claim: counted and leased, never sent or marked.
    await stores.outbox.claimDue(clock.now(), new Date(clock.now().getTime() + defaultDispatcherOptions.leaseMs), 10);
    const survivor = dispatcher();
    await deliverNow(survivor);
    expect(sent).toEqual([]);

    clock.advance(defaultDispatcherOptions.leaseMs);
    await deliverNow(survivor);
    expect(sent).toEqual([{ to: "+14155550100", text: expect.stringContaining("777888") }]);
    expect(await stored()).toMatchObject({ attempts: 2, sentAt: clock.now() });
  });

  it("stops cleanly: the send under way finishes and is marked, later wakes do nothing", async () => {
    await stores.outbox.enqueue(code("200001"));
    const d = dispatcher();
    let release!: () => void;
    let started!: () => void;
    const sending = new Promise<void>((resolve) => (started = resolve));
    beforeSend = () => {
      started();
      return new Promise<void>((resolve) => (release = resolve));
    };
    d.wake();
    await sending;
    const stopped = d.stop();
    release();
    await stopped;
    expect(await stored()).toMatchObject({ sentAt: clock.now() });

    beforeSend = undefined;
    await stores.outbox.enqueue(code("200002"));
    d.wake();
    await d.idle();
    expect(sent).toHaveLength(1);
  });

  it("blanks a message's code once it is sent or has failed for good, but not while it waits for a retry", async () => {
    await stores.outbox.enqueue(code("300001"));
    clock.advance(1);
    await stores.outbox.enqueue(code("300002"));
    clock.advance(1);
    await stores.outbox.enqueue({ ...code("300003"), recipient: "+14155550199" });
    const d = dispatcher({ redact: true });
    fail = (message) => {
      if (!("text" in message)) return undefined;
      if (message.text.includes("300002")) return new PermanentDeliveryError("invalid number");
      if (message.text.includes("300003")) return new Error("busy");
      return undefined;
    };
    await deliverNow(d);

    const byCreation = (await stores.outbox.listRecent(10)).reverse();
    expect(byCreation.map((m) => [m.payload.code, m.sentAt !== null, m.failedAt !== null])).toEqual([
      ["[redacted]", true, false],
      ["[redacted]", false, true],
      ["300003", false, false],
    ]);
  });
});
