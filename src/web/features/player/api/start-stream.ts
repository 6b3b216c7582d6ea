// Start watching a title on this device: the stream and how often to heartbeat, or, when every
// screen of the plan is taken, where the account is watching (409 TOO_MANY_STREAMS carries it),
// or that the profile may not watch the title (TITLE_RESTRICTED: its rating or parental controls).
// Takes a Caller, so the player of this browser and an app signed in with a token share it.
import type { z } from "zod";
import type { streamResponse, tooManyStreamsResponse, watchingNow } from "../../../../contract/schemas/streams";
import { ApiError, call } from "../../../lib/api-client";
import type { Caller } from "../../../lib/usher";

export type StartedStream = z.infer<typeof streamResponse>;
export type WatchingNow = z.infer<typeof watchingNow>;

export type StartAnswer =
  | { ok: true; started: StartedStream }
  | { ok: false; code: "TOO_MANY_STREAMS"; watching: WatchingNow[] }
  | { ok: false; code: "TITLE_RESTRICTED" };

/** Any other refusal is thrown, as ApiError. */
export async function startStream(titleId: string, as: Caller): Promise<StartAnswer> {
  let watching: WatchingNow[] = [];
  try {
    const started = await call(async () => {
      const answer = await as.client.POST("/api/v1/streams", { body: { titleId } });
      // call() keeps the catalogue's code and message; the list is read here, before it does.
      if (answer.response.status === 409) watching = (answer.error as z.infer<typeof tooManyStreamsResponse>).error.watching ?? [];
      return answer;
    }, as.options);
    return { ok: true, started };
  } catch (error) {
    if (error instanceof ApiError && error.code === "TOO_MANY_STREAMS") return { ok: false, code: "TOO_MANY_STREAMS", watching };
    if (error instanceof ApiError && error.code === "TITLE_RESTRICTED") return { ok: false, code: "TITLE_RESTRICTED" };
    throw error;
  }
}
