// Drives pusher-js against the server: subscribes to a private channel through /broadcasting/auth,
// reports each step as one JSON line on stdout, and exits once the expected event arrived.
// Usage: node private-channel.mjs HOST PORT APP_KEY CHANNEL EVENT
import Pusher from 'pusher-js';

const [host, port, key, channelName, eventName] = process.argv.slice(2);
const report = (message) => console.log(JSON.stringify(message));
const giveUp = setTimeout(() => {
  report({ type: 'timeout' });
  process.exit(2);
}, 30000);

const pusher = new Pusher(key, {
  cluster: 'local',
  wsHost: host,
  wsPort: Number(port),
  forceTLS: false,
  enabledTransports: ['ws'],
  disableStats: true,
  channelAuthorization: { endpoint: `http://${host}:${port}/broadcasting/auth`, transport: 'ajax' },
});

pusher.connection.bind('error', (error) => report({ type: 'connection-error', error: String(error?.error?.data?.message ?? error) }));
const channel = pusher.subscribe(channelName);
channel.bind('pusher:subscription_error', (status) => {
  report({ type: 'subscription-error', status });
  process.exit(1);
});
channel.bind('pusher:subscription_succeeded', () => report({ type: 'subscribed', socketId: pusher.connection.socket_id }));
channel.bind(eventName, (data) => {
  report({ type: 'event', data });
  clearTimeout(giveUp);
  pusher.disconnect();
  process.exit(0);
});
