// The typed client against the real app listening on 127.0.0.1: bearer mode as a phone app
// uses it, cookie mode as a browser does, and generated types that match the document.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ORIGIN, buildTestApp, STRONG_PASSWORD, type TestApp, uniqueEmail, withoutPerIpLimits } from "../../test/helper";
import { apiTypesSource } from "../server/openapi-document";
import { createUsherClient, errorCodeOf } from "./index";

let t: TestApp;
let baseUrl: string;

beforeAll(async () => {
  t = await buildTestApp({ config: withoutPerIpLimits });
  baseUrl = await t.app.listen({ host: "127.0.0.1", port: 0 });
});

afterAll(async () => {
  await t?.close();
});

describe("the generated API types", () => {
  it("match the OpenAPI document (run `npm run api:generate` after changing a route or schema)", async () => {
    const committed = readFileSync(new URL("./api-types.ts", import.meta.url), "utf8");
    expect(committed).toBe(await apiTypesSource());
  });
});

describe("bearer mode", () => {
  it("signs up as a phone app, picks a profile, lists devices and signs out of all of them", async () => {
    const anonymous = createUsherClient({ baseUrl, auth: { mode: "none" } });
    const email = uniqueEmail("client");
    t.logs.remember(STRONG_PASSWORD);
    const signUp = await anonymous.POST("/api/v1/auth/sign-up", {
      body: { email, password: STRONG_PASSWORD, profileName: "Robin", client: { kind: "mobile", name: "Robin's phone" } },
    });
    expect(signUp.response.status).toBe(201);
    const token = signUp.data!.token!;
    t.logs.remember(token);

    const usher = createUsherClient({ baseUrl, auth: { mode: "bearer", token: () => token } });
    const profiles = await usher.GET("/api/v1/profiles");
    const robin = profiles.data!.profiles[0]!;
    const chosen = await usher.POST("/api/v1/profiles/{id}/choose", { params: { path: { id: robin.id } }, body: {} });
    expect(chosen.data?.profile.name).toBe("Robin");

    const devices = await usher.GET("/api/v1/sessions");
    expect(devices.data?.sessions).toEqual([expect.objectContaining({ deviceKind: "mobile", deviceName: "Robin's phone", current: true })]);

    const signedOut = await usher.POST("/api/v1/sessions/sign-out-all");
    expect(signedOut.data).toEqual({ signedOutDevices: 1 });
    const after = await usher.GET("/api/v1/me");
    expect(after.response.status).toBe(401);
    expect(errorCodeOf(after.error)).toBe("SESSION_REVOKED");
  });

  it("answers catalogue errors as typed values", async () => {
    const anonymous = createUsherClient({ baseUrl, auth: { mode: "none" } });
    t.logs.remember("not-the-password");
    const wrong = await anonymous.POST("/api/v1/auth/sign-in", { body: { email: uniqueEmail("nobody"), password: "not-the-password" } });
    expect(wrong.response.status).toBe(401);
    expect(wrong.error?.error.code).toBe("INVALID_CREDENTIALS");
  });
});

describe("cookie mode", () => {
  it("sends the session cookie the server set and never an Authorization header", async () => {
    // Node's fetch keeps no cookies; this jar does what a browser does (and sends the Origin).
    const jar = new Map<string, string>();
    const seen: { credentials: Request["credentials"]; authorization: string | null }[] = [];
    const browserFetch: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      seen.push({ credentials: request.credentials, authorization: request.headers.get("authorization") });
      const headers = new Headers(request.headers);
      headers.set("origin", APP_ORIGIN);
      if (jar.size > 0) headers.set("cookie", [...jar].map(([name, value]) => `${name}=${value}`).join("; "));
      const response = await fetch(new Request(request, { headers }));
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(";");
        const [name, value] = pair!.split("=");
        t.logs.remember(value);
        if (value) jar.set(name!, value);
        else jar.delete(name!);
      }
      return response;
    };
    const usher = createUsherClient({ baseUrl, auth: { mode: "cookie" }, fetch: browserFetch });
    const signUp = await usher.POST("/api/v1/auth/sign-up", { body: { email: uniqueEmail("cookie"), password: STRONG_PASSWORD } });
    expect(signUp.response.status).toBe(201);
    expect(signUp.data?.token).toBeUndefined();
    expect(jar.has("__Host-usher_session")).toBe(true);

    const me = await usher.GET("/api/v1/me");
    expect(me.data?.session.deviceKind).toBe("web");
    expect(seen.every((request) => request.credentials === "include" && request.authorization === null)).toBe(true);
  });
});
