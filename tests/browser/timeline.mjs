// Real-browser test of the dateline timeline page (issue 5).
//
//   node tests/browser/timeline.mjs <site url> <artifact dir>
//
// <site url> is the built example site served over HTTP (its index.html is
// the timeline). Starts Debian's headless Chromium itself with the flags the
// issue names and a fresh profile, drives it over CDP with playwright-core,
// and checks: events in date order with the right date labels, the actor
// filter (events and URL), permalinks, no console errors, and an axe-core
// audit with no serious or critical violations. Saves desktop and 360 px
// mobile screenshots to <artifact dir>. Prints one summary line and exits 0,
// or prints every failure and exits 1.
//
// Environment: DATELINE_CHROMIUM (default /usr/bin/chromium).

import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);

const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// Labels the example site's curated events must show, with the day each
// event sorts by.
const EXPECTED_LABELS = [
  ["Sat 18 Jan 2025", "2025-01-18"],
  ["Tue 28 Jan 2025", "2025-01-28"],
  ["Fri 7 Feb 2025", "2025-02-07"],
];

const DESKTOP = { width: 1280, height: 800 };
const MOBILE = { width: 360, height: 740 };
const STEP_TIMEOUT_MS = 15_000;
const OVERALL_TIMEOUT_MS = 150_000;

const [siteArg, artifactDir] = process.argv.slice(2);
if (!siteArg || !artifactDir) {
  console.error("usage: node timeline.mjs <site url> <artifact dir>");
  process.exit(2);
}
const siteUrl = new URL(siteArg.endsWith("/") ? siteArg : siteArg + "/");
const indexUrl = new URL("index.html", siteUrl).href;
const chromiumPath = process.env.DATELINE_CHROMIUM || "/usr/bin/chromium";

const failures = [];
const warnings = [];
const consoleErrors = [];
const facts = {};

function fail(msg) {
  failures.push(msg);
}

// Runs one named check; an exception is a failure of that check only, so one
// run reports everything that is wrong.
async function check(name, fn) {
  try {
    await fn();
  } catch (e) {
    fail(`${name}: ${e && e.message ? e.message.split("\n")[0] : e}`);
  }
}

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

// ---- Chromium ---------------------------------------------------------------

function startChromium(userDataDir) {
  return new Promise((resolve, reject) => {
    const args = [...CHROMIUM_FLAGS, `--user-data-dir=${userDataDir}`, "--remote-debugging-port=0", "about:blank"];
    const proc = spawn(chromiumPath, args, { stdio: ["ignore", "ignore", "pipe"], detached: true });
    let stderr = "";
    const timer = setTimeout(() => {
      reject(new Error(`Chromium (${chromiumPath}) did not report a DevTools endpoint within 30 s; its stderr:\n${stderr}`));
    }, 30_000);
    proc.on("error", (e) => {
      clearTimeout(timer);
      reject(new Error(`cannot start Chromium at ${chromiumPath}: ${e.message} (install Debian's chromium package, or set DATELINE_CHROMIUM)`));
    });
    proc.on("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited early (code ${code}, signal ${signal}); its stderr:\n${stderr}`));
    });
    proc.stderr.setEncoding("utf8");
    proc.stderr.on("data", (chunk) => {
      stderr += chunk;
      const m = stderr.match(/DevTools listening on (ws:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, wsEndpoint: m[1], stderr: () => stderr });
      }
    });
  });
}

function stopChromium(proc) {
  if (!proc || proc.exitCode !== null) return;
  try {
    process.kill(-proc.pid, "SIGKILL"); // its process group: the wrapper script and its children
  } catch {
    try {
      proc.kill("SIGKILL");
    } catch {}
  }
}

// ---- page helpers -------------------------------------------------------------

function watch(page, label) {
  page.on("console", (msg) => {
    if (msg.type() === "error") {
      const loc = msg.location();
      const where = loc && loc.url ? ` (${loc.url}${loc.lineNumber ? ":" + loc.lineNumber : ""})` : "";
      consoleErrors.push(`[${label}] console.error: ${msg.text()}${where}`);
    }
  });
  page.on("pageerror", (err) => {
    consoleErrors.push(`[${label}] uncaught exception: ${err.message}`);
  });
  page.on("requestfailed", (req) => {
    consoleErrors.push(`[${label}] request failed: ${req.url()} (${req.failure() && req.failure().errorText})`);
  });
  page.on("response", (res) => {
    if (res.status() >= 400) consoleErrors.push(`[${label}] HTTP ${res.status()} for ${res.url()}`);
  });
}

async function newPage(context, label) {
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  watch(page, label);
  return page;
}

// Every event in document order with what the checks need.
function readEvents(page) {
  return page.$$eval("ol.timeline > li", (lis) =>
    lis.map((li) => {
      const a = li.querySelector(":scope > article.event");
      const t = a && a.querySelector("time.event-date");
      return {
        hasArticle: !!a,
        id: a ? a.id : "",
        start: a ? a.getAttribute("data-start") : null,
        actors: a ? (a.getAttribute("data-actors") || "").split(/\s+/).filter(Boolean) : [],
        label: t ? t.textContent.replace(/\s+/g, " ").trim() : null,
        hidden: li.closest("[hidden]") !== null,
        liHidden: li.hasAttribute("hidden"),
        displayed: li.getClientRects().length > 0,
      };
    }),
  );
}

async function inView(page, id) {
  return page.evaluate((id) => {
    const el = document.getElementById(id);
    if (!el) return { found: false };
    const r = el.getBoundingClientRect();
    const x = Math.min(Math.max(r.left + 20, 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + Math.min(10, r.height / 2), 0), innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    return {
      found: true,
      top: Math.round(r.top),
      bottom: Math.round(r.bottom),
      viewport: innerHeight,
      scrollY: Math.round(scrollY),
      docTop: Math.round(r.top + scrollY),
      visibleAtTop: r.top >= 0 && r.top < innerHeight,
      uncovered: !!hit && el.contains(hit),
      covering: hit && !el.contains(hit) ? hit.tagName.toLowerCase() + (hit.id ? "#" + hit.id : "") + (hit.className && typeof hit.className === "string" ? "." + hit.className.trim().split(/\s+/).join(".") : "") : null,
    };
  }, id);
}

const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

async function axeAudit(page, label) {
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: (n.failureSummary || "").replace(/\s+/g, " ").trim() })),
    }));
  });
  for (const v of results) {
    const nodes = v.nodes
      .slice(0, 5)
      .map((n) => `      ${n.target}: ${n.summary}`)
      .join("\n");
    const more = v.nodes.length > 5 ? `\n      … and ${v.nodes.length - 5} more` : "";
    const text = `axe [${label}] ${v.impact} ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    if (v.impact === "serious" || v.impact === "critical") fail(text);
    else warnings.push(text);
  }
  return results;
}

// ---- the checks -------------------------------------------------------------------

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

async function checkOrderAndLabels(page) {
  const events = await readEvents(page);
  assert(events.length > 0, "no events: expected `ol.timeline > li > article.event` on index.html");
  const noArticle = events.filter((e) => !e.hasArticle).length;
  assert(noArticle === 0, `${noArticle} \`ol.timeline > li\` without an \`article.event\` child`);
  const hiddenNow = events.filter((e) => e.hidden || !e.displayed);
  assert(hiddenNow.length === 0, `with no filter, ${hiddenNow.length} events are hidden: ${hiddenNow.map((e) => e.id).join(", ")}`);
  facts.events = events.length;

  const badIds = events.filter((e) => !/^event-\S+$/.test(e.id));
  assert(badIds.length === 0, `events without an id="event-<id>": ${badIds.map((e) => JSON.stringify(e.id)).join(", ")}`);
  const badStart = events.filter((e) => !/^\d{4}-\d{2}-\d{2}$/.test(e.start || ""));
  assert(badStart.length === 0, `events whose data-start is not YYYY-MM-DD: ${badStart.map((e) => `#${e.id}=${JSON.stringify(e.start)}`).join(", ")}`);
  const noLabel = events.filter((e) => !e.label);
  assert(noLabel.length === 0, `events without a \`time.event-date\` label: ${noLabel.map((e) => "#" + e.id).join(", ")}`);

  for (let i = 1; i < events.length; i++) {
    const a = events[i - 1];
    const b = events[i];
    assert(a.start <= b.start, `events out of date order: #${a.id} (${a.start}, "${a.label}") comes before #${b.id} (${b.start}, "${b.label}")`);
  }

  // A day-precision label ("Sat 18 Jan 2025") must name the day the event
  // sorts by, with the right weekday.
  for (const e of events) {
    const m = e.label.match(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4})$/);
    if (!m) continue;
    const iso = `${m[4]}-${String(MONTHS.indexOf(m[3]) + 1).padStart(2, "0")}-${m[2].padStart(2, "0")}`;
    assert(iso === e.start, `#${e.id}: label "${e.label}" is ${iso} but data-start is ${e.start}`);
    const wd = WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()];
    assert(wd === m[1], `#${e.id}: label "${e.label}" has the wrong weekday (${iso} is a ${wd})`);
  }

  for (const [label, day] of EXPECTED_LABELS) {
    const hits = events.filter((e) => e.label === label);
    assert(hits.length > 0, `no event labelled "${label}"; labels on the page: ${[...new Set(events.map((e) => e.label))].map((l) => `"${l}"`).join(", ")}`);
    assert(hits.some((e) => e.start === day), `the event labelled "${label}" has data-start ${hits.map((e) => e.start).join("/")}, expected ${day}`);
  }
  facts.labels = events.map((e) => e.label);
}

async function checkOrderToggle(page) {
  const button = page.locator("button#order-toggle");
  assert((await button.count()) === 1, "no `button#order-toggle`");
  assert(await button.isVisible(), "`button#order-toggle` is not visible with script on");
  await button.click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get("order") === "newest");
  let events = (await readEvents(page)).filter((e) => !e.hidden);
  for (let i = 1; i < events.length; i++) {
    assert(events[i - 1].start >= events[i].start, `newest first: #${events[i - 1].id} (${events[i - 1].start}) comes before #${events[i].id} (${events[i].start})`);
  }
  assert((await button.getAttribute("aria-pressed")) === "true", "`button#order-toggle` does not have aria-pressed=true after turning newest-first on");
  await button.click();
  await page.waitForFunction(() => !new URLSearchParams(location.search).has("order"));
  events = (await readEvents(page)).filter((e) => !e.hidden);
  for (let i = 1; i < events.length; i++) {
    assert(events[i - 1].start <= events[i].start, `after toggling back to oldest first: #${events[i - 1].id} (${events[i - 1].start}) comes before #${events[i].id} (${events[i].start})`);
  }
}

async function checkActorFilter(context) {
  const page = await newPage(context, "actor filter");
  await page.goto(indexUrl, { waitUntil: "load" });
  const events = await readEvents(page);
  const chips = await page.$$eval("ol.timeline a.actor[data-actor]", (as) => as.map((a) => a.getAttribute("data-actor")));
  assert(chips.length > 0, "no actor chips (`a.actor[data-actor]`) in any event");
  // The first actor on the page, unless every event has it: then the next one that filters something out.
  const candidates = [...new Set(chips)];
  const slug = candidates.find((s) => events.some((e) => !e.actors.includes(s)));
  assert(slug, `every event has every actor (${candidates.join(", ")}), so no actor filter can hide anything`);
  if (slug !== candidates[0]) warnings.push(`every event has actor "${candidates[0]}"; testing the filter with "${slug}" instead`);
  const expectShown = events.filter((e) => e.actors.includes(slug)).map((e) => e.id);

  const chip = page.locator(`ol.timeline a.actor[data-actor="${slug}"]`).first();
  const href = await chip.getAttribute("href");
  assert(href && /actors\/[^/]+\/$/.test(href), `actor chip for "${slug}" links to ${JSON.stringify(href)}, expected actors/${slug}/`);
  const pathBefore = new URL(page.url()).pathname;
  await chip.click();
  await page
    .waitForFunction((slug) => new URLSearchParams(location.search).get("actor") === slug, slug, { timeout: 5_000 })
    .catch(() => {
      throw new Error(`after clicking \`a.actor[data-actor="${slug}"]\` the URL is ${page.url()}, expected ?actor=${slug} on the timeline`);
    });
  assert(new URL(page.url()).pathname === pathBefore, `clicking the actor chip navigated to ${page.url()} instead of filtering`);
  const after = await readEvents(page);
  const shown = after.filter((e) => !e.hidden && e.displayed);
  const hidden = after.filter((e) => e.hidden);
  const wrong = shown.filter((e) => !e.actors.includes(slug));
  assert(wrong.length === 0, `actor filter "${slug}" left events without that actor visible: ${wrong.map((e) => `#${e.id} [${e.actors.join(" ")}]`).join(", ")}`);
  assert(hidden.length > 0, `actor filter "${slug}" hid no event`);
  const missing = expectShown.filter((id) => !shown.some((e) => e.id === id));
  assert(missing.length === 0, `actor filter "${slug}" hid events that have that actor: ${missing.map((id) => "#" + id).join(", ")}`);
  const notAttr = hidden.filter((e) => !e.liHidden);
  assert(notAttr.length === 0, `filtered-out events whose \`li\` lacks the \`hidden\` attribute: ${notAttr.map((e) => "#" + e.id).join(", ")}`);
  const selectValue = await page.$eval("form#filters select[name=actor]", (s) => s.value);
  assert(selectValue === slug, `after the actor filter, select[name=actor] shows ${JSON.stringify(selectValue)}, expected ${JSON.stringify(slug)}`);
  facts.actor = { slug, shown: shown.length, total: after.length };

  // The filtered URL, loaded fresh, gives the same view.
  const filteredUrl = page.url();
  const again = await newPage(context, "filtered URL");
  await again.goto(filteredUrl, { waitUntil: "load" });
  const reloaded = (await readEvents(again)).filter((e) => !e.hidden && e.displayed).map((e) => e.id);
  assert(
    JSON.stringify(reloaded) === JSON.stringify(shown.map((e) => e.id)),
    `loading ${filteredUrl} shows ${reloaded.length} events (${reloaded.join(", ")}), the filtered page showed ${shown.length}`,
  );
  await again.close();
  await page.close();
}

async function checkPermalink(context) {
  const probe = await newPage(context, "permalink probe");
  await probe.goto(indexUrl, { waitUntil: "load" });
  const events = await readEvents(probe);
  await probe.close();
  assert(events.length > 0, "no events");
  const target = events[events.length - 1].id; // the furthest down, so it needs a scroll

  const page = await newPage(context, "permalink");
  await page.goto(`${indexUrl}#${target}`, { waitUntil: "load" });
  await page.waitForTimeout(300); // let the fragment scroll settle
  const r = await inView(page, target);
  assert(r.found, `#${target} not found after loading ${indexUrl}#${target}`);
  assert(r.visibleAtTop, `loading index.html#${target} leaves the event out of view (its top is at ${r.top}px, viewport ${r.viewport}px, scrollY ${r.scrollY})`);
  if (r.docTop >= r.viewport) assert(r.scrollY > 0, `loading index.html#${target} did not scroll`);
  assert(r.uncovered, `after loading index.html#${target} the event's top is covered by \`${r.covering}\``);
  const isTarget = await page.evaluate((id) => document.querySelector(":target") === document.getElementById(id), target);
  assert(isTarget, `#${target} is not the :target after loading its permalink`);
  facts.permalink = target;

  // "Jump to the latest event" leads to the latest event in view.
  const jump = page.locator("a#jump-latest");
  if ((await jump.count()) === 0) {
    fail("no `a#jump-latest` link on the timeline");
  } else {
    await page.evaluate(() => scrollTo(0, 0));
    const href = await jump.getAttribute("href");
    const id = decodeURIComponent((href || "").split("#")[1] || "");
    const latest = [...events].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0)).pop();
    assert(id, `a#jump-latest has href ${JSON.stringify(href)}, expected #event-<id>`);
    assert(latest.start === (events.find((e) => e.id === id) || {}).start, `a#jump-latest points to #${id}, but the latest event is #${latest.id} (${latest.start})`);
    await jump.click();
    await page.waitForTimeout(300);
    const j = await inView(page, id);
    assert(j.found && j.visibleAtTop, `after clicking a#jump-latest, #${id} is not in view (top ${j.top}px, viewport ${j.viewport}px)`);
  }
  await page.close();
}

async function checkMobile(browser) {
  const context = await browser.newContext({ viewport: MOBILE, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
  const page = await newPage(context, "mobile");
  await page.goto(indexUrl, { waitUntil: "load" });
  const layout = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth }));
  if (layout.scrollWidth > layout.innerWidth) {
    const wide = await page.evaluate(() => {
      const out = [];
      for (const el of document.querySelectorAll("body *")) {
        const r = el.getBoundingClientRect();
        if (r.right > innerWidth + 1 && r.width > 0) out.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\s+/).join(".") : "") + ` (right edge ${Math.round(r.right)}px)`);
        if (out.length >= 5) break;
      }
      return out;
    });
    fail(`at ${MOBILE.width} px the page scrolls sideways (document ${layout.scrollWidth}px wide); too wide: ${wide.join(", ")}`);
  }
  await axeAudit(page, `mobile ${MOBILE.width}px`);
  await page.screenshot({ path: join(artifactDir, "timeline-mobile.png"), fullPage: true });
  await context.close();
}

// The archive search (search/index.html): finds an event by the start of a
// word, links to its card, filters by date and by actor, keeps its state in
// the URL, and passes the accessibility audit.
async function checkSearch(context) {
  const page = await newPage(context, "search");
  const url = new URL("search/?q=zelensk", siteUrl).href;
  const res = await page.goto(url, { waitUntil: "load" });
  assert(res && res.ok(), `GET ${url} answered ${res && res.status()}`);
  await page.waitForSelector("#search-results li a").catch(() => {
    throw new Error(`searching "zelensk" on ${url} showed no result`);
  });
  const read = () =>
    page.$$eval("#search-results li", (lis) =>
      lis.map((li) => ({ text: li.textContent, href: li.querySelector("a").href, day: li.querySelector("time").getAttribute("datetime") })),
    );
  const found = await read();
  const hit = found.find((r) => /Zelensky/.test(r.text));
  assert(hit, `searching "zelensk" found ${found.map((r) => r.text).join(" | ")}, none naming Zelensky`);
  const days = found.map((r) => r.day);
  assert(days.every((d, i) => i === 0 || days[i - 1] <= d), `search results are not in date order: ${days.join(", ")}`);
  // A result leads to the event's card.
  const id = decodeURIComponent(hit.href.split("#")[1] || "");
  const card = await newPage(context, "search result");
  await card.goto(hit.href, { waitUntil: "load" });
  assert(id.startsWith("event-") && (await card.locator(`[id="${id}"]`).count()) === 1, `the result ${hit.href} leads to no card #${id}`);
  await card.close();
  // A date range before every event leaves none, and goes into the URL.
  await page.fill("input[name=to]", "2000-01-01");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("to") === "2000-01-01").catch(() => {
    throw new Error(`after setting To, the URL is ${page.url()}, expected to=2000-01-01`);
  });
  await page.waitForFunction(() => document.querySelectorAll("#search-results li").length === 0).catch(() => {
    throw new Error("a date range before every event still shows results");
  });
  // A start date keeps only the events from that day on.
  const from = found[found.length - 1].day;
  await page.goto(new URL(`search/?q=zelensk&from=${from}`, siteUrl).href, { waitUntil: "load" });
  await page.waitForSelector("#search-results li a");
  const late = await read();
  assert(late.length >= 1 && late.every((r) => r.day >= from), `from=${from} shows ${late.map((r) => r.day).join(", ")}`);
  // An actor filter given by slug in the URL shows the actor's name and
  // only events that name them.
  const byActor = new URL("search/?actor=vladimir-putin", siteUrl).href;
  await page.goto(byActor, { waitUntil: "load" });
  await page.waitForSelector("#search-results li a").catch(() => {
    throw new Error(`${byActor} showed no result`);
  });
  const shown = await page.$eval("input[name=actor]", (i) => i.value);
  assert(shown === "Vladimir Putin", `${byActor} shows ${JSON.stringify(shown)} in the actor field, expected "Vladimir Putin"`);
  const putin = await read();
  const q = new URL("search/?actor=vladimir-putin&q=zelensky", siteUrl).href;
  await page.goto(q, { waitUntil: "load" });
  await page.waitForSelector("#search-status:not(:empty)");
  await page.waitForTimeout(300);
  const both = await read();
  assert(both.length <= putin.length && both.length <= found.length, `actor and words together found ${both.length}, more than either alone (${putin.length}, ${found.length})`);
  await axeAudit(page, "search page");
  facts.search = { found: found.length, actor: putin.length, both: both.length };
  await page.close();
}

// ---- main -------------------------------------------------------------------------

async function main() {
  mkdirSync(artifactDir, { recursive: true });
  const userDataDir = mkdtempSync(join(tmpdir(), "dateline-chromium-"));
  let chrome;
  let browser;
  const watchdog = setTimeout(() => {
    console.error(`browser test: FAILED: gave up after ${OVERALL_TIMEOUT_MS / 1000} s`);
    stopChromium(chrome && chrome.proc);
    process.exit(1);
  }, OVERALL_TIMEOUT_MS);
  try {
    chrome = await startChromium(userDataDir);
    browser = await chromium.connectOverCDP(chrome.wsEndpoint);
    facts.browser = browser.version();

    const desktop = await browser.newContext({ viewport: DESKTOP, deviceScaleFactor: 1 });
    const page = await newPage(desktop, "timeline");
    const res = await page.goto(indexUrl, { waitUntil: "load" });
    assert(res && res.ok(), `GET ${indexUrl} answered ${res && res.status()}`);

    await check("date order and labels", () => checkOrderAndLabels(page));
    await check("axe audit (desktop)", () => axeAudit(page, `desktop ${DESKTOP.width}px`));
    await check("desktop screenshot", async () => {
      await page.evaluate(() => scrollTo(0, 0));
      await page.screenshot({ path: join(artifactDir, "timeline-desktop.png") });
      await page.screenshot({ path: join(artifactDir, "timeline-desktop-full.png"), fullPage: true });
    });
    await check("newest-first toggle", () => checkOrderToggle(page));
    await check("actor filter", () => checkActorFilter(desktop));
    await check("permalink", () => checkPermalink(desktop));
    await check("mobile", () => checkMobile(browser));
    await check("archive search", () => checkSearch(desktop));
    await desktop.close();
  } catch (e) {
    fail(e && e.message ? e.message : String(e));
  } finally {
    clearTimeout(watchdog);
    if (browser) await browser.close().catch(() => {});
    stopChromium(chrome && chrome.proc);
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  }

  for (const e of consoleErrors) fail(`console error: ${e}`);
  for (const w of warnings) console.log(`warning: ${w}`);
  if (failures.length) {
    for (const f of failures) console.error(`FAIL: ${f}`);
    console.error(`browser test: FAILED (${failures.length} problem${failures.length === 1 ? "" : "s"}) against ${indexUrl}`);
    process.exit(1);
  }
  console.log(
    `browser test: ok: ${facts.browser}; ${facts.events} events in date order with their labels; ` +
      `actor filter "${facts.actor.slug}" shows ${facts.actor.shown} of ${facts.actor.total} and sets ?actor=; ` +
      `permalink #${facts.permalink} scrolls into view; ` +
      (facts.search ? `search finds ${facts.search.found} events for "zelensk", ${facts.search.actor} for Vladimir Putin, ${facts.search.both} for both; ` : "search failed; ") +
      `no console errors; axe: no serious or critical violations ` +
      `(${warnings.filter((w) => w.startsWith("axe")).length} minor/moderate); screenshots in ${artifactDir}`,
  );
}

main();
