// OAuth token revocation (RFC 7009): a phone or TV app signing itself out through a standard
// OAuth library, or a platform service ending a session it was shown. It is a sign-out like
// any other (live events, webhooks, the account's activity), and it answers nothing about the
// token: an unknown, malformed or already-ended token is "revoked" all the same (RFC 7009 §2.2).
import type { CoreDeps, RequestContext } from "../deps";
import { parseSessionToken, secretMatches } from "./session-token";
import { signOut } from "./sign-out";

export async function revokeToken(deps: CoreDeps, token: string, clientId: string, context: RequestContext): Promise<void> {
  const parsed = parseSessionToken(token);
  if (!parsed) return;
  const session = await deps.stores.sessions.findById(parsed.id);
  if (!session || !secretMatches(parsed.secret, session.tokenHash) || session.revokedAt) return;
  await signOut(deps, session, context, { byClient: clientId });
}
