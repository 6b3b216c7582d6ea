// The dev mailbox shows every reset link and code: whoever reads it can take any account.
// It answers only a peer on this machine, judged by the socket itself: X-Forwarded-For is
// the client's to write, and a proxy on this machine would make every client look local, so
// a request that came through one (it names a forwarded client) is refused too.
import type { FastifyReply, FastifyRequest } from "fastify";
import { errorBody } from "../http/error-body";
import { isLoopbackAddress } from "../http/loopback";

export async function onlyFromThisMachine(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const forwarded = request.headers["x-forwarded-for"] !== undefined || request.headers.forwarded !== undefined;
  if (isLoopbackAddress(request.raw.socket.remoteAddress) && !forwarded) return;
  await reply.code(404).type("application/json").send(errorBody(request, "NOT_FOUND"));
}
