// A TV app talking to the OAuth endpoints through app.inject: it starts a device
// authorization and polls the token endpoint with form posts, and every code and token it
// receives is registered with the log capture, so the test file proves none was logged.
import type { LightMyRequestResponse } from "fastify";
import { DEVICE_CODE_GRANT } from "../../src/contract/schemas/tv-sign-in";
import type { TestApp } from "../helper";

export const SAMSUNG_TV_UA =
  "Mozilla/5.0 (SMART-TV; LINUX; Tizen 7.0) AppleWebKit/537.36 (KHTML, like Gecko) 94.0.4606.31/7.0 TV Safari/537.36";

export interface StartedFlow {
  device_code: string;
  user_code: string;
  verification_uri: string;
  verification_uri_complete: string;
  expires_in: number;
  interval: number;
}

export class TvApp {
  constructor(
    private readonly t: TestApp,
    readonly ip = "198.51.100.40",
    readonly clientId = "usher-tv",
    readonly userAgent = SAMSUNG_TV_UA,
  ) {}

  /** Posts form parameters the way an OAuth client does. */
  async form(url: string, params: Record<string, string> | string, headers: Record<string, string> = {}) {
    const payload = typeof params === "string" ? params : new URLSearchParams(params).toString();
    const response = await this.t.app.inject({
      method: "POST",
      url,
      payload,
      headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": this.userAgent, ...headers },
      remoteAddress: this.ip,
    });
    this.remember(response);
    return response;
  }

  authorize(extra: Record<string, string> = {}) {
    return this.form("/oauth/device_authorization", { client_id: this.clientId, ...extra });
  }

  /** Starts a flow and answers what the TV shows and keeps. */
  async start(extra: Record<string, string> = {}): Promise<StartedFlow> {
    const response = await this.authorize(extra);
    if (response.statusCode !== 200) throw new Error(`device authorization failed: ${response.body}`);
    return response.json();
  }

  poll(deviceCode: string, extra: Record<string, string> = {}) {
    return this.form("/oauth/token", { grant_type: DEVICE_CODE_GRANT, device_code: deviceCode, client_id: this.clientId, ...extra });
  }

  private remember(response: LightMyRequestResponse): void {
    if (!response.headers["content-type"]?.toString().includes("json")) return;
    const body = response.json() as Record<string, unknown>;
    for (const key of ["device_code", "access_token", "user_code"]) {
      const value = body[key];
      if (typeof value === "string") {
        this.t.logs.remember(value);
        if (key === "user_code") this.t.logs.remember(value.replace("-", ""));
      }
    }
  }
}
