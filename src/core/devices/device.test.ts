import { describe, expect, it } from "vitest";
import { describeDevice } from "./device";

const UA = {
  chromeMac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
  safariMac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
  firefoxWindows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0",
  edgeWindows:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51",
  safariIphone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
  safariIpad:
    "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
  chromeAndroid: "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36",
  samsungInternet:
    "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36",
  samsungTizenTv: "Mozilla/5.0 (SMART-TV; LINUX; Tizen 6.0) AppleWebKit/537.36 (KHTML, like Gecko) 76.0.3809.146/6.0 TV Safari/537.36",
  lgWebOsTv: "Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/87.0.4280.88 Safari/537.36 WebAppManager",
  usherAppIphone: "UsherApp/2.3.1 (iPhone; iOS 17.4; Scale/3.00)",
  usherAppAndroid: "UsherApp/2.3.1 (Linux; Android 14; Pixel 8) okhttp/4.12.0",
};

describe("describeDevice", () => {
  it.each([
    ["Chrome on macOS", UA.chromeMac, "web"],
    ["Safari on macOS", UA.safariMac, "web"],
    ["Firefox on Windows", UA.firefoxWindows, "web"],
    ["Edge on Windows", UA.edgeWindows, "web"],
    ["Safari on iPhone", UA.safariIphone, "mobile"],
    ["Safari on iPad", UA.safariIpad, "mobile"],
    ["Chrome on Android", UA.chromeAndroid, "mobile"],
    ["Samsung Internet on Android", UA.samsungInternet, "mobile"],
    ["Samsung TV", UA.samsungTizenTv, "tv"],
    ["LG TV", UA.lgWebOsTv, "tv"],
  ])("names a browser by what a customer sees: %s", (name, userAgent, kind) => {
    expect(describeDevice(userAgent)).toEqual({ kind, name });
  });

  it("names a declared phone app after the phone its User-Agent names", () => {
    expect(describeDevice(UA.usherAppIphone, { kind: "mobile" })).toEqual({ kind: "mobile", name: "Usher app on iPhone" });
    expect(describeDevice(UA.usherAppAndroid, { kind: "mobile" })).toEqual({ kind: "mobile", name: "Usher app on Android" });
  });

  it("recognises the Usher app's own User-Agent even when the client declares nothing", () => {
    expect(describeDevice(UA.usherAppIphone)).toEqual({ kind: "mobile", name: "Usher app on iPhone" });
  });

  it("names an unknown browser after its operating system when that is known", () => {
    expect(describeDevice("SomeBrowser/1.0 (Windows NT 10.0; Win64; x64)")).toEqual({
      kind: "web",
      name: "Web browser on Windows",
    });
  });

  it("calls a declared app whose User-Agent says nothing useful 'Phone app' or 'TV'", () => {
    expect(describeDevice("okhttp/4.12.0", { kind: "mobile" })).toEqual({ kind: "mobile", name: "Phone app" });
    expect(describeDevice(null, { kind: "tv" })).toEqual({ kind: "tv", name: "TV" });
    expect(describeDevice(UA.chromeMac, { kind: "mobile" })).toEqual({ kind: "mobile", name: "Phone app" });
  });

  it("names a declared TV app after the TV its User-Agent names", () => {
    expect(describeDevice(UA.samsungTizenTv, { kind: "tv" })).toEqual({ kind: "tv", name: "Usher app on Samsung TV" });
  });

  it("lets a declared kind win over the User-Agent", () => {
    expect(describeDevice(UA.safariIphone, { kind: "web" })).toEqual({ kind: "web", name: "Safari on iPhone" });
    expect(describeDevice(UA.chromeMac, { kind: "tv" }).kind).toBe("tv");
  });

  it("lets a declared name win, trimmed and cut to 60 characters", () => {
    expect(describeDevice(UA.lgWebOsTv, { kind: "tv", name: "  Living room TV  " })).toEqual({
      kind: "tv",
      name: "Living room TV",
    });
    const long = describeDevice(null, { kind: "mobile", name: "📱".repeat(100) });
    expect([...long.name]).toHaveLength(60);
    expect(long.name).toBe("📱".repeat(60)); // cut by code point, never mid-emoji
  });

  it("falls back from a blank or control-character declared name", () => {
    expect(describeDevice(UA.safariIphone, { kind: "mobile", name: "   " }).name).toBe("Usher app on iPhone");
    expect(describeDevice("okhttp/4.12.0", { kind: "mobile", name: "\u0000\t " }).name).toBe("Phone app");
    expect(describeDevice(null, { kind: "web", name: "Kitchen\u0000\u001b[31m iPad" }).name).toBe("Kitchen[31m iPad");
  });

  it("calls a missing or empty User-Agent 'Web browser'", () => {
    expect(describeDevice(undefined)).toEqual({ kind: "web", name: "Web browser" });
    expect(describeDevice(null)).toEqual({ kind: "web", name: "Web browser" });
    expect(describeDevice("")).toEqual({ kind: "web", name: "Web browser" });
    expect(describeDevice("   ")).toEqual({ kind: "web", name: "Web browser" });
  });

  it("calls an unrecognisable User-Agent 'Web browser' and never throws on garbage", () => {
    expect(describeDevice("\u0000\u0001garbage\uffff")).toEqual({ kind: "web", name: "Web browser" });
    expect(describeDevice("curl/8.5.0")).toEqual({ kind: "web", name: "Web browser" });
    // Bowser would echo this first token back as a browser name; it must not become one.
    expect(describeDevice("Your bank's security team/1.0 (call us)")).toEqual({ kind: "web", name: "Web browser" });
    expect(describeDevice("\ud800\udfff\ud800 (;;;)/// ((((")).toEqual({ kind: "web", name: "Web browser" });
  });

  it("examines only the first 512 characters of a huge User-Agent, quickly", () => {
    const huge = `${UA.firefoxWindows} ${"A(".repeat(500_000)}${"\u0007".repeat(1_000)}`;
    const start = performance.now();
    expect(describeDevice(huge)).toEqual({ kind: "web", name: "Firefox on Windows" });
    expect(describeDevice("x".repeat(1_000_000) + UA.chromeMac)).toEqual({ kind: "web", name: "Web browser" });
    expect(performance.now() - start).toBeLessThan(500);
  });
});
