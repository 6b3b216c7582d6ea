// Counts every answered request and how long it took, by the route pattern that matched
// (/api/v1/sessions/:id), never by the URL: URLs carry ids and codes, and a label per URL
// would let anyone grow the metrics without end. What matched no route counts as "unmatched".
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

export interface RequestMetrics {
  requestAnswered(route: string, method: string, status: number, seconds: number): void;
}

export const UNMATCHED_ROUTE = "unmatched";

export const requestMetrics = fp(async (app: FastifyInstance, { metrics }: { metrics: RequestMetrics }) => {
  app.addHook("onResponse", (request, reply, done) => {
    const route = request.is404 ? UNMATCHED_ROUTE : (request.routeOptions.url ?? UNMATCHED_ROUTE);
    metrics.requestAnswered(route, request.method, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
});
