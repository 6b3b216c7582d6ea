import { describe, expect, it } from "vitest";
import { activeAgo, startedAgo } from "./format-relative-time";

const now = Date.parse("2026-11-21T20:00:00.000Z");
const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

describe("how long ago, in words", () => {
  it("says a device seen within the last minute is active now", () => {
    expect(activeAgo(ago(0), now)).toBe("Active now");
    expect(activeAgo(ago(59), now)).toBe("Active now");
    // A clock a little ahead of this one is not "in the future".
    expect(activeAgo(new Date(now + 5_000).toISOString(), now)).toBe("Active now");
  });

  it("names the largest whole unit that has passed", () => {
    expect(activeAgo(ago(5 * 60 + 30), now)).toBe("Active 5 minutes ago");
    expect(activeAgo(ago(3600), now)).toBe("Active 1 hour ago");
    expect(activeAgo(ago(24 * 3600), now)).toBe("Active yesterday");
    expect(activeAgo(ago(3 * 7 * 24 * 3600), now)).toBe("Active 3 weeks ago");
  });

  it("says when a device started watching the same way", () => {
    expect(startedAgo(ago(10), now)).toBe("Started just now");
    expect(startedAgo(ago(60), now)).toBe("Started 1 minute ago");
    expect(startedAgo(ago(2 * 3600 + 59 * 60), now)).toBe("Started 2 hours ago");
  });
});
