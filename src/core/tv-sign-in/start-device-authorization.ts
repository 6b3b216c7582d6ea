// Step one of TV sign-in (RFC 8628 §3.1–3.2): a TV app asks for a device code to poll with
// and a user code to show. Only the device code's SHA-256 is stored.
import { DEVICE_CODE_GRANT } from "../../contract/schemas/tv-sign-in";
import { sha256Hex } from "../crypto/hashing";
import { randomToken } from "../crypto/random";
import type { CoreDeps, RequestContext } from "../deps";
import { describeDevice } from "../devices/device";
import { clientNetwork } from "../rate-limit/client-network";
import { throttle } from "../rate-limit/throttle";
import { deviceGrantClient, type OAuthFailure, oauthFail } from "./oauth-failure";
import type { TvCodeRecord } from "./ports";
import { newUserCode } from "./user-code";

const DEVICE_CODE_BYTES = 32;
// A clash with a pending code is a 1-in-10^10 event; a few draws make it impossible in practice.
const USER_CODE_DRAWS = 5;

export interface StartedDeviceAuthorization {
  /** Handed to the TV once; never stored, logged or shown again. */
  deviceCode: string;
  userCode: string;
  expiresInSec: number;
  intervalSec: number;
}

export async function startDeviceAuthorization(
  deps: CoreDeps,
  input: { clientId: string | undefined; deviceName?: string | undefined },
  context: RequestContext,
): Promise<{ ok: true; value: StartedDeviceAuthorization } | OAuthFailure> {
  const limited = await throttle(deps.limiter, [[`tv-authorize:ip:${clientNetwork(context)}`, deps.config.limits.tvAuthorizePerIp]]);
  if (!limited.ok) return oauthFail("slow_down", "Too many sign-in requests from this address.", limited.retryAfterSec);
  const allowed = deviceGrantClient(deps, input.clientId, DEVICE_CODE_GRANT);
  if (!allowed.ok) return allowed;

  const settings = deps.config.tvSignIn;
  const now = deps.clock.now();
  // The name the device list will show: what the app says it is, else what its User-Agent says.
  const device = describeDevice(context.userAgent, {
    kind: allowed.client.deviceKind,
    ...(input.deviceName ? { name: input.deviceName } : {}),
  });
  const deviceCode = randomToken(deps.random, DEVICE_CODE_BYTES);
  for (let draw = 0; draw < USER_CODE_DRAWS; draw++) {
    const record: TvCodeRecord = {
      id: deps.random.uuid(),
      deviceCodeHash: sha256Hex(deviceCode),
      userCode: newUserCode(deps.random),
      clientId: allowed.client.id,
      status: "pending",
      expiresAt: new Date(now.getTime() + settings.codeTtlMs),
      intervalSec: settings.intervalSec,
      lastPolledAt: null,
      deviceName: device.name,
      userAgent: context.userAgent,
      ip: context.ip,
      createdAt: now,
      accountId: null,
      profileId: null,
      decidedAt: null,
      sessionId: null,
    };
    if (await deps.stores.tvCodes.create(record)) {
      return {
        ok: true,
        value: {
          deviceCode,
          userCode: record.userCode,
          expiresInSec: Math.floor(settings.codeTtlMs / 1000),
          intervalSec: settings.intervalSec,
        },
      };
    }
  }
  throw new Error("could not draw a free user code");
}
