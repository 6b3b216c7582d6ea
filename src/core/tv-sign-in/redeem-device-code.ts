// Step three of TV sign-in (RFC 8628 §3.4–3.5): the TV polls with its device code until the
// viewer has decided. Redemption is one conditional update inside the transaction that
// creates the session, so however many polls race, exactly one session comes out.
import { DEVICE_CODE_GRANT } from "../../contract/schemas/tv-sign-in";
import { auditEvent } from "../audit/events";
import { sha256Hex } from "../crypto/hashing";
import type { CoreDeps, RequestContext } from "../deps";
import { clientNetwork } from "../rate-limit/client-network";
import { throttle } from "../rate-limit/throttle";
import { type IssuedSession, issueSession } from "../sessions/issue-session";
import { newSessionToken } from "../sessions/session-token";
import { inUnitOfWork } from "../unit-of-work";
import { deviceGrantClient, type OAuthFailure, oauthFail } from "./oauth-failure";
import { pollTransition } from "./tv-code-flow";

const DEVICE_CODE_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export async function redeemDeviceCode(
  deps: CoreDeps,
  input: { clientId: string | undefined; deviceCode: string | undefined },
  context: RequestContext,
): Promise<{ ok: true; value: IssuedSession } | OAuthFailure> {
  const limited = await throttle(deps.limiter, [[`tv-token:ip:${clientNetwork(context)}`, deps.config.limits.tvTokenPerIp]]);
  if (!limited.ok) return oauthFail("slow_down", "Too many requests from this address.", limited.retryAfterSec);
  const allowed = deviceGrantClient(deps, input.clientId, DEVICE_CODE_GRANT);
  if (!allowed.ok) return allowed;
  if (!input.deviceCode) return oauthFail("invalid_request", "device_code is required.");

  const unknown = oauthFail("invalid_grant", "This device code is not valid.");
  if (!DEVICE_CODE_SHAPE.test(input.deviceCode)) return unknown;
  const flow = await deps.stores.tvCodes.findByDeviceCodeHash(sha256Hex(input.deviceCode));
  // A code issued to another client is as unknown as a made-up one (RFC 6749 §5.2).
  if (!flow || flow.clientId !== allowed.client.id) return unknown;

  const now = deps.clock.now();
  const outcome = pollTransition(flow, now, deps.config.tvSignIn.slowDownStepSec);
  switch (outcome.kind) {
    case "invalid_grant":
      return oauthFail("invalid_grant", "This device code has already been used.");
    case "expired_token":
      return oauthFail("expired_token", "The code expired before anyone approved it. Start again.");
    case "access_denied":
      return oauthFail("access_denied", "The viewer declined this sign-in.");
    case "authorization_pending":
    case "slow_down": {
      const recorded = await deps.stores.tvCodes.recordPoll(flow.id, flow.lastPolledAt, now, outcome.nextIntervalSec);
      // Losing to a simultaneous poll means this one came too soon as well.
      if (outcome.kind === "slow_down" || !recorded) {
        return oauthFail("slow_down", `Poll at most every ${outcome.nextIntervalSec} seconds.`);
      }
      return oauthFail("authorization_pending", "Waiting for the viewer to approve the sign-in.");
    }
    case "redeem":
      break;
  }

  // The session's id is drawn first so the winning update can name it.
  const token = newSessionToken(deps.random);
  const issued = await inUnitOfWork(deps, async (stores) => {
    if (!(await stores.tvCodes.redeem(flow.id, token.id))) return null;
    const session = await issueSession(deps, stores, {
      accountId: flow.accountId!,
      device: { kind: allowed.client.deviceKind, name: flow.deviceName },
      profileId: flow.profileId,
      context,
      token,
    });
    await stores.audit.record(
      auditEvent("signed_in", { accountId: flow.accountId, sessionId: session.session.id }, context, now, {
        deviceName: flow.deviceName,
        method: "tv_code",
      }),
    );
    return session;
  });
  return issued ? { ok: true, value: issued } : oauthFail("invalid_grant", "This device code has already been used.");
}
