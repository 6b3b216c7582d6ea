// What the platform's services send and receive: token introspection (RFC 7662) and token
// revocation (RFC 7009), form-encoded like every OAuth request. Browser-safe.
import { z } from "zod";
import { plans } from "./account";
import { maturityRatings } from "./catalogue";
import { deviceKind, text } from "./common";

/** POST /oauth/introspect. `token_type_hint` is accepted and ignored: Usher has one kind of token. */
export const introspectionRequest = z.object({
  /** Any text: whatever is not a live session's token answers {"active": false}. */
  token: z.string().min(1),
  token_type_hint: text().max(100).optional(),
});

export const inactiveToken = z.strictObject({ active: z.literal(false) });

export const activeToken = z.object({
  active: z.literal(true),
  /** The account. */
  sub: z.string(),
  /** The session: what session.revoked webhooks name. */
  sid: z.string(),
  exp: z.number().int(),
  iat: z.number().int(),
  /** When the viewer last proved who they are on this device. */
  auth_time: z.number().int(),
  token_type: z.literal("Bearer"),
  /** 2 after a second factor or a passkey, else 1 (NIST authenticator assurance level). */
  aal: z.union([z.literal(1), z.literal(2)]),
  plan: z.enum(plans),
  device: z.object({ kind: deviceKind, name: z.string() }),
  /**
   * The profile chosen on this device, with what it may watch: titles rated up to `max_rating`,
   * none of `restricted_titles`, and on a Kids profile only titles made for children.
   */
  profile: z
    .object({
      id: z.string(),
      name: z.string(),
      kids: z.boolean(),
      max_rating: z.enum(maturityRatings),
      restricted_titles: z.array(z.string()),
    })
    .nullable(),
});

export const introspectionResponse = z.union([activeToken, inactiveToken]);
export type IntrospectionResponse = z.infer<typeof introspectionResponse>;

/** POST /oauth/revoke. Public apps name themselves with client_id; services authenticate. */
export const revocationRequest = z.object({
  token: z.string().min(1),
  token_type_hint: text().max(100).optional(),
  client_id: text().max(100).optional(),
});
