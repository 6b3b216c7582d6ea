// Every operation of the OpenAPI document, fed generated input from a fixed-seed generator:
// wrong types, oversized strings and numbers, unicode, NUL and lone surrogates, junk JSON,
// deep nesting, wrong content types, bad path parameters and query strings, and mutations of
// bodies built from the document's own schemas (with ids and cursors the API handed out), so
// that the deeper code runs, not only validation. No answer may be a 5xx, and every 4xx must
// be the catalogue's error body (the OAuth endpoints': RFC 6749's). USHER_FUZZ_SEED replays a
// run (a failure names the seed and the case); USHER_FUZZ_CASES runs longer than CI's budget.
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ErrorCode, errorCatalogue } from "../../src/contract/errors";
import { unstorableTextMessage } from "../../src/contract/schemas/common";
import { errorResponse } from "../../src/contract/schemas/error-body";
import { oauthErrorResponse } from "../../src/contract/schemas/tv-sign-in";
import type { CoreConfig } from "../../src/core/config";
import { cryptoRandom } from "../../src/core/crypto/random";
import { base32Decode, totpCode, totpStep } from "../../src/core/mfa/totp";
import { newServiceSecret, secretDigest } from "../../src/core/services/service-clients";
import englishApi from "../../src/locales/en/api.json";
import { APP_ORIGIN, buildTestApp, CHROME_ON_MAC, SESSION_COOKIE, STRONG_PASSWORD, type TestApp, uniqueEmail } from "../helper";
import { fuzzString, junkBody, Random, serialize, wtf8QueryValue } from "../support/fuzz-inputs";
import {
  type Draw,
  handedOutAs,
  mutate,
  type OpenApiDocument,
  type Operation,
  operationsOf,
  type Parameter,
  pathJunk,
  stringFields,
  validFor,
  within,
} from "../support/fuzz-requests";

const SEED = Number(process.env.USHER_FUZZ_SEED ?? 0x5eed2026);
const CASES_PER_OPERATION = Number(process.env.USHER_FUZZ_CASES ?? 40);

/** Every rate limit raised out of reach, so that a 429 never stands in for the code behind it. */
const unlimited = (config: CoreConfig): CoreConfig => ({
  ...config,
  limits: Object.fromEntries(
    Object.entries(config.limits).map(([name, rule]) => [name, { ...rule, limit: 1_000_000 }]),
  ) as CoreConfig["limits"],
});

/** The platform service the fuzz calls the service endpoints as. */
const SERVICE = { id: "fuzz-service", secret: newServiceSecret(cryptoRandom) };
const serviceAuthorization = `Basic ${Buffer.from(`${SERVICE.id}:${SERVICE.secret}`).toString("base64")}`;

let t: TestApp;
let doc: OpenApiDocument;
let operations: Operation[];

beforeAll(async () => {
  t = await buildTestApp({
    config: (config) => ({
      ...unlimited(config),
      services: { ...config.services, clients: [{ id: SERVICE.id, name: "Fuzz", secretDigest: secretDigest(SERVICE.secret) }] },
    }),
  });
  t.logs.remember(SERVICE.secret);
  doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
  operations = operationsOf(doc);
});

afterAll(async () => {
  await t?.close();
});

/** A signed-in account: a browser (cookie) and a phone app (bearer token) on it. */
interface Account {
  email: string;
  cookie: string;
  token: string;
}

/**
 * What the API handed out, fed back by field name: ids (also as profileId, sessionId, … after
 * the list or object they came in), flow ids, cursors, challenges, backup codes, the code a TV
 * shows, and the codes and link tokens the outbox holds.
 */
const handedOut = new Map<string, string[]>();
function remember(value: unknown, key = "", owner = ""): void {
  // Bearer secrets among them join the helper's log-leak check at the end of the file.
  if (typeof value === "string" && /token|device_code|secret|backupCodes|challenge/i.test(key)) t.logs.remember(value);
  if (typeof value === "string" && key && value.length <= 200) {
    for (const name of key === "id" && owner ? [key, `${owner.replace(/s$/, "")}Id`] : [key]) {
      const seen = handedOut.get(name) ?? [];
      if (!seen.includes(value)) seen.push(value);
      handedOut.set(name, seen.slice(-12));
    }
  } else if (Array.isArray(value)) for (const item of value) remember(item, key, owner);
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) remember(v, k, key);
}

async function rememberOutbox(): Promise<void> {
  for (const message of await t.core.stores.outbox.listRecent(5)) remember(message.payload);
}

/** A code some field may want: texted or emailed, a backup code, or the authenticator app's. */
function someCode(random: Random): string | undefined {
  const secret = handedOut.get("secret")?.at(-1);
  if (secret && random.chance(0.3)) return totpCode(base32Decode(secret), totpStep(t.clock.now()));
  const codes = [...(handedOut.get("code") ?? []), ...(handedOut.get("backupCodes") ?? [])];
  return codes.length > 0 ? random.pick(codes) : undefined;
}

function drawFor(random: Random, account: Account): Draw {
  return {
    random,
    schemas: doc.components.schemas,
    account: { email: account.email, password: STRONG_PASSWORD },
    given: (name) => (name === "code" ? someCode(random) : handedOut.has(name) ? random.pick(handedOut.get(name)!) : undefined),
  };
}

async function signUp(): Promise<Account> {
  const email = uniqueEmail("fuzz");
  const browser = await t.app.inject({
    method: "POST",
    url: "/api/v1/auth/sign-up",
    headers: { origin: APP_ORIGIN, "user-agent": CHROME_ON_MAC },
    payload: { email, password: STRONG_PASSWORD },
  });
  expect(browser.statusCode).toBe(201);
  remember(browser.json());
  const cookie = browser.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
  const app = await t.app.inject({
    method: "POST",
    url: "/api/v1/auth/sign-in",
    payload: { email, password: STRONG_PASSWORD, client: { kind: "mobile", name: "Fuzz phone" } },
  });
  expect(app.statusCode).toBe(200);
  const token = app.json().token as string;
  t.logs.remember(cookie);
  t.logs.remember(token);
  // A TV waiting for approval, so that the /tv page's operations meet a real code.
  const tv = await t.app.inject({
    method: "POST",
    url: "/oauth/device_authorization",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    payload: "client_id=usher-tv&device_name=Fuzz%20TV",
  });
  const authorization = tv.json() as { user_code: string; device_code: string };
  remember({ ...authorization, userCode: authorization.user_code });
  return { email, cookie, token };
}

type Auth = "none" | "bearer" | "cookie" | "cookie without origin" | "bogus bearer" | "bogus cookie" | "service" | "bogus service";

/** One generated request for an operation; `kind` says which part was made wrong. */
function generate(operation: Operation, random: Random, account: Account): { request: InjectOptions; kind: string; auth: Auth } {
  const draw = drawFor(random, account);
  const hasPath = operation.parameters.some((p) => p.in === "path");
  const hasQuery = operation.parameters.some((p) => p.in === "query");
  const kinds = [
    ...["valid", "valid", "valid", "query"],
    ...(operation.body ? ["body", "body", "body", "body", "raw body"] : []),
    ...(hasPath ? ["path", "path"] : []),
    ...(hasQuery ? ["query", "query", "query"] : []),
  ];
  const kind = random.pick(kinds);
  const params = new Map<string, string>();
  for (const parameter of operation.parameters.filter((p) => p.in === "path")) {
    params.set(
      parameter.name,
      kind === "path" && random.chance(0.8)
        ? pathJunk(random)
        : encodeURIComponent(String(validFor(parameter.schema, draw, handedOutAs(operation, parameter)))),
    );
  }
  const url = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => params.get(name) ?? "x");
  const query: string[] = [];
  for (const parameter of operation.parameters.filter((p) => p.in === "query")) {
    if (!parameter.required && random.chance(0.4)) continue;
    const value =
      kind === "query" && random.chance(0.7)
        ? fuzzString(random)
        : String(validFor(parameter.schema, draw, handedOutAs(operation, parameter)));
    query.push(`${parameter.name}=${wtf8QueryValue(value)}`);
  }
  if (kind === "query")
    query.push(
      ...random.some(
        [
          "x=1",
          "limit=1&limit=2",
          "a[b]=c",
          "__proto__[x]=1",
          "%",
          "%zz",
          "=%00",
          `cursor=${"A".repeat(300)}`,
          "limit=1e400",
          "limit=-0",
          "limit=0x10",
        ],
        2,
      ),
    );

  const headers: Record<string, string> = { "user-agent": random.chance(0.8) ? CHROME_ON_MAC : "UsherApp/1.0 (iPhone; iOS 18.1)" };
  let payload: string | undefined;
  if (operation.body ? random.chance(0.97) : random.chance(0.1)) {
    const contentType = operation.body?.contentType ?? "application/json";
    const valid = operation.body ? validFor(operation.body.schema, draw) : {};
    if (kind === "raw body") {
      const junk = junkBody(random);
      payload = junk.payload;
      if (junk.contentType !== undefined) headers["content-type"] = junk.contentType;
    } else {
      const body = kind === "body" ? mutate(valid, random) : valid;
      payload = serialize(body, contentType, random);
      headers["content-type"] = contentType;
    }
  }

  const auth: Auth = operation.streams
    ? random.pick(["none", "bogus bearer", "bogus cookie"] as const)
    : operation.asService
      ? random.pick(["service", "service", "service", "service", "bogus service", "none", "bearer"] as const)
      : random.chance(operation.needsSession ? 0.85 : 0.25)
        ? random.pick(["bearer", "cookie"] as const)
        : random.pick(["none", "none", "none", "cookie without origin", "bogus bearer", "bogus cookie"] as const);
  if (auth === "service") headers.authorization = serviceAuthorization;
  if (auth === "bogus service")
    headers.authorization = random.pick([
      "Basic",
      "Basic ",
      "Basic %%%",
      `Basic ${Buffer.from(`${SERVICE.id}:x`).toString("base64")}`,
      `${serviceAuthorization}=`,
    ]);
  if (auth === "bearer") headers.authorization = `Bearer ${account.token}`;
  if (auth === "bogus bearer")
    headers.authorization = `Bearer ${random.pick(["", "x", "a.b", "A".repeat(500), `${account.token}x`, "Bearer"])}`;
  if (auth.startsWith("cookie")) headers.cookie = `${SESSION_COOKIE}=${account.cookie}`;
  if (auth === "bogus cookie") headers.cookie = `${SESSION_COOKIE}=${random.pick(["", "x", "a.b.c", "%00", "A".repeat(500)])}`;
  if (auth === "cookie" || (auth !== "cookie without origin" && random.chance(0.3))) headers.origin = APP_ORIGIN;

  const request: InjectOptions = {
    method: operation.method as InjectOptions["method"],
    url: query.length > 0 ? `${url}?${query.join("&")}` : url,
    headers,
    remoteAddress: `198.51.100.${random.int(250) + 1}`,
    ...(payload !== undefined ? { payload } : {}),
  };
  return { request, kind, auth };
}

/**
 * Every field of an operation, one at a time, holding what PostgreSQL cannot store (inside an
 * otherwise valid value, with every other field valid): the contract must refuse each with 400.
 */
function storageBreakers(operation: Operation, random: Random, account: Account): { request: InjectOptions; field: string }[] {
  const draw = { ...drawFor(random, account), everyField: true };
  const params = operation.parameters.filter((p) => p.in === "path" || p.in === "query");
  const values = new Map(params.map((p) => [p, String(validFor(p.schema, draw, handedOutAs(operation, p)))]));
  const body = operation.body ? validFor(operation.body.schema, draw) : undefined;
  const request = (changed: Parameter | undefined, breaker: string, sent: unknown): InjectOptions => {
    const value = (p: Parameter) => wtf8QueryValue(p === changed ? within(values.get(p)!, breaker) : values.get(p)!);
    const query = params.filter((p) => p.in === "query").map((p) => `${p.name}=${value(p)}`);
    const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => value(params.find((p) => p.name === name)!));
    return {
      method: operation.method as InjectOptions["method"],
      url: query.length > 0 ? `${path}?${query.join("&")}` : path,
      headers: {
        ...(operation.needsSession ? { authorization: `Bearer ${account.token}` } : {}),
        ...(operation.asService ? { authorization: serviceAuthorization } : {}),
        ...(operation.body ? { "content-type": operation.body.contentType } : {}),
      },
      ...(operation.body ? { payload: serialize(sent, operation.body.contentType, random) } : {}),
    };
  };
  // A form carries bytes, and the bytes of a lone surrogate decode to U+FFFD: only NUL gets through.
  const bodyFields = body && typeof body === "object" ? stringFields(body as Record<string, unknown>) : [];
  const formBody = operation.body?.contentType.includes("form") ?? false;
  return ["\u0000", "\ud800", "\udc00"].flatMap((breaker) => [
    ...params.map((p) => ({ request: request(p, breaker, body), field: `${p.in} ${p.name}` })),
    ...(formBody && breaker !== "\u0000" ? [] : bodyFields).map(([path]) => {
      const broken = structuredClone(body) as Record<string, unknown>;
      const [, holder, key] = stringFields(broken).find(([other]) => other === path)!;
      holder[key] = within(holder[key] as string, breaker);
      return { request: request(undefined, breaker, broken), field: `body ${path}` };
    }),
  ]);
}

/**
 * Fields only ever compared, never stored: a token that cannot be a session's is answered as
 * any unknown token is, inactive (RFC 7662) or nothing to revoke (RFC 7009), before any query.
 */
const NEVER_STORED = new Set(["/oauth/introspect body token", "/oauth/revoke body token"]);

/** What is wrong with an answer, or null: no 5xx, and 4xx bodies in the catalogue's shape. */
function problemWith(path: string, response: LightMyRequestResponse): string | null {
  if (response.statusCode >= 500) return `answered ${response.statusCode}`;
  if (response.statusCode < 400) return null;
  if (!String(response.headers["content-type"]).startsWith("application/json")) return `${response.statusCode} without a JSON body`;
  const body: unknown = response.json();
  if (path.startsWith("/oauth/"))
    return oauthErrorResponse.safeParse(body).success ? null : `${response.statusCode} not an OAuth error body`;
  const parsed = errorResponse.safeParse(body);
  if (!parsed.success) return `${response.statusCode} not the catalogue's error body`;
  const entry = errorCatalogue[parsed.data.error.code as ErrorCode];
  if (entry.status !== response.statusCode)
    return `${parsed.data.error.code} answered ${response.statusCode}, the catalogue says ${entry.status}`;
  return englishApi[parsed.data.error.code as ErrorCode] === parsed.data.error.message
    ? null
    : `${parsed.data.error.code} with another message`;
}

/** The server's own account of a failure, from the log, for the report. */
const lastFailureLogged = (from: number) =>
  t.logs.lines
    .slice(from)
    .filter((line) => /"level":50/.test(line))
    .map((line) => line.slice(0, 400));

describe("the API under generated input", () => {
  // A guard against a hang, not a speed target: on PGlite, sharing a loaded 2-core machine with
  // the other files, its 2,520 requests take 50–60 s.
  it("never answers 5xx, and answers every 4xx from the catalogue", {
    timeout: Math.max(150_000, CASES_PER_OPERATION * 3_000),
  }, async () => {
    const random = new Random(SEED);
    const schedule = random.shuffle(operations.flatMap((operation) => Array.from({ length: CASES_PER_OPERATION }, () => operation)));
    let account = await signUp();
    const problems: string[] = [];
    const answered: Record<string, number> = {};
    const started = Date.now();
    let sent = 0;
    for (const [index, operation] of schedule.entries()) {
      const { request, kind, auth } = generate(operation, random, account);
      const logMark = t.logs.lines.length;
      const response = await t.app.inject(request);
      sent += 1;
      const problem = problemWith(operation.path, response);
      const status = `${String(response.statusCode)[0]}xx`;
      answered[status] = (answered[status] ?? 0) + 1;
      if (problem) {
        const payload = typeof request.payload === "string" ? request.payload.slice(0, 300) : "";
        problems.push(
          `seed ${SEED} case ${index} (${kind}, ${auth}): ${request.method} ${String(request.url).slice(0, 300)} ${JSON.stringify(payload)} ` +
            `content-type ${JSON.stringify((request.headers as Record<string, string>)["content-type"])} → ${problem}\n  ${lastFailureLogged(logMark).join("\n  ")}`,
        );
      }
      if (response.statusCode < 300 && String(response.headers["content-type"]).includes("json")) remember(response.json());
      if (response.statusCode < 300 && request.method !== "GET") await rememberOutbox();
      const code =
        response.statusCode >= 400 && !problem && !operation.path.startsWith("/oauth/")
          ? (response.json() as { error: { code: string } }).error.code
          : undefined;
      // Signed out, password changed, or watching as a Kids profile: carry on as a new account.
      if ((auth === "bearer" || auth === "cookie") && (response.statusCode === 401 || code === "KIDS_PROFILE")) account = await signUp();
      if (problems.length >= 20) break;
    }
    console.info(
      `api fuzz: ${operations.length} operations, ${sent} cases in ${Date.now() - started} ms (seed ${SEED}): ${JSON.stringify(answered)}`,
    );
    expect(operations.length).toBeGreaterThan(40);
    expect(problems, problems.join("\n")).toEqual([]);
  });
});

describe("what the database cannot store", () => {
  it("is refused with 400 in every field of every operation, one field at a time", async () => {
    const random = new Random(SEED);
    let account = await signUp();
    const problems: string[] = [];
    let sent = 0;
    for (const operation of operations.filter((o) => !o.streams)) {
      let signedOut = false;
      for (const { request, field } of storageBreakers(operation, random, account)) {
        const logMark = t.logs.lines.length;
        const response = await t.app.inject(request);
        sent += 1;
        signedOut ||= response.statusCode === 401;
        const refused = response.statusCode === 400 || (NEVER_STORED.has(`${operation.path} ${field}`) && response.statusCode === 200);
        const problem = problemWith(operation.path, response) ?? (refused ? null : `answered ${response.statusCode}`);
        if (problem)
          problems.push(
            `${request.method} ${operation.path} ${field} (seed ${SEED}): ${problem} ${response.body.slice(0, 200)}\n  ${lastFailureLogged(logMark).join("\n  ")}`,
          );
      }
      // Only a field that let a breaker through can sign out (a new password, say): the next operation starts afresh.
      if (signedOut) account = await signUp();
    }
    console.info(`api fuzz: ${sent} storage breakers sent (seed ${SEED})`);
    expect(sent).toBeGreaterThan(100);
    expect(problems, problems.join("\n")).toEqual([]);
  });
});

describe("findings of an outside attack run", () => {
  const base64url = (value: string) => Buffer.from(value).toString("base64url");
  const activity = async (account: Account, cursor: string) =>
    t.app.inject({
      method: "GET",
      url: `/api/v1/account/activity?cursor=${cursor}`,
      headers: { authorization: `Bearer ${account.token}` },
    });

  it("refuses a lone surrogate in the sign-in's client name (400, not 500)", async () => {
    const account = await signUp();
    const payload = `{"email":${JSON.stringify(account.email)},"password":${JSON.stringify(STRONG_PASSWORD)},"client":{"kind":"mobile","name":"\\ud800"}}`;
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      headers: { "content-type": "application/json" },
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "body.client.name", message: unstorableTextMessage }],
    });
  });

  it("refuses a NUL in a passkey's name (400, not 500)", async () => {
    const account = await signUp();
    const response = await t.app.inject({
      method: "PATCH",
      url: "/api/v1/account/passkeys/c29tZS1wYXNza2V5",
      headers: { authorization: `Bearer ${account.token}` },
      payload: { name: "Work\u0000key" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "body.name", message: unstorableTextMessage }],
    });
  });

  it("refuses an activity cursor whose time PostgreSQL cannot hold (400 INVALID_CURSOR, not 500)", async () => {
    const account = await signUp();
    const id = crypto.randomUUID();
    for (const at of [
      "+275760-09-13T00:00:00.000Z",
      "+010000-01-01T00:00:00.000Z",
      "0000-01-01T00:00:00.000Z",
      "-271821-04-20T00:00:00.000Z",
    ]) {
      const response = await activity(account, base64url(`${at}|${id}`));
      expect(response.statusCode, at).toBe(400);
      expect(response.json().error.code, at).toBe("INVALID_CURSOR");
    }
  });

  it("refuses an activity cursor whose id is UUID-shaped but no UUID (400 INVALID_CURSOR, not 500)", async () => {
    const account = await signUp();
    for (const id of ["-".repeat(36), "0".repeat(36), "00000000-0000-0000-0000-00000000000-", "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaa-"]) {
      const response = await activity(account, base64url(`${new Date().toISOString()}|${id}`));
      expect(response.statusCode, id).toBe(400);
      expect(response.json().error.code, id).toBe("INVALID_CURSOR");
    }
  });

  it("still pages with the cursors it hands out", async () => {
    const account = await signUp();
    const first = await t.app.inject({
      method: "GET",
      url: "/api/v1/account/activity?limit=1",
      headers: { authorization: `Bearer ${account.token}` },
    });
    const { nextCursor } = first.json();
    expect(nextCursor).toEqual(expect.any(String));
    const next = await activity(account, nextCursor);
    expect(next.statusCode).toBe(200);
    expect(next.json().events[0].id).not.toBe(first.json().events[0].id);
  });
});
