// TRUST_PROXY: which proxies in front of Usher may say who the client is. A client can write
// any X-Forwarded-For it likes, so only the entries that trusted proxies appended count:
// either a number of hops (each load balancer in front appends one) or the proxies' own
// addresses and ranges. Trusting every entry ("true") would let any client pick the address
// its throttles count against, so it is refused.
import ipaddr from "ipaddr.js";

/** No proxy; the number of proxies in front; or the proxies' own addresses and CIDR ranges. */
export type TrustProxy = false | { hops: number } | { proxies: string[] };

const HOW_TO =
  "Set the number of proxies in front of Usher (TRUST_PROXY=1 behind one load balancer), or their addresses and ranges (TRUST_PROXY=10.0.0.0/8,127.0.0.1).";

export function readTrustProxy(raw: string | undefined): TrustProxy {
  const value = (raw ?? "").trim();
  if (value === "" || value === "false" || value === "0") return false;
  if (value === "true") {
    throw new Error(
      `TRUST_PROXY=true would believe any X-Forwarded-For a client writes, so every throttle could be walked around. ${HOW_TO}`,
    );
  }
  if (/^\d+$/.test(value)) return { hops: Number(value) };
  const entries = value.split(",").map((entry) => entry.trim());
  const invalid = entries.find((entry) => !isAddressOrRange(entry));
  if (invalid !== undefined) throw new Error(`TRUST_PROXY must be a number of hops or addresses and ranges, not "${invalid}". ${HOW_TO}`);
  return { proxies: entries };
}

/**
 * Fastify's trustProxy for it. A hop count is a function: Fastify takes a bare number as
 * "trust nothing", since a count can't tell the balancer from a client that reached the node
 * directly (so nodes trusted by count must be reachable only through the balancers).
 */
export function fastifyTrustProxy(trust: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  if (trust === false) return false;
  if ("proxies" in trust) return trust.proxies;
  // Hop 0 is the peer that connected; each trusted hop may name the one before it.
  return (_address, hop) => hop < trust.hops;
}

function isAddressOrRange(entry: string): boolean {
  if (ipaddr.isValid(entry)) return true;
  try {
    ipaddr.parseCIDR(entry);
    return true;
  } catch {
    return false;
  }
}
