// Drives pusher-js, laravel-echo and the `pusher` server library (all from npm, unmodified) through
// the Pusher features against the server; prints one JSON line per check: {"check":..,"ok":true|false}.
// Usage: node features.mjs HOST PORT APP_ID APP_KEY APP_SECRET
import Pusher from 'pusher-js';
import Echo from 'laravel-echo';
import PusherServer from 'pusher';

const [host, port, appId, key, secret] = process.argv.slice(2);
const MASTER_KEY = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=';
const server = new PusherServer({ appId, key, secret, host, port, useTLS: false, encryptionMasterKeyBase64: MASTER_KEY });
const report = (check, ok, detail) => console.log(JSON.stringify({ check, ok, detail: detail === undefined ? null : String(detail) }));
const clients = [];

function client(user) {
  const pusher = new Pusher(key, {
    cluster: 'local', wsHost: host, wsPort: Number(port), forceTLS: false, enabledTransports: ['ws'], disableStats: true,
    channelAuthorization: {
      customHandler: ({ socketId, channelName }, callback) => callback(null, channelName.startsWith('presence-')
        ? server.authorizeChannel(socketId, channelName, { user_id: user.id, user_info: { name: user.id } })
        : server.authorizeChannel(socketId, channelName)),
    },
    userAuthentication: { customHandler: ({ socketId }, callback) => callback(null, server.authenticateUser(socketId, user)) },
  });
  clients.push(pusher);
  return pusher;
}

const within = (ms, promise) => Promise.race([promise,
  new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms))]);
const subscribed = (channel) => new Promise((resolve, reject) => {
  channel.bind('pusher:subscription_succeeded', resolve);
  channel.bind('pusher:subscription_error', (e) => reject(new Error(JSON.stringify(e))));
});
const next = (target, event) => new Promise((resolve) => target.bind(event, resolve));
const connected = (pusher) => new Promise((resolve) => pusher.connection.state === 'connected'
  ? resolve() : pusher.connection.bind('connected', resolve));

async function check(name, body) {
  try {
    const detail = await within(10000, body());
    report(name, true, detail);
  } catch (e) {
    report(name, false, e?.stack ?? e);
  }
}

const alice = client({ id: 'alice' });
const bob = client({ id: 'bob', watchlist: ['alice', 'nobody'] });

await check('public channel event', async () => {
  const channel = alice.subscribe('js-public');
  await subscribed(channel);
  const got = next(channel, 'hello');
  await server.trigger('js-public', 'hello', { a: 1 });
  const data = await got;
  if (data.a !== 1) throw new Error(JSON.stringify(data));
});

await check('private channel event', async () => {
  const channel = alice.subscribe('private-js');
  await subscribed(channel);
  const got = next(channel, 'secret-ish');
  await server.trigger('private-js', 'secret-ish', { b: 2 });
  if ((await got).b !== 2) throw new Error('wrong data');
});

await check('encrypted channel event is decrypted by pusher-js', async () => {
  const channel = alice.subscribe('private-encrypted-js');
  await subscribed(channel);
  const got = next(channel, 'sealed');
  await server.trigger('private-encrypted-js', 'sealed', { message: 'only for you' });
  const data = await got;
  if (data.message !== 'only for you') throw new Error(JSON.stringify(data));
});

await check('cache channel replays the last event', async () => {
  await server.trigger('cache-js', 'last', { v: 3 });
  const channel = bob.subscribe('cache-js');
  const got = next(channel, 'last');
  await subscribed(channel);
  if ((await got).v !== 3) throw new Error('wrong cached data');
});

await check('presence members, member_added and member_removed', async () => {
  const a = alice.subscribe('presence-js');
  await subscribed(a);
  const added = next(a, 'pusher:member_added');
  const carol = client({ id: 'carol' });
  const c = carol.subscribe('presence-js');
  await subscribed(c);
  if (c.members.count !== 2) throw new Error(`count ${c.members.count}`);
  if ((await added).id !== 'carol') throw new Error('wrong member added');
  const removed = next(a, 'pusher:member_removed');
  carol.disconnect();
  if ((await removed).id !== 'carol') throw new Error('wrong member removed');
});

await check('signin and sendToUser', async () => {
  alice.signin();
  await new Promise((resolve) => setTimeout(resolve, 300));
  const got = new Promise((resolve) => alice.user.bind('note', resolve));
  await new Promise((resolve) => setTimeout(resolve, 300));
  await server.sendToUser('alice', 'note', { n: 1 });
  if ((await got).n !== 1) throw new Error('wrong user event');
});

await check('watchlist reports watched users online', async () => {
  const online = new Promise((resolve) => bob.user.watchlist.bind('online', resolve));
  bob.signin();
  const event = await online;
  if (!event.user_ids.includes('alice')) throw new Error(JSON.stringify(event));
});

await check('channel queries through the server library', async () => {
  const answer = await server.get({ path: '/channels', params: { filter_by_prefix: 'presence-', info: 'user_count' } });
  const body = await answer.json();
  if (body.channels['presence-js']?.user_count !== 1) throw new Error(JSON.stringify(body));
  const one = await (await server.get({ path: '/channels/presence-js/users' })).json();
  if (one.users.length !== 1 || one.users[0].id !== 'alice') throw new Error(JSON.stringify(one));
});

await check('triggerBatch', async () => {
  const channel = alice.channel('js-public');
  const first = next(channel, 'batch-1');
  const second = next(channel, 'batch-2');
  await server.triggerBatch([
    { channel: 'js-public', name: 'batch-1', data: { i: 1 } },
    { channel: 'js-public', name: 'batch-2', data: { i: 2 } },
  ]);
  await first;
  await second;
});

await check('laravel echo presence here, joining, leaving and whisper', async () => {
  const dave = client({ id: 'dave' });
  const erin = client({ id: 'erin' });
  const echoDave = new Echo({ broadcaster: 'pusher', client: dave });
  const echoErin = new Echo({ broadcaster: 'pusher', client: erin });
  const here = new Promise((resolve) => echoDave.join('js-room').here(resolve));
  const users = await here;
  if (users.length !== 1) throw new Error(`here: ${JSON.stringify(users)}`);
  const joining = new Promise((resolve) => echoDave.join('js-room').joining(resolve));
  const whisper = new Promise((resolve) => echoDave.join('js-room').listenForWhisper('typing', resolve));
  const erinHere = new Promise((resolve) => echoErin.join('js-room').here(resolve));
  if ((await erinHere).length !== 2) throw new Error('erin should see two users');
  if ((await joining).name !== 'erin') throw new Error('joining');
  echoErin.join('js-room').whisper('typing', { who: 'erin' });
  if ((await whisper).who !== 'erin') throw new Error('whisper');
  const leaving = new Promise((resolve) => echoDave.join('js-room').leaving(resolve));
  echoErin.leave('js-room');
  if ((await leaving).name !== 'erin') throw new Error('leaving');
});

await check('terminateUserConnections disconnects the user', async () => {
  const closed = new Promise((resolve) => alice.connection.bind('state_change', (states) => {
    if (states.current !== 'connected') resolve(states.current);
  }));
  await server.terminateUserConnections('alice');
  return await closed;
});

clients.forEach((c) => c.disconnect());
report('done', true);
process.exit(0);
