// /tv on a phone or computer: type the code the TV shows (or arrive from its QR code with the
// code filled in), see which device is asking, choose who is watching, then Approve or Deny.
import { useEffect, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { Alert } from "../../components/ui/alert";
import { Avatar } from "../../components/ui/avatar";
import { PinField, pinProblem } from "../../components/ui/pin-field";
import { TextField } from "../../components/ui/text-field";
import {
  approveTvCode,
  denyTvCode,
  formatUserCode,
  lookUpTvCode,
  normaliseUserCode,
  type TvSignInRequest,
} from "../../features/tv/api/tv-approval";
import { failureMessage } from "../../lib/api-client";
import { useSignedIn } from "../signed-in-data";

type Step =
  | { name: "enter" }
  | { name: "decide"; request: TvSignInRequest }
  | { name: "approved"; request: TvSignInRequest; profileName: string }
  | { name: "denied"; request: TvSignInRequest };

const kindWords = { tv: "TV", mobile: "phone", web: "browser" } as const;

function requestedAgo(iso: string): string {
  const minutes = Math.floor((Date.now() - Date.parse(iso)) / 60_000);
  if (minutes < 1) return "just now";
  return new Intl.RelativeTimeFormat("en", { numeric: "auto" }).format(-minutes, "minute");
}

export default function TvApprovePage() {
  const { me, profiles } = useSignedIn();
  const [params] = useSearchParams();
  const [code, setCode] = useState(formatUserCode(params.get("code") ?? ""));
  const [step, setStep] = useState<Step>({ name: "enter" });
  const [profileId, setProfileId] = useState(me.profile?.id ?? profiles[0]?.id ?? "");
  const [pin, setPin] = useState("");
  const chosen = profiles.find((profile) => profile.id === profileId);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<void>, fallback: string) {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (failure) {
      setError(failureMessage(failure, fallback));
    } finally {
      setBusy(false);
    }
  }

  const lookUp = (typed: string) =>
    run(async () => setStep({ name: "decide", request: await lookUpTvCode(typed) }), "That code couldn't be checked. Please try again.");

  // From the TV's QR code the code is already here: go straight to "which device is asking".
  const fromQr = params.get("code");
  useEffect(() => {
    if (fromQr && normaliseUserCode(fromQr).length === 8) void lookUp(fromQr);
    // Only once, for the code the page was opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function submitCode(event: FormEvent) {
    event.preventDefault();
    if (normaliseUserCode(code).length !== 8) return setError("Enter the 8-letter code shown on your TV, like ABCD-EFGH.");
    void lookUp(code);
  }

  return (
    <main id="main" className="page page--narrow">
      <div className="card tv-approve">
        <h1>Sign in on your TV</h1>
        {error && <Alert tone="error">{error}</Alert>}

        {step.name === "enter" && (
          <form className="form" onSubmit={submitCode} noValidate>
            <p>Enter the code shown on your TV screen.</p>
            <TextField
              label="Code"
              autoComplete="one-time-code"
              autoCapitalize="characters"
              spellCheck={false}
              inputMode="text"
              placeholder="ABCD-EFGH"
              maxLength={12}
              value={code}
              onChange={(event) => setCode(formatUserCode(event.target.value))}
            />
            <button className="button button--primary button--block" type="submit" disabled={busy}>
              {busy ? "Checking…" : "Continue"}
            </button>
          </form>
        )}

        {step.name === "decide" && (
          <div className="form">
            <p>
              <strong>{step.request.device.name}</strong> ({kindWords[step.request.device.kind]}) wants to sign in to your Usher
              account <strong>{me.account.email}</strong>.
            </p>
            <dl className="tv-approve__facts">
              <dt>Code</dt>
              <dd>{step.request.userCode}</dd>
              <dt>Asked</dt>
              <dd>{requestedAgo(step.request.requestedAt)}</dd>
              <dt>IP address</dt>
              <dd>{step.request.device.ip ?? "Unknown"}</dd>
            </dl>
            <fieldset className="tv-approve__profiles">
              <legend>Who's watching on this TV?</legend>
              {profiles.map((profile) => (
                <label key={profile.id} className="tv-approve__profile">
                  <input
                    type="radio"
                    name="profile"
                    value={profile.id}
                    checked={profileId === profile.id}
                    onChange={() => (setProfileId(profile.id), setPin(""))}
                  />
                  <Avatar avatar={profile.avatar} name={profile.name} size="small" />
                  <span>{profile.name}</span>
                  {profile.locked && <span className="tag">Locked</span>}
                </label>
              ))}
            </fieldset>
            {chosen?.locked && (
              <PinField label={`PIN for ${chosen.name}`} hint="This profile is locked: approving the TV opens it there." value={pin} onValueChange={setPin} />
            )}
            <p className="field__hint">Only approve a TV you are in front of. If you didn't start this, choose Deny.</p>
            <div className="row__actions">
              <button
                type="button"
                className="button button--primary"
                disabled={busy || !profileId}
                onClick={() => {
                  if (chosen?.locked && pinProblem(pin)) return setError(`Enter the 4-digit PIN of ${chosen.name}.`);
                  void run(async () => {
                    const request = await approveTvCode(step.request.userCode, profileId, chosen?.locked ? pin : undefined);
                    setStep({ name: "approved", request, profileName: chosen?.name ?? "" });
                  }, "The TV couldn't be approved. Please try again.");
                }}
              >
                Approve
              </button>
              <button
                type="button"
                className="button button--danger"
                disabled={busy}
                onClick={() =>
                  void run(async () => setStep({ name: "denied", request: await denyTvCode(step.request.userCode) }), "Please try again.")
                }
              >
                Deny
              </button>
            </div>
          </div>
        )}

        {step.name === "approved" && (
          <Alert tone="success">
            {step.request.device.name} is signed in{step.profileName ? ` for ${step.profileName}` : ""}. Enjoy watching on your TV. You can
            sign it out any time in <Link to="/account/devices">Manage access and devices</Link>.
          </Alert>
        )}
        {step.name === "denied" && (
          <Alert tone="info">Sign-in denied. {step.request.device.name} was not signed in to your account.</Alert>
        )}
      </div>
    </main>
  );
}
