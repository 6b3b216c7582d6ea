/// <reference lib="dom" />
// Page loads over a slow mobile connection, as a customer on a poor phone signal sees them: the
// web app's landing page and the signed-in Account page, each opened in a fresh browser context
// of Debian's Chromium with the cache off and the network throttled through the DevTools
// protocol. Times come from the page's own clock (from the navigation's start); bytes from the
// DevTools network events, so they are what crossed the wire, headers included.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type CDPSession, chromium, type Locator, type Page } from "@playwright/test";
import { log, median, root, sleep } from "./support/common";
import type { Node } from "./support/processes";
import { emailOf, PASSWORD, signUp } from "./support/usher-api";

/** DevTools' Network.emulateNetworkConditions: 1.6 Mbit/s down, 750 kbit/s up, 560 ms added to each request. */
export const THROTTLING = { offline: false, latency: 560, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
/** A phone's screen: the connection is a phone's. */
export const VIEWPORT = { width: 390, height: 844 };
/** Each navigation, and each wait in it, gives up after this. */
const TIMEOUT_MS = 60_000;
/** After the content is shown, a load's bytes count until no request has been in flight for this long. */
export const QUIET_MS = 1000;
const WEB_ROOT = join(root, "dist", "web");

/** The server serves dist/web (src/server/main.ts); the bench builds only the server, so the web app must be built already. */
export function requireWebApp(): void {
  if (!existsSync(join(WEB_ROOT, "index.html"))) throw new Error(`${WEB_ROOT} holds no built web app: run \`npm run build\` first`);
}

/** What shows that a page's real content is there: the first element matching `selector` (with exactly `text`, when given). */
interface ContentMark {
  selector: string;
  text: string | null;
}

interface PageUnderTest {
  path: "/" | "/account";
  signedIn: boolean;
  mark: ContentMark;
  /** The same mark as a user-facing locator, which the wait uses. */
  shown(page: Page): Locator;
}

const PAGES: PageUnderTest[] = [
  { path: "/", signedIn: false, mark: { selector: "main h1", text: null }, shown: (page) => page.locator("main h1").first() },
  {
    path: "/account",
    signedIn: true,
    mark: { selector: "h1, h2, h3, h4, h5, h6, [role=heading]", text: "Account" },
    shown: (page) => page.getByRole("heading", { name: "Account", exact: true }).first(),
  },
];

export interface PageRun {
  firstPaintMs: number;
  contentReadyMs: number;
  bytes: number;
  jsBytes: number;
  requests: number;
}

export interface PageLoads {
  browser: string;
  pages: { path: string; runs: PageRun[] }[];
}

declare global {
  interface Window {
    /** performance.now() when the page's content mark entered the document (set by recordContentReady). */
    __contentReadyAt?: number;
  }
}

/**
 * Runs in the page before its own scripts: notes the moment the content mark enters the
 * document. A mutation observer sees it as it happens, where a polling wait would see it up to
 * one poll later.
 */
function recordContentReady(mark: ContentMark): void {
  // No named inner functions in code that runs in the page: tsx's esbuild would wrap them in a
  // helper (`__name`) that exists only in Node.
  const observer = new MutationObserver(() => {
    if (window.__contentReadyAt !== undefined) return;
    const elements = Array.from(document.querySelectorAll(mark.selector));
    if (!elements.some((el) => mark.text === null || el.textContent?.trim() === mark.text)) return;
    window.__contentReadyAt = performance.now();
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

/**
 * The page's requests as DevTools reports them: bytes on the wire of each finished one, and
 * whether any is still in flight. The session-events stream never finishes, so it is left out.
 */
async function watchTraffic(cdp: CDPSession) {
  const scripts = new Set<string>();
  const inFlight = new Set<string>();
  const totals = { bytes: 0, jsBytes: 0, requests: 0 };
  let lastActivity = performance.now();
  cdp.on("Network.requestWillBeSent", (event) => {
    if (event.type === "EventSource") return;
    inFlight.add(event.requestId);
    if (event.type === "Script") scripts.add(event.requestId);
    lastActivity = performance.now();
  });
  cdp.on("Network.responseReceived", (event) => {
    if (/javascript/i.test(event.response.mimeType)) scripts.add(event.requestId);
  });
  cdp.on("Network.loadingFinished", (event) => {
    if (!inFlight.delete(event.requestId)) return;
    totals.bytes += event.encodedDataLength;
    if (scripts.has(event.requestId)) totals.jsBytes += event.encodedDataLength;
    totals.requests += 1;
    lastActivity = performance.now();
  });
  cdp.on("Network.loadingFailed", (event) => {
    if (inFlight.delete(event.requestId)) lastActivity = performance.now();
  });
  await cdp.send("Network.enable");
  return {
    totals,
    async quiet(): Promise<void> {
      const deadline = performance.now() + TIMEOUT_MS;
      while (inFlight.size > 0 || performance.now() - lastActivity < QUIET_MS) {
        if (performance.now() > deadline) throw new Error(`${inFlight.size} requests still in flight after ${TIMEOUT_MS / 1000} s`);
        await sleep(50);
      }
    },
  };
}

/** Signs this browser context in as a customer does, through the web app's own API (a cookie session), and chooses the first profile. */
async function signInHere(page: Page, origin: string, email: string): Promise<void> {
  // Any document of the origin under the app's CSP will do for its API calls; this one loads none
  // of the app. (A JSON answer, opened as a document, may fetch nothing: its CSP is default-src 'none'.)
  await page.goto(`${origin}/favicon.svg`);
  const failure = await page.evaluate(
    async ({ email, password }) => {
      const post = { method: "POST", headers: { "content-type": "application/json" } };
      const signedIn = await fetch("/api/v1/auth/sign-in", { ...post, body: JSON.stringify({ email, password }) });
      const answer = await signedIn.json();
      if (!signedIn.ok || answer.twoStepRequired || answer.signInCodeRequired)
        return `sign-in answered ${signedIn.status}: ${JSON.stringify(answer)}`;
      const listed = await fetch("/api/v1/profiles");
      if (!listed.ok) return `GET /profiles answered ${listed.status}`;
      const { profiles } = (await listed.json()) as { profiles: { id: string }[] };
      const chosen = await fetch(`/api/v1/profiles/${profiles[0]!.id}/choose`, { ...post, body: "{}" });
      return chosen.ok ? null : `choosing a profile answered ${chosen.status}: ${await chosen.text()}`;
    },
    { email, password: PASSWORD },
  );
  if (failure) throw new Error(failure);
}

/** One load of `target` in a fresh context: throttled (or not, for a warm-up), cache off. */
async function loadOnce(browser: Browser, origin: string, target: PageUnderTest, email: string, throttled: boolean): Promise<PageRun> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    context.setDefaultTimeout(TIMEOUT_MS);
    context.setDefaultNavigationTimeout(TIMEOUT_MS);
    await context.addInitScript(recordContentReady, target.mark);
    const page = await context.newPage();
    // Signed in beforehand, at full speed: only the page itself is timed.
    if (target.signedIn) await signInHere(page, origin, email);
    const cdp = await context.newCDPSession(page);
    const traffic = await watchTraffic(cdp);
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    if (throttled) await cdp.send("Network.emulateNetworkConditions", THROTTLING);
    await page.goto(`${origin}${target.path}`, { waitUntil: "commit" });
    await target.shown(page).waitFor({ state: "visible" });
    const firstPaint = await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime);
    const { firstPaintMs, contentReadyMs, documentMs } = await page.evaluate(
      (paint) => ({
        firstPaintMs: paint,
        contentReadyMs: window.__contentReadyAt ?? Number.NaN,
        documentMs: (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined)?.responseEnd ?? 0,
      }),
      (await firstPaint.jsonValue()) as number,
    );
    if (Number.isNaN(contentReadyMs)) {
      throw new Error(`${target.path}: the content was shown, but its mark was not seen entering the document`);
    }
    // Chromium holds a throttled response's body back by the latency: a document in sooner was not throttled.
    if (throttled && documentMs < THROTTLING.latency) {
      throw new Error(`${target.path}: the document had arrived after ${documentMs} ms, less than the throttled latency`);
    }
    await traffic.quiet();
    await cdp.detach();
    return { firstPaintMs, contentReadyMs, ...traffic.totals };
  } finally {
    await context.close();
  }
}

/**
 * `runs` throttled loads of each page, the pages taken in turn, after one warm-up load of each
 * at full speed (the server's first answers are not what a customer waits for). The Account
 * page is opened by an account signed up for it (`account`: its number in usher-api.ts).
 */
export async function measurePageLoads(usher: Node, options: { runs: number; account: number }): Promise<PageLoads> {
  requireWebApp();
  await signUp(usher, options.account);
  const email = emailOf(options.account);
  // PUBLIC_URL's name: a page opened under another one is redirected there.
  const origin = usher.url.replace("127.0.0.1", "localhost");
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    for (const target of PAGES) await loadOnce(browser, origin, target, email, false);
    const runs = PAGES.map(() => [] as PageRun[]);
    for (let run = 0; run < options.runs; run++) {
      for (const [k, target] of PAGES.entries()) {
        const load = await loadOnce(browser, origin, target, email, true);
        runs[k]!.push(load);
        log(
          `run ${run + 1}: ${target.path} first paint ${load.firstPaintMs.toFixed(0)} ms, content ${load.contentReadyMs.toFixed(0)} ms, ` +
            `${(load.bytes / 1024).toFixed(1)} KiB (JavaScript ${(load.jsBytes / 1024).toFixed(1)} KiB) in ${load.requests} requests`,
        );
      }
    }
    return { browser: `Chromium ${browser.version()}`, pages: PAGES.map((target, k) => ({ path: target.path, runs: runs[k]! })) };
  } finally {
    await browser.close();
  }
}

/** The medians of a page's runs. */
export function pageMedians(runs: PageRun[]): PageRun {
  const of = (key: keyof PageRun) => median(runs.map((r) => r[key]));
  return {
    firstPaintMs: of("firstPaintMs"),
    contentReadyMs: of("contentReadyMs"),
    bytes: of("bytes"),
    jsBytes: of("jsBytes"),
    requests: of("requests"),
  };
}
