package io.zintrust.socket.auth;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.channel.ChannelName;
import jakarta.servlet.http.HttpServletRequest;

/** A validated request to sign a subscription, with the HTTP request for policies that look at the caller. */
public record ChannelAuthRequest(App app, String socketId, ChannelName channel, String channelData,
                                 HttpServletRequest http) {
}
