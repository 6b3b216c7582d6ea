// Per-IP budgets count a client's network, not its exact address. An IPv6 subscriber is
// handed at least a /64 and can take a fresh address from it for every request, so IPv6
// addresses are keyed on their /64; IPv4 addresses (and IPv4 written as IPv6) on themselves.
import ipaddr from "ipaddr.js";
import type { RequestContext } from "../deps";

/** The budget key for an address: "203.0.113.7", or "2001:db8:1:2::/64". */
export function networkOf(ip: string | null): string {
  if (ip === null || !ipaddr.isValid(ip)) return ip ?? "unknown";
  const address = ipaddr.process(ip);
  if (address.kind() === "ipv4") return address.toString();
  const network = ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/64`);
  return `${network.toString()}/64`;
}

/** The network the request came from, as per-IP budgets key it. */
export const clientNetwork = (context: RequestContext): string => networkOf(context.ip);
