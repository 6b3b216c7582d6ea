// "Use a sign-in code": no password, a 6-digit code sent to the account's email, or by text
// to its verified phone. Asking answers alike for every address (see code-flows/); each
// request is its own flow with its own code and its own few tries. A code from a new
// device's sign-in (sign-in.ts) is finished here too. Two-step verification still applies.
import type { DeviceKind } from "../../contract/schemas/common";
import { openCodeFlow } from "../code-flows/open-code-flow";
import { codeRequester, type StartedCodeFlow, startCodeFlow } from "../code-flows/start-code-flow";
import type { CoreDeps, RequestContext } from "../deps";
import { normalizeEmail } from "../email/address";
import { countedSignIn } from "../metrics/counted-sign-in";
import type { TwoStepRequired } from "../mfa/two-step-sign-in";
import { parsePhone } from "../phone/phone-number";
import { clientNetwork } from "../rate-limit/client-network";
import { throttle } from "../rate-limit/throttle";
import { fail, ok, type Result } from "../result";
import type { SignedIn } from "../sessions/signed-in";
import { inUnitOfWork } from "../unit-of-work";
import { signInProven } from "./proven-sign-in";

export type SignInCodeAddress = { email: string } | { phone: string; country?: string | undefined };

export interface SignInCodeRequested extends StartedCodeFlow {
  channel: "email" | "sms";
}

export async function requestSignInCode(
  deps: CoreDeps,
  input: { address: SignInCodeAddress; device: { kind: DeviceKind; name: string }; deviceCredential?: string | undefined },
  context: RequestContext,
): Promise<Result<SignInCodeRequested, "INVALID_EMAIL" | "INVALID_PHONE" | "PHONE_NOT_MOBILE">> {
  const address = addressOf(input.address);
  if (!address.ok) return address;
  const channel = "email" in input.address ? "email" : "sms";
  const limited = await throttle(deps.limiter, [[`sign-in-code:ip:${clientNetwork(context)}`, deps.config.limits.signInCodeRequestPerIp]]);
  // Past the per-IP limit the answer is the same; there is just no flow behind it.
  if (!limited.ok)
    return ok({ flowId: deps.random.uuid(), expiresAt: new Date(deps.clock.now().getTime() + deps.config.signInCodes.ttlMs), channel });
  const started = await inUnitOfWork(deps, (stores) =>
    startCodeFlow(deps, stores, {
      purpose: "sign_in",
      channel,
      address: address.value,
      requester: codeRequester(context, input.deviceCredential),
      deviceName: input.device.name,
    }),
  );
  return ok({ ...started, channel });
}

export interface CompleteSignInCode {
  flowId: string;
  code: string;
  device: { kind: DeviceKind; name: string };
  deviceCredential?: string | undefined;
  keepsTokenItself: boolean;
}

type SignInCodeAnswer = Result<SignedIn | TwoStepRequired, "SIGN_IN_CODE_INVALID" | "RATE_LIMITED">;

export function completeSignInCode(deps: CoreDeps, input: CompleteSignInCode, context: RequestContext): Promise<SignInCodeAnswer> {
  return countedSignIn(deps, "sign_in_code", checkSignInCode(deps, input, context));
}

async function checkSignInCode(deps: CoreDeps, input: CompleteSignInCode, context: RequestContext): Promise<SignInCodeAnswer> {
  const opened = await openCodeFlow(
    deps,
    {
      purpose: "sign_in",
      flowId: input.flowId,
      secret: input.code,
      maxAttempts: deps.config.signInCodes.maxAttempts,
      refused: "SIGN_IN_CODE_INVALID",
    },
    context,
  );
  if (!opened.ok) return opened;
  const { flow, account, attempt } = opened.value;
  // Used once, whatever follows: a second step starts from here, or the session is issued.
  if (!(await deps.stores.codeFlows.redeem(flow.id, deps.clock.now()))) return fail("SIGN_IN_CODE_INVALID");
  await attempt.succeeded();
  const request = {
    device: input.device,
    deviceCredential: input.deviceCredential,
    keepsTokenItself: input.keepsTokenItself,
    method: "sign_in_code" as const,
  };
  return ok(await signInProven(deps, account, request, context));
}

function addressOf(address: SignInCodeAddress): Result<string, "INVALID_EMAIL" | "INVALID_PHONE" | "PHONE_NOT_MOBILE"> {
  if ("email" in address) {
    const email = normalizeEmail(address.email);
    return email ? ok(email) : fail("INVALID_EMAIL");
  }
  return parsePhone(address.phone, address.country);
}
