// Change plan: the plans as radio cards (name, screens at a time), the account's own marked
// "Current plan". Choosing one with fewer screens says, before saving, that it limits only
// what starts next: nothing already playing is stopped.
import { useState } from "react";
import { Form } from "../../../components/form/form";
import { useSubmission } from "../../../components/form/use-submission";
import { Alert } from "../../../components/ui/alert";
import { changePlan } from "../api/change-plan";
import type { PlanChoices, PlanOption } from "../api/get-plans";

/** "1 screen at a time", "4 screens at a time". */
export const screensAtATime = (screens: number): string => `${screens} screen${screens === 1 ? "" : "s"} at a time`;

interface ChangePlanFormProps {
  choices: PlanChoices;
  /** Receives the plan now on the account, and whether it has fewer screens than the last one. */
  onChanged(plan: PlanOption, downgrade: boolean): unknown;
}

export function ChangePlanForm({ choices, onChanged }: ChangePlanFormProps) {
  const [chosenId, setChosenId] = useState(choices.plan);
  const save = useSubmission({ fallback: "Your plan couldn't be changed. Please try again." });
  const current = choices.plans.find((plan) => plan.id === choices.plan);
  const chosen = choices.plans.find((plan) => plan.id === chosenId);
  const fewerScreens = current !== undefined && chosen !== undefined && chosen.screens < current.screens;

  function submit() {
    if (!chosen) return;
    if (
      save.invalid({
        form: chosen.id === choices.plan ? `${chosen.name} is already your plan. Choose another one to change it.` : undefined,
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
        <legend>Choose a plan</legend>
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
                {plan.name}
                {plan.id === choices.plan && <span className="tag">Current plan</span>}
              </span>
              <span className="choice__hint">{screensAtATime(plan.screens)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {fewerScreens && (
        <Alert tone="info">Fewer screens: anything already playing keeps playing; the new limit applies to what starts next.</Alert>
      )}
      <div className="form__actions">
        <button className="button button--primary" type="submit" disabled={save.pending}>
          {save.pending ? "Saving…" : "Save"}
        </button>
      </div>
    </Form>
  );
}
