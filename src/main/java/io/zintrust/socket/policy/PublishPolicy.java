package io.zintrust.socket.policy;

/**
 * Reviews every event published through the HTTP API before fan-out and the cluster relay. Runs on the
 * request thread for each event of a batch: keep it quick.
 */
@FunctionalInterface
public interface PublishPolicy {

    PublishVerdict review(PublishRequest request);
}
