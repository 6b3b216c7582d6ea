// Secure your account: where every security email's "This wasn't me" leads (after signing in,
// if needed). One guided page: sign out everywhere, set a new password, then review the
// devices, the phone number and two-step verification. Each step is ticked once done.
import { Link, useLoaderData } from "react-router";
import { getAccount } from "../../features/account/api/get-account";
import { ChangePasswordForm } from "../../features/account/components/change-password-form";
import { SignOutStep, signedOutSaying } from "../../features/secure-account/components/sign-out-step";
import { Step } from "../../features/secure-account/components/step";
import { describeTwoStep } from "../../features/secure-account/describe-two-step";
import { type StepId, useStepsDone } from "../../features/secure-account/steps";
import { signOutOtherDevices } from "../../features/session/api/sign-out";
import { getSecurity } from "../../features/two-step/api/security";
import { useSignedIn } from "../signed-in-data";

/** What the review steps say about the phone and two-step verification; a step that can't tell still links to its page. */
export const loader = async () => {
  const [account, security] = await Promise.all([getAccount().catch(() => undefined), getSecurity().catch(() => undefined)]);
  return { phone: account?.phone, twoStep: security?.twoStep };
};

const STEPS: StepId[] = ["signOut", "password", "devices", "phone", "twoStep"];

export default function SecureAccountPage() {
  const { me } = useSignedIn();
  const [done, markDone] = useStepsDone(me.account.id);
  const { phone, twoStep } = useLoaderData<typeof loader>();
  const count = STEPS.filter((step) => done[step]).length;

  return (
    <div className="subpage secure">
      <Link className="back-link" to="/account">
        Account
      </Link>
      <h1>Secure your account</h1>
      <p className="subpage__lead">
        Got an email about something you didn't do? These steps lock anyone else out of your account. Do them in order; it takes a few
        minutes.
      </p>
      <p className="secure__progress" aria-live="polite">
        {count === STEPS.length ? "All steps done. Your account is secure." : `${count} of ${STEPS.length} steps done`}
      </p>
      <ol className="steps">
        <Step number={1} title="Sign out of all other devices" done={done.signOut}>
          <SignOutStep
            done={Boolean(done.signOut)}
            signOut={async () => (await signOutOtherDevices()).signedOutOtherDevices}
            onDone={(signedOut) => markDone("signOut", signedOutSaying(signedOut))}
          />
        </Step>
        <Step number={2} title="Set a new password" done={done.password}>
          {done.password ? (
            <p className="step__text">Use your new password to sign in on your devices.</p>
          ) : (
            <>
              <p className="step__text">Choose a password you don't use anywhere else. Every other device will need it to sign in again.</p>
              <ChangePasswordForm
                onChanged={(signedOut) =>
                  markDone("password", `Your password has been changed.${signedOut > 0 ? ` ${signedOutSaying(signedOut)}` : ""}`)
                }
              />
            </>
          )}
        </Step>
        <Step number={3} title="Review your devices" done={done.devices}>
          <p className="step__text">Check which browsers, phones and TVs are signed in now, and sign out any you don't recognise.</p>
          <div className="step__actions">
            <Link
              className="button button--secondary"
              to="/account/devices"
              onClick={() => markDone("devices", "You reviewed your devices.")}
            >
              Manage access and devices
            </Link>
          </div>
        </Step>
        <Step number={4} title="Check your phone number" done={done.phone}>
          <p className="step__text">
            {phone === undefined
              ? "Your phone number is used to recover your account."
              : phone
                ? `The phone number on your account is ${phone.masked}${phone.verified ? "" : " (not verified)"}. Is it yours? If not, change it: a code sent to it could reset your password.`
                : "There is no phone number on your account. Adding one gives you a second way back in."}
          </p>
          <div className="step__actions">
            {phone !== undefined && !done.phone && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => markDone("phone", phone ? "You confirmed your phone number." : "You checked your phone number.")}
              >
                {phone ? "It's mine" : "Skip for now"}
              </button>
            )}
            <Link
              className="button button--secondary"
              to="/account/phone"
              onClick={() => markDone("phone", "You reviewed your phone number.")}
            >
              {phone ? "Change phone number" : "Add phone number"}
            </Link>
          </div>
        </Step>
        <Step number={5} title="Review two-step verification" done={done.twoStep}>
          <p className="step__text">
            {twoStep ? describeTwoStep(twoStep) : "Two-step verification asks for a code or a passkey as well as your password."}
          </p>
          <div className="step__actions">
            <Link
              className="button button--secondary"
              to="/account/two-step"
              onClick={() => markDone("twoStep", "You reviewed two-step verification.")}
            >
              Two-step verification
            </Link>
          </div>
        </Step>
      </ol>
    </div>
  );
}
