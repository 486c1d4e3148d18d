// Wijkkit site benchmark, the browser half: Lighthouse (npm, pinned in package.json) over the given pages in
// Debian's Chromium, on a phone (Lighthouse's mobile defaults: simulated slow 4G and a 4x slower CPU) and on a
// desktop, plus a user flow that types a search on the phone and measures what the typing costs the main thread.
// Input: one JSON argument {chrome, pages: [[name, url]], home, query}. Output: JSON on stdout. bench/site.py runs it.
import puppeteer from "puppeteer-core";
import { navigation, startFlow, desktopConfig } from "lighthouse";

const input = JSON.parse(process.argv[2]);
const flags = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const browser = await puppeteer.launch({ executablePath: input.chrome, args: flags, headless: true });
const metrics = (lhr) => ({
  score: lhr.categories.performance.score,
  fcp: lhr.audits["first-contentful-paint"].numericValue,
  lcp: lhr.audits["largest-contentful-paint"].numericValue,
  cls: lhr.audits["cumulative-layout-shift"].numericValue,
  tbt: lhr.audits["total-blocking-time"].numericValue,
  bytes: lhr.audits["total-byte-weight"].numericValue,
});
const settings = { onlyCategories: ["performance"], logLevel: "error" };
const out = { pages: [], search: null };
try {
  for (const [name, url] of input.pages) {
    const row = { name, url };
    for (const device of ["mobile", "desktop"]) {
      const page = await browser.newPage();
      const config = device === "desktop" ? desktopConfig : undefined;
      const result = await navigation(page, url, { config, flags: settings });
      row[device] = metrics(result.lhr);
      await page.close();
    }
    out.pages.push(row);
    process.stderr.write(`lighthouse: ${name} ${row.mobile.score} / ${row.desktop.score}\n`);
  }
  const page = await browser.newPage();
  const flow = await startFlow(page, { name: "Zoeken op een telefoon", flags: settings });
  await flow.navigate(input.home);
  await flow.startTimespan({ name: `typ "${input.query}"` });
  await page.click("label.md-header__button[for='__search']");
  await page.waitForSelector("input.md-search__input", { visible: true });
  await page.type("input.md-search__input", input.query, { delay: 80 });
  await page.waitForFunction(() => /\d|Geen/.test(document.querySelector(".md-search-result__meta")?.textContent || ""),
    { timeout: 30000 });
  await new Promise((done) => setTimeout(done, 500));
  await flow.endTimespan();
  const steps = (await flow.createFlowResult()).steps;
  const span = steps[steps.length - 1].lhr;
  out.search = {
    tbt: span.audits["total-blocking-time"].numericValue,
    cls: span.audits["cumulative-layout-shift"].numericValue,
    inp: span.audits["interaction-to-next-paint"]?.numericValue ?? null,
    results: await page.$eval(".md-search-result__meta", (el) => el.textContent.trim()),
  };
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(out));
