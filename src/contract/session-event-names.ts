// GET /sessions/events is a server-sent-events stream for the signed-in session: `ready` once
// connected, a comment now and then to keep it open, `stream-ended` when one of this device's
// streams ends other than by its own player (stopped from another device, signed out), and
// `signed-out` (then the end) when this session is revoked or expires, with the same code and
// reason a refused request carries. The names live apart from the schemas: every signed-in page opens the stream, and the names alone must not
// bring the schema library into its download.
export const sessionEventNames = { ready: "ready", streamEnded: "stream-ended", signedOut: "signed-out" } as const;

/** Why a stream ended: `restricted` when the profile's parental controls came to keep its title out. */
export const streamEndReasons = ["signed_out", "stopped_from_another_device", "stopped", "expired", "restricted"] as const;
