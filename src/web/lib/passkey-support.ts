// Whether this page can use passkeys at all, before offering a button that cannot work.
// Browsers refuse WebAuthn where the page's host is an IP address ("invalid domain") and
// wherever they have no WebAuthn (an old browser, or a page that isn't a secure context).
// Apart from webauthn.ts, so asking doesn't load the WebAuthn library.
import { t } from "./i18n";

/** An IPv4 or IPv6 address as `location.hostname` gives it (IPv6 in brackets), or bare. */
export function isIpAddress(hostname: string): boolean {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(hostname)) return true;
  // Only an IPv6 address carries a colon in a host name ("[::1]", "::1", "[fe80::1%25eth0]").
  return hostname.includes(":");
}

export interface PasskeyPlace {
  hostname: string;
  /** Whether the browser has WebAuthn here (`PublicKeyCredential`). */
  hasWebAuthn: boolean;
}

const thisPage = (): PasskeyPlace => ({
  hostname: globalThis.location?.hostname ?? "",
  hasWebAuthn: typeof globalThis.PublicKeyCredential === "function",
});

/** The truth when the browser refuses passkeys on an IP address. */
const onIpAddress = (hostname: string): string => t("common.passkeys.ipAddress", { hostname });

/**
 * What to say when the browser refused a passkey ceremony for the page's address (a
 * SecurityError), not because the person cancelled: trying again would change nothing.
 * `rpId` is the host name the server's passkeys belong to.
 */
export function refusedOnThisAddress(hostname: string, rpId: string | undefined): string {
  if (isIpAddress(hostname)) return onIpAddress(hostname);
  if (rpId && rpId !== hostname && !hostname.endsWith(`.${rpId}`)) {
    return t("common.passkeys.otherAddress", { hostname, rpId });
  }
  return t("common.passkeys.refusedHere", { hostname });
}

/** Why passkeys cannot work on this page, in words; undefined where they can. */
export function passkeysUnavailable(place: PasskeyPlace = thisPage()): string | undefined {
  if (!place.hasWebAuthn) return t("common.passkeys.noWebAuthn");
  if (isIpAddress(place.hostname)) return onIpAddress(place.hostname);
  return undefined;
}

/** Whether this page may offer passkey buttons. */
export const passkeysUsable = (place?: PasskeyPlace): boolean => passkeysUnavailable(place) === undefined;
