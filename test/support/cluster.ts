// Talking to a cluster of real Usher processes the way a phone app does: JSON over HTTP with a
// bearer token. Shared by the cluster suites.
import { randomBytes } from "node:crypto";
import { expect } from "vitest";

export const PASSWORD = "violet-kettle-harbour-42";

export interface ClusterNode {
  name: string;
  url: string;
}

export interface Device {
  name: string;
  token: string;
  sessionId: string;
}

export interface Answer {
  status: number;
  code: string | undefined;
  reason: string | undefined;
  body: unknown;
}

/** One API call (under /api/v1) to `target`, as a phone app with `token`. */
export async function call(target: ClusterNode, method: string, path: string, token?: string, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${target.url}/api/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  const error = (parsed as { error?: { code?: string; reason?: string } } | undefined)?.error;
  return { status: response.status, code: error?.code, reason: error?.reason, body: parsed };
}

let accounts = 0;

/** A fresh account with `count` phone-app devices, signed up and in round-robin over `nodes`. */
export async function accountWithDevices(nodes: readonly ClusterNode[], count: number): Promise<{ email: string; devices: Device[] }> {
  const email = `cluster-${process.pid}-${++accounts}-${randomBytes(4).toString("hex")}@example.com`;
  const signedUp = await call(nodes[0]!, "POST", "/auth/sign-up", undefined, {
    email,
    password: PASSWORD,
    client: { kind: "mobile", name: "Phone 1" },
  });
  expect(signedUp.status, JSON.stringify(signedUp.body)).toBe(201);
  const devices = [deviceFrom(signedUp, "Phone 1")];
  for (let i = 1; i < count; i++) {
    const name = `Phone ${i + 1}`;
    const signedIn = await call(nodes[i % nodes.length]!, "POST", "/auth/sign-in", undefined, {
      email,
      password: PASSWORD,
      client: { kind: "mobile", name },
    });
    expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);
    devices.push(deviceFrom(signedIn, name));
  }
  return { email, devices };
}

export function deviceFrom(answer: Answer, name: string): Device {
  const body = answer.body as { token?: string; session: { id: string } };
  expect(body.token).toEqual(expect.any(String));
  return { name, token: body.token!, sessionId: body.session.id };
}
