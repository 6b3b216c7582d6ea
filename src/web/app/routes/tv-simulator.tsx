// The TV simulator: this page behaves as Usher's TV app does. Signed out, it shows a code and
// a QR code and polls until a phone approves (RFC 8628); signed in, it shows "Who's watching?"
// and the profile home (the catalogue the API serves that profile), driven by the arrow keys
// and Enter, where a title plays full screen. A locked profile asks for its PIN; leaving a Kids
// profile (Exit Kids) may ask for the account password. When its session is revoked from anywhere, it
// returns to the code screen on its own, at once, whatever it was showing or playing.
import { useCallback, useEffect, useMemo, useState } from "react";
import type { PublicProfile } from "../../../contract/schemas/profiles";
import type { StreamEndedEvent } from "../../../contract/schemas/sessions";
import { listTitles, type Title } from "../../features/catalogue/api/list-titles";
import { type ChooseProof, chooseProfile, listProfiles } from "../../features/profiles/api/profiles";
import { getMe } from "../../features/session/api/get-me";
import { type DeviceAuthorization, pollForToken, requestDeviceAuthorization } from "../../features/tv/api/device-authorization";
import { watchTvSession } from "../../features/tv/api/watch-tv-session";
import { CodeScreen } from "../../features/tv/components/code-screen";
import { tvToken } from "../../features/tv/lib/tv-token";
import { ApiError, failureMessage, isSessionLost } from "../../lib/api-client";
import { browserLanguage, type MessageId, showLanguage, t, useT } from "../../lib/i18n";
import { bearerCaller } from "../../lib/usher";
import { TvHome } from "../tv/tv-home";
import { TvPassword } from "../tv/tv-password";
import { TvPin } from "../tv/tv-pin";
import { TvProfiles } from "../tv/tv-profiles";
import { TvWatch } from "../tv/tv-watch";
import "../../styles/tv.css";

type Screen =
  | { name: "starting" }
  | { name: "code"; authorization: DeviceAuthorization | null; notice?: MessageId }
  | { name: "profiles"; token: string; profiles: PublicProfile[]; preferred: string | null }
  /** Opening `profile` asks for its PIN (it is locked), or for the account password (leaving a Kids profile). */
  | { name: "pin" | "password"; token: string; profile: PublicProfile; error?: string }
  /** `watching`: the title chosen to play; `lastWatched`: the one the remote returns to. */
  | { name: "home"; token: string; profile: PublicProfile; titles: Title[]; watching?: Title; lastWatched?: Title }
  /** With the token when the TV is still signed in: Try again goes back to its profiles, not to a new code. */
  | { name: "trouble"; message: string; token?: string };

/** RFC 8628 §3.5: after slow_down, every later poll waits 5 s longer. */
const SLOW_DOWN_MS = 5_000;

/** A TV has no pointer: the remote starts on the screen's one button as it appears. */
const focusOnArrival = (button: HTMLButtonElement | null) => button?.focus();

/**
 * What the trouble screen says: Usher's own words, else ours. In the shown language by the plain
 * t(), so the callbacks and effects below don't start over when the component's translator changes.
 */
const failure = (error: unknown, fallback: MessageId) => failureMessage(error, t(fallback));
const codeFailure = (error: unknown) => (error instanceof Error ? error.message : t("tv.simulator.unreachable"));

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

export default function TvSimulatorPage() {
  const t = useT();
  const [screen, setScreen] = useState<Screen>({ name: "starting" });
  const [busy, setBusy] = useState(false);
  // Set to start a sign-in by code (a new object each time), with what to say above the code.
  const [codeFlow, setCodeFlow] = useState<{ notice?: MessageId } | null>(null);

  const startCodeFlow = useCallback((notice?: MessageId) => {
    setScreen({ name: "code", authorization: null, notice });
    setCodeFlow({ notice });
  }, []);

  const signedOut = useCallback(
    (notice: MessageId = "tv.simulator.signedOut") => {
      tvToken.forget();
      startCodeFlow(notice);
    },
    [startCodeFlow],
  );

  /** The profile home, once the profile is chosen, in its display language: the API serves what that profile may see. */
  const showHome = useCallback(async (token: string, profile: PublicProfile) => {
    try {
      await showLanguage(profile.language);
      setScreen({ name: "home", token, profile, titles: await listTitles(bearerCaller(token)) });
    } catch (error) {
      setScreen({ name: "trouble", message: failure(error, "tv.simulator.catalogueFailed"), token });
    }
  }, []);

  /** Who's watching?, or, just after the phone approved this TV for a profile, that profile's home. */
  const showProfiles = useCallback(
    async (token: string, openApproved = false) => {
      try {
        const tv = bearerCaller(token);
        const [me, profiles] = await Promise.all([getMe(tv), listProfiles(tv)]);
        // Until a profile is chosen, the TV speaks the language it was set up in (the browser's here).
        if (!openApproved) await showLanguage(browserLanguage());
        setCodeFlow(null);
        const approved = openApproved ? profiles.find((profile) => profile.id === me.profile?.id) : undefined;
        if (approved) return void (await showHome(token, approved));
        setScreen({ name: "profiles", token, profiles, preferred: me.profile?.id ?? null });
      } catch (error) {
        if (isSessionLost(error)) signedOut(tvToken.read() ? undefined : "tv.simulator.signInToStart");
        else setScreen({ name: "trouble", message: failure(error, "tv.simulator.unreachable") });
      }
    },
    [signedOut, showHome],
  );

  // Start: a TV that holds a token goes straight to its profiles.
  useEffect(() => {
    const token = tvToken.read();
    if (token) void showProfiles(token);
    else startCodeFlow();
  }, [showProfiles, startCodeFlow]);

  // The code screen: get a code, then poll until it is approved, denied or expires.
  useEffect(() => {
    if (!codeFlow) return;
    const stop = new AbortController();
    void (async () => {
      let notice = codeFlow.notice;
      while (!stop.signal.aborted) {
        let authorization: DeviceAuthorization;
        try {
          authorization = await requestDeviceAuthorization();
        } catch (error) {
          if (stop.signal.aborted) return;
          setScreen({ name: "trouble", message: codeFailure(error) });
          return;
        }
        if (stop.signal.aborted) return;
        setScreen({ name: "code", authorization, notice });
        let interval = authorization.intervalMs;
        for (;;) {
          await sleep(interval, stop.signal);
          if (stop.signal.aborted) return;
          const poll = await pollForToken(authorization.deviceCode);
          if (stop.signal.aborted) return;
          if (poll.kind === "pending") continue;
          if (poll.kind === "slow_down") {
            interval += SLOW_DOWN_MS;
            continue;
          }
          if (poll.kind === "token") {
            tvToken.save(poll.accessToken);
            await showProfiles(poll.accessToken, true);
            return;
          }
          if (poll.kind === "failed") {
            setScreen({ name: "trouble", message: poll.message });
            return;
          }
          notice = poll.kind === "denied" ? "tv.simulator.codeDenied" : "tv.simulator.codeExpired";
          break;
        }
      }
    })();
    return () => stop.abort();
  }, [codeFlow, showProfiles]);

  // Signed in: hear at once when this TV is signed out from anywhere, or a stream of its ended.
  const token =
    screen.name === "profiles" || screen.name === "pin" || screen.name === "password" || screen.name === "home" ? screen.token : null;
  const tv = useMemo(() => (token ? bearerCaller(token) : null), [token]);
  const [streamEnded, setStreamEnded] = useState<StreamEndedEvent | null>(null);
  useEffect(() => {
    if (!tv) return;
    const stop = new AbortController();
    void watchTvSession(tv, stop.signal, { onSignedOut: () => signedOut(), onStreamEnded: setStreamEnded });
    return () => stop.abort();
  }, [tv, signedOut]);

  async function choose(current: string, profile: PublicProfile, proof: ChooseProof = {}) {
    if (profile.locked && proof.pin === undefined) return setScreen({ name: "pin", token: current, profile });
    // The screen that asked for the PIN or the password, if one did.
    const asking = proof.pin !== undefined ? "pin" : proof.currentPassword !== undefined ? "password" : undefined;
    setBusy(true);
    try {
      await showHome(current, await chooseProfile(profile.id, proof, bearerCaller(current)));
    } catch (error) {
      if (isSessionLost(error)) signedOut();
      else if (error instanceof ApiError && error.code === "EXIT_KIDS_PASSWORD_REQUIRED") {
        setScreen({ name: "password", token: current, profile });
      }
      // A wrong PIN or password, or too many: said on the screen that asked, which stays.
      else if (asking && error instanceof ApiError && error.status >= 400 && error.status < 500) {
        setScreen({ name: asking, token: current, profile, error: error.message });
      } else setScreen({ name: "trouble", message: failure(error, "tv.simulator.profileFailed") });
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="tv-page">
      <p className="tv-page__caption">{t("tv.simulator.caption")}</p>
      <div className="tv-screen" data-screen={screen.name === "home" && screen.watching ? "watching" : screen.name}>
        <p className="tv-screen__brand" aria-hidden="true">
          Usher
        </p>
        {screen.name === "starting" || (screen.name === "code" && !screen.authorization) ? (
          <p className="tv-screen__loading" role="status">
            {screen.name === "code" && screen.notice ? t(screen.notice) : t("tv.simulator.starting")}
          </p>
        ) : null}
        {screen.name === "code" && screen.authorization && (
          <CodeScreen authorization={screen.authorization} notice={screen.notice && t(screen.notice)} />
        )}
        {screen.name === "profiles" && (
          <TvProfiles
            profiles={screen.profiles}
            preferred={screen.preferred}
            busy={busy}
            onChoose={(profile) => void choose(screen.token, profile)}
          />
        )}
        {screen.name === "pin" && (
          <TvPin
            profile={screen.profile}
            error={screen.error}
            busy={busy}
            onSubmit={(pin) => void choose(screen.token, screen.profile, { pin })}
            onBack={() => void showProfiles(screen.token)}
          />
        )}
        {screen.name === "password" && (
          <TvPassword
            profile={screen.profile}
            error={screen.error}
            busy={busy}
            onSubmit={(currentPassword) => void choose(screen.token, screen.profile, { currentPassword })}
            onBack={() => void showProfiles(screen.token)}
          />
        )}
        {screen.name === "home" && tv && screen.watching && (
          <TvWatch
            tv={tv}
            title={screen.watching}
            streamEnded={streamEnded}
            onBack={() => setScreen({ ...screen, watching: undefined, lastWatched: screen.watching })}
            onSignedOut={signedOut}
          />
        )}
        {screen.name === "home" && !screen.watching && (
          <TvHome
            profile={screen.profile}
            titles={screen.titles}
            lastWatched={screen.lastWatched}
            onSwitchProfile={() => void showProfiles(screen.token)}
            onPlay={(title) => setScreen({ ...screen, watching: title })}
          />
        )}
        {screen.name === "trouble" && (
          <div className="tv-trouble" role="alert">
            <h1>{t("tv.simulator.troubleHeading")}</h1>
            <p>{screen.message}</p>
            <button
              ref={focusOnArrival}
              type="button"
              className="button button--primary"
              onClick={() => (screen.token ? void showProfiles(screen.token) : startCodeFlow())}
            >
              {t("tv.simulator.tryAgain")}
            </button>
          </div>
        )}
      </div>
    </main>
  );
}
