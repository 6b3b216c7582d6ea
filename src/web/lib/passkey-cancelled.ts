// A passkey ceremony the browser ended without an answer (cancelled, unsupported, timed out),
// in words for the page. Apart from webauthn.ts, so saying it doesn't load the WebAuthn library.
export class PasskeyCancelled extends Error {}
