// The catalogue as Usher publishes it (GET /api/v1/titles, public): which titles exist, how each
// is rated and whether it is made for children, which is what decides who may watch it. Fetched
// on first need and kept for as long as Usher's Cache-Control allows, then fetched again; requests
// arriving while a fetch is under way share it. A failed fetch is not kept: the next request asks.
import { type MaturityRating, maturityRatings } from "usher/verifier";

export interface Title {
  id: string;
  name: string;
  rating: MaturityRating;
  forKids: boolean;
}

export interface CatalogueOptions {
  usherUrl: string;
  timeoutMs: number;
  /** Why a fetch failed, for the log. */
  onFailure: (reason: string) => void;
  /** Monotonic milliseconds (default performance.now). */
  now?: () => number;
}

export interface Catalogue {
  /** Usher's titles by id; null when Usher gave no usable list. */
  titles(): Promise<ReadonlyMap<string, Title> | null>;
}

const RATINGS: readonly string[] = maturityRatings;

export function usherCatalogue(options: CatalogueOptions): Catalogue {
  const base = new URL(options.usherUrl.endsWith("/") ? options.usherUrl : `${options.usherUrl}/`);
  const endpoint = new URL("api/v1/titles", base);
  const now = options.now ?? (() => performance.now());
  let kept: { titles: ReadonlyMap<string, Title>; freshUntil: number } | null = null;
  let fetching: Promise<ReadonlyMap<string, Title> | null> | null = null;

  async function fetchTitles(): Promise<ReadonlyMap<string, Title> | null> {
    const sentAt = now();
    let response: Response;
    let text: string;
    try {
      // Asked without the viewer's token: signed out, the answer is the whole catalogue and may be
      // kept, where an answer to a session lists only what its profile may watch, for no one to keep.
      response = await fetch(endpoint, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(options.timeoutMs) });
      text = await response.text();
    } catch (error) {
      options.onFailure(`could not reach Usher for its catalogue: ${failure(error)}`);
      return null;
    }
    if (response.status !== 200) {
      options.onFailure(`Usher's catalogue answered ${response.status}`);
      return null;
    }
    const titles = titlesFrom(parseJson(text));
    if (!titles) {
      options.onFailure("Usher's catalogue was not a list it gives");
      return null;
    }
    kept = { titles, freshUntil: sentAt + freshForMs(response.headers) };
    return titles;
  }

  return {
    async titles() {
      if (kept && now() < kept.freshUntil) return kept.titles;
      fetching ??= fetchTitles().finally(() => {
        fetching = null;
      });
      return fetching;
    },
  };
}

/** How long the answer may be kept: its max-age, less what a cache on the way already held it (Age). */
function freshForMs(headers: Headers): number {
  const cacheControl = headers.get("cache-control") ?? "";
  if (/(^|,)\s*(no-store|no-cache)\b/i.test(cacheControl)) return 0;
  const maxAge = Number(/(?:^|,)\s*max-age=(\d+)/i.exec(cacheControl)?.[1] ?? 0);
  const age = Number(headers.get("age") ?? 0) || 0;
  return Math.max(0, maxAge - age) * 1_000;
}

/** The titles Usher lists, or null when the body is not the list Usher gives. */
function titlesFrom(body: unknown): ReadonlyMap<string, Title> | null {
  const listed = (body as { titles?: unknown } | null)?.titles;
  if (!Array.isArray(listed)) return null;
  const titles = new Map<string, Title>();
  for (const title of listed as Array<Record<string, unknown> | null>) {
    const { id, name, rating, forKids } = title ?? {};
    if (typeof id !== "string" || typeof name !== "string" || typeof forKids !== "boolean") return null;
    if (typeof rating !== "string" || !RATINGS.includes(rating)) return null;
    titles.set(id, { id, name, rating: rating as MaturityRating, forKids });
  }
  return titles;
}

function failure(error: unknown): string {
  if (error instanceof Error && error.name === "TimeoutError") return "no answer in time";
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined)?.code : undefined;
  return `${error instanceof Error ? error.message : String(error)}${cause ? ` (${cause})` : ""}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
