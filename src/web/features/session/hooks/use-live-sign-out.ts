// Keeps a signed-in page listening for its session's end: when it is signed out elsewhere
// (sign out of all devices, this device signed out from the device list, a password change),
// the page says so and goes to Sign In within a second, without a reload. The same stream tells
// a player on the page that its stream was ended from elsewhere (session-events.ts passes it on).
import { useEffect, useRef, useState } from "react";
import { useNavigate, useNavigation } from "react-router";
import { requestsSettled } from "../../../lib/api-client";
import { reasonForLostSession, type SignInReason } from "../../../lib/sign-in-reasons";
import {
  announceSignedOut,
  announceStreamEnded,
  browserStillSignedIn,
  readSignedOutEvent,
  readStreamEndedEvent,
  SESSION_EVENTS_URL,
  sessionEventNames,
} from "../api/session-events";

/** How long the notice shows before the sign-in page replaces it. */
export const SIGNED_OUT_NOTICE_MS = 500;

/** Null while signed in; the reason this device was signed out once that has happened. */
export function useLiveSignOut(): SignInReason | null {
  const navigate = useNavigate();
  const [signedOut, setSignedOut] = useState<SignInReason | null>(null);
  // A page that signed out or deleted the account itself is already on its way to Sign In with
  // its own words ("Your account was deleted…"); on a slow device that can take longer than the
  // notice shows, and the event must not overtake it.
  const navigation = useNavigation();
  const leavingForSignIn = useRef(false);
  leavingForSignIn.current = navigation.state !== "idle" && navigation.location.pathname === "/sign-in";

  useEffect(() => {
    let unmounted = false;
    let source: EventSource | undefined;
    let leave: ReturnType<typeof setTimeout> | undefined;

    const listen = () => {
      // EventSource reconnects by itself after a dropped connection; a 401 ends it, and the
      // next navigation's loader sends the user to sign in.
      source = new EventSource(SESSION_EVENTS_URL);
      source.addEventListener(sessionEventNames.streamEnded, (message) => {
        const event = readStreamEndedEvent(message.data);
        if (event) announceStreamEnded(event);
      });
      source.addEventListener(sessionEventNames.signedOut, (message) => {
        source?.close();
        const event = readSignedOutEvent(message.data);
        // Signing out of all devices leaves this browser no session to hold (if this page asked
        // for it, its own answer leads on); other endings may come with a replacement (a
        // password change here hands this browser a new cookie).
        const replaced = event.reason === "signed_out_all_devices" ? requestsSettled().then(() => false) : browserStillSignedIn();
        void replaced.then((signedIn) => {
          if (unmounted) return;
          // The stream's session ended but this browser holds a newer one: follow that.
          if (signedIn) return listen();
          const reason = reasonForLostSession(event);
          announceSignedOut();
          setSignedOut(reason);
          leave = setTimeout(() => {
            if (!leavingForSignIn.current) void navigate(`/sign-in?reason=${reason}`, { replace: true });
          }, SIGNED_OUT_NOTICE_MS);
        });
      });
    };
    listen();

    return () => {
      unmounted = true;
      source?.close();
      clearTimeout(leave);
    };
  }, [navigate]);

  return signedOut;
}
