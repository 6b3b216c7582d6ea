// Requests for the API fuzz test, read off the OpenAPI document: its operations, values its
// schemas accept (preferring ones the API handed out, so that the deeper code runs), and the
// mutations that make one thing about a valid request wrong.
import { DEVICE_CODE_GRANT } from "../../src/contract/schemas/tv-sign-in";
import { fuzzString, fuzzValue, type Random, RawJson, wtf8QueryValue } from "./fuzz-inputs";

export interface Schema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

export interface Parameter {
  in: "path" | "query" | "header" | "cookie";
  name: string;
  required?: boolean;
  schema: Schema;
}

export interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: { contentType: string; schema: Schema };
  needsSession: boolean;
  /** Called by the platform's services, with a service client's credentials. */
  asService: boolean;
  /** Answers a stream that stays open while the session lives. */
  streams: boolean;
}

type DocumentedOperation = {
  parameters?: Parameter[];
  security?: unknown[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, unknown> }>;
};
export interface OpenApiDocument {
  paths: Record<string, Record<string, DocumentedOperation>>;
  components: { schemas: Record<string, Schema> };
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, operation]) => {
      const [contentType, media] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
      const needsSession = requires(operation, "bearer") || requires(operation, "cookie");
      return {
        method: method.toUpperCase(),
        path,
        parameters: operation.parameters ?? [],
        ...(contentType && media ? { body: { contentType, schema: media.schema } } : {}),
        needsSession,
        // A session route a service may also call for a viewer is fuzzed as the viewer's device.
        asService: !needsSession && requires(operation, "serviceClient"),
        streams: Object.values(operation.responses).some((response) => "text/event-stream" in (response.content ?? {})),
      };
    }),
  );
}

const requires = (operation: DocumentedOperation, scheme: string): boolean =>
  (operation.security ?? []).some((requirement) => scheme in (requirement as Record<string, unknown>));

/** How to draw values. `everyField` fills in every optional field and array, to reach every string. */
export interface Draw {
  random: Random;
  schemas: Record<string, Schema>;
  account: { email: string; password: string };
  /** A value the API handed out under this field name, if any. */
  given(name: string): string | undefined;
  everyField?: boolean;
}

/** A value that a field or parameter of this name and schema accepts, most of the time. */
export function validFor(schema: Schema, draw: Draw, name = "", depth = 0): unknown {
  const { random } = draw;
  if (schema.$ref) return validFor(draw.schemas[schema.$ref.split("/").pop()!]!, draw, name, depth);
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return validFor(random.pick(options.filter((option) => option.type !== "null")), draw, name, depth);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((part) => validFor(part, draw, name, depth)));
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return random.pick(schema.enum);
  const given = draw.given(name);
  if (given !== undefined && random.chance(0.75)) return given;
  const type = Array.isArray(schema.type) ? schema.type.find((kind) => kind !== "null") : schema.type;
  switch (type) {
    case "object": {
      const fields = Object.entries(schema.properties ?? {}).filter(
        ([key]) => draw.everyField || schema.required?.includes(key) || random.chance(0.5),
      );
      return Object.fromEntries(fields.map(([key, field]) => [key, validFor(field, draw, key, depth + 1)]));
    }
    case "array": {
      const length = depth > 4 ? 0 : (draw.everyField ? 1 : 0) + random.int(3);
      return Array.from({ length }, () => validFor(schema.items ?? {}, draw, name, depth + 1));
    }
    case "boolean":
      return random.chance(0.5);
    case "integer":
    case "number":
      return (schema.minimum ?? 0) + random.int(Math.min(50, (schema.maximum ?? 50) - (schema.minimum ?? 0) + 1));
    case "string":
      return validString(schema, draw, name);
    default:
      return null;
  }
}

/** Values that fit the contract's patterns: user codes, 6-digit codes, PINs, countries, session ids. */
const SAMPLES = ["BCDFGHJK", "123456", "1234", "US", "AAAAAAAAAAAAAAAAAAAAAA", "abcde-fghjk"];

function validString(schema: Schema, { random, account }: Draw, name: string): string {
  if (/email/i.test(name)) return random.chance(0.6) ? account.email : `someone.${random.int(1e9)}@example.com`;
  if (/^(password|currentPassword)$/.test(name)) return random.chance(0.85) ? account.password : "wrong-password-12";
  if (name === "newPassword") return random.pick(["copper-lantern-meadow-77", "short", account.password, "password123"]);
  if (name === "phone") return random.pick(["+14155550123", "+447700900123", "+12025550143", "+447911123456", "not a number"]);
  if (name === "client_id") return random.pick(["usher-tv", "usher-tv", "usher-phone", "someone-else"]);
  if (name === "grant_type") return random.pick([DEVICE_CODE_GRANT, DEVICE_CODE_GRANT, "password", "authorization_code"]);
  if (schema.format === "uuid") return seededUuid(random);
  if (schema.format === "date-time") return new Date(random.int(4e12)).toISOString();
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    const fits = SAMPLES.filter((sample) => pattern.test(sample));
    if (fits.length > 0) return random.pick(fits);
  }
  const min = schema.minLength ?? 1;
  const max = Math.min(schema.maxLength ?? 40, min + 40);
  return "fuzz value ".repeat(10).slice(0, min + random.int(max - min + 1)) || "x";
}

/** A version-4 UUID from the seeded generator, so that a run replays with the same ids. */
function seededUuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => random.int(16).toString(16));
  hex[12] = "4";
  hex[16] = "89ab"[random.int(4)]!;
  const at = [0, 8, 12, 16, 20, 32];
  return at
    .slice(1)
    .map((end, i) => hex.slice(at[i], end).join(""))
    .join("-");
}

/** Which handed-out values a parameter takes: /profiles/{id} a profileId, ?cursor= a nextCursor. */
export function handedOutAs(operation: Operation, parameter: Parameter): string {
  if (parameter.name === "cursor") return "nextCursor";
  const owner = new RegExp(`/(\\w+?)s?/\\{${parameter.name}\\}`).exec(operation.path)?.[1];
  return parameter.name === "id" && owner ? `${owner}Id` : parameter.name;
}

/** Makes one thing about a body wrong: most often one field's value, else a missing or extra field, or the shape. */
export function mutate(body: unknown, random: Random): unknown {
  const roll = random.next();
  if (body === null || typeof body !== "object" || roll < 0.1) return fuzzValue(random);
  if (roll < 0.15) return random.pick([[body], [], new RawJson(`{"a":${"[".repeat(1000)}${"]".repeat(1000)}}`)]);
  const copy = structuredClone(body) as Record<string, unknown>;
  const fields = everyField(copy);
  if (fields.length === 0 || roll < 0.3) {
    const [holder] = random.pick([[copy] as const, ...fields]);
    const name = random.pick(["extra", "__proto__", "constructor", "x".repeat(300), "\u0000", "\ud800", "a\ud800b"]);
    // defineProperty: `holder.__proto__ = …` would set the prototype, and JSON would not show it.
    Object.defineProperty(holder, name, { value: fuzzValue(random), enumerable: true, configurable: true, writable: true });
  } else if (roll < 0.4) {
    const [holder, key] = random.pick(fields);
    delete holder[key];
  } else {
    const [holder, key] = random.pick(fields);
    holder[key] = typeof holder[key] === "string" && random.chance(0.8) ? fuzzString(random) : fuzzValue(random);
  }
  return copy;
}

type Field = [holder: Record<string, unknown>, key: string];

/** Every field of a body, however deep. */
function everyField(value: Record<string, unknown>): Field[] {
  return Object.entries(value).flatMap(([key, field]): Field[] => [
    [value, key],
    ...(field && typeof field === "object" ? everyField(field as Record<string, unknown>) : []),
  ]);
}

/** The string fields of a body, however deep, by path ("client.name"). */
export function stringFields(value: Record<string, unknown>, at = ""): [path: string, ...Field][] {
  return Object.entries(value).flatMap(([key, field]): [string, ...Field][] =>
    typeof field === "string"
      ? [[`${at}${key}`, value, key]]
      : field && typeof field === "object"
        ? stringFields(field as Record<string, unknown>, `${at}${key}.`)
        : [],
  );
}

/** `inserted` in the middle of an otherwise fine value. */
export const within = (value: string, inserted: string) => value.slice(0, value.length >> 1) + inserted + value.slice(value.length >> 1);

/** A path parameter no route expects: bad escapes, encoded slashes and dots, over-long, look-alike ids. */
export function pathJunk(random: Random): string {
  const raw = random.pick([
    "%",
    "%zz",
    "%00",
    "%ED%A0%80",
    "%2F",
    "..",
    "%2e%2e",
    "A".repeat(101),
    "A".repeat(2000),
    "-",
    "00000000-0000-0000-0000-000000000000",
    "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
  ]);
  return random.chance(0.5) ? raw : wtf8QueryValue(fuzzString(random));
}
