// ZinTrust Socket debug console: a snapshot of the app (GET /console/api/apps/{id}/state), its live
// log (server-sent events from /console/api/apps/{id}/feed, read with fetch so that the secret travels
// in the Authorization header, never in a URL), and a publish form (the ordinary POST /apps/{id}/events).
// The secret lives in this closure only: not in storage, not in the page.
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const base = location.pathname.replace(/\/console(\/.*)?$/, '');
  let session = null; // { appId, secret, abort }
  let refreshTimer = null;

  const text = (tag, content, cls) => {
    const node = document.createElement(tag);
    node.textContent = content;
    if (cls) node.className = cls;
    return node;
  };

  async function call(path, options = {}) {
    const response = await fetch(base + path, {
      ...options,
      headers: { Authorization: 'Bearer ' + session.secret, ...(options.headers || {}) },
      cache: 'no-store',
    });
    const body = await response.text();
    let json = null;
    try { json = body ? JSON.parse(body) : null; } catch (ignored) { /* not JSON */ }
    if (!response.ok) {
      throw new Error((json && json.error) || `HTTP ${response.status}`);
    }
    return json;
  }

  function statePath() {
    return `/console/api/apps/${encodeURIComponent(session.appId)}/state`;
  }

  function render(state) {
    $('connections-count').textContent = state.connections;
    $('channels-count').textContent = state.channels.length;
    $('members-count').textContent = state.channels.reduce((sum, c) => sum + (c.user_count || 0), 0);
    const rows = $('channels');
    rows.replaceChildren(...state.channels.map((channel) => {
      const row = document.createElement('tr');
      row.dataset.channel = channel.name;
      row.append(text('td', channel.name, 'name'), text('td', String(channel.subscription_count), 'num'));
      const members = document.createElement('td');
      (channel.members || []).forEach((id) => members.append(text('span', id, 'member')));
      row.append(members);
      return row;
    }));
    $('channels-empty').hidden = state.channels.length > 0;
    $('sockets').replaceChildren(...state.sockets.map((socket) => {
      const item = text('li', socket.socket_id);
      item.append(text('span', `${socket.channels} channel${socket.channels === 1 ? '' : 's'}`));
      return item;
    }));
    $('sockets-empty').hidden = state.sockets.length > 0;
  }

  async function refresh() {
    if (!session) return;
    try {
      render(await call(statePath()));
    } catch (error) {
      log({ time: Date.now(), type: 'error', message: 'Could not read the app: ' + error.message });
    }
  }

  function refreshSoon() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refresh, 250);
  }

  function describe(entry) {
    switch (entry.type) {
      case 'watching': return `watching app ${entry.app}`;
      case 'connected': return `socket ${entry.socket_id}`;
      case 'disconnected': return `socket ${entry.socket_id} (close ${entry.code})`;
      case 'subscribed': return `${entry.channel} (${entry.channel_type})`;
      case 'occupied': case 'vacated': return entry.channel;
      case 'member_added': case 'member_removed': return `${entry.user_id} in ${entry.channel}`;
      case 'signed_in': return `${entry.user_id} on socket ${entry.socket_id}`;
      case 'publish': return `${entry.event} on ${entry.channels.join(', ')}: ${entry.data}`;
      case 'client_event': return `${entry.event} on ${entry.channel} from ${entry.socket_id}: ${entry.data}`;
      case 'webhook': return `${entry.events} event(s) to ${entry.url}: ${entry.outcome}`;
      default: return entry.message || JSON.stringify(entry);
    }
  }

  function log(entry) {
    const list = $('log');
    const item = document.createElement('li');
    item.dataset.type = entry.type;
    item.append(text('span', new Date(entry.time).toLocaleTimeString([], { hour12: false }), 'time'),
      text('span', entry.type.replace('_', ' '), 'kind ' + entry.type),
      text('span', describe(entry), 'what'));
    const atBottom = list.scrollTop + list.clientHeight >= list.scrollHeight - 8;
    list.append(item);
    while (list.children.length > 500) list.firstChild.remove();
    if (atBottom) list.scrollTop = list.scrollHeight;
  }

  function status(state) {
    const badge = $('feed-status');
    badge.textContent = state;
    badge.className = 'badge' + (state === 'live' ? ' live' : state === 'offline' ? ' down' : '');
  }

  // Reads the feed's server-sent events from a fetch body; reconnects after a pause when it ends.
  async function follow(current) {
    while (session === current) {
      try {
        const response = await fetch(`${base}/console/api/apps/${encodeURIComponent(current.appId)}/feed`, {
          headers: { Authorization: 'Bearer ' + current.secret, Accept: 'text/event-stream' },
          signal: current.abort.signal,
          cache: 'no-store',
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        status('live');
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffered = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffered += value;
          let end;
          while ((end = buffered.indexOf('\n\n')) >= 0) {
            const block = buffered.slice(0, end);
            buffered = buffered.slice(end + 2);
            const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
            if (data) {
              const entry = JSON.parse(data);
              log(entry);
              refreshSoon();
            }
          }
        }
      } catch (error) {
        if (session !== current) return;
      }
      if (session !== current) return;
      status('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }

  $('login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const appId = $('app-id').value.trim();
    const secret = $('secret').value;
    $('login-error').textContent = '';
    session = { appId, secret, abort: new AbortController() };
    try {
      render(await call(statePath()));
    } catch (error) {
      session = null;
      $('login-error').textContent = error.message;
      return;
    }
    $('secret').value = '';
    $('app-name').textContent = appId;
    $('login').hidden = true;
    $('dashboard').hidden = false;
    $('session').hidden = false;
    status('connecting');
    follow(session);
  });

  $('sign-out').addEventListener('click', () => {
    if (session) session.abort.abort();
    session = null;
    $('dashboard').hidden = true;
    $('session').hidden = true;
    $('login').hidden = false;
    $('log').replaceChildren();
  });

  $('clear-log').addEventListener('click', () => $('log').replaceChildren());

  $('publish-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = $('publish-result');
    const raw = $('publish-data').value;
    let data = raw;
    try { data = JSON.stringify(JSON.parse(raw)); } catch (ignored) { /* sent as text */ }
    const body = JSON.stringify({ name: $('publish-event').value.trim(), channel: $('publish-channel').value.trim(), data });
    result.className = 'result';
    result.textContent = 'publishing…';
    try {
      await call(`/apps/${encodeURIComponent(session.appId)}/events`, {
        method: 'POST', body, headers: { 'Content-Type': 'application/json' },
      });
      result.className = 'result ok';
      result.textContent = 'published';
    } catch (error) {
      result.className = 'result bad';
      result.textContent = error.message;
    }
  });
})();
