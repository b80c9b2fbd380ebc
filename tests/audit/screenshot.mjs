// The README's picture of a briefing page (docs/briefing-page.png): the demo briefing's
// headline, lede and timeline (the strip above the list of events), at 760 px, light
// theme. The key points and "Who is involved" sections between them are hidden so
// the picture fits a README; nothing else is changed. Not part of CI. With the demo
// site served by a static server (see BENCHMARKS.md):
//   NODE_PATH=/tmp/audit/node_modules node tests/audit/screenshot.mjs \
//       http://127.0.0.1:8767/briefings/2026-03-05-meranthe-walkout/ docs/briefing-page.png
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(join(process.env.NODE_PATH || ".", "x.js"));
const puppeteer = require("puppeteer-core");
const [url, out] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"],
});
const page = await browser.newPage();
await page.setViewport({ width: 760, height: 700, deviceScaleFactor: 1 });
await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "light" }]);
await page.goto(url, { waitUntil: "load" });
await page.addStyleTag({
  content: ".site-header, .site-nav, .skip-link, #summary, #actors, .key-points { display: none !important; }",
});
await page.screenshot({ path: out, clip: { x: 0, y: 0, width: 760, height: 700 } });
await browser.close();
