// /tv on a phone or computer: type the code the TV shows (or arrive from its QR code with the
// code filled in), see which device is asking, choose who is watching, then Approve or Deny.
import { useState } from "react";
import { Link, type LoaderFunctionArgs, useLoaderData } from "react-router";
import { useSubmission } from "../../components/form/use-submission";
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
import { loaded } from "../../lib/loaded";
import { useSignedIn } from "../signed-in-data";

/** From the TV's QR code the code is already in the address: which device is asking comes with the page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const code = new URL(request.url).searchParams.get("code") ?? "";
  const fromQr =
    normaliseUserCode(code).length === 8 ? await loaded(lookUpTvCode(code), "That code couldn't be checked. Please try again.") : undefined;
  return { code, fromQr };
}

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
  const { code: inAddress, fromQr } = useLoaderData<typeof loader>();
  const [code, setCode] = useState(formatUserCode(inAddress));
  const [step, setStep] = useState<Step>(fromQr?.ok ? { name: "decide", request: fromQr.data } : { name: "enter" });
  const [profileId, setProfileId] = useState(me.profile?.id ?? profiles[0]?.id ?? "");
  const [pin, setPin] = useState("");
  const chosen = profiles.find((profile) => profile.id === profileId);
  const answer = useSubmission({ fallback: "Please try again." });
  const [qrFailed, setQrFailed] = useState(fromQr && !fromQr.ok ? fromQr.message : undefined);
  const error = answer.errors.form ?? qrFailed;

  async function lookUp() {
    setQrFailed(undefined);
    if (
      answer.invalid({
        form: normaliseUserCode(code).length === 8 ? undefined : "Enter the 8-letter code shown on your TV, like ABCD-EFGH.",
      })
    )
      return;
    const found = await answer.run(() => lookUpTvCode(code), "That code couldn't be checked. Please try again.");
    if (found.ok) setStep({ name: "decide", request: found.value });
  }

  async function approve(request: TvSignInRequest) {
    if (chosen?.locked && answer.invalid({ form: pinProblem(pin) && `Enter the 4-digit PIN of ${chosen.name}.` })) return;
    const approved = await answer.run(
      () => approveTvCode(request.userCode, profileId, chosen?.locked ? pin : undefined),
      "The TV couldn't be approved. Please try again.",
    );
    if (approved.ok) setStep({ name: "approved", request: approved.value, profileName: chosen?.name ?? "" });
  }

  async function deny(request: TvSignInRequest) {
    const denied = await answer.run(() => denyTvCode(request.userCode));
    if (denied.ok) setStep({ name: "denied", request: denied.value });
  }

  return (
    <main id="main" className="page page--narrow">
      <div className="card tv-approve">
        <h1>Sign in on your TV</h1>
        {error && <Alert tone="error">{error}</Alert>}

        {step.name === "enter" && (
          <form
            className="form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void lookUp();
            }}
          >
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
            <button className="button button--primary button--block" type="submit" disabled={answer.pending}>
              {answer.pending ? "Checking…" : "Continue"}
            </button>
          </form>
        )}

        {step.name === "decide" && (
          <div className="form">
            <p>
              <strong>{step.request.device.name}</strong> ({kindWords[step.request.device.kind]}) wants to sign in to your Usher account{" "}
              <strong>{me.account.email}</strong>.
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
                    onChange={() => {
                      setProfileId(profile.id);
                      setPin("");
                    }}
                  />
                  <Avatar avatar={profile.avatar} size="small" />
                  <span>{profile.name}</span>
                  {profile.locked && <span className="tag">Locked</span>}
                </label>
              ))}
            </fieldset>
            {chosen?.locked && (
              <PinField
                label={`PIN for ${chosen.name}`}
                hint="This profile is locked: approving the TV opens it there."
                value={pin}
                onValueChange={setPin}
              />
            )}
            <p className="field__hint">Only approve a TV you are in front of. If you didn't start this, choose Deny.</p>
            <div className="row__actions">
              <button
                type="button"
                className="button button--primary"
                disabled={answer.pending || !profileId}
                onClick={() => void approve(step.request)}
              >
                Approve
              </button>
              <button type="button" className="button button--danger" disabled={answer.pending} onClick={() => void deny(step.request)}>
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
        {step.name === "denied" && <Alert tone="info">Sign-in denied. {step.request.device.name} was not signed in to your account.</Alert>}
      </div>
    </main>
  );
}
