// Checks one received webhook with the npm `pusher` library, as a Node receiver would.
// Usage: node webhook-check.mjs APP_ID KEY SECRET HEADERS_JSON_BASE64 RAW_BODY_BASE64
// Prints {"type":"checked","valid":...,"events":[...]} on one line.
import Pusher from 'pusher';

const [appId, key, secret, headersB64, bodyB64] = process.argv.slice(2);
const headers = JSON.parse(Buffer.from(headersB64, 'base64').toString('utf8'));
const rawBody = Buffer.from(bodyB64, 'base64').toString('utf8');
const pusher = new Pusher({ appId, key, secret });
// Node's http module gives receivers lower-case header names
const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
const webhook = pusher.webhook({ headers: lower, rawBody });
const valid = webhook.isValid();
console.log(JSON.stringify({ type: 'checked', valid, events: valid ? webhook.getEvents() : [] }));
