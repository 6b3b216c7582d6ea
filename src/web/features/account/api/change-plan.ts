// Change plan: choosing is enough (no payment here). A downgrade limits only the streams that
// start next; whatever is already playing keeps playing.
import type { z } from "zod";
import type { changePlanResponse, PlansResponse } from "../../../../contract/schemas/account";
import { call } from "../../../lib/api-client";
import { usher } from "../../../lib/usher";

export type PlanChange = z.infer<typeof changePlanResponse>;

export const changePlan = (plan: PlansResponse["plan"]): Promise<PlanChange> =>
  call(() => usher.PUT("/api/v1/account/plan", { body: { plan } }));
