// Who at support did something: every support action names its operator, kept in the audit log
// (so the team can answer "who locked this account?") while the owner's activity shows only
// that Usher support did it.
import type { RequestContext } from "../deps";

export interface Operator {
  name: string;
}

const OPERATOR_NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._@-]{0,59}$/u;

/** 1 to 60 letters, digits, spaces, dots, dashes, underscores or @, starting with a letter or digit; else null. */
export function parseOperator(name: string): Operator | null {
  const trimmed = name.trim();
  return OPERATOR_NAME.test(trimmed) ? { name: trimmed } : null;
}

/** Support acts from no browser: audit rows carry no address or user agent. */
export const supportContext: RequestContext = { ip: null, userAgent: null };

/** What every support action's audit row says of who did it. */
export const bySupport = (operator: Operator) => ({ by: "support", operator: operator.name });
