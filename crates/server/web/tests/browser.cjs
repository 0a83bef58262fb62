// Browser tests for the web app, driven by playwright-core in Debian's headless Chromium.
// Usage: node browser.cjs BASE_URL SCREENSHOT_DIR HOSTILE_DOC_ID
// Exits non-zero with a message on the first failure; saves a screenshot of every page.
const { chromium } = require('playwright-core');

const [base, outDir, hostileDoc] = process.argv.slice(2);
const errors = [];
const check = (ok, msg) => { if (!ok) throw new Error(msg); };

async function totals(page) {
  return page.evaluate(() => Object.fromEntries(['timeline', 'map', 'table'].map((k) => {
    const el = document.querySelector(`[data-testid=${k}-total]`);
    return [k, el && el.dataset.total !== undefined ? Number(el.dataset.total) : null];
  })));
}

async function settled(page, before) {
  // Wait until all three views have reported, and (when given) something changed.
  await page.waitForFunction((b) => {
    const t = ['timeline', 'map', 'table'].map((k) => document.querySelector(`[data-testid=${k}-total]`)?.dataset.total);
    return t.every((x) => x !== undefined) && (b === null || t.join() !== b) && document.getElementById('status').textContent === '';
  }, before, { timeout: 20000 });
}

async function noScriptRan(page, where) {
  const xss = await page.evaluate(() => window.__xss);
  check(xss === undefined, `${where}: report text ran as code (window.__xss = ${xss})`);
  const injected = await page.evaluate(() => document.querySelectorAll('main script, main img, main [onerror], main [onmouseover], main a[href^="javascript:"]').length);
  check(injected === 0, `${where}: report text became markup (${injected} elements)`);
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`page error: ${e}`));
  page.on('dialog', (d) => { errors.push(`dialog opened: ${d.message()}`); d.dismiss(); });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  // A request the page itself cancelled (a newer map fetch, or the next page.goto while one
  // is in flight) fails as net::ERR_ABORTED: no fault of the app; server errors show above.
  page.on('requestfailed', (r) => {
    const why = r.failure() ? r.failure().errorText : '';
    if (why !== 'net::ERR_ABORTED') errors.push(`request failed: ${r.url()} (${why})`);
  });
  page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:')) errors.push(`left the server: ${r.url()}`); });
  try {
    // 1. Every page opens.
    for (const [name, path, ready] of [
      ['overview', '/', '.cards'],
      ['events', '/events', '[data-testid=table-total][data-total]'],
      ['network', '/network', '#network canvas'],
      ['claims', '/claims?allegations_only=true', '[data-testid=claims-total]'],
      ['search', '/search?q=Quetta', 'main mark'],
      ['paste', '/paste', 'textarea'],
    ]) {
      await page.goto(base + path);
      await page.waitForSelector(ready, { timeout: 20000 });
      await page.screenshot({ path: `${outDir}/${name}.png`, fullPage: true });
    }
    // The entity page, from the overview's most active actor.
    await page.goto(base + '/');
    await page.waitForSelector('a[href^="/entity/"]');
    await page.click('a[href^="/entity/"]');
    await page.waitForSelector('main h1 .count');
    check(page.url().includes('/entity/'), 'the actor link opens its entity page');
    await page.screenshot({ path: `${outDir}/entity.png`, fullPage: true });

    // 2. A filter changes the map, timeline and table together, and lands in the URL.
    await page.goto(base + '/events');
    await settled(page, null);
    const all = await totals(page);
    check(all.table > 0 && all.timeline === all.table && all.map === all.table, `views disagree before filtering: ${JSON.stringify(all)}`);
    const before = [all.timeline, all.map, all.table].join();
    await page.selectOption('select[name=admin1]', 'Balochistan');
    await settled(page, before);
    const some = await totals(page);
    check(some.table > 0 && some.table < all.table, `the province filter narrows the table: ${JSON.stringify(some)}`);
    check(some.timeline === some.table && some.map === some.table, `views disagree after filtering: ${JSON.stringify(some)}`);
    check(page.url().includes('admin1=Balochistan'), `the filter is in the URL: ${page.url()}`);
    // The shared URL reproduces the view.
    await page.goto(page.url());
    await settled(page, null);
    const again = await totals(page);
    check(JSON.stringify(again) === JSON.stringify(some), `reloading the URL gives the same view: ${JSON.stringify(again)}`);
    await page.screenshot({ path: `${outDir}/events-filtered.png`, fullPage: true });

    // 3. Click an event, follow its evidence to the reader, see the span lit.
    await page.click('#event-table tbody tr');
    await page.waitForSelector('[data-testid=event-detail] [data-testid=evidence-link]');
    check(await page.$eval('#event-table tbody tr', (tr) => tr.classList.contains('selected')), 'the clicked row is selected');
    const quote = (await page.$eval('[data-testid=event-detail] .quote', (q) => q.textContent)).replace(/^“|”$/g, '');
    await page.click('[data-testid=evidence-link]');
    await page.waitForSelector('.doctext .lit');
    const lit = await page.$$eval('.doctext .lit', (els) => els.map((e) => e.textContent).join(''));
    check(lit === quote, `the reader lights the evidence: ${JSON.stringify(lit)} vs ${JSON.stringify(quote)}`);
    check(await page.$eval('.doctext .lit', (el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }), 'the lit span is scrolled into view');
    await page.screenshot({ path: `${outDir}/reader.png`, fullPage: false });

    // 4. Untrusted report text renders as text: in the reader, search, the paste preview.
    await page.goto(`${base}/document/${encodeURIComponent(hostileDoc)}`);
    await page.waitForSelector('[data-testid=doctext]');
    await noScriptRan(page, 'reader');
    const shown = await page.$eval('[data-testid=doctext]', (el) => el.textContent);
    check(shown.includes("<script>window.__xss='script'</script>") && shown.includes('<img src=x'), 'markup in a report is shown as its characters');
    check((await page.$eval('main h1', (el) => el.textContent)).includes('<b onmouseover'), 'markup in a title is shown as text');
    await page.hover('main h1');
    await noScriptRan(page, 'reader title');
    await page.screenshot({ path: `${outDir}/hostile-report.png`, fullPage: true });
    await page.goto(`${base}/search?q=Sariab`);
    await page.waitForSelector('main mark');
    await noScriptRan(page, 'search');
    await page.goto(`${base}/paste`);
    await page.fill('textarea', 'QUETTA — A bomb killed two. <script>window.__xss="paste"</script><img src=x onerror="window.__xss=1">');
    await page.click('text=Extract');
    await page.waitForSelector('[data-testid=paste-result] .doctext');
    await noScriptRan(page, 'paste preview');
    await page.screenshot({ path: `${outDir}/paste.png`, fullPage: true });

    check(errors.length === 0, `browser errors:\n${errors.join('\n')}`);
    console.log('browser checks passed');
  } catch (e) {
    await page.screenshot({ path: `${outDir}/failure.png`, fullPage: true }).catch(() => {});
    console.error(String(e.stack || e));
    if (errors.length) console.error(errors.join('\n'));
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
})();
