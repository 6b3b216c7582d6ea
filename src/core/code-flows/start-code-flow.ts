// The request path of a code flow: one flow row and one outbox message, in the caller's
// transaction, whatever the address is. Nothing here looks the address up.
import { randomToken } from "../crypto/random";
import type { MessageChannel } from "../delivery/ports";
import type { CoreDeps, RequestContext } from "../deps";
import type { Stores } from "../ports";
import { clientNetwork } from "../rate-limit/client-network";
import { deviceCredentialDigest } from "../sessions/device-cookie";
import { codeDigest, codeTemplates, linkToken } from "./code-flow";
import type { CodeFlowPurpose, CodeRequester } from "./ports";

export interface CodeFlowRequest {
  purpose: CodeFlowPurpose;
  channel: MessageChannel;
  /** A case-folded email, or an E.164 number. */
  address: string;
  requester: CodeRequester;
  /** A new device's sign-in past the guess budget: whether its password was right (nothing is sent when not). */
  passwordProven?: boolean;
  /** Sign-in codes: the device asking, named in the email so the owner can tell whether it's them. */
  deviceName?: string;
}

export interface StartedCodeFlow {
  flowId: string;
  expiresAt: Date;
}

/** Who is asking, as a flow keeps it: a device credential only as a digest. */
export function codeRequester(context: RequestContext, deviceCredential: string | undefined): CodeRequester {
  return {
    ip: context.ip,
    userAgent: context.userAgent,
    network: clientNetwork(context),
    device: deviceCredentialDigest(deviceCredential),
    requestId: context.requestId ?? null,
  };
}

export async function startCodeFlow(
  deps: Pick<CoreDeps, "clock" | "random" | "keys" | "config">,
  stores: Stores,
  request: CodeFlowRequest,
): Promise<StartedCodeFlow> {
  const now = deps.clock.now();
  const flowId = deps.random.uuid();
  // A reset by email is a link (a 256-bit secret); everything else is a 6-digit code.
  const isLink = request.purpose === "password_reset" && request.channel === "email";
  const secret = isLink ? randomToken(deps.random, 32) : deps.random.digits(6);
  const expiresAt = new Date(now.getTime() + ttlOf(deps.config, request.purpose, isLink));
  await stores.codeFlows.create({
    id: flowId,
    purpose: request.purpose,
    channel: request.channel,
    address: request.address,
    accountId: null,
    codeHash: codeDigest(deps.keys.oneTimeCodes, flowId, secret),
    status: "requested",
    attempts: 0,
    requester: request.requester,
    passwordProven: request.passwordProven ?? null,
    expiresAt,
    createdAt: now,
  });
  const secretField = isLink ? { token: linkToken(flowId, secret) } : { code: secret };
  const about =
    request.purpose === "sign_in" && request.channel === "email"
      ? { device: request.deviceName ?? "A device", newDevice: request.passwordProven !== undefined }
      : {};
  await stores.outbox.enqueue({
    channel: request.channel,
    // Where the code goes is settled when it goes out; until then the message names what was asked for.
    recipient: request.address,
    template: codeTemplates[request.purpose][request.channel],
    payload: { flowId, ...secretField, ...about },
    createdAt: now,
  });
  return { flowId, expiresAt };
}

function ttlOf(config: CoreDeps["config"], purpose: CodeFlowPurpose, isLink: boolean): number {
  if (purpose === "sign_in") return config.signInCodes.ttlMs;
  return isLink ? config.recovery.resetLinkTtlMs : config.recovery.resetCodeTtlMs;
}
