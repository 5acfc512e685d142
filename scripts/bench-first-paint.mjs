// First paint of a few pages of a built site in headless Chromium.
//
//   node scripts/bench-first-paint.mjs <site url> <runs> <path>...
//
// Loads each page <runs> times, each in a fresh browser context (empty
// cache), and prints the median and worst first paint and first
// contentful paint (the browser's own Paint Timing entries), the time to
// the load event, the page's HTML bytes, and for a search/ page the time
// until its first results are shown. Used by
// scripts/bench-first-paint.sh; figures, not a test.
import { createRequire } from "node:module";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(new URL("../tests/browser/package.json", import.meta.url));
const { chromium } = require("playwright-core");

const [site, runsArg, ...paths] = process.argv.slice(2);
if (!site || !runsArg || paths.length === 0) {
  console.error("usage: node scripts/bench-first-paint.mjs <site url> <runs> <path>...");
  process.exit(2);
}
const runs = Number(runsArg);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const profile = mkdtempSync(join(tmpdir(), "dateline-paint-"));
const browser = await chromium.launch({
  executablePath: process.env.DATELINE_CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
try {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    for (const path of paths) {
      const fp = [], fcp = [], load = [], results = [];
      let bytes = 0;
      for (let i = 0; i < runs; i++) {
        const context = await browser.newContext({ viewport });
        const page = await context.newPage();
        const res = await page.goto(new URL(path, site).href, { waitUntil: "load", timeout: 120_000 });
        bytes = (await res.body()).length;
        // Paint entries may come after the load event: wait for them.
        const t = await page.evaluate(
          () =>
            new Promise((resolve) => {
              const read = () => {
                const paint = Object.fromEntries(performance.getEntriesByType("paint").map((e) => [e.name, e.startTime]));
                const nav = performance.getEntriesByType("navigation")[0];
                return { fp: paint["first-paint"], fcp: paint["first-contentful-paint"], load: nav ? nav.loadEventEnd : NaN };
              };
              const check = () => {
                const r = read();
                if (r.fcp !== undefined) resolve(r);
              };
              new PerformanceObserver(check).observe({ type: "paint", buffered: true });
              requestAnimationFrame(check);
              setTimeout(() => resolve(read()), 10_000);
            }),
        );
        if (path.startsWith("search/")) {
          // The search page's own figure: when its results are on screen.
          await page.waitForFunction(
            () => document.querySelector("#search-results li") || /No event/.test(document.getElementById("search-status").textContent),
            null,
            { timeout: 60_000 },
          );
          results.push(await page.evaluate(() => performance.now()));
        }
        fp.push(t.fp);
        fcp.push(t.fcp);
        load.push(t.load);
        await context.close();
      }
      const f = (xs) => `${Math.round(median(xs))} ms (worst ${Math.round(Math.max(...xs))})`;
      console.log(
        `${viewport.width}px ${path || "index.html"}: ${(bytes / 1024).toFixed(0)} KB; first paint ${f(fp)}; first contentful paint ${f(fcp)}; load ${f(load)}` +
          (results.length ? `; results shown ${f(results)}` : ""),
      );
    }
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
