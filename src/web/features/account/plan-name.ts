// A plan's name in the shown language, from its id: the API's own names are English.
import { type MessageId, t } from "../../lib/i18n";

const planNames = new Map<string, MessageId>([
  ["basic", "account.plan.basic"],
  ["standard", "account.plan.standard"],
  ["premium", "account.plan.premium"],
]);

/** "premium" → "Premium"; a plan this app doesn't know yet is named by its id. */
export function planName(plan: string): string {
  const id = planNames.get(plan);
  return id ? t(id) : plan.charAt(0).toUpperCase() + plan.slice(1);
}
