import { describe, expect, it } from "vitest";
import { requestIdOf } from "./request-id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const idFor = (header: string | string[] | undefined) => requestIdOf({ headers: header === undefined ? {} : { "x-request-id": header } });

describe("requestIdOf", () => {
  it.each([
    ["a UUID", "0b6e4f6c-6f0e-4c52-9a3e-2f1d8f0b9a11"],
    ["a load balancer's trace id", "1-67891233-abcdef012345678912345678"],
    ["a dotted, colon-separated span", "edge.eu-west:42"],
    ["one character", "a"],
    ["64 characters", "x".repeat(64)],
    ["every accepted character", "AZaz09._:-"],
  ])("keeps the caller's id when it is %s", (_label, id) => {
    expect(idFor(id)).toBe(id);
  });

  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["65 characters", "x".repeat(65)],
    ["with a space", "abc def"],
    ["markup", "<script>alert(1)</script>"],
    ["a log line's newline", "abc\nlevel=error"],
    ["not ASCII", "idé"],
    ["sent twice, as Node joins it", "first, second"],
    ["sent twice, as an array", ["first", "second"]],
  ])("makes a UUID of its own when the caller's is %s", (_label, header) => {
    expect(idFor(header)).toMatch(UUID);
  });

  it("makes a different id for every request without one", () => {
    expect(idFor(undefined)).not.toBe(idFor(undefined));
  });
});
