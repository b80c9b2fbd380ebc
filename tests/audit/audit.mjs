// Lighthouse and axe-core over the built demo site, in light and dark, with Debian's Chromium.
// Not part of `cargo test` or CI (it needs npm packages); BENCHMARKS.md has the figures and
// the command:
//   npm install --prefix /tmp/audit lighthouse@12 axe-core@4 puppeteer-core
//   NODE_PATH=/tmp/audit/node_modules node tests/audit/audit.mjs http://127.0.0.1:8765/ PAGE...
// where the site is served by a static server (the event stream of `briefing serve` never
// lets Lighthouse see the network idle). Prints one line per page and colour scheme.
// CATEGORIES=performance (comma-separated) limits the Lighthouse categories; axe always runs.
// RUNS=n runs Lighthouse n times per page and scheme (default 1) and prints the median of
// each category, the performance of every run, and the load average before and after;
// below 100, the metrics of the median run (FCP, LCP, TBT, CLS, SI) show what cost it.
import { createRequire } from "node:module";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(join(process.env.NODE_PATH || ".", "x.js"));
const lighthouse = (await import(require.resolve("lighthouse"))).default;
const puppeteer = require("puppeteer-core");
const axeSource = require("fs").readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const [base, ...pages] = process.argv.slice(2);
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const CATEGORIES = (process.env.CATEGORIES || "performance,accessibility,best-practices,seo").split(",");
const METRICS = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
  "cumulative-layout-shift", "speed-index"];
const RUNS = Math.max(1, Number(process.env.RUNS || 1));
const load = () => require("fs").readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
console.log(`load average ${load()} (start)`);

for (const scheme of ["light", "dark"]) {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [...FLAGS, `--user-data-dir=${mkdtempSync(join(tmpdir(), "audit-"))}`,
      // Blink's preferred colour scheme: 0 dark, 1 light (also seen by Lighthouse).
      `--blink-settings=preferredColorScheme=${scheme === "dark" ? 0 : 1}`],
  });
  const port = Number(new URL(browser.wsEndpoint()).port);
  for (const path of pages) {
    const url = new URL(path, base).href;
    const page = await browser.newPage();
    await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
    await page.goto(url, { waitUntil: "load" });
    await page.evaluate(axeSource);
    const axe = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ["violations"] });
      return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    await page.close();
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(url, { port, output: "json", logLevel: "error",
        onlyCategories: CATEGORIES, formFactor: "mobile", screenEmulation: { mobile: true, width: 412, height: 823, deviceScaleFactor: 1.75, disabled: false } });
      runs.push(result.lhr);
    }
    const perf = (r) => r.categories.performance ? r.categories.performance.score : 1;
    runs.sort((a, b) => perf(a) - perf(b));
    const lhr = runs[Math.floor(runs.length / 2)];
    const median = (c) => {
      const v = runs.map((r) => Math.round(r.categories[c].score * 100)).sort((a, b) => a - b);
      return v[Math.floor(v.length / 2)];
    };
    const scores = CATEGORIES.map((c) => `${c} ${median(c)}`);
    const perfRuns = runs.length > 1 ? ` (performance runs: ${runs.map((r) => Math.round(perf(r) * 100)).join(" ")})` : "";
    const metrics = perf(lhr) < 1 ? "\tmetrics: " + METRICS.map((m) => `${m} ${lhr.audits[m].displayValue}`).join(", ") : "";
    const failed = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary").map((a) => a.id);
    console.log(`${scheme}\t${path}\t${scores.join(", ")}${perfRuns}\taxe violations: ${axe.length}${axe.length ? " " + axe.join(" ") : ""}${failed.length ? "\tfailed: " + failed.join(" ") : ""}${metrics}`);
  }
  await browser.close();
}
console.log(`load average ${load()} (end)`);
