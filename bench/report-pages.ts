// The report's page loads: how long the web app's pages take to show over a slow mobile
// connection, and what they download.
import { type PageLoads, type PageRun, pageMedians, QUIET_MS, THROTTLING, VIEWPORT } from "./page-load";
import { f0, f1 } from "./support/format";

const NAMES: Record<string, string> = {
  "/": "`/` (landing page: its main heading)",
  "/account": '`/account` (signed in: the "Account" heading)',
};

const kib = (bytes: number) => `${f1(bytes / 1024)} KiB`;
const mbits = (bytesPerSecond: number) => `${f1((bytesPerSecond * 8) / 1e6)} Mbit/s`;
const kbits = (bytesPerSecond: number) => `${f0((bytesPerSecond * 8) / 1e3)} kbit/s`;

export function pagesSection(p: PageLoads): { method: string; table: string; details: string[] } {
  const runs = p.pages[0]?.runs.length ?? 0;
  const rows = p.pages.map(({ path, runs }) => {
    const m = pageMedians(runs);
    return `| ${NAMES[path] ?? path} | ${f0(m.firstPaintMs)} ms | ${f0(m.contentReadyMs)} ms | ${kib(m.bytes)} | ${kib(m.jsBytes)} | ${f0(m.requests)} |`;
  });
  const runLine = (r: PageRun) => `${f0(r.firstPaintMs)} / ${f0(r.contentReadyMs)} ms, ${kib(r.bytes)} (JS ${kib(r.jsBytes)})`;
  return {
    method:
      `Page loads: ${p.browser} (headless, driven by Playwright over the DevTools protocol), a ${VIEWPORT.width} × ${VIEWPORT.height} viewport, ` +
      `each load in a fresh browser context with the cache disabled and the network throttled like a slow mobile connection: ` +
      `${mbits(THROTTLING.downloadThroughput)} down, ${kbits(THROTTLING.uploadThroughput)} up, ${f0(THROTTLING.latency)} ms added to every ` +
      "request (`Network.emulateNetworkConditions`). " +
      `Medians of ${runs} loads of each page, the pages in turn, after one unthrottled warm-up load of each. First contentful paint is ` +
      "the browser's paint entry; content ready is when the page's real content entered the document; both from the navigation's start. " +
      "The Account page's browser signed in (a new device each time, through the web app's own API) and chose a profile before the throttling began. " +
      `Transferred: every finished response's bytes on the wire, headers included, until no request was in flight for ${f1(QUIET_MS / 1000)} s ` +
      "(the live sign-out stream left out).",
    table: [
      "| page | first contentful paint | content ready | transferred | of it JavaScript | requests |",
      "| --- | ---: | ---: | ---: | ---: | ---: |",
      ...rows,
    ].join("\n"),
    details: p.pages.map(
      ({ path, runs }) => `- Page loads of \`${path}\`, per run (first paint / content ready): ${runs.map(runLine).join("; ")}.`,
    ),
  };
}
