// Trying a code (or a reset link) against the flow it names: throttled per network, counted
// against that flow only (before comparing, so racing guesses all count), and one answer for
// every way it can fail, so a stranger learns nothing about the flow or the account.

import type { ErrorCode } from "../../contract/errors";
import type { AccountRecord } from "../accounts/ports";
import { digestsEqual } from "../crypto/hashing";
import type { CoreDeps, RequestContext } from "../deps";
import { clientNetwork } from "../rate-limit/client-network";
import { type Pass, throttle } from "../rate-limit/throttle";
import { fail, ok, type Result } from "../result";
import { codeDigest, isFlowId, isOpen } from "./code-flow";
import type { CodeFlowPurpose, CodeFlowRecord } from "./ports";

export interface OpenCodeFlow {
  flow: CodeFlowRecord & { accountId: string };
  account: AccountRecord;
  /** This try, counted per network: given back once the flow is redeemed. */
  attempt: Pass;
}

export interface CodeCheck<C extends ErrorCode> {
  purpose: CodeFlowPurpose;
  flowId: string;
  /** The code, or the link's secret. */
  secret: string;
  maxAttempts: number;
  /** The one failure every wrong, expired, used or unknown try answers. */
  refused: C;
}

export async function openCodeFlow<C extends ErrorCode>(
  deps: CoreDeps,
  check: CodeCheck<C>,
  context: RequestContext,
): Promise<Result<OpenCodeFlow, C | "RATE_LIMITED">> {
  const attempt = await throttle(deps.limiter, [[`code-check:ip:${clientNetwork(context)}`, deps.config.limits.codeCheckPerIp]]);
  if (!attempt.ok) return attempt;
  const flow = isFlowId(check.flowId) ? await deps.stores.codeFlows.find(check.flowId) : null;
  if (!flow || !isOpen(flow, check.purpose, deps.clock.now())) return fail(check.refused);
  const attempts = await deps.stores.codeFlows.recordAttempt(flow.id);
  if (attempts > check.maxAttempts) return fail(check.refused);
  if (!digestsEqual(codeDigest(deps.keys.oneTimeCodes, flow.id, check.secret), flow.codeHash)) return fail(check.refused);
  const account = await deps.stores.accounts.findById(flow.accountId);
  return account ? ok({ flow, account, attempt }) : fail(check.refused);
}
