// Secure your account: where every security email's "This wasn't me" leads (after signing in,
// if needed). One guided page: sign out everywhere, set a new password, then review the
// devices, the phone number and two-step verification. Each step is ticked once done.
import { Link, useLoaderData } from "react-router";
import { getAccount } from "../../features/account/api/get-account";
import { ChangePasswordForm } from "../../features/account/components/change-password-form";
import { SignOutStep, signedOutSaid } from "../../features/secure-account/components/sign-out-step";
import { Step } from "../../features/secure-account/components/step";
import { describeTwoStep } from "../../features/secure-account/describe-two-step";
import { type StepId, useStepsDone } from "../../features/secure-account/steps";
import { signOutOtherDevices } from "../../features/session/api/sign-out";
import { getSecurity } from "../../features/two-step/api/security";
import { useT } from "../../lib/i18n";
import { useSignedIn } from "../signed-in-data";

/** What the review steps say about the phone and two-step verification; a step that can't tell still links to its page. */
export const loader = async () => {
  const [account, security] = await Promise.all([getAccount().catch(() => undefined), getSecurity().catch(() => undefined)]);
  return { phone: account?.phone, twoStep: security?.twoStep };
};

const STEPS: StepId[] = ["signOut", "password", "devices", "phone", "twoStep"];

export default function SecureAccountPage() {
  const t = useT();
  const { me } = useSignedIn();
  const [done, markDone] = useStepsDone(me.account.id);
  const { phone, twoStep } = useLoaderData<typeof loader>();
  const count = STEPS.filter((step) => done[step]).length;

  return (
    <div className="subpage secure">
      <Link className="back-link" to="/account">
        {t("auth.secureAccount.back")}
      </Link>
      <h1>{t("auth.secureAccount.title")}</h1>
      <p className="subpage__lead">{t("auth.secureAccount.lead")}</p>
      <p className="secure__progress" aria-live="polite">
        {count === STEPS.length ? t("auth.secureAccount.allDone") : t("auth.secureAccount.progress", { count, total: STEPS.length })}
      </p>
      <ol className="steps">
        <Step number={1} title={t("auth.secureAccount.signOutTitle")} done={done.signOut}>
          <SignOutStep
            done={Boolean(done.signOut)}
            signOut={async () => (await signOutOtherDevices()).signedOutOtherDevices}
            onDone={(signedOut) => markDone("signOut", signedOutSaid(signedOut))}
          />
        </Step>
        <Step number={2} title={t("auth.secureAccount.passwordTitle")} done={done.password}>
          {done.password ? (
            <p className="step__text">{t("auth.secureAccount.passwordDoneText")}</p>
          ) : (
            <>
              <p className="step__text">{t("auth.secureAccount.passwordText")}</p>
              <ChangePasswordForm
                onChanged={(signedOut) =>
                  markDone(
                    "password",
                    signedOut > 0
                      ? { id: "auth.secureAccount.passwordChangedSignedOut", values: { count: signedOut } }
                      : { id: "auth.secureAccount.passwordChanged" },
                  )
                }
              />
            </>
          )}
        </Step>
        <Step number={3} title={t("auth.secureAccount.devicesTitle")} done={done.devices}>
          <p className="step__text">{t("auth.secureAccount.devicesText")}</p>
          <div className="step__actions">
            <Link
              className="button button--secondary"
              to="/account/devices"
              onClick={() => markDone("devices", { id: "auth.secureAccount.devicesReviewed" })}
            >
              {t("auth.secureAccount.devicesLink")}
            </Link>
          </div>
        </Step>
        <Step number={4} title={t("auth.secureAccount.phoneTitle")} done={done.phone}>
          <p className="step__text">
            {phone === undefined
              ? t("auth.secureAccount.phoneUnknown")
              : phone
                ? t(phone.verified ? "auth.secureAccount.phoneVerified" : "auth.secureAccount.phoneUnverified", { phone: phone.masked })
                : t("auth.secureAccount.noPhone")}
          </p>
          <div className="step__actions">
            {phone !== undefined && !done.phone && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => markDone("phone", { id: phone ? "auth.secureAccount.phoneConfirmed" : "auth.secureAccount.phoneChecked" })}
              >
                {t(phone ? "auth.secureAccount.itsMine" : "auth.secureAccount.skip")}
              </button>
            )}
            <Link
              className="button button--secondary"
              to="/account/phone"
              onClick={() => markDone("phone", { id: "auth.secureAccount.phoneReviewed" })}
            >
              {t(phone ? "auth.secureAccount.changePhone" : "auth.secureAccount.addPhone")}
            </Link>
          </div>
        </Step>
        <Step number={5} title={t("auth.secureAccount.twoStepTitle")} done={done.twoStep}>
          <p className="step__text">{twoStep ? describeTwoStep(twoStep) : t("auth.secureAccount.twoStepUnknown")}</p>
          <div className="step__actions">
            <Link
              className="button button--secondary"
              to="/account/two-step"
              onClick={() => markDone("twoStep", { id: "auth.secureAccount.twoStepReviewed" })}
            >
              {t("auth.secureAccount.twoStepLink")}
            </Link>
          </div>
        </Step>
      </ol>
    </div>
  );
}
