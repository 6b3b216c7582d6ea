// The web app's one client for Usher's API: the typed client (src/client) every app uses,
// here in cookie mode on this page's own origin. Wrap each call in `call` (api-client.ts),
// which turns refusals into ApiError and asks "Confirm it's you" when a change needs it.
import { createUsherClient, type UsherClient } from "../../client";
import type { CallOptions } from "./api-client";
import { activeLanguage } from "./i18n";

/** Usher's messages (a refusal's words) come in the language this page shows. */
const inShownLanguage = {
  onRequest({ request }: { request: Request }) {
    request.headers.set("accept-language", activeLanguage());
    return request;
  },
};

function webClient(auth: Parameters<typeof createUsherClient>[0]["auth"]): UsherClient {
  const client = createUsherClient({ baseUrl: window.location.origin, auth });
  client.use(inShownLanguage);
  return client;
}

export const usher = webClient({ mode: "cookie" });

/**
 * Whose session a call carries: this browser's cookie (the default), or the bearer token a TV
 * app holds (the TV simulator). A fetcher that both use takes a Caller, so each endpoint keeps
 * one fetcher.
 */
export interface Caller {
  client: UsherClient;
  options?: CallOptions;
}

export const thisBrowser: Caller = { client: usher };

/** An app signed in with a bearer token: its refusals are its own, never this browser's sign-in or "Confirm it's you". */
export const bearerCaller = (token: string): Caller => ({
  client: webClient({ mode: "bearer", token }),
  options: { signedIn: false, reauth: false },
});
