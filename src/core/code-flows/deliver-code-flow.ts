// A code flow's message, as it goes out (the dispatcher calls this before sending): find the
// account the address belongs to and decide, once per flow, whether the code is sent and
// where: the account's email, or its verified phone. Nothing is sent for an address without
// an account, for a new device's wrong password, or past a send budget; the requester was
// answered alike long before, so none of this can be read from the answer or its timing.

import type { AccountRecord } from "../accounts/ports";
import { auditEvent } from "../audit/events";
import type { OutboxMessageRecord } from "../delivery/ports";
import type { CoreDeps } from "../deps";
import { keyPart, type Limit, throttle } from "../rate-limit/throttle";
import { knownDeviceFromDigest } from "../sessions/device-cookie";
import { inUnitOfWork } from "../unit-of-work";
import { codeTemplateNames, codeTemplates } from "./code-flow";
import type { CodeFlowRecord } from "./ports";

type WithheldReason = "no_account" | "wrong_password" | "no_verified_phone" | "send_budget_spent";
type Verdict =
  | { send: true; account: AccountRecord; recipient: string }
  | { send: false; account: AccountRecord | null; reason: WithheldReason };

/** Answers the message to send (readdressed), the message unchanged when it is no code flow's, or null when it must not go out. */
export function createCodeFlowDelivery(deps: CoreDeps): (message: OutboxMessageRecord) => Promise<OutboxMessageRecord | null> {
  return async (message) => {
    const flowId = message.payload.flowId;
    if (!codeTemplateNames.has(message.template) || typeof flowId !== "string") return message;
    const flow = await deps.stores.codeFlows.find(flowId);
    // Decided before: a retry after a failed send, or the text beside a new device's email.
    if (flow?.status === "sent") return message;
    if (flow?.status !== "requested") {
      await deps.stores.outbox.discard(message.id);
      return null;
    }
    const verdict = await decide(deps, flow);
    return inUnitOfWork(deps, async (stores) => {
      const at = deps.clock.now();
      if (!verdict.send) {
        await stores.codeFlows.decide(flow.id, { status: "withheld" });
        await stores.outbox.discard(message.id);
        // A wrong password was recorded as a failed sign-in when it was tried.
        if (verdict.reason !== "wrong_password")
          await stores.audit.record(requestedEvent(flow, verdict.account, false, at, verdict.reason));
        return null;
      }
      if (!(await stores.codeFlows.decide(flow.id, { status: "sent", accountId: verdict.account.id }))) {
        await stores.outbox.discard(message.id);
        return null;
      }
      await stores.outbox.readdress(message.id, verdict.recipient, verdict.account.id);
      // A new device that gave the right password gets the code by text too, when there is a verified phone.
      const phone = verifiedPhoneOf(verdict.account);
      const companion = flow.purpose === "sign_in" && flow.passwordProven === true && message.channel === "email" && phone !== null;
      if (companion) {
        const payload = { flowId: flow.id, code: message.payload.code };
        await stores.outbox.enqueue({
          channel: "sms",
          recipient: phone,
          accountId: verdict.account.id,
          template: codeTemplates.sign_in.sms,
          payload,
          createdAt: at,
        });
      }
      await stores.audit.record(requestedEvent(flow, verdict.account, true, at));
      return { ...message, recipient: verdict.recipient, accountId: verdict.account.id };
    });
  };
}

async function decide(deps: CoreDeps, flow: CodeFlowRecord): Promise<Verdict> {
  const account = flow.address.startsWith("+")
    ? await deps.stores.accounts.findByVerifiedPhone(flow.address)
    : await deps.stores.accounts.findByEmail(flow.address);
  if (!account) return { send: false, account: null, reason: "no_account" };
  if (flow.passwordProven === false) return { send: false, account, reason: "wrong_password" };
  const recipient = flow.channel === "email" ? account.email : verifiedPhoneOf(account);
  if (recipient === null) return { send: false, account, reason: "no_verified_phone" };
  const budget = await throttle(deps.limiter, sendBudget(deps, flow, account.id));
  return budget.ok ? { send: true, account, recipient } : { send: false, account, reason: "send_budget_spent" };
}

/**
 * A device the account knows (it signed in there before) has a budget of its own, so the
 * owner's usual browser or app always gets its code; any other requester shares one per
 * network and one per account, which bounds what strangers can make the owner receive.
 */
function sendBudget(deps: CoreDeps, flow: CodeFlowRecord, accountId: string): Limit[] {
  const limits = deps.config.limits;
  const scope = `code-send:${flow.purpose}`;
  const knownDevice = knownDeviceFromDigest(deps.keys.deviceCookies, flow.requester.device, accountId);
  if (knownDevice) return [[`${scope}:device:${knownDevice}`, limits.codeSendPerKnownDevice]];
  return [
    [`${scope}:account:${accountId}:net:${keyPart(flow.requester.network)}`, limits.codeSendPerAccountAndNetwork],
    [`${scope}:account:${accountId}`, limits.codeSendPerAccount],
  ];
}

const verifiedPhoneOf = (account: AccountRecord): string | null => (account.phoneVerifiedAt ? account.phoneE164 : null);

function requestedEvent(flow: CodeFlowRecord, account: AccountRecord | null, sent: boolean, at: Date, reason?: WithheldReason) {
  const type = flow.purpose === "sign_in" ? "sign_in_code_requested" : "password_reset_requested";
  // The row describes the request that asked for the code (its address, agent and id), not this delivery.
  return auditEvent(type, { accountId: account?.id ?? null }, flow.requester, at, {
    method: flow.channel,
    sent,
    ...(reason ? { reason } : {}),
    ...(account ? {} : { addressKey: keyPart(flow.address) }),
  });
}
