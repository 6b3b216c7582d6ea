import { beforeEach, describe, expect, it } from "vitest";
import { isIpAddress, passkeysUnavailable, passkeysUsable, refusedOnThisAddress } from "./passkey-support";
import { showLanguageInTests } from "./show-language-in-tests";

beforeEach(() => showLanguageInTests("en"));

describe("where passkeys can work", () => {
  it("tells IPv4 and IPv6 addresses from host names", () => {
    for (const address of ["127.0.0.1", "192.168.1.20", "0.0.0.0", "[::1]", "::1", "[2001:db8::7]", "[fe80::1%25eth0]"]) {
      expect(isIpAddress(address), address).toBe(true);
    }
    for (const name of ["localhost", "usher.example.com", "tv-room", "xn--bcher-kva.example", "127.0.0.1.nip.io", "1.example"]) {
      expect(isIpAddress(name), name).toBe(false);
    }
  });

  it("offers passkeys on a named address of a browser with WebAuthn", () => {
    expect(passkeysUnavailable({ hostname: "localhost", hasWebAuthn: true })).toBeUndefined();
    expect(passkeysUsable({ hostname: "usher.example.com", hasWebAuthn: true })).toBe(true);
  });

  it("says why not on an IP address, and in a browser without WebAuthn", () => {
    expect(passkeysUnavailable({ hostname: "127.0.0.1", hasWebAuthn: true })).toMatch(
      /^This browser can't use passkeys on this address \(127\.0\.0\.1\): .*not on an IP address\.$/,
    );
    expect(passkeysUsable({ hostname: "[::1]", hasWebAuthn: true })).toBe(false);
    expect(passkeysUnavailable({ hostname: "usher.example.com", hasWebAuthn: false })).toMatch(/^This browser can't use passkeys\./);
  });

  it("says the truth when the browser refuses the page's address, never to try again", () => {
    expect(refusedOnThisAddress("10.0.0.5", "usher.example.com")).toMatch(/\(10\.0\.0\.5\): .*IP address/);
    expect(refusedOnThisAddress("usher.internal", "usher.example.com")).toBe(
      "This browser can't use passkeys on this address (usher.internal): Usher's passkeys belong to usher.example.com. Open Usher at usher.example.com to use one.",
    );
    // A subdomain of the passkeys' host name may use them: the refusal had another cause.
    expect(refusedOnThisAddress("www.usher.example.com", "usher.example.com")).toBe(
      "This browser can't use passkeys on this address (www.usher.example.com).",
    );
    for (const words of [refusedOnThisAddress("127.0.0.1", "localhost"), refusedOnThisAddress("a.example", undefined)]) {
      expect(words).not.toMatch(/try again/i);
    }
  });

  it("puts the addresses into the sentence of the shown language", () => {
    showLanguageInTests("es");
    expect(refusedOnThisAddress("usher.internal", "usher.example.com")).toBe(
      "Este navegador no puede usar llaves de acceso en esta dirección (usher.internal): las llaves de acceso de Usher pertenecen a usher.example.com. Abre Usher en usher.example.com para usar una.",
    );
    showLanguageInTests("ar");
    expect(passkeysUnavailable({ hostname: "127.0.0.1", hasWebAuthn: true })).toMatch(
      /^لا يمكن لهذا المتصفح استخدام مفاتيح المرور على هذا العنوان \(127\.0\.0\.1\)/,
    );
  });
});
