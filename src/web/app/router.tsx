// Every page of the web app. Pages load lazily, so the first visit downloads only what it
// shows; a page that shows data exports a `loader` beside its component, which reads it
// before the page is drawn (and again when a change it made revalidates it). The signed-in
// layout re-checks the session on every navigation, so a device that was signed out elsewhere
// lands on the sign-in page at its next step, and the landing, Sign In and Sign Up pages send a
// browser that is signed in on to its profiles. On a Kids profile the layout shows only the
// pages marked `kidsProfile: "allowed"`, as the API serves only their calls.
import { createBrowserRouter, type LoaderFunction, type LoaderFunctionArgs, Outlet, ScrollRestoration } from "react-router";
import { LoadingScreen } from "../components/ui/loading-screen";
import { NavigationProgress } from "../components/ui/navigation-progress";
import { setSessionLostHandler } from "../lib/api-client";
import { browserLanguage, showLanguage } from "../lib/i18n";
import { signInPageFor } from "../lib/sign-in-reasons";
import { RouteError } from "./route-error";
import { closedToKids, loadSignedIn, type SignedInHandle } from "./signed-in-data";
import { sendSignedInOn } from "./signed-out-pages";

interface PageModule {
  default: React.ComponentType;
  loader?: LoaderFunction;
}

const page =
  (load: () => Promise<PageModule>, guard: (loader: LoaderFunction) => LoaderFunction = (loader) => loader) =>
  async () => {
    const { default: Component, loader } = await load();
    return loader ? { Component, loader: guard(loader) } : { Component };
  };

/**
 * A signed-in page, closed to a Kids profile unless its handle says otherwise (as in the API):
 * on one, the layout shows NotOnKidsProfile instead and the page's loader loads nothing.
 */
const signedInPage = (path: string, load: () => Promise<PageModule>, handle: SignedInHandle = {}) => ({
  path,
  handle,
  lazy: page(load, handle.kidsProfile === "allowed" ? undefined : closedToKids),
});

/**
 * A page for visitors who aren't signed in: a signed-in one is sent on (signed-out-pages.ts).
 * It speaks the browser's language, after a sign-out too, whatever the profile's was.
 */
const signedOutPage = (path: string, load: () => Promise<PageModule>) => ({
  path,
  lazy: async () => {
    const { default: Component, loader } = await load();
    const sentOn = sendSignedInOn(loader);
    return {
      Component,
      loader: async (args: LoaderFunctionArgs) => (await Promise.all([sentOn(args), showLanguage(browserLanguage())]))[0],
    };
  },
});

/** Browsing, watching and switching profile: what a Kids profile may open (see signed-in-layout.tsx). */
const kidsProfileAllowed: SignedInHandle = { kidsProfile: "allowed" };

export const router = createBrowserRouter([
  {
    // A new page opens at its top (and Back returns to where the last one was), as a browser
    // does between documents. The first page shows the loading screen until its code and
    // data are in; every later one, the progress bar over the page it leaves.
    element: (
      <>
        <ScrollRestoration />
        <NavigationProgress />
        <Outlet />
      </>
    ),
    hydrateFallbackElement: <LoadingScreen />,
    errorElement: <RouteError />,
    children: [
      signedOutPage("/", () => import("./routes/landing")),
      signedOutPage("/sign-in", () => import("./routes/sign-in")),
      { path: "/sign-in/code", lazy: page(() => import("./routes/sign-in-code")) },
      signedOutPage("/sign-up", () => import("./routes/sign-up")),
      { path: "/tv/simulator", lazy: page(() => import("./routes/tv-simulator")) },
      // Forgot password, and the pages emailed links open (signed in or not).
      { path: "/forgot-password", lazy: page(() => import("./routes/forgot-password")) },
      { path: "/reset-password", lazy: page(() => import("./routes/reset-password")) },
      { path: "/verify-email", lazy: page(() => import("./routes/verify-email")) },
      { path: "/confirm-email", lazy: page(() => import("./routes/confirm-email")) },
      {
        id: "signed-in",
        loader: loadSignedIn,
        shouldRevalidate: () => true,
        lazy: page(() => import("./layouts/signed-in-layout")),
        children: [
          signedInPage("/profiles", () => import("./routes/who-is-watching"), { ...kidsProfileAllowed, gate: true }),
          signedInPage("/profiles/manage", () => import("./routes/manage-profiles")),
          signedInPage("/profiles/manage/:profileId/parental-controls", () => import("./routes/parental-controls")),
          signedInPage("/browse", () => import("./routes/profile-home"), kidsProfileAllowed),
          signedInPage("/watch/:titleId", () => import("./routes/player"), kidsProfileAllowed),
          signedInPage("/account", () => import("./routes/account")),
          signedInPage("/account/password", () => import("./routes/change-password")),
          signedInPage("/account/plan", () => import("./routes/change-plan")),
          signedInPage("/account/language", () => import("./routes/change-language")),
          signedInPage("/account/phone", () => import("./routes/add-phone")),
          signedInPage("/account/devices", () => import("./routes/devices")),
          signedInPage("/account/devices/streaming-activity", () => import("./routes/streaming-activity")),
          signedInPage("/account/two-step", () => import("./routes/two-step")),
          signedInPage("/account/passkeys", () => import("./routes/passkeys")),
          signedInPage("/my-usher", () => import("./routes/my-usher"), kidsProfileAllowed),
          signedInPage("/tv", () => import("./routes/tv-approve")),
          signedInPage("/account/email", () => import("./routes/change-email")),
          signedInPage("/account/activity", () => import("./routes/account-activity")),
          signedInPage("/account/data", () => import("./routes/download-data")),
          signedInPage("/account/delete", () => import("./routes/delete-account")),
          signedInPage("/secure-account", () => import("./routes/secure-account")),
        ],
      },
      { path: "*", lazy: page(() => import("./routes/not-found")) },
    ],
  },
]);

setSessionLostHandler((error) => {
  // The loader may be on its way to a page that isn't current yet: the address bar says where.
  void router.navigate(signInPageFor(error, `${window.location.pathname}${window.location.search}`), { replace: true });
});
