// The TV's calls to Usher's API, through the typed client in bearer mode (no cookie): who is
// signed in, the profiles, choosing one, and the event stream that says when this TV has
// been signed out.
import { createUsherClient, type UsherError } from "../../../../client";
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

/** The typed client as a TV app holds it: its bearer token, no cookie of this browser's. */
const tvUsher = (token: string) => createUsherClient({ baseUrl: window.location.origin, auth: { mode: "bearer", token } });

/** The answer's data, or the TV's words for a refusal: signed out (401), or what the catalogue says. */
async function answerOf<Data>(send: Promise<{ data?: Data; error?: unknown; response: Response }>): Promise<Data> {
  let answer: Awaited<typeof send>;
  try {
    answer = await send;
  } catch {
    throw new TvRefusal("NETWORK_ERROR", "Usher can't be reached right now.");
  }
  if (answer.response.ok) return answer.data as Data;
  const error = (answer.error as Partial<UsherError> | undefined)?.error;
  if (answer.response.status === 401) throw new TvSignedOut(error?.reason ?? "signed_out");
  throw new TvRefusal(error?.code ?? "NETWORK_ERROR", error?.message ?? "Usher can't be reached right now.");
}

export interface TvMe {
  account: { email: string };
  profile: PublicProfile | null;
}

export const tvApi = {
  me: (token: string): Promise<TvMe> => answerOf(tvUsher(token).GET("/api/v1/me")),
  profiles: async (token: string): Promise<PublicProfile[]> => (await answerOf(tvUsher(token).GET("/api/v1/profiles"))).profiles,
  /** A locked profile needs its PIN. */
  choose: async (token: string, profileId: string, pin?: string): Promise<PublicProfile> => {
    const body = pin === undefined ? {} : { pin };
    return (await answerOf(tvUsher(token).POST("/api/v1/profiles/{id}/choose", { params: { path: { id: profileId } }, body }))).profile;
  },
};

/**
 * Follows this TV's session events until `signal` aborts. Calls `onSignedOut` once when the
 * session is revoked or expires (or is already gone); a dropped stream is reopened.
 * EventSource cannot send a bearer token, so the stream is read with fetch.
 */
export async function watchTvSession(token: string, signal: AbortSignal, onSignedOut: () => void): Promise<void> {
  while (!signal.aborted) {
    try {
      const { data: stream, response } = await tvUsher(token).GET("/api/v1/sessions/events", {
        parseAs: "stream",
        headers: { accept: "text/event-stream" },
        signal,
      });
      if (response.status === 401) return onSignedOut();
      if (!response.ok || !stream) throw new Error(`event stream answered ${response.status}`);
      const reader = stream.pipeThrough(new TextDecoderStream()).getReader();
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
