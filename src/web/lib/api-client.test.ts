// The web app's calls through the typed client: a REAUTH_REQUIRED answer waits for the
// registered "confirm it's you" prompt and the same request is sent again; cancelled, the
// refusal stands. (fetch is a stand-in here; the browser tests drive the real server.)
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createUsherClient } from "../../client";
import { ApiError, call, failureMessage, requestsSettled, setReauthHandler, setSessionLostHandler } from "./api-client";
import { showLanguageInTests } from "./show-language-in-tests";

const reauthRequired = () =>
  new Response(JSON.stringify({ error: { code: "REAUTH_REQUIRED", message: "For your security, confirm it's you." } }), {
    status: 403,
    headers: { "content-type": "application/json" },
  });
const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });

const clientWith = (fetch: typeof globalThis.fetch) => createUsherClient({ baseUrl: "http://usher.test", auth: { mode: "cookie" }, fetch });

let unregister: (() => void) | undefined;
beforeEach(() => showLanguageInTests("en"));
afterEach(() => unregister?.());

describe("re-authentication in the API client", () => {
  it("sends the same request again once the prompt is confirmed", async () => {
    const fetch = vi
      .fn<typeof globalThis.fetch>()
      .mockResolvedValueOnce(reauthRequired())
      .mockResolvedValueOnce(ok({ signedOutOtherDevices: 2 }));
    const usher = clientWith(fetch);
    const prompt = vi.fn().mockResolvedValue(true);
    unregister = setReauthHandler(prompt);

    const body = { code: "123456", signOutOtherDevices: true };
    await expect(call(() => usher.POST("/api/v1/account/two-step/totp/enable", { body }))).resolves.toEqual({ signedOutOtherDevices: 2 });
    expect(prompt).toHaveBeenCalledTimes(1);
    const sent = await Promise.all(
      fetch.mock.calls.map(async ([request]) => {
        const { method, url, credentials } = request as Request;
        return { method, url, credentials, body: await (request as Request).text() };
      }),
    );
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual(sent[0]);
    expect(sent[0]).toEqual({
      method: "POST",
      url: "http://usher.test/api/v1/account/two-step/totp/enable",
      credentials: "include",
      body: JSON.stringify(body),
    });
  });

  it("keeps the refusal when the prompt is cancelled", async () => {
    const usher = clientWith(vi.fn<typeof globalThis.fetch>().mockResolvedValue(reauthRequired()));
    unregister = setReauthHandler(() => Promise.resolve(false));
    const failure = await call(() => usher.POST("/api/v1/account/two-step/totp/setup")).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).code).toBe("REAUTH_REQUIRED");
  });

  it("never asks for a proof while sending the proof itself", async () => {
    const usher = clientWith(vi.fn<typeof globalThis.fetch>().mockResolvedValue(reauthRequired()));
    const prompt = vi.fn().mockResolvedValue(true);
    unregister = setReauthHandler(prompt);
    const proof = () => usher.POST("/api/v1/auth/reauthenticate", { body: { password: "x" } });
    await expect(call(proof, { reauth: false })).rejects.toBeInstanceOf(ApiError);
    expect(prompt).not.toHaveBeenCalled();
  });

  it("counts the request as under way while the prompt is open", async () => {
    const usher = clientWith(vi.fn<typeof globalThis.fetch>().mockResolvedValueOnce(reauthRequired()).mockResolvedValueOnce(ok({})));
    let confirm!: (confirmed: boolean) => void;
    unregister = setReauthHandler(() => new Promise((resolve) => (confirm = resolve)));
    let settled = false;
    const request = call(() => usher.POST("/api/v1/sessions/sign-out-all"));
    await vi.waitFor(() => expect(confirm).toBeDefined());
    void requestsSettled().then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).toBe(false);
    confirm(true);
    await request;
    await vi.waitFor(() => expect(settled).toBe(true));
  });
});

describe("answers of the typed client, as the web app gets them", () => {
  const refusal = (status: number, code: string, headers: Record<string, string> = {}, extra: object = {}) =>
    new Response(JSON.stringify({ error: { code, message: `refused: ${code}`, ...extra } }), {
      status,
      headers: { "content-type": "application/json", ...headers },
    });

  it("answers the data of a success, and undefined for 204 No Content", async () => {
    const usher = clientWith(
      vi
        .fn<typeof globalThis.fetch>()
        .mockResolvedValueOnce(ok({ signedOutDevices: 3 }))
        .mockResolvedValueOnce(new Response(null, { status: 204 })),
    );
    await expect(call(() => usher.POST("/api/v1/sessions/sign-out-all"))).resolves.toEqual({ signedOutDevices: 3 });
    await expect(call(() => usher.DELETE("/api/v1/sessions/{id}", { params: { path: { id: "s1" } } }))).resolves.toBeUndefined();
  });

  it("turns a refusal into ApiError with the catalogue's code, message, issues and wait", async () => {
    const issues = [{ path: "email", message: "Enter a valid email." }];
    const usher = clientWith(
      vi
        .fn<typeof globalThis.fetch>()
        .mockResolvedValueOnce(refusal(400, "VALIDATION_FAILED", {}, { issues }))
        .mockResolvedValueOnce(refusal(429, "RATE_LIMITED", { "retry-after": "90" })),
    );
    const body = { email: "x", password: "y" };
    const invalid = (await call(() => usher.POST("/api/v1/auth/sign-in", { body }), { signedIn: false }).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(invalid).toMatchObject({ status: 400, code: "VALIDATION_FAILED", message: "refused: VALIDATION_FAILED", issues });
    const throttled = (await call(() => usher.POST("/api/v1/auth/sign-in", { body }), { signedIn: false }).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(throttled).toMatchObject({ status: 429, code: "RATE_LIMITED", retryAfterSec: 90 });
    expect(failureMessage(throttled, "")).toBe("Too many attempts. Please wait 2 minutes and try again.");
  });

  it("says how long to wait in the shown language, counted as each language counts", () => {
    const waiting = (retryAfterSec: number) => failureMessage(new ApiError(429, "RATE_LIMITED", "", [], retryAfterSec), "");
    expect(waiting(1)).toBe("Too many attempts. Please wait 1 second and try again.");
    expect(waiting(45)).toBe("Too many attempts. Please wait 45 seconds and try again.");
    expect(waiting(60)).toBe("Too many attempts. Please wait 1 minute and try again.");
    showLanguageInTests("es");
    expect(waiting(1)).toBe("Demasiados intentos. Espera 1 segundo e inténtalo de nuevo.");
    expect(waiting(90)).toBe("Demasiados intentos. Espera 2 minutos e inténtalo de nuevo.");
    showLanguageInTests("ar");
    expect(waiting(1)).toBe("محاولات كثيرة جدًا. يُرجى الانتظار ثانية واحدة ثم المحاولة مرة أخرى.");
    expect(waiting(2)).toBe("محاولات كثيرة جدًا. يُرجى الانتظار ثانيتين ثم المحاولة مرة أخرى.");
    expect(waiting(5)).toBe("محاولات كثيرة جدًا. يُرجى الانتظار 5 ثوانٍ ثم المحاولة مرة أخرى.");
    expect(waiting(30)).toBe("محاولات كثيرة جدًا. يُرجى الانتظار 30 ثانية ثم المحاولة مرة أخرى.");
    expect(waiting(120)).toBe("محاولات كثيرة جدًا. يُرجى الانتظار دقيقتين ثم المحاولة مرة أخرى.");
    expect(waiting(180)).toBe("محاولات كثيرة جدًا. يُرجى الانتظار 3 دقائق ثم المحاولة مرة أخرى.");
  });

  it("tells the session-lost handler when a signed-in call finds the session gone, but not before signing in", async () => {
    const lost = vi.fn();
    setSessionLostHandler(lost);
    const usher = clientWith(
      vi.fn<typeof globalThis.fetch>().mockImplementation(async () => refusal(401, "SESSION_REVOKED", {}, { reason: "password_changed" })),
    );
    await expect(call(() => usher.GET("/api/v1/me"))).rejects.toMatchObject({ code: "SESSION_REVOKED", reason: "password_changed" });
    expect(lost).toHaveBeenCalledTimes(1);
    await expect(call(() => usher.GET("/api/v1/me"), { signedIn: false })).rejects.toBeInstanceOf(ApiError);
    expect(lost).toHaveBeenCalledTimes(1);
  });

  it("says Usher can't be reached when fetch fails, and something went wrong when an answer isn't Usher's error body", async () => {
    const usher = clientWith(
      vi
        .fn<typeof globalThis.fetch>()
        .mockRejectedValueOnce(new TypeError("Failed to fetch"))
        .mockResolvedValueOnce(new Response("<html>Bad gateway</html>", { status: 502, headers: { "content-type": "text/html" } }))
        .mockResolvedValueOnce(new Response("null", { status: 500, headers: { "content-type": "application/json" } })),
    );
    await expect(call(() => usher.GET("/api/v1/me"))).rejects.toMatchObject({ status: 0, code: "NETWORK_ERROR" });
    await expect(call(() => usher.GET("/api/v1/me"))).rejects.toMatchObject({
      status: 502,
      code: "INTERNAL_ERROR",
      message: "Something went wrong on our side. Please try again.",
    });
    await expect(call(() => usher.GET("/api/v1/me"))).rejects.toMatchObject({ status: 500, code: "INTERNAL_ERROR" });
  });
});
