// The web app's one client for Usher's API: the typed client (src/client) every app uses,
// here in cookie mode on this page's own origin. Wrap each call in `call` (api-client.ts),
// which turns refusals into ApiError and asks "Confirm it's you" when a change needs it.
import { createUsherClient } from "../../client";

export const usher = createUsherClient({ baseUrl: window.location.origin, auth: { mode: "cookie" } });
