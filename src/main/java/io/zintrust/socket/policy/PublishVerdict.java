package io.zintrust.socket.policy;

/**
 * A {@link PublishPolicy}'s answer.
 *
 * @param allowed whether the event is published
 * @param message why it was refused; the caller reads it in the 403 body
 * @param publish what to publish instead of the request (a rewrite), or null for the request as sent
 */
public record PublishVerdict(boolean allowed, String message, PublishRequest publish) {

    public static PublishVerdict allow() {
        return new PublishVerdict(true, null, null);
    }

    /** Publish this instead, e.g. {@code request.withData(...)}; the app and caller stay the request's. */
    public static PublishVerdict rewrite(PublishRequest publish) {
        return new PublishVerdict(true, null, publish);
    }

    public static PublishVerdict refuse(String message) {
        return new PublishVerdict(false, message, null);
    }
}
