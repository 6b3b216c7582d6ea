// What each kind of environment variable accepts. A field reads one variable: unset or empty
// takes the default; anything else must parse, or the field's issue is one line that names the
// variable and says what it accepts (README → Configuration lists them all).
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import ipaddr from "ipaddr.js";
import { z } from "zod";

/** A field is made for the variable it reads, so that its messages can name it. */
export type Field<T> = (name: string) => z.ZodType<T, string | undefined>;

/** One object schema over the environment, each field given its variable's name. */
export function variables<F extends Record<string, Field<unknown>>>(fields: F) {
  const shape = Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field(name)]));
  return z.object(shape as { [K in keyof F]: ReturnType<F[K]> });
}

/**
 * The shared shape of most fields: `parse` gives the value or null when the text is not
 * accepted. Values that may carry credentials (database and Redis URLs) are not echoed: the
 * line goes to the terminal and to whatever collects the process's output.
 */
function field<T>(fallback: T, accepts: string, parse: (raw: string) => T | null, { echo = true } = {}): Field<T> {
  return (name) =>
    z
      .string()
      .optional()
      .transform((raw, ctx) => {
        if (raw === undefined || raw.trim() === "") return fallback;
        const value = parse(raw.trim());
        if (value !== null) return value;
        ctx.addIssue({ code: "custom", message: `${name} must be ${accepts}${echo ? `, not "${raw}"` : ""}.` });
        return z.NEVER;
      });
}

/** For rules kept beside the code they serve (TRUST_PROXY, OAUTH_CLIENTS, SECRET_KEY): their errors are already whole lines. */
export function reader<T>(read: (raw: string | undefined) => T): Field<T> {
  return () =>
    z
      .string()
      .optional()
      .transform((raw, ctx) => {
        try {
          return read(raw);
        } catch (error) {
          ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
          return z.NEVER;
        }
      });
}

/** Taken as written; another reader checks it (the delivery settings, which depend on each other). */
export const text: Field<string | undefined> = () => z.string().optional();

export function wholeNumber(
  fallback: number,
  { min, max = Number.MAX_SAFE_INTEGER, accepts }: { min: number; max?: number; accepts: string },
): Field<number> {
  return field(fallback, accepts, (raw) => {
    if (!/^\d+$/.test(raw)) return null;
    const value = Number(raw);
    return value >= min && value <= max ? value : null;
  });
}

/** Fractions allowed ("0.05"). */
export function positiveNumber(fallback: number, accepts: string): Field<number> {
  return field(fallback, accepts, (raw) => {
    const value = decimal(raw);
    return value > 0 ? value : null;
  });
}

/** Zero or more; fractions allowed. */
export function nonNegativeNumber(fallback: number, accepts: string): Field<number> {
  return field(fallback, accepts, (raw) => {
    const value = decimal(raw);
    return value >= 0 ? value : null;
  });
}

const decimal = (raw: string) => (/^(\d+\.?\d*|\.\d+)$/.test(raw) ? Number(raw) : Number.NaN);

export const port = (fallback: number) => wholeNumber(fallback, { min: 0, max: 65535, accepts: "a port number from 0 to 65535" });

export function oneOf<const V extends string>(values: readonly V[], fallback: V): Field<V> {
  const list = `${values.slice(0, -1).join(", ")} or ${values.at(-1)}`;
  return field(fallback, `one of ${list}`, (raw) => ((values as readonly string[]).includes(raw) ? (raw as V) : null));
}

const hostLabel = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
const hostNamePattern = new RegExp(`^(?=.{1,253}$)${hostLabel}(\\.${hostLabel})*\\.?$`);

/** An address to listen on: IPv4 (dotted), IPv6, or a name the machine resolves. */
export function listenHost(fallback: string): Field<string> {
  return field(fallback, 'an IP address or a host name to listen on, such as 127.0.0.1, 0.0.0.0 or "::"', (raw) =>
    hostNamePattern.test(raw) || ipaddr.IPv6.isValid(raw) ? raw : null,
  );
}

/**
 * The origin the app is served from. A path would be dropped without a word (cookies, CORS
 * and passkeys all work on origins), so one is refused rather than ignored.
 */
export function publicOrigin(): Field<string | undefined> {
  return field(undefined, "an http:// or https:// URL with no path, such as https://account.example.com", (raw) => {
    const url = URL.parse(raw);
    if (!url || !["http:", "https:"].includes(url.protocol)) return null;
    if (url.pathname !== "/" || url.search || url.hash || url.username || url.password) return null;
    return url.origin;
  });
}

/** A URL of one of `protocols` (e.g. "postgres:"); never echoed, since it may hold a password. */
export function serviceUrl(protocols: string[], accepts: string): Field<string | undefined> {
  return field(undefined, accepts, (raw) => (protocols.includes(URL.parse(raw)?.protocol ?? "") ? raw : null), { echo: false });
}

/** A folder, made on first start if it is missing; an existing file in its place is refused. */
export function folder(fallback: string): Field<string> {
  return field(resolve(fallback), "a folder (made if missing)", (raw) => {
    try {
      const path = resolve(raw);
      return !existsSync(path) || statSync(path).isDirectory() ? path : null;
    } catch {
      return null;
    }
  });
}

/** "1" turns it on; "0" or unset leaves it off. */
export const flag: Field<boolean> = field(false, "1 or 0", (raw) => (raw === "1" ? true : raw === "0" ? false : null));
