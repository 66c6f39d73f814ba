// pusher-js and Laravel Echo from npm as a browser app uses them with a user's JWT: every auth call
// carries Authorization: Bearer <token>. Reports each step as one JSON line on stdout.
// Usage: node token-clients.mjs MODE HOST PORT APP_KEY TOKEN [CHANNEL] [EVENT]
//   private   subscribe to CHANNEL through /broadcasting/auth, report events named EVENT
//   presence  Laravel Echo join(CHANNEL) claiming to be "mallory" in its auth params; report the roster
//   signin    pusher.signin() through /broadcasting/user-auth; report user events named EVENT
import Echo from 'laravel-echo';
import Pusher from 'pusher-js';

const [mode, host, port, key, token, channelName, eventName] = process.argv.slice(2);
const report = (message) => console.log(JSON.stringify(message));
setTimeout(() => {
  report({ type: 'timeout' });
  process.exit(2);
}, 30000);

const headers = { Authorization: `Bearer ${token}` };
const options = {
  cluster: 'local',
  wsHost: host,
  wsPort: Number(port),
  forceTLS: false,
  enabledTransports: ['ws'],
  disableStats: true,
  channelAuthorization: { endpoint: `http://${host}:${port}/broadcasting/auth`, transport: 'ajax', headers },
  userAuthentication: { endpoint: `http://${host}:${port}/broadcasting/user-auth`, transport: 'ajax', headers },
};

if (mode === 'private') {
  const pusher = new Pusher(key, options);
  const channel = pusher.subscribe(channelName);
  channel.bind('pusher:subscription_error', (error) => report({ type: 'subscription-error', status: error.status, error: String(error.error ?? '') }));
  channel.bind('pusher:subscription_succeeded', (data) => report({ type: 'subscribed', socketId: pusher.connection.socket_id, me: data?.me ?? null }));
  channel.bind(eventName, (data) => report({ type: 'event', data }));
} else if (mode === 'presence') {
  const echo = new Echo({
    broadcaster: 'pusher',
    client: new Pusher(key, options),
    auth: { headers, params: { user_id: 'mallory' } },
  });
  echo.join(channelName)
    .here((members) => report({ type: 'here', members }))
    .error((error) => report({ type: 'subscription-error', status: error.status, error: String(error.error ?? '') }));
} else if (mode === 'signin') {
  const pusher = new Pusher(key, options);
  pusher.user.bind(eventName, (data) => report({ type: 'event', data }));
  pusher.connection.bind('connected', () => {
    pusher.signin();
    pusher.user.signinDonePromise.then(() => report({ type: 'signed-in', id: pusher.user.user_data?.id ?? null }))
      .catch((error) => report({ type: 'signin-error', error: String(error) }));
  });
} else {
  report({ type: 'usage', mode });
  process.exit(64);
}
