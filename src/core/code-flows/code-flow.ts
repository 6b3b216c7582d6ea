// Codes asked for by address: a sign-in code (asked for with "Use a sign-in code", or sent to
// finish a new device's sign-in once the account's guess budget is spent) and a password reset
// (a link by email, a code by text). Every request is its own flow with its own code, so no
// request or wrong guess touches another's; guesses count per flow.
//
// Asking answers alike whether or not the address has an account: the request path only
// writes the flow and its message. Which account the address belongs to, whether anything is
// sent, and to which number, is decided when the message goes out (deliver-code-flow.ts).

import { hmacSha256Hex } from "../crypto/hashing";
import type { MessageChannel } from "../delivery/ports";
import type { CodeFlowPurpose, CodeFlowRecord } from "./ports";

/** Keyed and salted with the flow: a 6-digit code is otherwise reversed by trying them all. */
export const codeDigest = (key: Buffer, flowId: string, code: string): string => hmacSha256Hex(key, `code-flow:${flowId}:${code}`);

const FLOW_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const FLOW_ID_SHAPE = new RegExp(`^${FLOW_ID}$`);
const LINK_SHAPE = new RegExp(`^(${FLOW_ID})\\.([A-Za-z0-9_-]{43})$`);

/** Whether a flow id can name a flow at all (anything else need not be looked up). */
export const isFlowId = (value: string): boolean => FLOW_ID_SHAPE.test(value);

/** An emailed link's token names its flow: "<flow id>.<secret>". */
export const linkToken = (flowId: string, secret: string): string => `${flowId}.${secret}`;

/** The flow and secret a link's token names, or null when it is not a link token at all. */
export function parseLinkToken(token: string): { flowId: string; secret: string } | null {
  const parsed = LINK_SHAPE.exec(token.trim());
  return parsed ? { flowId: parsed[1]!, secret: parsed[2]! } : null;
}

/** The template each purpose goes out with on each channel. */
export const codeTemplates = {
  sign_in: { email: "sign_in_code", sms: "sign_in_code_text" },
  password_reset: { email: "password_reset", sms: "password_reset_code" },
} as const satisfies Record<CodeFlowPurpose, Record<MessageChannel, string>>;

export const codeTemplateNames: ReadonlySet<string> = new Set(
  Object.values(codeTemplates).flatMap((byChannel) => Object.values(byChannel)),
);

/** Whether the flow's code may still be tried: sent to an account, not redeemed or retired, not expired. */
export function isOpen(flow: CodeFlowRecord, purpose: CodeFlowPurpose, now: Date): flow is CodeFlowRecord & { accountId: string } {
  return flow.purpose === purpose && flow.status === "sent" && flow.accountId !== null && flow.expiresAt.getTime() > now.getTime();
}
