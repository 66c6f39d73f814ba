// The debug console end to end in headless Chromium (Debian's /usr/bin/chromium driven by playwright-core,
// no browser download): a console tab signs in to the app, a pusher-js page (served here, on another
// origin) connects and subscribes, the console shows its socket and channel, the console's form
// publishes, the pusher-js page receives the event and the console's log shows the publish.
// Then, given a TOKEN (a user's JWT in the console group), the console signs out and in again with it.
// Reports JSON lines on stdout ({"type":"step",...} then {"type":"done"}); screenshots go to SHOTS_DIR.
// Usage: node console-check.mjs SERVER_PORT APP_ID APP_KEY APP_SECRET SHOTS_DIR [TOKEN]
import { readFileSync, mkdirSync } from 'node:fs';
import http from 'node:http';
import { chromium } from 'playwright-core';

const [portText, appId, appKey, secret, shots, token] = process.argv.slice(2);
const serverPort = Number(portText);
const report = (message) => console.log(JSON.stringify(message));
const fail = async (step, error) => {
  report({ type: 'failed', step, error: String(error && error.message || error) });
  await browser?.close().catch(() => {});
  process.exit(1);
};
mkdirSync(shots, { recursive: true });

const pusherPage = `<!doctype html><html><head><meta charset="utf-8"><title>pusher-js client</title>
<script src="/pusher.min.js"></script></head><body><h1>pusher-js client</h1><pre id="out"></pre><script>
const pusher = new Pusher(${JSON.stringify(appKey)}, { wsHost: '127.0.0.1', wsPort: ${serverPort},
  forceTLS: false, enabledTransports: ['ws'], cluster: 'local' });
const out = (line) => { document.getElementById('out').textContent += line + '\\n'; };
pusher.connection.bind('connected', () => { window.report({ type: 'connected', socketId: pusher.connection.socket_id }); });
const channel = pusher.subscribe('console-demo');
channel.bind('pusher:subscription_succeeded', () => window.report({ type: 'subscribed' }));
channel.bind('test-event', (data) => { out(JSON.stringify(data)); window.report({ type: 'event', data }); });
</script></body></html>`;
const pusherJs = readFileSync(new URL('node_modules/pusher-js/dist/web/pusher.min.js', import.meta.url));
const pages = http.createServer((request, response) => {
  const path = new URL(request.url, 'http://127.0.0.1').pathname;
  if (path === '/') response.writeHead(200, { 'Content-Type': 'text/html' }).end(pusherPage);
  else if (path === '/pusher.min.js') response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(pusherJs);
  else response.writeHead(404).end();
});
await new Promise((resolve) => pages.listen(0, '127.0.0.1', resolve));

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-proxy-server',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
});
setTimeout(() => fail('timeout', 'the check took over 90 s'), 90000);
const server = `http://127.0.0.1:${serverPort}`;
const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });

const consoleTab = await context.newPage();
consoleTab.on('pageerror', (error) => report({ type: 'console-page-error', error: String(error) }));
consoleTab.on('console', (message) => { if (message.type() === 'error') report({ type: 'console-page-log', text: message.text() }); });

try {
  await consoleTab.goto(`${server}/console/`);
  await consoleTab.screenshot({ path: `${shots}/console-login.png` });
  // a wrong secret is refused with the server's message
  await consoleTab.fill('#app-id', appId);
  await consoleTab.fill('#secret', 'not-the-secret');
  await consoleTab.click('button[type=submit]');
  await consoleTab.waitForFunction(() => document.getElementById('login-error').textContent.length > 0);
  report({ type: 'step', step: 'refused', error: await consoleTab.textContent('#login-error'),
    sessionBarShown: await consoleTab.isVisible('#session'), dashboardShown: await consoleTab.isVisible('#dashboard') });
  await consoleTab.fill('#secret', secret);
  await consoleTab.click('button[type=submit]');
  await consoleTab.waitForSelector('#dashboard:not([hidden])');
  await consoleTab.waitForSelector('#feed-status.live');
  report({ type: 'step', step: 'signed-in', secretShown: (await consoleTab.content()).includes(secret) });
} catch (error) {
  await fail('sign-in', error);
}

const clientTab = await context.newPage();
const seen = {};
const waiters = {};
const awaitReport = (type) => new Promise((resolve) => { if (seen[type]) resolve(seen[type]); else waiters[type] = resolve; });
await clientTab.exposeFunction('report', (message) => {
  seen[message.type] = message;
  waiters[message.type]?.(message);
});
let socketId;
try {
  await clientTab.goto(`http://127.0.0.1:${pages.address().port}/`);
  socketId = (await awaitReport('connected')).socketId;
  await awaitReport('subscribed');
  report({ type: 'step', step: 'client-connected', socketId });
  // the console shows the socket and the channel with its subscriber
  await consoleTab.waitForFunction((id) => [...document.querySelectorAll('#sockets li')].some((li) => li.textContent.startsWith(id)), socketId);
  await consoleTab.waitForFunction(() => {
    const row = document.querySelector('#channels tr[data-channel="console-demo"]');
    return row && row.children[1].textContent === '1';
  });
  await consoleTab.waitForSelector('#log li[data-type="connected"]');
  await consoleTab.waitForSelector('#log li[data-type="subscribed"]');
  report({ type: 'step', step: 'console-shows-client', connections: await consoleTab.textContent('#connections-count') });
} catch (error) {
  await fail('client', error);
}

try {
  await consoleTab.fill('#publish-channel', 'console-demo');
  await consoleTab.fill('#publish-event', 'test-event');
  await consoleTab.fill('#publish-data', '{"message":"hello from the console"}');
  await consoleTab.click('#publish-form button[type=submit]');
  await consoleTab.waitForSelector('#publish-result.ok');
  const event = await awaitReport('event');
  await consoleTab.waitForSelector('#log li[data-type="publish"]');
  const logged = await consoleTab.textContent('#log li[data-type="publish"] .what');
  report({ type: 'step', step: 'published', received: event.data, logged });
  await consoleTab.screenshot({ path: `${shots}/console.png` });
  await clientTab.screenshot({ path: `${shots}/console-pusher-js-client.png` });
} catch (error) {
  await fail('publish', error);
}

try {
  await clientTab.close();
  await consoleTab.waitForSelector('#log li[data-type="disconnected"]');
  await consoleTab.waitForFunction(() => document.getElementById('connections-count').textContent === '0');
  report({ type: 'step', step: 'client-gone' });
} catch (error) {
  await fail('disconnect', error);
}
if (token) {
  try {
    await consoleTab.click('#sign-out');
    await consoleTab.waitForSelector('#login:not([hidden])');
    await consoleTab.fill('#app-id', appId);
    await consoleTab.fill('#secret', token);
    await consoleTab.click('button[type=submit]');
    await consoleTab.waitForSelector('#dashboard:not([hidden])');
    await consoleTab.waitForSelector('#feed-status.live');
    report({ type: 'step', step: 'token-signed-in', tokenShown: (await consoleTab.content()).includes(token),
      connections: await consoleTab.textContent('#connections-count') });
  } catch (error) {
    await fail('token', error);
  }
}
report({ type: 'done' });
await browser.close();
pages.close();
process.exit(0);
