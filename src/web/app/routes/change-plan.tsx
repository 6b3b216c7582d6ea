// Change plan (Membership & Billing): the plans, the account's own marked; back to the account
// page with a notice once the new one is saved. No payment here: choosing is enough.
import { Link, useLoaderData, useNavigate, useRevalidator } from "react-router";
import { LoadFailed } from "../../components/ui/load-failed";
import { backToAccount } from "../../features/account/account-notice";
import type { PlanOption } from "../../features/account/api/get-plans";
import { getPlans } from "../../features/account/api/get-plans";
import { ChangePlanForm } from "../../features/account/components/change-plan-form";
import { planName } from "../../features/account/plan-name";
import { t, useT } from "../../lib/i18n";
import { loaded } from "../../lib/loaded";

export const loader = async () => ({ choices: await loaded(getPlans(), "account.changePlan.loadFailed") });

export default function ChangePlanPage() {
  const t = useT();
  const navigate = useNavigate();
  const revalidator = useRevalidator();
  const { choices } = useLoaderData<typeof loader>();
  return (
    <div className="subpage">
      <Link className="back-link" to="/account">
        {t("account.changePlan.back")}
      </Link>
      <h1>{t("account.changePlan.title")}</h1>
      {choices.ok ? (
        <>
          <p className="subpage__lead">{t("account.changePlan.lead")}</p>
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
  const values = { plan: planName(plan.id), screens: plan.screens };
  return downgrade ? t("account.changePlan.changedDowngrade", values) : t("account.changePlan.changed", values);
}
