import type { LoaderFunctionArgs } from "react-router";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { signedInHere } from "../features/session/api/get-me";
import { sendSignedInOn, signedInHome } from "./signed-out-pages";

vi.mock("../features/session/api/get-me", () => ({ signedInHere: vi.fn() }));
const whoIsHere = vi.mocked(signedInHere);

const argsFor = (path: string) => ({ request: new Request(`https://usher.example${path}`), params: {}, context: {} }) as LoaderFunctionArgs;
const signedIn = (profile: { id: string } | null) => ({ profile }) as unknown as Awaited<ReturnType<typeof signedInHere>>;

/** Where the loader's answer sends the browser; null when it shows the page. */
async function sentTo(loader: ReturnType<typeof sendSignedInOn>, path: string): Promise<string | null> {
  const answer = await loader(argsFor(path));
  return answer instanceof Response ? answer.headers.get("Location") : null;
}

describe("signed-out pages", () => {
  beforeEach(() => whoIsHere.mockReset());

  it("show themselves, with their own data, to a browser nobody is signed in on", async () => {
    whoIsHere.mockResolvedValue(null);
    const loader = vi.fn(async () => ({ titles: [] }));
    expect(await sendSignedInOn(loader)(argsFor("/"))).toEqual({ titles: [] });
    expect(await sentTo(sendSignedInOn(), "/sign-in?reason=signed-out")).toBeNull();
  });

  it("send a signed-in browser to Who's watching?, or to its profile's home once it chose one", async () => {
    whoIsHere.mockResolvedValue(signedIn(null));
    expect(await sentTo(sendSignedInOn(), "/sign-up")).toBe("/profiles");
    whoIsHere.mockResolvedValue(signedIn({ id: "p1" }));
    expect(await sentTo(sendSignedInOn(), "/")).toBe("/browse");
    expect(signedInHome({ profile: null })).toBe("/profiles");
  });

  it("send a signed-in browser back to the page that asked it to sign in, on this site only", async () => {
    whoIsHere.mockResolvedValue(signedIn({ id: "p1" }));
    expect(await sentTo(sendSignedInOn(), "/sign-in?reason=sign-in-for-tv&next=%2Ftv%3Fcode%3DBCDF-GHJK")).toBe("/tv?code=BCDF-GHJK");
    expect(await sentTo(sendSignedInOn(), "/sign-in?next=https%3A%2F%2Fevil.example%2F")).toBe("/browse");
  });
});
