// Step two of TV sign-in, on the viewer's phone or computer (the /tv page): look up the code
// the TV shows, see which device asks, then approve it for a profile or deny it. Approving
// creates nothing yet: the TV's next poll redeems the flow and gets its session.
// Every attempt counts against per-account and per-IP limits, so codes can't be guessed.
import type { TvCodeLookupResponse } from "../../contract/schemas/tv-sign-in";
import { auditEvent } from "../audit/events";
import type { CoreDeps, RequestContext } from "../deps";
import type { ProfileRecord } from "../profiles/ports";
import { checkProfilePin } from "../profiles/profile-lock";
import { clientNetwork } from "../rate-limit/client-network";
import { type Pass, throttle } from "../rate-limit/throttle";
import { fail, ok, type Result } from "../result";
import type { SessionRecord } from "../sessions/ports";
import { inUnitOfWork } from "../unit-of-work";
import type { TvCodeRecord } from "./ports";
import { decisionBlocker } from "./tv-code-flow";
import { formatUserCode, normalizeUserCode } from "./user-code";

type LookupFailure = "TV_CODE_NOT_FOUND" | "TV_CODE_EXPIRED" | "TV_CODE_ALREADY_USED" | "RATE_LIMITED";
type PinFailure = "PROFILE_LOCKED" | "PIN_REQUIRED" | "INVALID_PIN";

/** What the viewer sees before deciding: never the device code or its hash. */
export function toPublicTvCode(deps: Pick<CoreDeps, "config">, flow: TvCodeRecord): TvCodeLookupResponse {
  const client = deps.config.tvSignIn.clients.find((candidate) => candidate.id === flow.clientId);
  return {
    userCode: formatUserCode(flow.userCode),
    device: { name: flow.deviceName, kind: client?.deviceKind ?? "tv", ip: flow.ip },
    requestedAt: flow.createdAt.toISOString(),
    expiresAt: flow.expiresAt.toISOString(),
  };
}

/**
 * The pending flow behind a typed code, after counting the attempt. Only misses stay counted:
 * a code that leads to a pending flow gives its attempt back, and nothing more, so deciding
 * codes of one's own never refills a budget that guesses spent.
 */
async function findPendingFlow(
  deps: CoreDeps,
  session: SessionRecord,
  typedCode: string,
  context: RequestContext,
): Promise<Result<{ flow: TvCodeRecord; attempt: Pass }, LookupFailure>> {
  const limits = deps.config.limits;
  const limited = await throttle(deps.limiter, [
    [`tv-code:account:${session.accountId}`, limits.tvCodeCheckPerAccount],
    [`tv-code:ip:${clientNetwork(context)}`, limits.tvCodeCheckPerIp],
  ]);
  if (!limited.ok) return limited;
  const userCode = normalizeUserCode(typedCode);
  const flow = userCode ? await deps.stores.tvCodes.findByUserCode(userCode) : null;
  if (!flow) return fail("TV_CODE_NOT_FOUND");
  const blocker = decisionBlocker(flow, deps.clock.now());
  return blocker ? fail(blocker) : ok({ flow, attempt: limited });
}

export async function lookUpTvCode(
  deps: CoreDeps,
  session: SessionRecord,
  typedCode: string,
  context: RequestContext,
): Promise<Result<TvCodeLookupResponse, LookupFailure>> {
  const found = await findPendingFlow(deps, session, typedCode, context);
  if (!found.ok) return found;
  await found.value.attempt.succeeded();
  return ok(toPublicTvCode(deps, found.value.flow));
}

export async function decideTvSignIn(
  deps: CoreDeps,
  session: SessionRecord,
  typedCode: string,
  decision: { approve: true; profileId: string; pin?: string | undefined } | { approve: false },
  context: RequestContext,
): Promise<Result<TvCodeLookupResponse, LookupFailure | PinFailure | "PROFILE_NOT_FOUND">> {
  const found = await findPendingFlow(deps, session, typedCode, context);
  if (!found.ok) return found;
  const { flow, attempt } = found.value;
  let profile: ProfileRecord | null = null;
  if (decision.approve) {
    profile = await deps.stores.profiles.find(session.accountId, decision.profileId);
    if (!profile) return fail("PROFILE_NOT_FOUND");
    // Approving a TV for a locked profile opens that profile on it: the PIN is asked here too.
    const unlocked = await checkProfilePin(deps, session, profile, decision.pin, context);
    if (!unlocked.ok) return unlocked;
  }

  const now = deps.clock.now();
  const decided = await inUnitOfWork(deps, async (stores) => {
    const won = await stores.tvCodes.decide(flow.id, {
      status: decision.approve ? "approved" : "denied",
      accountId: session.accountId,
      profileId: decision.approve ? decision.profileId : null,
      at: now,
    });
    if (!won) return false;
    await stores.audit.record(
      auditEvent(
        decision.approve ? "tv_sign_in_approved" : "tv_sign_in_denied",
        { accountId: session.accountId, sessionId: session.id },
        context,
        now,
        {
          deviceName: flow.deviceName,
          deviceIp: flow.ip,
          // The profile the TV will watch as, by the name it has now.
          ...(profile ? { profileId: profile.id, profileName: profile.name } : {}),
        },
      ),
    );
    return true;
  });
  // Someone else decided (or it expired) between the read and the update.
  if (!decided) return fail(flowAfterLostRace(await deps.stores.tvCodes.findByUserCode(flow.userCode), now));
  await attempt.succeeded();
  return ok(toPublicTvCode(deps, flow));
}

function flowAfterLostRace(flow: TvCodeRecord | null, now: Date): "TV_CODE_EXPIRED" | "TV_CODE_ALREADY_USED" {
  return (flow && decisionBlocker(flow, now)) || "TV_CODE_ALREADY_USED";
}
