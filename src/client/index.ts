// The typed client for Usher's JSON API (/api/v1), for phone apps, TV apps and browsers. Its
// types are generated from the OpenAPI document (api-types.ts), so a call that doesn't
// match the contract doesn't compile. Browser-safe: only fetch. Compiled on its own
// (tsconfig.build.json) into dist/client, the package's "./client" export.
//
//   const usher = createUsherClient({ baseUrl, auth: { mode: "bearer", token: () => stored } });
//   const { data, error } = await usher.GET("/api/v1/sessions");
import createClient, { type Client } from "openapi-fetch";
import type { components, paths } from "./api-types.js";

export type { components, paths } from "./api-types.js";

/**
 * How requests are authenticated. Apps keep their token and send it as a bearer token
 * (`token` may be a function, so a token that changes, e.g. after a password change, is
 * always the current one). Browsers use the HttpOnly session cookie the server set.
 */
export type UsherAuth = { mode: "bearer"; token: string | (() => string | undefined) } | { mode: "cookie" } | { mode: "none" };

export interface UsherClientOptions {
  /** Where Usher is served, e.g. "https://usher.example" (no /api/v1). */
  baseUrl: string;
  auth: UsherAuth;
  /** Another fetch (tests, React Native polyfills). */
  fetch?: typeof globalThis.fetch;
}

export type UsherClient = Client<paths>;

/** The catalogue's error body, as every /api/v1 error answer carries it. */
export type UsherError = components["schemas"]["Error"];
export type UsherErrorCode = UsherError["error"]["code"];

export function createUsherClient(options: UsherClientOptions): UsherClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/$/, ""),
    // A cookie client must send the cookie; a bearer client must never ride on one.
    credentials: options.auth.mode === "cookie" ? "include" : "omit",
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const auth = options.auth;
  if (auth.mode === "bearer") {
    client.use({
      onRequest({ request }) {
        const token = typeof auth.token === "function" ? auth.token() : auth.token;
        if (token) request.headers.set("authorization", `Bearer ${token}`);
        return request;
      },
    });
  }
  return client;
}

/** The stable error code of a failed call's `error`, or undefined when it isn't a catalogue error. */
export function errorCodeOf(error: unknown): UsherErrorCode | undefined {
  const code = (error as Partial<UsherError> | undefined)?.error?.code;
  return typeof code === "string" ? code : undefined;
}
