// Every page of the web app. Pages load lazily, so the first visit downloads only what it
// shows; the signed-in layout re-checks the session on every navigation, so a device that
// was signed out elsewhere lands on the sign-in page at its next step. On a Kids profile the
// layout shows only the pages marked `kidsProfile: "allowed"`, as the API serves only their calls.
import { createBrowserRouter } from "react-router";
import { setSessionLostHandler } from "../lib/api-client";
import { signInPageFor } from "../lib/sign-in-reasons";
import { RouteError } from "./route-error";
import { loadSignedIn, type SignedInHandle } from "./signed-in-data";

const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({
  Component: (await load()).default,
});

/** Browsing and switching profile: what a Kids profile may open (see signed-in-layout.tsx). */
const kidsProfileAllowed: SignedInHandle = { kidsProfile: "allowed" };

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      { path: "/", lazy: page(() => import("./routes/landing")) },
      { path: "/sign-in", lazy: page(() => import("./routes/sign-in")) },
      { path: "/sign-in/code", lazy: page(() => import("./routes/sign-in-code")) },
      { path: "/sign-up", lazy: page(() => import("./routes/sign-up")) },
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
          { path: "/profiles", handle: kidsProfileAllowed, lazy: page(() => import("./routes/who-is-watching")) },
          { path: "/profiles/manage", lazy: page(() => import("./routes/manage-profiles")) },
          { path: "/browse", handle: kidsProfileAllowed, lazy: page(() => import("./routes/profile-home")) },
          { path: "/account", lazy: page(() => import("./routes/account")) },
          { path: "/account/password", lazy: page(() => import("./routes/change-password")) },
          { path: "/account/phone", lazy: page(() => import("./routes/add-phone")) },
          { path: "/account/devices", lazy: page(() => import("./routes/devices")) },
          { path: "/account/two-step", lazy: page(() => import("./routes/two-step")) },
          { path: "/account/passkeys", lazy: page(() => import("./routes/passkeys")) },
          { path: "/my-usher", handle: kidsProfileAllowed, lazy: page(() => import("./routes/my-usher")) },
          { path: "/tv", lazy: page(() => import("./routes/tv-approve")) },
          { path: "/account/email", lazy: page(() => import("./routes/change-email")) },
          { path: "/account/activity", lazy: page(() => import("./routes/account-activity")) },
          { path: "/secure-account", lazy: page(() => import("./routes/secure-account")) },
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
