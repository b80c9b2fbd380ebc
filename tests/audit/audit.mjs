// Lighthouse and axe-core over the built demo site, in light and dark, with Debian's Chromium.
// Not part of `cargo test` or CI (it needs npm packages); BENCHMARKS.md has the figures and
// the command:
//   npm install --prefix /tmp/audit lighthouse@12 axe-core@4 puppeteer-core
//   NODE_PATH=/tmp/audit/node_modules node tests/audit/audit.mjs http://127.0.0.1:8765/ PAGE...
// where the site is served by a static server (the event stream of `briefing serve` never
// lets Lighthouse see the network idle). Prints one line per page and colour scheme.
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
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];

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
    const result = await lighthouse(url, { port, output: "json", logLevel: "error",
      onlyCategories: CATEGORIES, formFactor: "mobile", screenEmulation: { mobile: true, width: 412, height: 823, deviceScaleFactor: 1.75, disabled: false } });
    const scores = CATEGORIES.map((c) => `${c} ${Math.round(result.lhr.categories[c].score * 100)}`);
    const failed = Object.values(result.lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary").map((a) => a.id);
    console.log(`${scheme}\t${path}\t${scores.join(", ")}\taxe violations: ${axe.length}${axe.length ? " " + axe.join(" ") : ""}${failed.length ? "\tfailed: " + failed.join(" ") : ""}`);
  }
  await browser.close();
}
