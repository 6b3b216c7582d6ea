// Settings that start, but leave part of Usher not working: said once at start, so the operator
// hears it before a member does.
import { isIP } from "node:net";
import type { ServerConfig } from "./server-config";

export function configWarnings(config: Pick<ServerConfig, "publicUrl">): string[] {
  const warnings: string[] = [];
  const { hostname } = new URL(config.publicUrl);
  // WebAuthn names a site by its domain: browsers refuse passkeys on an address like 127.0.0.1.
  if (isIP(hostname.replace(/^\[|\]$/g, "")) !== 0) {
    const suggestion = new URL(config.publicUrl);
    suggestion.hostname = "localhost";
    warnings.push(
      `PUBLIC_URL ${config.publicUrl} is an IP address, where browsers refuse passkeys: the web app hides them. ` +
        `Use a host name instead (${suggestion.origin} on this machine, or the site's domain).`,
    );
  }
  return warnings;
}
