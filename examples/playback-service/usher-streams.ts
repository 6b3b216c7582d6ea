// Usher's streams API, called by this service on a viewer's behalf: the service's own
// credentials (client_secret_basic) and the viewer's token in Usher-Viewer-Token. Usher counts
// the stream against the viewer's plan, shows it on their device list, and ends it when the
// device is signed out; the service relays what Usher answers in its own words.
import { TITLE_NOT_FOUND, TITLE_RESTRICTED } from "./title-access";

/** What the service answers its caller: Usher's status, and a body in the service's vocabulary. */
export interface Relayed {
  statusCode: number;
  body: Record<string, unknown> | null;
}

export interface UsherStreamsOptions {
  usherUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
}

export interface UsherStreams {
  start(viewerToken: string, titleId: string): Promise<Relayed>;
  heartbeat(viewerToken: string, streamId: string): Promise<Relayed>;
  stop(viewerToken: string, streamId: string): Promise<Relayed>;
}

const STREAM_ID = /^[A-Za-z0-9_-]{22}$/;
const UNAVAILABLE: Relayed = { statusCode: 503, body: { error: "usher_unavailable" } };

export function usherStreams(options: UsherStreamsOptions): UsherStreams {
  const base = new URL(options.usherUrl.endsWith("/") ? options.usherUrl : `${options.usherUrl}/`);
  const credentials = Buffer.from(`${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`).toString("base64");

  async function call(method: "POST" | "DELETE", path: string, viewerToken: string, body?: object): Promise<Response | null> {
    try {
      return await fetch(new URL(path, base), {
        method,
        headers: {
          authorization: `Basic ${credentials}`,
          "usher-viewer-token": viewerToken,
          ...(body ? { "content-type": "application/json" } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
        // The token and the credentials go to Usher only, never where a redirect points.
        redirect: "error",
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch {
      return null;
    }
  }

  /** Usher's error body, `{ error: { code, … } }`, or nothing usable. */
  async function usherError(response: Response): Promise<{ code?: unknown; reason?: unknown; watching?: unknown }> {
    const body = (await response.json().catch(() => null)) as { error?: Record<string, unknown> } | null;
    return body?.error ?? {};
  }

  /** Answers Usher gives for any streams call; null for one that needs the caller's own reading. */
  async function common(response: Response | null): Promise<Relayed | null> {
    if (!response || response.status >= 500 || response.status === 429) return UNAVAILABLE;
    if (response.status === 401) return { statusCode: 401, body: { error: "not_signed_in" } };
    if (response.status === 403) {
      const { code } = await usherError(response);
      // The service refuses such a title itself before asking; Usher's refusal is the second line.
      // Otherwise a Kids profile stops its own stream, never another device's.
      return { statusCode: 403, body: code === "TITLE_RESTRICTED" ? TITLE_RESTRICTED : { error: "not_allowed" } };
    }
    if (response.status === 404) {
      const { code } = await usherError(response);
      return { statusCode: 404, body: code === "TITLE_NOT_FOUND" ? TITLE_NOT_FOUND : { error: "stream_not_found" } };
    }
    return null;
  }

  return {
    async start(viewerToken, titleId) {
      const response = await call("POST", "api/v1/streams", viewerToken, { titleId });
      const relayed = await common(response);
      if (relayed) return relayed;
      if (response!.status === 409) {
        const { watching } = await usherError(response!);
        return { statusCode: 409, body: { error: "too_many_streams", watching: Array.isArray(watching) ? watching : [] } };
      }
      if (response!.status !== 201) return UNAVAILABLE;
      const started = (await response!.json().catch(() => null)) as { stream?: { id?: unknown }; heartbeatMs?: unknown } | null;
      const id = started?.stream?.id;
      if (typeof id !== "string" || typeof started?.heartbeatMs !== "number") return UNAVAILABLE;
      return { statusCode: 201, body: { streamId: id, heartbeatMs: started.heartbeatMs } };
    },

    async heartbeat(viewerToken, streamId) {
      if (!STREAM_ID.test(streamId)) return { statusCode: 404, body: { error: "stream_not_found" } };
      const response = await call("POST", `api/v1/streams/${streamId}/heartbeat`, viewerToken);
      const relayed = await common(response);
      if (relayed) return relayed;
      if (response!.status === 410) {
        const { reason } = await usherError(response!);
        return { statusCode: 410, body: { error: "stream_ended", reason: typeof reason === "string" ? reason : "stopped" } };
      }
      if (response!.status !== 200) return UNAVAILABLE;
      const { heartbeatMs } = ((await response!.json().catch(() => null)) ?? {}) as { heartbeatMs?: unknown };
      return typeof heartbeatMs === "number" ? { statusCode: 200, body: { heartbeatMs } } : UNAVAILABLE;
    },

    async stop(viewerToken, streamId) {
      if (!STREAM_ID.test(streamId)) return { statusCode: 404, body: { error: "stream_not_found" } };
      const response = await call("DELETE", `api/v1/streams/${streamId}`, viewerToken);
      const relayed = await common(response);
      if (relayed) return relayed;
      return response!.status === 204 ? { statusCode: 204, body: null } : UNAVAILABLE;
    },
  };
}
