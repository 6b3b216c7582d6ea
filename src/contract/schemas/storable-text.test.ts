// Strings PostgreSQL cannot keep (NUL, unpaired surrogates) stop at the contract. Besides the
// rule itself, every string in every request schema the server validates with (bodies, query
// strings, path parameters) is proved to refuse them: the schemas are collected as Fastify
// compiles them, so a route added later is checked without anyone listing it here.
import type { FastifySchema } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { CoreDeps } from "../../core/deps";
import { buildApp } from "../../server/app";
import { isStorableText, text, unstorableTextMessage } from "./common";

interface CompiledSchema {
  method: string;
  url: string;
  httpPart: string;
  schema: z.ZodType;
}
const compiled = vi.hoisted(() => [] as CompiledSchema[]);

vi.mock("fastify-type-provider-zod", async (importOriginal) => {
  const original = await importOriginal<typeof import("fastify-type-provider-zod")>();
  return {
    ...original,
    validatorCompiler: (route: Parameters<typeof original.validatorCompiler>[0]) => {
      compiled.push(route as unknown as CompiledSchema);
      return original.validatorCompiler(route);
    },
  };
});

/**
 * Fields only ever compared, never stored or sent to the database: a token a service passes on
 * from a viewer is answered as an unknown one ({"active": false}, or nothing to revoke) whatever
 * it holds, since a 400 would read to the service as Usher failing. The shape check in
 * session-token.ts turns it away before any query.
 */
const COMPARED_ONLY = ["POST /oauth/introspect body.token", "POST /oauth/revoke body.token"];

const UNSTORABLE = { NUL: "\u0000", "a lone high surrogate": "\ud800", "a lone low surrogate": "\udc00" };

/** Values some string field accepts: a field must take one of them for its refusals to mean anything. */
const ACCEPTED_SOMEWHERE = [
  "abc",
  "US",
  "1234",
  "123456",
  "BCDF-GHJK",
  "AAAAAAAAAAAAAAAAAAAAAA",
  "00000000-0000-4000-8000-000000000000",
  "viewer@example.com",
  "UTC",
];

/**
 * Every string field of a zod schema that takes a string it cannot store, as "path: value".
 * Enums, literals and numbers refuse such strings by their nature; z.unknown() holds no field.
 */
function storableTextGaps(schema: z.ZodType, path = "$"): string[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  const inner = (key: string, at = path) => storableTextGaps(def[key] as z.ZodType, at);
  switch (def.type) {
    case "string":
      return stringFieldGaps(schema, path);
    case "object":
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, field]) => storableTextGaps(field, `${path}.${key}`));
    case "array":
      return inner("element", `${path}[]`);
    case "record":
      return [...inner("keyType", `${path}{key}`), ...inner("valueType", `${path}{value}`)];
    case "union":
      return (def.options as z.ZodType[]).flatMap((option, index) => storableTextGaps(option, `${path}|${index}`));
    case "intersection":
      return [...inner("left"), ...inner("right")];
    case "pipe":
      return [...inner("in"), ...inner("out")];
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      return inner("innerType");
    default:
      return [];
  }
}

function stringFieldGaps(field: z.ZodType, path: string): string[] {
  const accepted = ACCEPTED_SOMEWHERE.find((value) => field.safeParse(value).success);
  if (accepted === undefined) return [`${path}: takes none of the sample values; add one it takes to ACCEPTED_SOMEWHERE`];
  // Put in place of the first and of the last character, so that a length rule is still met.
  return Object.entries(UNSTORABLE)
    .filter(([, bad]) => [bad + accepted.slice(1), accepted.slice(0, -1) + bad].some((value) => field.safeParse(value).success))
    .map(([name]) => `${path}: takes ${name}`);
}

describe("text()", () => {
  it("takes emoji, right-to-left scripts, combining marks and paired surrogates", () => {
    for (const value of ["🎬🍿", "👩‍👩‍👧", "שלום עולם", "مرحبا", "é", "ñ", "Z̤͔ͧ̑̓", "\ud83d\ude00", "\ufeff", "\u200f"]) {
      expect(isStorableText(value)).toBe(true);
      expect(text().safeParse(value).success).toBe(true);
    }
  });

  it("refuses NUL and every unpaired surrogate, with the rule's message", () => {
    for (const value of ["\u0000", "a\u0000b", "\ud800", "x\udbff", "\udc00", "\udfffx", "\udc00\ud800", "\ud800\ud800"]) {
      expect(isStorableText(value)).toBe(false);
      const result = text().max(60).safeParse(value);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.message)).toEqual([unstorableTextMessage]);
    }
  });

  it("keeps the checks chained after it", () => {
    const name = text().trim().min(1).max(5);
    expect(name.safeParse("  ab  ").data).toBe("ab");
    expect(name.safeParse("abcdef").success).toBe(false);
    expect(name.safeParse("   ").success).toBe(false);
  });

  it("would catch a request schema with a plain z.string() field", () => {
    const forgotten = z.strictObject({
      ok: text().max(10),
      nested: z.object({ name: z.string().max(10) }).optional(),
      tags: z.array(z.string()),
      pin: z.string().regex(/^\d{4}$/),
    });
    expect(storableTextGaps(forgotten)).toEqual([
      "$.nested.name: takes NUL",
      "$.nested.name: takes a lone high surrogate",
      "$.nested.name: takes a lone low surrogate",
      "$.tags[]: takes NUL",
      "$.tags[]: takes a lone high surrogate",
      "$.tags[]: takes a lone low surrogate",
    ]);
  });
});

describe("every request schema the server validates with", () => {
  beforeAll(async () => {
    // Built as for the OpenAPI document: no route runs, so no dependency is used.
    const app = await buildApp({
      core: {} as CoreDeps,
      allowedOrigins: ["http://localhost:3000"],
      production: false,
      devMailbox: true,
      checkDatabase: async () => {},
    });
    await app.ready();
    await app.close();
  });
  afterAll(() => {
    compiled.length = 0;
  });

  it("are collected for bodies, query strings and path parameters", () => {
    const parts = new Set(compiled.map((route) => route.httpPart));
    expect([...parts].sort()).toEqual(expect.arrayContaining(["body", "params", "querystring"]));
    const routes = new Set(compiled.map((route) => `${route.method} ${route.url}`));
    expect(routes).toContain("POST /api/v1/auth/sign-in");
    expect(routes).toContain("GET /api/v1/account/activity");
    expect(routes).toContain("DELETE /api/v1/sessions/:id");
    expect(routes).toContain("POST /oauth/device_authorization");
  });

  it("refuse NUL and lone surrogates in every string field", () => {
    const gaps = compiled.flatMap(({ method, url, httpPart, schema }) =>
      storableTextGaps(schema as FastifySchema as z.ZodType, httpPart)
        .map((gap) => `${method} ${url} ${gap}`)
        .filter((gap) => !COMPARED_ONLY.some((field) => gap.startsWith(`${field}:`))),
    );
    expect(gaps).toEqual([]);
  });
});
