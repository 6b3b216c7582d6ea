// Who is calling: the request context the domain records, and the device it describes.
import type { FastifyRequest } from "fastify";
import type { DeviceKind } from "../../contract/schemas/common";
import type { RequestContext } from "../../core/deps";
import { describeDevice } from "../../core/devices/device";
import { SESSION_COOKIE } from "./cookies";

export function requestContext(request: FastifyRequest): RequestContext {
  const userAgent = request.headers["user-agent"];
  return {
    ip: request.ip ?? null,
    userAgent: typeof userAgent === "string" ? userAgent.slice(0, 512) : null,
    requestId: request.id,
    presentedSession: request.cookies[SESSION_COOKIE],
  };
}

export interface ClientDeclaration {
  kind: DeviceKind;
  name?: string | undefined;
}

/**
 * The device signing in. A phone or TV app says so in the body and keeps its token itself
 * (bearer); anything else is a browser and gets a cookie.
 */
export function signingInDevice(request: FastifyRequest, declared: ClientDeclaration | undefined) {
  const device = describeDevice(request.headers["user-agent"], declared);
  const keepsTokenItself = declared !== undefined && declared.kind !== "web";
  return { device, keepsTokenItself };
}
