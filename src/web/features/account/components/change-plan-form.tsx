// Change plan: the plans as radio cards (name, screens at a time), the account's own marked
// "Current plan". Choosing one with fewer screens says, before saving, that it limits only
// what starts next: nothing already playing is stopped.
import { useState } from "react";
import { Form } from "../../../components/form/form";
import { useSubmission } from "../../../components/form/use-submission";
import { Alert } from "../../../components/ui/alert";
import { useT } from "../../../lib/i18n";
import { changePlan } from "../api/change-plan";
import type { PlanChoices, PlanOption } from "../api/get-plans";
import { planName } from "../plan-name";

interface ChangePlanFormProps {
  choices: PlanChoices;
  /** Receives the plan now on the account, and whether it has fewer screens than the last one. */
  onChanged(plan: PlanOption, downgrade: boolean): unknown;
}

export function ChangePlanForm({ choices, onChanged }: ChangePlanFormProps) {
  const t = useT();
  const [chosenId, setChosenId] = useState(choices.plan);
  const save = useSubmission({ fallback: t("account.changePlanForm.failed") });
  const current = choices.plans.find((plan) => plan.id === choices.plan);
  const chosen = choices.plans.find((plan) => plan.id === chosenId);
  const fewerScreens = current !== undefined && chosen !== undefined && chosen.screens < current.screens;

  function submit() {
    if (!chosen) return;
    if (
      save.invalid({
        form: chosen.id === choices.plan ? t("account.changePlanForm.alreadyYours", { plan: planName(chosen.id) }) : undefined,
      })
    )
      return;
    void save.run(async () => {
      const change = await changePlan(chosen.id);
      return onChanged(choices.plans.find((plan) => plan.id === change.plan) ?? chosen, change.downgrade);
    });
  }

  return (
    <Form submission={save} onSubmit={submit}>
      <fieldset className="choices">
        <legend>{t("account.changePlanForm.choose")}</legend>
        {choices.plans.map((plan) => (
          <label key={plan.id} className="choice plan-choice">
            <input
              type="radio"
              name="plan"
              value={plan.id}
              checked={plan.id === chosenId}
              onChange={() => {
                setChosenId(plan.id);
                save.forget("form");
              }}
            />
            <span>
              <span className="choice__label plan-choice__name">
                {planName(plan.id)}
                {plan.id === choices.plan && <span className="tag">{t("account.changePlanForm.current")}</span>}
              </span>
              <span className="choice__hint">{t("account.changePlanForm.screensAtATime", { screens: plan.screens })}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {fewerScreens && <Alert tone="info">{t("account.changePlanForm.fewerScreens")}</Alert>}
      <div className="form__actions">
        <button className="button button--primary" type="submit" disabled={save.pending}>
          {save.pending ? t("account.changePlanForm.saving") : t("account.changePlanForm.save")}
        </button>
      </div>
    </Form>
  );
}
