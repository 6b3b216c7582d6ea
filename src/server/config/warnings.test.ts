import { describe, expect, it } from "vitest";
import { configWarnings } from "./warnings";

describe("warnings at start", () => {
  it.each(["http://127.0.0.1:3000", "http://192.168.1.20", "http://[::1]:3000"])("warns that passkeys fail on %s", (publicUrl) => {
    const [warning] = configWarnings({ publicUrl });
    expect(warning).toContain(`PUBLIC_URL ${publicUrl} is an IP address, where browsers refuse passkeys`);
    expect(warning).toMatch(/Use a host name instead \(http:\/\/localhost(:3000)? on this machine/);
  });

  it.each(["http://localhost:3000", "https://watch.example.com"])("says nothing of %s", (publicUrl) => {
    expect(configWarnings({ publicUrl })).toEqual([]);
  });
});
