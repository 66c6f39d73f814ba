// Runs the README's pusher-js example, as written there, in headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core: no browser download) on a page of another origin than the server, and
// reports what the page sees as JSON lines on stdout:
//   {"type":"page","origin":...}  {"type":"subscribed","channel":...}  {"type":"event","data":...}
//   {"type":"error","status":0,...} (pusher:subscription_error)  {"type":"console-error","text":...}
// Usage: node browser-readme.mjs SERVER_PORT
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { chromium } from 'playwright-core';

const serverPort = Number(process.argv[2]);
const report = (message) => console.log(JSON.stringify(message));
if (!Number.isInteger(serverPort) || serverPort <= 0) {
  report({ type: 'setup-error', error: 'usage: node browser-readme.mjs SERVER_PORT' });
  process.exit(64);
}

// The example is taken from the README itself, so the test runs what users copy; only its port
// (7777, start.sh's default) becomes the port of the server under test.
function readmeExample() {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const section = readme.indexOf('### pusher-js');
  const start = readme.indexOf('```js\n', section);
  const end = readme.indexOf('\n```', start + 6);
  if (section < 0 || start < 0 || end < 0) {
    throw new Error('no ```js block under "### pusher-js" in README.md');
  }
  const code = readme.slice(start + 6, end);
  for (const expected of ["import Pusher from 'pusher-js'", 'wsPort: 7777', "'http://127.0.0.1:7777/broadcasting/auth'"]) {
    if (!code.includes(expected)) {
      throw new Error(`the README's pusher-js example no longer contains ${expected}`);
    }
  }
  return code.replaceAll('7777', String(serverPort));
}

let example;
try {
  example = readmeExample();
} catch (error) {
  report({ type: 'setup-error', error: String(error.message) });
  process.exit(65);
}

// Binds to every channel the example subscribed to; runs after it (module scripts run in order).
const harness = `
const pusher = window.Pusher.instances[window.Pusher.instances.length - 1];
pusher.connection.bind('state_change', (s) => window.report({ type: 'state', state: s.current }));
pusher.connection.bind('error', (e) => window.report({ type: 'connection-error', error: JSON.stringify(e) }));
for (const channel of pusher.allChannels()) {
  channel.bind('pusher:subscription_succeeded', () =>
    window.report({ type: 'subscribed', channel: channel.name, socketId: pusher.connection.socket_id }));
  channel.bind('pusher:subscription_error', (e) =>
    window.report({ type: 'error', channel: channel.name, status: e.status, errorType: e.type, error: e.error }));
}
`;

const page = `<!doctype html>
<html><head><meta charset="utf-8"><title>README pusher-js example</title>
<script src="/pusher.min.js"></script>
<script type="importmap">{"imports":{"pusher-js":"/pusher-js.mjs"}}</script>
</head><body>
<script type="module" src="/readme-example.mjs"></script>
<script type="module" src="/harness.mjs"></script>
</body></html>`;

const files = {
  '/': ['text/html', page],
  '/pusher.min.js': ['text/javascript', readFileSync(new URL('node_modules/pusher-js/dist/web/pusher.min.js', import.meta.url))],
  // the web build is a UMD script that sets window.Pusher; the example imports it as a module
  '/pusher-js.mjs': ['text/javascript', 'export default window.Pusher;\n'],
  '/readme-example.mjs': ['text/javascript', example],
  '/harness.mjs': ['text/javascript', harness],
};
const pages = http.createServer((request, response) => {
  const path = new URL(request.url, 'http://127.0.0.1').pathname;
  if (path === '/favicon.ico') {
    response.writeHead(204).end(); // keeps Chromium's 404 for it out of the console errors
    return;
  }
  const file = files[path];
  if (!file) {
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    return;
  }
  response.writeHead(200, { 'Content-Type': file[0], 'Cache-Control': 'no-store' }).end(file[1]);
});

// the README's example page origin, http://127.0.0.1:8099, when that port is free
function listen(port) {
  return new Promise((resolve, reject) => {
    pages.once('error', reject);
    pages.listen(port, '127.0.0.1', () => {
      pages.off('error', reject);
      resolve(pages.address().port);
    });
  });
}
const pagePort = await listen(8099).catch((error) => {
  if (error.code !== 'EADDRINUSE') throw error;
  return listen(0);
});
const origin = `http://127.0.0.1:${pagePort}`;
report({ type: 'page', origin });

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    // no name resolves and no proxy is asked: the page cannot reach past 127.0.0.1 even by mistake
    '--no-proxy-server', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
});

let finished = false;
async function finish(code, delayMs = 0) {
  if (finished) return;
  finished = true;
  // lets late console messages (Chromium logs the CORS refusal beside the failed request) be reported
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  clearTimeout(giveUp);
  await browser.close().catch(() => {});
  pages.close();
  process.exit(code);
}
const giveUp = setTimeout(() => {
  report({ type: 'timeout' });
  finish(2);
}, 60000);

const tab = await browser.newPage();
await tab.exposeFunction('report', (message) => {
  report(message);
  if (message.type === 'error') finish(1, 1000);
});
tab.on('console', async (message) => {
  if (message.type() === 'log') {
    // the example's own handler: (data) => console.log(data)
    const args = await Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => String(arg))));
    report({ type: 'event', data: args[0] });
    finish(0, 200);
  } else if (message.type() === 'error') {
    report({ type: 'console-error', text: message.text() });
  }
});
tab.on('pageerror', (error) => {
  report({ type: 'page-error', error: String(error) });
  finish(3);
});
tab.on('requestfailed', (request) => report({ type: 'request-failed', url: request.url(), failure: request.failure()?.errorText }));
try {
  await tab.goto(`${origin}/`);
} catch (error) {
  report({ type: 'page-error', error: String(error.message) });
  finish(3);
}
