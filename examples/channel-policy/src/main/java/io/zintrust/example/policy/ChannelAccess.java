package io.zintrust.example.policy;

import io.zintrust.socket.policy.ChannelAuthorizer;
import io.zintrust.socket.policy.ChannelRequest;
import io.zintrust.socket.policy.ChannelVerdict;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may join which channel: {@code private-} (so {@code private-encrypted-} too) and {@code presence-}
 * channels, and signing in as a user, need an authenticated caller; {@code public-} channels are open;
 * any other channel is refused. The user a presence member or signed-in socket becomes is the caller's
 * (the {@code sub} of a verified token).
 */
@ApplicationScoped
public class ChannelAccess implements ChannelAuthorizer {

    @Override
    public ChannelVerdict authorize(ChannelRequest request) {
        boolean user = request.caller().authenticated();
        if (request.signIn()) {
            return user ? ChannelVerdict.allow() : ChannelVerdict.refuse("Sign-in requires an authenticated user.");
        }
        String channel = request.channelName();
        if (channel.startsWith("private-") || channel.startsWith("presence-")) {
            return user ? ChannelVerdict.allow()
                    : ChannelVerdict.refuse("Channel " + channel + " requires an authenticated user.");
        }
        if (channel.startsWith("public-")) {
            return ChannelVerdict.allow();
        }
        return ChannelVerdict.refuse("Channel " + channel + " is not open: only public-, private- and presence-"
                + " channels are.");
    }
}
