package io.zintrust.socket.channel;

import io.zintrust.socket.activity.Sequencer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The follow-up work of channel changes (ledger calls and what depends on their answers), queued under
 * the channel's monitor and run after it in the order the changes happened on this instance. Presence
 * and occupancy share it, so this instance's occupy of a channel reaches the ledger before its member
 * join (and its member leave before its vacate), and an occupy, vacate, occupy never reaches the data
 * grid out of order. Across instances the ledgers decide, so there the order is that of their answers.
 */
@ApplicationScoped
public class FollowUps {

    private final Sequencer sequencer = new Sequencer(64);

    /** Under the channel's monitor. */
    void enqueue(Channel channel, Runnable task) {
        sequencer.enqueue(channel.key, task);
    }

    /** With no lock held. */
    void settle(Channel channel) {
        sequencer.drain(channel.key);
    }

    /** True when every follow-up queued so far has run (its data-grid calls are done). */
    public boolean settled() {
        return sequencer.idle();
    }
}
