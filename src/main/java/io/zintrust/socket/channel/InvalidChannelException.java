package io.zintrust.socket.channel;

/**
 * A channel name that breaks Pusher's naming rules: at most 200 characters of {@code A-Z a-z 0-9 _ - = @ , . ;}
 * (https://pusher.com/docs/channels/using_channels/channels/#channel-naming-conventions).
 */
public class InvalidChannelException extends RuntimeException {

    public InvalidChannelException(String message) {
        super(message, null, false, false);
    }
}
