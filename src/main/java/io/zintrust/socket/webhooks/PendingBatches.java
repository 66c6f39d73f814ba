package io.zintrust.socket.webhooks;

/**
 * Where batches waiting for delivery are kept so that they outlive this instance (the data grid in a
 * cluster). Delivery keeps each batch before its first attempt, asks before each retry whether it is
 * still this instance's to send, and forgets it once delivered or given up.
 */
public interface PendingBatches {

    /** Whether batches are kept beyond this instance at all; false when running alone. */
    boolean durable();

    /** Where batches are kept, for the startup log. */
    default String describe() {
        return "in this instance's memory";
    }

    /** Keeps the batch, owned by this instance; returns once it is safe from this instance's loss. */
    void keep(Batch batch);

    /** Whether this instance still owns the batch (another one takes over the batches of an instance it thinks dead). */
    boolean stillOurs(Batch batch);

    /** The batch was delivered or given up. */
    void forget(Batch batch);

    /** No durable keeping: what running alone uses. */
    PendingBatches IN_MEMORY = new PendingBatches() {
        @Override
        public boolean durable() {
            return false;
        }

        @Override
        public void keep(Batch batch) {
        }

        @Override
        public boolean stillOurs(Batch batch) {
            return true;
        }

        @Override
        public void forget(Batch batch) {
        }
    };
}
