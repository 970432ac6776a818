// Drives examples/alert-board/index.html in headless Chromium against a running Accord service.
// Environment: BOARD_URL (the page, served from another origin than the API), API_URL, BOOTSTRAP_KEY (an admin key),
// CHROMIUM (default /usr/bin/chromium). Exits non-zero on any failed check. AlertBoardBrowserTest runs it.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { BOARD_URL, API_URL, BOOTSTRAP_KEY } = process.env;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const run = 'board-' + Date.now().toString(36);

async function api(key, method, path, body) {
  const response = await fetch(API_URL + path, {
    method,
    headers: { 'X-API-Key': key, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

function check(condition, message) {
  if (!condition) throw new Error('check failed: ' + message);
  console.log('ok - ' + message);
}

const profile = mkdtempSync(join(tmpdir(), 'accord-board-chromium-'));
let context;
try {
  // Setup through the API: a key for the board, a 24/7 calendar and a policy whose first touch is due 1 s after hand-off.
  const admin = (await api(BOOTSTRAP_KEY, 'POST', '/api/v1/api-keys', { name: run + '-admin', roles: ['admin'] })).key;
  const boardKey = (await api(admin, 'POST', '/api/v1/api-keys', { name: run + '-board', roles: ['sales'] })).key;
  const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
  await api(admin, 'POST', '/api/v1/calendars', {
    key: run + '-always', name: 'Always open', timeZone: 'UTC',
    hours: days.map((day) => ({ day, start: '00:00', end: '24:00' })),
  });
  await api(admin, 'POST', '/api/v1/sla-policies', {
    key: run + '-policy', name: 'Board test', priority: 100, enabled: true, calendarKey: run + '-always',
    conditions: { sources: [run] }, milestones: [{ kind: 'first_touch', target: 'PT1S' }],
  });

  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] || await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') console.log('browser console: ' + m.text()); });

  await page.goto(BOARD_URL);
  check(new URL(BOARD_URL).origin !== new URL(API_URL).origin, 'the page comes from another origin than the API');
  await page.getByLabel('API URL').fill(API_URL);
  await page.getByLabel('API key').fill(boardKey);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.waitForFunction(() => /^(Connected|Could not connect)/.test(document.getElementById('statusText').textContent),
    null, { timeout: 15000 });
  const connected = await page.locator('#statusText').textContent();
  check(connected.startsWith('Connected.'), 'connected: open alerts listed and the live stream open (' + connected + ')');
  check(await page.evaluate(() => JSON.parse(sessionStorage.getItem('accord.board')).apiKey.startsWith('acc_')),
    'the key is kept in sessionStorage');

  // A breach raised through the API: a lead handed off now, due in 1 s, that nobody touches.
  const externalId = run + '-lead';
  const lead = await api(admin, 'POST', '/api/v1/leads', {
    source: run, externalId, status: 'mql', ownerId: 'rep-board',
    company: { name: 'Board Test ' + run, country: 'DE', employees: 120 }, contact: { email: 'x@board.example' },
  });
  const row = page.locator('tbody tr', { hasText: externalId });
  await row.waitFor({ timeout: 20000 });
  const shownAt = Date.now();
  const alerts = await api(admin, 'GET', `/api/v1/alerts?leadId=${lead.id}&kind=sla.breached`);
  check(alerts.items.length === 1, 'the API raised one sla.breached alert');
  const dueAt = Date.parse(alerts.items[0].dueAt);
  const lag = shownAt - dueAt;
  console.log(`breach due ${alerts.items[0].dueAt}, detected ${alerts.items[0].detectedAt}, shown on the page ${lag} ms after due`);
  check(lag <= 2000, `the breach appears on the page within 2 s of its due time (${lag} ms)`);
  check((await row.locator('td.state').textContent()) === 'open', 'shown as open');

  await row.getByRole('button', { name: /Acknowledge/ }).click();
  await row.locator('td.state', { hasText: 'acknowledged' }).waitFor({ timeout: 10000 });
  check(true, 'the row changes to acknowledged after the click');
  const after = await api(admin, 'GET', '/api/v1/alerts/' + alerts.items[0].id);
  check(after.status === 'acknowledged', 'the API has the alert acknowledged');
  check(pageErrors.length === 0, 'no script errors on the page ' + JSON.stringify(pageErrors));
  console.log('ALERT BOARD: PASS');
} catch (e) {
  console.error('ALERT BOARD: FAIL ' + (e && e.stack || e));
  process.exitCode = 1;
} finally {
  if (context) await context.close();
  rmSync(profile, { recursive: true, force: true });
}
