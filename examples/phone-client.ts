// A phone-style client of Usher's API, built on the typed client (src/client): it signs in
// as a phone app (bearer token), picks a profile, lists the account's devices and signs
// out of all of them. Run it against a started server:
//
//   USHER_URL=http://localhost:3000 USHER_EMAIL=you@example.com USHER_PASSWORD=… npx tsx examples/phone-client.ts
import { createUsherClient, errorCodeOf } from "../src/client";

export async function phoneClient(options: { baseUrl: string; email: string; password: string; log?: (line: string) => void }) {
  const log = options.log ?? console.log;
  const anonymous = createUsherClient({ baseUrl: options.baseUrl, auth: { mode: "none" } });
  const signIn = await anonymous.POST("/api/v1/auth/sign-in", {
    body: { email: options.email, password: options.password, client: { kind: "mobile", name: "Example phone app" } },
  });
  if (!signIn.data) throw new Error(`sign-in failed: ${errorCodeOf(signIn.error) ?? signIn.response.status}`);
  // An account with two-step verification answers a challenge instead (POST /auth/two-step
  // completes it with a code); this example keeps to a password-only account.
  if ("twoStepRequired" in signIn.data) throw new Error("this account uses two-step verification: finish with POST /api/v1/auth/two-step");
  // While strangers are guessing the account's password, a device the account doesn't know yet
  // finishes with a code sent to the owner (POST /auth/sign-in-code/complete). Keep `deviceToken`
  // and send it with the next sign-in: a device that signed in before is never held back.
  if ("signInCodeRequired" in signIn.data)
    throw new Error("finish with the sign-in code sent to the account's email: POST /api/v1/auth/sign-in-code/complete");
  if (!signIn.data.token) throw new Error("sign-in answered without a token");
  // The token is this app's to keep (a phone keeps it in its secure storage); never print it.
  const token = signIn.data.token;
  log(`Signed in as ${signIn.data.account.email} on "${signIn.data.session.deviceName}"`);

  const usher = createUsherClient({ baseUrl: options.baseUrl, auth: { mode: "bearer", token } });
  const profiles = (await usher.GET("/api/v1/profiles")).data?.profiles ?? [];
  log(`Who's watching? ${profiles.map((profile) => profile.name).join(", ")}`);
  const first = profiles[0];
  if (!first) throw new Error("the account has no profile");
  const chosen = await usher.POST("/api/v1/profiles/{id}/choose", { params: { path: { id: first.id } }, body: {} });
  log(`Watching as ${chosen.data?.profile.name}`);

  const sessions = (await usher.GET("/api/v1/sessions")).data?.sessions ?? [];
  for (const session of sessions) {
    log(`- ${session.deviceName} (${session.deviceKind})${session.current ? " — this device" : ""}, last active ${session.lastActiveAt}`);
  }

  const signedOut = await usher.POST("/api/v1/sessions/sign-out-all");
  log(`Signed out of all devices (${signedOut.data?.signedOutDevices ?? 0})`);
  const after = await usher.GET("/api/v1/me");
  log(`This device now gets ${errorCodeOf(after.error)}`);
  return { devices: sessions.length, signedOut: signedOut.data?.signedOutDevices ?? 0, afterwards: errorCodeOf(after.error) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { USHER_URL = "http://localhost:3000", USHER_EMAIL, USHER_PASSWORD } = process.env;
  if (!USHER_EMAIL || !USHER_PASSWORD) {
    console.error("Set USHER_EMAIL and USHER_PASSWORD (and USHER_URL if Usher isn't at http://localhost:3000).");
    process.exit(2);
  }
  await phoneClient({ baseUrl: USHER_URL, email: USHER_EMAIL, password: USHER_PASSWORD }).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
