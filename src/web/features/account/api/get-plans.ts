// Change plan's choices: every plan with how many screens may watch at once, and the account's own.
import type { PlansResponse } from "../../../../contract/schemas/account";
import { call } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";

export type PlanChoices = PlansResponse;
export type PlanOption = PlansResponse["plans"][number];

export const getPlans = (): Promise<PlanChoices> => call(() => usher.GET("/api/v1/account/plan"));
