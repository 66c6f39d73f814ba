package io.zintrust.socket.signature;

import io.zintrust.socket.apps.App;

/**
 * The {@code auth} tokens of Pusher's channel authorization
 * (https://pusher.com/docs/channels/library_auth_reference/auth-signatures/): {@code key:hex} over {@code socket_id:channel[:channel_data]}
 * for subscriptions and {@code socket_id::user::user_data} for sign-in. Always computed over the exact
 * strings the client sent.
 */
public final class ChannelSignature {

    private ChannelSignature() {
    }

    public static String subscriptionPayload(String socketId, String channel, String channelData) {
        return channelData == null ? socketId + ":" + channel : socketId + ":" + channel + ":" + channelData;
    }

    public static String signinPayload(String socketId, String userData) {
        return socketId + "::user::" + userData;
    }

    /** The token an auth endpoint hands back to the client. */
    public static String token(App app, String payload) {
        return app.key() + ":" + Hmac.sha256Hex(app.secret(), payload);
    }

    /** True when {@code auth} is this app's key followed by the right signature of {@code payload}. */
    public static boolean verify(App app, String auth, String payload) {
        if (auth == null) {
            return false;
        }
        int colon = auth.indexOf(':');
        if (colon < 0) {
            return false;
        }
        boolean keyMatches = Hmac.sameText(app.key(), auth.substring(0, colon));
        boolean signatureMatches = Hmac.sameText(Hmac.sha256Hex(app.secret(), payload), auth.substring(colon + 1));
        return keyMatches & signatureMatches;
    }
}
