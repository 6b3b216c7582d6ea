// Change plan (Membership & Billing): the plans, the account's own marked; back to the account
// page with a notice once the new one is saved. No payment here: choosing is enough.
import { Link, useLoaderData, useNavigate, useRevalidator } from "react-router";
import { LoadFailed } from "../../components/ui/load-failed";
import { backToAccount } from "../../features/account/account-notice";
import type { PlanOption } from "../../features/account/api/get-plans";
import { getPlans } from "../../features/account/api/get-plans";
import { ChangePlanForm, screensAtATime } from "../../features/account/components/change-plan-form";
import { loaded } from "../../lib/loaded";

export const loader = async () => ({ choices: await loaded(getPlans(), "Your plans couldn't be loaded.") });

export default function ChangePlanPage() {
  const navigate = useNavigate();
  const revalidator = useRevalidator();
  const { choices } = useLoaderData<typeof loader>();
  return (
    <div className="subpage">
      <Link className="back-link" to="/account">
        Account
      </Link>
      <h1>Change plan</h1>
      {choices.ok ? (
        <>
          <p className="subpage__lead">Your plan sets how many screens can watch at the same time.</p>
          <div className="card">
            <ChangePlanForm
              choices={choices.data}
              onChanged={(plan, downgrade) => backToAccount(navigate, changedNotice(plan, downgrade))}
            />
          </div>
        </>
      ) : (
        <LoadFailed className="account__failed" message={choices.message} onRetry={() => void revalidator.revalidate()} />
      )}
    </div>
  );
}

function changedNotice(plan: PlanOption, downgrade: boolean): string {
  const changed = `Your plan has been changed to ${plan.name}: ${screensAtATime(plan.screens)}.`;
  return downgrade ? `${changed} Anything already playing keeps playing.` : changed;
}
