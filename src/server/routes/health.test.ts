// What each probe answers in each state of a node: the database, session-change listening,
// Redis and shutdown, one at a time.
import Fastify from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { describe, expect, it } from "vitest";
import { type HealthOptions, healthRoutes } from "./health";

interface NodeState {
  database: "ok" | "down" | "hangs";
  hearsSessionChanges: boolean;
  shuttingDown: boolean;
  redisReachable?: boolean;
}

const healthy: NodeState = { database: "ok", hearsSessionChanges: true, shuttingDown: false };

async function probe(path: string, state: NodeState) {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const options: HealthOptions = {
    checkDatabase: async () => {
      if (state.database === "down") throw new Error("connection refused");
      if (state.database === "hangs") await new Promise(() => {});
    },
    readiness: { hearsSessionChanges: () => state.hearsSessionChanges, shuttingDown: () => state.shuttingDown },
    ...(state.redisReachable === undefined ? {} : { redis: { reachable: state.redisReachable } }),
  };
  await app.register(healthRoutes, options);
  const answer = await app.inject({ method: "GET", url: path });
  await app.close();
  return { status: answer.statusCode, body: answer.json() };
}

describe("/readyz", () => {
  it("is ready when the database answers and session changes are heard", async () => {
    expect(await probe("/readyz", healthy)).toEqual({ status: 200, body: { status: "ready", database: "ok", sessionChanges: "ok" } });
  });

  it("is not ready without the database, or when it does not answer within 2 s", async () => {
    expect(await probe("/readyz", { ...healthy, database: "down" })).toEqual({
      status: 503,
      body: { status: "not_ready", database: "unavailable", sessionChanges: "ok" },
    });
    expect((await probe("/readyz", { ...healthy, database: "hangs" })).body).toMatchObject({
      status: "not_ready",
      database: "unavailable",
    });
  });

  it("is not ready while the node cannot hear session changes", async () => {
    expect(await probe("/readyz", { ...healthy, hearsSessionChanges: false })).toEqual({
      status: 503,
      body: { status: "not_ready", database: "ok", sessionChanges: "unavailable" },
    });
  });

  it("says shutting_down from the first step of a shutdown", async () => {
    expect(await probe("/readyz", { ...healthy, shuttingDown: true })).toEqual({
      status: 503,
      body: { status: "shutting_down", database: "ok", sessionChanges: "ok" },
    });
  });

  it("reports Redis but stays ready without it: the limits count in process meanwhile", async () => {
    expect(await probe("/readyz", { ...healthy, redisReachable: false })).toEqual({
      status: 200,
      body: { status: "ready", database: "ok", sessionChanges: "ok", redis: "degraded" },
    });
    expect((await probe("/readyz", { ...healthy, redisReachable: true })).body).toMatchObject({ redis: "ok" });
  });
});

describe("/livez and /healthz", () => {
  it("/livez answers while the process runs, whatever its dependencies do", async () => {
    const everythingDown: NodeState = { database: "down", hearsSessionChanges: false, shuttingDown: true, redisReachable: false };
    expect(await probe("/livez", everythingDown)).toEqual({ status: 200, body: { status: "ok" } });
  });

  it("/healthz answers as it always has: the database, and Redis's state", async () => {
    expect(await probe("/healthz", { ...healthy, redisReachable: false })).toEqual({
      status: 200,
      body: { status: "ok", redis: "degraded" },
    });
    expect(await probe("/healthz", { ...healthy, database: "down" })).toEqual({ status: 503, body: { status: "unavailable" } });
  });
});
