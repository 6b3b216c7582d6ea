// Route tests for the catalogue: open to everyone and cacheable signed out; a device watching as
// a Kids profile gets only the titles made for children (parental-controls.test.ts has ratings and
// blocks), and no cache keeps what a session saw.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type Device, SESSION_COOKIE, type TestApp, withoutPerIpLimits } from "../../../test/helper";
import { type CatalogueTitle, catalogueTitle, maturityRatings } from "../../contract/schemas/catalogue";
import { catalogue } from "../../core/catalogue/titles";
import { create, profilesTestHelpers } from "./profiles-test-helpers";

let t: TestApp;

beforeAll(async () => {
  // Several accounts sign up from the helper's IP; the sign-up limit has its own tests.
  t = await buildTestApp({ config: withoutPerIpLimits });
});

afterAll(async () => {
  await t?.close();
});

const { member } = profilesTestHelpers(() => t);

const everyId = catalogue.map((title) => title.id);
const kidsIds = catalogue.filter((title) => title.forKids).map((title) => title.id);

async function titleIds(device: Device): Promise<string[]> {
  const response = await device.get("/api/v1/titles");
  expect(response.statusCode).toBe(200);
  expect(response.headers["cache-control"]).toBe("no-store");
  return (response.json().titles as { id: string }[]).map((title) => title.id);
}

/** A member whose browser watches as a new Kids profile. */
async function onKidsProfile(): Promise<{ browser: Device; email: string }> {
  const m = await member("Sam");
  const kids = await create(m.browser, { name: "Robin", isKids: true });
  expect(kids.statusCode).toBe(201);
  expect((await m.browser.post(`/api/v1/profiles/${kids.json().profile.id}/choose`)).statusCode).toBe(200);
  return m;
}

describe("GET /api/v1/titles", () => {
  it("lists every title to someone signed out, each with the catalogue's fields only", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/v1/titles" });
    expect(response.statusCode).toBe(200);
    const { titles } = response.json() as { titles: Record<string, unknown>[] };
    expect(titles.map((title) => title.id)).toEqual(everyId);
    const fields = Object.keys(catalogueTitle.shape).sort();
    for (const title of titles) {
      expect(Object.keys(title).sort()).toEqual(fields);
      expect(catalogueTitle.safeParse(title).success).toBe(true);
    }
    expect(titles.find((title) => title.id === "the-lantern-keepers")).toMatchObject({
      name: "The Lantern Keepers",
      forKids: false,
      rating: "13+",
    });
  });

  it("rates every title, and a title made for children is rated for all ages or 7+", async () => {
    const { titles } = (await t.app.inject({ method: "GET", url: "/api/v1/titles" })).json() as { titles: CatalogueTitle[] };
    expect(new Set(titles.map((title) => title.rating))).toEqual(new Set(maturityRatings));
    for (const title of titles.filter((candidate) => candidate.forKids)) expect(["All", "7+"], title.id).toContain(title.rating);
  });

  it("lets browsers and shared caches keep the signed-out list, keyed on what would carry a session", async () => {
    const response = await t.browser().get("/api/v1/titles");
    expect(response.headers["cache-control"]).toBe("public, max-age=300");
    expect(response.headers.vary).toBe("Authorization, Cookie");
    expect(response.headers["set-cookie"]).toBeUndefined();
  });

  it("lists every title to an adult profile, and to a device that has not chosen a profile yet", async () => {
    const m = await member("Alex");
    expect(await titleIds(m.browser)).toEqual(everyId);
    expect((await m.browser.post(`/api/v1/profiles/${m.first.id}/choose`)).statusCode).toBe(200);
    expect(await titleIds(m.browser)).toEqual(everyId);
  });

  it("lists only the titles made for children to a browser watching as a Kids profile", async () => {
    const { browser } = await onKidsProfile();
    const ids = await titleIds(browser);
    expect(ids).toEqual(kidsIds);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).not.toContain("the-lantern-keepers");
  });

  it("lists only the titles made for children to an app watching as a Kids profile (bearer token)", async () => {
    const { email } = await onKidsProfile();
    const tv = t.phoneApp({ name: "Living-room TV" });
    expect((await tv.signIn(email)).statusCode).toBe(200);
    const profiles = (await tv.get("/api/v1/profiles")).json().profiles as { id: string; isKids: boolean }[];
    const kids = profiles.find((profile) => profile.isKids)!;
    expect((await tv.post(`/api/v1/profiles/${kids.id}/choose`)).statusCode).toBe(200);
    expect(await titleIds(tv)).toEqual(kidsIds);
  });

  it("answers a session that has ended as signed out, without refusing, and keeps that answer out of every cache", async () => {
    const { browser } = await onKidsProfile();
    const token = browser.sessionToken!;
    expect((await browser.post("/api/v1/auth/sign-out")).statusCode).toBe(204);
    const response = await t.app.inject({ method: "GET", url: "/api/v1/titles", headers: { cookie: `${SESSION_COOKIE}=${token}` } });
    expect(response.statusCode).toBe(200);
    expect((response.json().titles as { id: string }[]).map((title) => title.id)).toEqual(everyId);
    expect(response.headers["cache-control"]).toBe("no-store");
  });

  it("answers one title: to everyone signed out, 403 TITLE_RESTRICTED where the profile may not watch it, 404 for no title", async () => {
    const open = await t.app.inject({ method: "GET", url: "/api/v1/titles/the-lantern-keepers" });
    expect(open.statusCode).toBe(200);
    expect(open.json().title).toMatchObject({ id: "the-lantern-keepers", rating: "13+" });
    expect(open.headers["cache-control"]).toBe("public, max-age=300");

    const { browser } = await onKidsProfile();
    const restricted = await browser.get("/api/v1/titles/the-lantern-keepers");
    expect(restricted.statusCode).toBe(403);
    expect(restricted.json().error.code).toBe("TITLE_RESTRICTED");
    expect(restricted.headers["cache-control"]).toBe("no-store");
    expect((await browser.get("/api/v1/titles/paper-planets")).statusCode).toBe(200);
    expect((await browser.get("/api/v1/titles/no-such-title")).json().error.code).toBe("TITLE_NOT_FOUND");
    expect((await browser.get("/api/v1/titles/Not%20An%20Id")).statusCode).toBe(400);
  });

  it("is in the OpenAPI document, open to everyone with a session optional", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const operation = doc.paths["/api/v1/titles"]?.get;
    expect(operation).toMatchObject({ tags: ["Catalogue"] });
    expect(operation.security).toEqual([{ bearer: [] }, { cookie: [] }, {}]);
    expect(JSON.stringify(operation.responses["200"])).toContain("#/components/schemas/Title");
    expect(Object.keys(doc.components.schemas.Title.properties).sort()).toEqual(Object.keys(catalogueTitle.shape).sort());
  });
});
