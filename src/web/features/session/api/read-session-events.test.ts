import { describe, expect, it } from "vitest";
import { readStreamEndedEvent } from "./read-session-events";

describe("readStreamEndedEvent", () => {
  it("reads a stream-ended event's data", () => {
    const event = { streamId: "s1", titleId: "t1", reason: "stopped_from_another_device" };
    expect(readStreamEndedEvent(JSON.stringify(event))).toEqual(event);
  });

  it("reads a stream ended by parental controls (restricted)", () => {
    const event = { streamId: "s1", titleId: "t1", reason: "restricted" };
    expect(readStreamEndedEvent(JSON.stringify(event))).toEqual(event);
  });

  it.each([
    ["not JSON", "{"],
    ["an unknown reason", JSON.stringify({ streamId: "s1", titleId: "t1", reason: "boredom" })],
    ["a missing stream", JSON.stringify({ titleId: "t1", reason: "stopped" })],
    ["a number for a title", JSON.stringify({ streamId: "s1", titleId: 7, reason: "stopped" })],
  ])("answers undefined for %s", (_label, data) => {
    expect(readStreamEndedEvent(data)).toBeUndefined();
  });
});
