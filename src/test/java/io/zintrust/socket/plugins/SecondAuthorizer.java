package io.zintrust.socket.plugins;

import io.zintrust.socket.policy.ChannelAuthorizer;
import io.zintrust.socket.policy.ChannelRequest;
import io.zintrust.socket.policy.ChannelVerdict;

/** A second authorizer, packed into a jar of its own by {@link CustomPolicyInstallationIT}: two are one too many. */
public class SecondAuthorizer implements ChannelAuthorizer {

    @Override
    public ChannelVerdict authorize(ChannelRequest request) {
        return ChannelVerdict.allow();
    }
}
