// Names a signed-in device the way a customer recognises it in "Manage access and devices"
// ("Chrome on macOS", "Safari on iPhone", "Samsung TV"), from what the client declared and
// its User-Agent.
import Bowser from "bowser";
import type { DeviceKind } from "../../contract/schemas/common";

export interface DeviceDescription {
  kind: DeviceKind;
  name: string;
}

// A real User-Agent fits well within this; anything longer is noise or an attack, and
// parsing it would only cost time.
const MAX_UA_EXAMINED = 512;
const MAX_NAME_LENGTH = 60;

// Bowser's names where a shorter, familiar one reads better in a list of devices.
const BROWSER_NAMES: Record<string, string> = {
  "Microsoft Edge": "Edge",
  "Samsung Internet for Android": "Samsung Internet",
};

const TV_NAMES: Record<string, string> = {
  Tizen: "Samsung TV",
  WebOS: "LG TV",
  Roku: "Roku",
};

// Bowser falls back to echoing the UA's first token as a "browser"; only names it really
// recognised may reach a customer's device list, or any client could name itself anything.
const KNOWN_BROWSERS = new Set(Object.values(Bowser.BROWSER_MAP));

interface ParsedAgent {
  browser: string;
  os: string;
  platform: string;
  model: string;
  isUsherApp: boolean;
}

export function describeDevice(userAgent: string | null | undefined, declared?: { kind: DeviceKind; name?: string }): DeviceDescription {
  const agent = parseAgent(userAgent);
  const kind = declared?.kind ?? kindOf(agent);
  const declaredName = typeof declared?.name === "string" ? cleanName(declared.name) : "";
  if (declaredName !== "") return { kind, name: declaredName };
  if (declared !== undefined && declared.kind !== "web") return { kind, name: appName(declared.kind, agent) };
  return { kind, name: browserName(agent) };
}

function parseAgent(userAgent: string | null | undefined): ParsedAgent | null {
  if (typeof userAgent !== "string") return null;
  // Control characters never belong in a User-Agent; dropping them keeps the parser on text.
  const ua = userAgent
    .slice(0, MAX_UA_EXAMINED)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this strips.
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, "")
    .trim();
  if (ua === "") return null; // Bowser throws on an empty string.
  try {
    const { browser, os, platform } = Bowser.parse(ua);
    return {
      browser: browser.name !== undefined && KNOWN_BROWSERS.has(browser.name) ? browser.name : "",
      os: os.name ?? "",
      platform: platform.type ?? "",
      model: platform.model ?? "",
      isUsherApp: /\bUsherApp\//i.test(ua),
    };
  } catch {
    return null; // A parser fault must never cost the customer their sign-in.
  }
}

function kindOf(agent: ParsedAgent | null): DeviceKind {
  if (agent === null) return "web";
  if (agent.platform === "mobile" || agent.platform === "tablet") return "mobile";
  if (agent.platform === "tv") return "tv";
  return "web";
}

/** Where the device is, in the customer's words: "iPhone", "macOS", "Samsung TV". */
function placeOf(agent: ParsedAgent): string {
  if (agent.os === "iOS") return agent.model === "iPhone" || agent.model === "iPad" ? agent.model : "iOS";
  if (agent.platform === "tv") return TV_NAMES[agent.os] ?? "TV";
  return agent.os;
}

function browserName(agent: ParsedAgent | null): string {
  if (agent === null) return "Web browser";
  const place = placeOf(agent);
  if (agent.isUsherApp && place !== "") return `Usher app on ${place}`;
  // A TV's built-in browser is named after the TV, not the browser engine.
  if (agent.platform === "tv") return place;
  if (agent.browser === "") return place === "" ? "Web browser" : `Web browser on ${place}`;
  const browser = BROWSER_NAMES[agent.browser] ?? agent.browser;
  return place === "" ? browser : `${browser} on ${place}`;
}

function appName(kind: Exclude<DeviceKind, "web">, agent: ParsedAgent | null): string {
  const place = agent === null ? "" : placeOf(agent);
  const fits = kind === "mobile" ? ["iPhone", "iPad", "Android"] : [...Object.values(TV_NAMES), "Android"];
  if (fits.includes(place)) return `Usher app on ${place}`;
  return kind === "mobile" ? "Phone app" : "TV";
}

/** A client-chosen name: printable, trimmed, at most 60 characters (code points). */
function cleanName(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this strips.
  const printable = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, "").trim();
  return [...printable].slice(0, MAX_NAME_LENGTH).join("").trim();
}
