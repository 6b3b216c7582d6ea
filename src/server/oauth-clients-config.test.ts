import { describe, expect, it } from "vitest";
import { DEVICE_CODE_GRANT } from "../contract/schemas/tv-sign-in";
import { readConfig } from "./config";

describe("OAUTH_CLIENTS", () => {
  it("registers a TV app and a phone app by default; only the TV app may use the device grant", () => {
    const clients = readConfig({}).core.tvSignIn.clients;
    expect(clients.map((client) => [client.id, client.deviceKind, client.grantTypes])).toEqual([
      ["usher-tv", "tv", [DEVICE_CODE_GRANT]],
      ["usher-phone", "mobile", []],
    ]);
  });

  it("takes the registered clients from the environment", () => {
    const env = { OAUTH_CLIENTS: JSON.stringify([{ id: "acme-tv", name: "Acme TV", deviceKind: "tv" }]) };
    expect(readConfig(env).core.tvSignIn.clients).toEqual([
      { id: "acme-tv", name: "Acme TV", deviceKind: "tv", grantTypes: [DEVICE_CODE_GRANT] },
    ]);
  });

  it("stops the start with a message naming the variable when it is malformed", () => {
    expect(() => readConfig({ OAUTH_CLIENTS: "[{" })).toThrow(/OAUTH_CLIENTS must be a JSON array/);
    expect(() => readConfig({ OAUTH_CLIENTS: '[{"id":"x y","name":"X","deviceKind":"tv"}]' })).toThrow(
      /OAUTH_CLIENTS is not valid at 0.id/,
    );
    const twice = JSON.stringify([1, 2].map(() => ({ id: "tv", name: "TV", deviceKind: "tv" })));
    expect(() => readConfig({ OAUTH_CLIENTS: twice })).toThrow(/lists "tv" twice/);
  });
});
