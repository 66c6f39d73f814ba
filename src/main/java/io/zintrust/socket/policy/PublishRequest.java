package io.zintrust.socket.policy;

import java.util.List;

/**
 * One event about to be published through the HTTP API ({@code /events}, or one item of
 * {@code /batch_events}), after the request was authenticated.
 *
 * @param appId    the app publishing
 * @param event    the event name
 * @param channels the target channels
 * @param data     the data exactly as subscribers will receive it
 * @param socketId the socket left out of the fan-out, or null
 * @param caller   the HTTP caller; its principal is the user of a {@code Bearer} JWT, if any
 */
public record PublishRequest(String appId, String event, List<String> channels, String data, String socketId,
                             Caller caller) {

    public PublishRequest {
        channels = List.copyOf(channels);
    }

    public PublishRequest withEvent(String newEvent) {
        return new PublishRequest(appId, newEvent, channels, data, socketId, caller);
    }

    public PublishRequest withChannels(List<String> newChannels) {
        return new PublishRequest(appId, event, newChannels, data, socketId, caller);
    }

    public PublishRequest withData(String newData) {
        return new PublishRequest(appId, event, channels, newData, socketId, caller);
    }

    /** null delivers to every subscriber. */
    public PublishRequest withSocketId(String newSocketId) {
        return new PublishRequest(appId, event, channels, data, newSocketId, caller);
    }
}
