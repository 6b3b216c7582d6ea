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
import { formatRelativeTime, Message, t, useT } from "../../lib/i18n";
import { loaded } from "../../lib/loaded";
import { useSignedIn } from "../signed-in-data";

/** From the TV's QR code the code is already in the address: which device is asking comes with the page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const code = new URL(request.url).searchParams.get("code") ?? "";
  const fromQr = normaliseUserCode(code).length === 8 ? await loaded(lookUpTvCode(code), "tv.approve.checkFailed") : undefined;
  return { code, fromQr };
}

type Step =
  | { name: "enter" }
  | { name: "decide"; request: TvSignInRequest }
  | { name: "approved"; request: TvSignInRequest; profileName: string }
  | { name: "denied"; request: TvSignInRequest };

function requestedAgo(iso: string): string {
  const minutes = Math.floor((Date.now() - Date.parse(iso)) / 60_000);
  if (minutes < 1) return t("tv.approve.justNow");
  return formatRelativeTime(-minutes, "minute");
}

export default function TvApprovePage() {
  const t = useT();
  const { me, profiles } = useSignedIn();
  const { code: inAddress, fromQr } = useLoaderData<typeof loader>();
  const [code, setCode] = useState(formatUserCode(inAddress));
  const [step, setStep] = useState<Step>(fromQr?.ok ? { name: "decide", request: fromQr.data } : { name: "enter" });
  const [profileId, setProfileId] = useState(me.profile?.id ?? profiles[0]?.id ?? "");
  const [pin, setPin] = useState("");
  const chosen = profiles.find((profile) => profile.id === profileId);
  const answer = useSubmission({ fallback: t("tv.approve.tryAgain") });
  const [qrFailed, setQrFailed] = useState(fromQr && !fromQr.ok ? fromQr.message : undefined);
  const error = answer.errors.form ?? qrFailed;

  async function lookUp() {
    setQrFailed(undefined);
    if (
      answer.invalid({
        form: normaliseUserCode(code).length === 8 ? undefined : t("tv.approve.codeFormat"),
      })
    )
      return;
    const found = await answer.run(() => lookUpTvCode(code), t("tv.approve.checkFailed"));
    if (found.ok) setStep({ name: "decide", request: found.value });
  }

  async function approve(request: TvSignInRequest) {
    if (chosen?.locked && answer.invalid({ form: pinProblem(pin) && t("tv.approve.pinRequired", { name: chosen.name }) })) return;
    const approved = await answer.run(
      () => approveTvCode(request.userCode, profileId, chosen?.locked ? pin : undefined),
      t("tv.approve.approveFailed"),
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
        <h1>{t("tv.approve.title")}</h1>
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
            <p>{t("tv.approve.enterCode")}</p>
            <TextField
              label={t("tv.approve.code")}
              autoComplete="one-time-code"
              autoCapitalize="characters"
              spellCheck={false}
              inputMode="text"
              // A code is in Latin letters in every language.
              placeholder="ABCD-EFGH"
              maxLength={12}
              value={code}
              onChange={(event) => setCode(formatUserCode(event.target.value))}
            />
            <button className="button button--primary button--block" type="submit" disabled={answer.pending}>
              {answer.pending ? t("tv.approve.checking") : t("tv.approve.continue")}
            </button>
          </form>
        )}

        {step.name === "decide" && (
          <div className="form">
            <p>
              <Message
                id="tv.approve.request"
                values={{ device: step.request.device.name, kind: step.request.device.kind, email: me.account.email }}
                components={{ 0: <strong />, 1: <strong /> }}
              />
            </p>
            <dl className="tv-approve__facts">
              <dt>{t("tv.approve.code")}</dt>
              <dd>{step.request.userCode}</dd>
              <dt>{t("tv.approve.asked")}</dt>
              <dd>{requestedAgo(step.request.requestedAt)}</dd>
              <dt>{t("tv.approve.ipAddress")}</dt>
              <dd>{step.request.device.ip ?? t("tv.approve.unknown")}</dd>
            </dl>
            <fieldset className="tv-approve__profiles">
              <legend>{t("tv.approve.whoIsWatching")}</legend>
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
                  {profile.locked && <span className="tag">{t("tv.approve.locked")}</span>}
                </label>
              ))}
            </fieldset>
            {chosen?.locked && (
              <PinField
                label={t("tv.approve.pinLabel", { name: chosen.name })}
                hint={t("tv.approve.pinHint")}
                value={pin}
                onValueChange={setPin}
              />
            )}
            <p className="field__hint">{t("tv.approve.warning")}</p>
            <div className="row__actions">
              <button
                type="button"
                className="button button--primary"
                disabled={answer.pending || !profileId}
                onClick={() => void approve(step.request)}
              >
                {t("tv.approve.approve")}
              </button>
              <button type="button" className="button button--danger" disabled={answer.pending} onClick={() => void deny(step.request)}>
                {t("tv.approve.deny")}
              </button>
            </div>
          </div>
        )}

        {step.name === "approved" && (
          <Alert tone="success">
            <Message
              id={step.profileName ? "tv.approve.approvedFor" : "tv.approve.approved"}
              values={{ device: step.request.device.name, profile: step.profileName }}
              components={{ 0: <Link to="/account/devices" /> }}
            />
          </Alert>
        )}
        {step.name === "denied" && <Alert tone="info">{t("tv.approve.denied", { device: step.request.device.name })}</Alert>}
      </div>
    </main>
  );
}
