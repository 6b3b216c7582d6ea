// Counts how each sign-in attempt ended, by the answer its use case gives. Only answers are
// counted: a throw is an infrastructure fault, which the logs and the HTTP metrics report.
import type { ErrorCode } from "../../contract/errors";
import type { CoreDeps } from "../deps";
import type { Result } from "../result";
import { metricsOf, type SignInMethod } from "./ports";

/** Waits for the attempt's answer, counts it, and hands it on unchanged. */
export async function countedSignIn<T extends object, C extends ErrorCode>(
  deps: Pick<CoreDeps, "metrics">,
  method: SignInMethod,
  attempt: Promise<Result<T, C>>,
): Promise<Result<T, C>> {
  const answer = await attempt;
  metricsOf(deps).signInAnswered(method, signInOutcome(answer));
  return answer;
}

/** A second step or a sign-in code still to come is not a success yet, nor a refusal. */
export function signInOutcome(answer: Result<object, ErrorCode>): string {
  if (!answer.ok) return answer.code === "RATE_LIMITED" ? "throttled" : answer.code.toLowerCase();
  if ("twoStepRequired" in answer.value) return "two_step_required";
  if ("signInCodeRequired" in answer.value) return "sign_in_code_required";
  return "success";
}
