// Whether an address is this machine's own: what the embedded dev mailbox is limited to.
import ipaddr from "ipaddr.js";

/** A HOST to listen on that only this machine can reach (0.0.0.0 and :: reach every interface). */
export function isLoopbackHost(host: string): boolean {
  return host === "localhost" || isLoopbackAddress(host);
}

/** A socket's peer address on this machine (IPv4 loopback written as IPv6 included). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address || !ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  return parsed.range() === "loopback";
}
