// Attack: refilling a guessing budget with successes of one's own. The attacker signs in to
// their own account and guesses TV codes, approving or denying a code of their own TV between
// guesses; or guesses a profile PIN and types the right one of a profile they set. A success
// gives back its own attempt and nothing else, so the wrong guesses stay counted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { minutes } from "../../src/core/clock";
import { buildTestApp, type Device, errorCode, nextIp, STRONG_PASSWORD, type TestApp, uniqueEmail, withoutPerIpLimits } from "../helper";
import { TvApp } from "../support/tv";

const TV_GUESSES = 6;
let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp({
    config: (c) => {
      const lifted = withoutPerIpLimits(c);
      return {
        ...lifted,
        limits: {
          ...lifted.limits,
          tvCodeCheckPerAccount: { limit: TV_GUESSES, windowMs: minutes(15) },
          tvCodeCheckPerIp: { limit: 10_000, windowMs: minutes(15) },
          tvAuthorizePerIp: { limit: 10_000, windowMs: minutes(15) },
        },
      };
    },
  });
});
afterAll(async () => t?.close());

async function attacker(): Promise<{ browser: Device; profileId: string }> {
  const browser = t.browser({ ip: nextIp() });
  const response = await browser.signUp(uniqueEmail("attacker"), undefined, { profileName: "Mallory" });
  expect(response.statusCode).toBe(201);
  return { browser, profileId: response.json().profiles[0].id };
}

/** A code nobody's TV shows (8 letters of the code alphabet, counted up from `n`). */
const guess = (n: number) => {
  const letters = "BCDFGHJKLMNPQRSTVWXZ";
  let code = "";
  for (let i = 0, rest = n; i < 8; i++, rest = Math.floor(rest / letters.length)) code += letters[rest % letters.length];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
};

describe("guessing TV codes between decisions on one's own TV", () => {
  it("never gets more wrong guesses than the account's budget, however many of its own codes it approves", async () => {
    const { browser, profileId } = await attacker();
    let wrongAnswered = 0;
    let refused = 0;
    for (let round = 0; round < 40; round++) {
      const own = await new TvApp(t, nextIp()).start();
      await browser.post(`/api/v1/tv/codes/${own.user_code}/${round % 2 ? "approve" : "deny"}`, round % 2 ? { profileId } : undefined);
      for (let i = 0; i < 5; i++) {
        const answer = await browser.get(`/api/v1/tv/codes/${guess(round * 5 + i)}`);
        if (errorCode(answer) === "TV_CODE_NOT_FOUND") wrongAnswered++;
        else if (answer.statusCode === 429) refused++;
      }
    }
    expect(wrongAnswered).toBe(TV_GUESSES);
    expect(refused).toBe(200 - TV_GUESSES);
  });

  it("still lets the owner look up and approve their own TVs: a code that is right costs nothing", async () => {
    const { browser, profileId } = await attacker();
    for (let i = 0; i < TV_GUESSES * 3; i++) {
      const tv = await new TvApp(t, nextIp()).start();
      expect((await browser.get(`/api/v1/tv/codes/${tv.user_code}`)).statusCode).toBe(200);
      expect((await browser.post(`/api/v1/tv/codes/${tv.user_code}/approve`, { profileId })).statusCode).toBe(200);
    }
  });
});

describe("guessing a profile PIN between right PINs of one's own", () => {
  it("gets no more wrong guesses than the profile's budget", async () => {
    const { browser, profileId } = await attacker();
    expect((await browser.put(`/api/v1/profiles/${profileId}/pin`, { pin: "1234", currentPassword: STRONG_PASSWORD })).statusCode).toBe(
      200,
    );
    const answers: string[] = [];
    for (let i = 0; i < 12; i++) {
      // The right PIN in between (it is the attacker's own profile), then a wrong one.
      await browser.post(`/api/v1/profiles/${profileId}/choose`, { pin: "1234" });
      const wrong = await browser.post(`/api/v1/profiles/${profileId}/choose`, { pin: String(1000 + i) });
      answers.push(errorCode(wrong) ?? String(wrong.statusCode));
    }
    expect(answers.filter((a) => a === "INVALID_PIN")).toHaveLength(t.core.config.limits.pinPerProfile.limit);
    expect(answers.slice(t.core.config.limits.pinPerProfile.limit)).toEqual(
      Array(12 - t.core.config.limits.pinPerProfile.limit).fill("RATE_LIMITED"),
    );
  });
});
