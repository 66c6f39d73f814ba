package io.zintrust.socket.auth;

import io.zintrust.socket.presence.Member;
import io.zintrust.socket.users.SignedInUser;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UserIdentityTest {

    @Test
    void presence_channel_data_carries_the_user_id_and_info_the_policy_named() {
        UserIdentity ada = new UserIdentity("42", Json.createObjectBuilder().add("name", "Ada \"A\"").build());
        assertEquals("{\"user_id\":\"42\",\"user_info\":{\"name\":\"Ada \\\"A\\\"\"}}", ada.channelData());
        assertEquals("42", Member.fromChannelData(ada.channelData()).userId());
    }

    @Test
    void sign_in_user_data_has_the_id_pusher_requires_and_no_info_when_there_is_none() {
        UserIdentity bare = new UserIdentity("7", null);
        assertEquals("{\"id\":\"7\"}", bare.userData());
        assertEquals("7", SignedInUser.parse(bare.userData()).orElseThrow().id());
        assertEquals("{\"user_id\":\"7\"}", bare.channelData());
    }
}
