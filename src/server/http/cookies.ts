// The cookies a browser holds. `__Host-` pins them to this exact origin, Secure, Path=/.
import type { FastifyReply, FastifyRequest } from "fastify";
import { days } from "../../core/clock";

export const SESSION_COOKIE = "__Host-usher_session";
export const DEVICE_COOKIE = "__Host-usher_device";

const base = { httpOnly: true, secure: true, sameSite: "lax", path: "/" } as const;

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, { ...base, expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, base);
}

export function setDeviceCookie(reply: FastifyReply, value: string): void {
  reply.setCookie(DEVICE_COOKIE, value, { ...base, maxAge: days(365) / 1000 });
}

/** The device credential a request shows: a browser's cookie, or the device token an app sends in the body. */
export function deviceCredentialOf(request: FastifyRequest, deviceToken: string | undefined): string | undefined {
  return request.cookies[DEVICE_COOKIE] ?? deviceToken;
}
