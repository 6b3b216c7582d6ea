// The TV's calls to Usher's API, with its bearer token (no cookie): who is signed in, the
// profiles, choosing one, and the event stream that says when this TV has been signed out.
import type { PublicProfile } from "../../../../contract/schemas/profiles";
import { sessionEventNames } from "../../../../contract/schemas/sessions";

export class TvSignedOut extends Error {
  constructor(readonly reason: string) {
    super("This TV was signed out.");
  }
}

/** A refusal the TV shows in words (a wrong PIN, say); `code` is the catalogue's. */
export class TvRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(token: string, method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api/v1${path}`, {
    method,
    credentials: "omit",
    headers: {
      authorization: `Bearer ${token}`,
      accept: "application/json",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await response.json().catch(() => null)) as (T & { error?: { code: string; message: string; reason?: string } }) | null;
  if (response.status === 401) throw new TvSignedOut(json?.error?.reason ?? "signed_out");
  if (!response.ok) throw new TvRefusal(json?.error?.code ?? "NETWORK_ERROR", json?.error?.message ?? "Usher can't be reached right now.");
  return json as T;
}

export interface TvMe {
  account: { email: string };
  profile: PublicProfile | null;
}

export const tvApi = {
  me: (token: string) => call<TvMe>(token, "GET", "/me"),
  profiles: async (token: string) => (await call<{ profiles: PublicProfile[] }>(token, "GET", "/profiles")).profiles,
  /** A locked profile needs its PIN. */
  choose: async (token: string, profileId: string, pin?: string) =>
    (await call<{ profile: PublicProfile }>(token, "POST", `/profiles/${profileId}/choose`, pin === undefined ? undefined : { pin })).profile,
};

/**
 * Follows this TV's session events until `signal` aborts. Calls `onSignedOut` once when the
 * session is revoked or expires (or is already gone); a dropped stream is reopened.
 * EventSource cannot send a bearer token, so the stream is read with fetch.
 */
export async function watchTvSession(token: string, signal: AbortSignal, onSignedOut: () => void): Promise<void> {
  while (!signal.aborted) {
    try {
      const response = await fetch("/api/v1/sessions/events", {
        credentials: "omit",
        headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" },
        signal,
      });
      if (response.status === 401) return onSignedOut();
      if (!response.ok || !response.body) throw new Error(`event stream answered ${response.status}`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.split("\n").includes(`event: ${sessionEventNames.signedOut}`)) return onSignedOut();
        }
      }
    } catch {
      if (signal.aborted) return;
    }
    // The stream ended without a sign-out (a restart, a proxy): wait a moment and reopen it.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}
