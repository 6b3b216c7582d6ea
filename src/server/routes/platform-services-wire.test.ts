// Wire compatibility: introspection (RFC 7662) and revocation (RFC 7009) driven by a standard
// OAuth client library (openid-client, not our code) against the app listening on 127.0.0.1.
// Discovery reads our RFC 8414 metadata; nothing below is Usher-specific but the claims read.
import * as oauth from "openid-client";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, nextIp, type TestApp, uniqueEmail, withoutPerIpLimits } from "../../../test/helper";
import { freePort } from "../../../test/support/free-port";
import { cryptoRandom } from "../../core/crypto/random";
import { newServiceSecret, secretDigest } from "../../core/services/service-clients";

let t: TestApp;
let issuer: URL;
const secret = newServiceSecret(cryptoRandom);

beforeAll(async () => {
  const port = await freePort();
  issuer = new URL(`http://127.0.0.1:${port}`);
  t = await buildTestApp({
    publicUrl: issuer.origin,
    config: (c) => ({
      ...withoutPerIpLimits(c),
      services: { ...c.services, clients: [{ id: "playback", name: "Playback API", secretDigest: secretDigest(secret) }] },
    }),
  });
  t.logs.remember(secret);
  await t.app.listen({ host: "127.0.0.1", port });
});

afterAll(async () => {
  await t?.close();
});

const discover = (clientId: string, auth: oauth.ClientAuth) =>
  oauth.discovery(issuer, clientId, undefined, auth, { algorithm: "oauth2", execute: [oauth.allowInsecureRequests] });

async function signedInPhone(): Promise<string> {
  const email = uniqueEmail("wire-services");
  expect((await t.browser({ ip: nextIp() }).signUp(email)).statusCode).toBe(201);
  const phone = t.phoneApp({ ip: nextIp() });
  expect((await phone.signIn(email)).statusCode).toBe(200);
  return phone.sessionToken!;
}

it("a service introspects a token with client_secret_basic and reads Usher's claims", async () => {
  const service = await discover("playback", oauth.ClientSecretBasic(secret));
  expect(service.serverMetadata().introspection_endpoint).toBe(`${issuer.origin}/oauth/introspect`);
  const token = await signedInPhone();

  const live = await oauth.tokenIntrospection(service, token);
  expect(live).toMatchObject({ active: true, token_type: "Bearer", aal: 1, plan: "standard", device: { kind: "mobile" } });
  expect(live.sid).toBe(token.split(".")[0]);
  expect(typeof live.sub).toBe("string");
  expect(live.exp).toBeGreaterThan(Math.floor(Date.now() / 1000));

  expect(await oauth.tokenIntrospection(service, "not-a-token")).toEqual({ active: false });
});

it("a service revokes a token, after which introspection finds it inactive", async () => {
  const service = await discover("playback", oauth.ClientSecretBasic(secret));
  const token = await signedInPhone();
  await oauth.tokenRevocation(service, token);
  expect(await oauth.tokenIntrospection(service, token)).toEqual({ active: false });
});

it("a phone app signs itself out by its token as a public client", async () => {
  const app = await discover("usher-phone", oauth.None());
  const service = await discover("playback", oauth.ClientSecretBasic(secret));
  const token = await signedInPhone();
  await oauth.tokenRevocation(app, token, { token_type_hint: "access_token" });
  expect(await oauth.tokenIntrospection(service, token)).toEqual({ active: false });
});

it("the library reports a wrong secret as the server's Basic challenge, 401", async () => {
  const wrong = await discover("playback", oauth.ClientSecretBasic(newServiceSecret(cryptoRandom)));
  const failure = await oauth.tokenIntrospection(wrong, await signedInPhone()).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(oauth.WWWAuthenticateChallengeError);
  const challenge = failure as oauth.WWWAuthenticateChallengeError;
  expect(challenge.status).toBe(401);
  expect(challenge.cause[0]).toMatchObject({ scheme: "basic", parameters: { realm: "usher" } });
});
