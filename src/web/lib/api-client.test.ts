// The API client's "confirm it's you": a REAUTH_REQUIRED answer waits for the registered
// prompt and the same request is sent again; cancelled, the refusal stands. (fetch is a
// stand-in here; the browser tests drive the real server.)
import { afterEach, describe, expect, it, vi } from "vitest";
import { api, ApiError, requestsSettled, setReauthHandler } from "./api-client";

const reauthRequired = () =>
  new Response(JSON.stringify({ error: { code: "REAUTH_REQUIRED", message: "For your security, confirm it's you." } }), {
    status: 403,
    headers: { "content-type": "application/json" },
  });
const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });

let unregister: (() => void) | undefined;
afterEach(() => {
  unregister?.();
  vi.unstubAllGlobals();
});

describe("re-authentication in the API client", () => {
  it("sends the same request again once the prompt is confirmed", async () => {
    const fetch = vi.fn().mockResolvedValueOnce(reauthRequired()).mockResolvedValueOnce(ok({ signedOutDevices: 2 }));
    vi.stubGlobal("fetch", fetch);
    const prompt = vi.fn().mockResolvedValue(true);
    unregister = setReauthHandler(prompt);

    await expect(api("POST", "/sessions/sign-out-others", { x: 1 })).resolves.toEqual({ signedOutDevices: 2 });
    expect(prompt).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch.mock.calls[1]).toEqual(fetch.mock.calls[0]);
  });

  it("keeps the refusal when the prompt is cancelled", async () => {
    vi.stubGlobal("fetch", vi.fn().mockResolvedValue(reauthRequired()));
    unregister = setReauthHandler(() => Promise.resolve(false));
    const failure = await api("POST", "/account/two-step/totp/setup").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).code).toBe("REAUTH_REQUIRED");
  });

  it("never asks for a proof while sending the proof itself", async () => {
    vi.stubGlobal("fetch", vi.fn().mockResolvedValue(reauthRequired()));
    const prompt = vi.fn().mockResolvedValue(true);
    unregister = setReauthHandler(prompt);
    await expect(api("POST", "/auth/reauthenticate", { password: "x" }, { reauth: false })).rejects.toBeInstanceOf(ApiError);
    expect(prompt).not.toHaveBeenCalled();
  });

  it("counts the request as under way while the prompt is open", async () => {
    vi.stubGlobal("fetch", vi.fn().mockResolvedValueOnce(reauthRequired()).mockResolvedValueOnce(ok({})));
    let confirm!: (confirmed: boolean) => void;
    unregister = setReauthHandler(() => new Promise((resolve) => (confirm = resolve)));
    let settled = false;
    const request = api("POST", "/sessions/sign-out-all");
    await vi.waitFor(() => expect(confirm).toBeDefined());
    void requestsSettled().then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).toBe(false);
    confirm(true);
    await request;
    await vi.waitFor(() => expect(settled).toBe(true));
  });
});
