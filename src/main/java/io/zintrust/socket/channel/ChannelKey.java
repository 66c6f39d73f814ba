package io.zintrust.socket.channel;

/** Channels are per app: the same name in two apps is two channels. */
record ChannelKey(String appId, String name) {
}
