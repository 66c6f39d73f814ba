// The README's Laravel Echo example, run for real: Echo (with pusher-js) listens on a private
// channel authorized by /broadcasting/auth and reports the payload of the first event.
// Usage: node echo-private.mjs HOST PORT APP_KEY CHANNEL EVENT
import Echo from 'laravel-echo';
import Pusher from 'pusher-js';

const [host, port, key, channelName, eventName] = process.argv.slice(2);
const report = (message) => console.log(JSON.stringify(message));
const giveUp = setTimeout(() => {
  report({ type: 'timeout' });
  process.exit(2);
}, 30000);

const echo = new Echo({
  broadcaster: 'pusher',
  client: new Pusher(key, {
    cluster: 'local',
    wsHost: host,
    wsPort: Number(port),
    forceTLS: false,
    enabledTransports: ['ws'],
    disableStats: true,
    authEndpoint: `http://${host}:${port}/broadcasting/auth`,
  }),
});

echo.private(channelName)
  .subscribed(() => report({ type: 'subscribed', socketId: echo.socketId() }))
  .error((error) => {
    report({ type: 'subscription-error', error });
    process.exit(1);
  })
  .listen(`.${eventName}`, (payload) => {
    report({ type: 'event', data: payload });
    clearTimeout(giveUp);
    echo.disconnect();
    process.exit(0);
  });
