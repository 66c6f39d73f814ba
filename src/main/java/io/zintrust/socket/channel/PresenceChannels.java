package io.zintrust.socket.channel;

import io.zintrust.socket.activity.Activities;
import io.zintrust.socket.activity.Activity;
import io.zintrust.socket.apps.App;
import io.zintrust.socket.connections.ClientSocket;
import io.zintrust.socket.presence.Member;
import io.zintrust.socket.presence.PresenceLedger;
import io.zintrust.socket.presence.PresenceRoster;
import io.zintrust.socket.protocol.Frames;
import io.zintrust.socket.protocol.OutboundFrame;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Presence channels: who is present, and when a member event is due. Under the channel's monitor only
 * this instance's roster changes; whether a user's first or last socket here is the first or last
 * anywhere is asked of the {@link PresenceLedger} (a data grid in a cluster) afterwards, with no lock
 * held, in the order the changes happened per channel. The frames that depend on the answer
 * ({@code subscription_succeeded} with the roster, {@code member_added}, {@code member_removed}) leave
 * then, to the subscribers there were at the time of the change.
 */
@ApplicationScoped
public class PresenceChannels {

    @Inject
    PresenceLedger ledger;
    @Inject
    Channels channels;
    @Inject
    Activities activities;
    @Inject
    FollowUps followUps;

    /** The channel's members on every instance before any lock is taken, or null when running alone. */
    Map<String, String> everywhere(App app, String channel) {
        return ledger.members(app.id(), channel).orElse(null);
    }

    /** Under the monitor: whether the member would be one too many ({@code everywhere} as read before). */
    static boolean full(Channel channel, Member member, Map<String, String> everywhere) {
        if (channel.roster.contains(member.userId())
                || everywhere != null && everywhere.containsKey(member.userId())) {
            return false;
        }
        int members = everywhere == null ? 0 : everywhere.size();
        for (String here : channel.roster.userIds()) {
            if (everywhere == null || !everywhere.containsKey(here)) {
                members++;
            }
        }
        return members >= channel.app.limits().maxPresenceMembers();
    }

    /**
     * Under the monitor, after the socket subscribed ({@code added}) or subscribed again: queues the
     * answer, and {@code member_added} for the others when this is the user's first socket here.
     * {@code afterAnswer} queues what follows {@code subscription_succeeded} (a cache channel's event).
     */
    void joined(Channel channel, ClientSocket socket, Member member, boolean added, Runnable afterAnswer) {
        String name = channel.name.value();
        boolean firstHere = false;
        List<ClientSocket> others = List.of();
        if (added) {
            socket.presenceIds().put(name, member.userId());
            firstHere = channel.roster.join(member);
            if (firstHere) {
                others = channel.othersThan(socket);
            }
        }
        Map<String, String> rosterHere = channel.roster.asMap();
        boolean first = firstHere;
        List<ClientSocket> told = others;
        followUps.enqueue(channel, () -> {
            if (first && ledger.joined(channel.app.id(), name, member)) {
                tell(told, Frames.memberAdded(name, member.userId(), member.userInfoJson()));
                activities.emit(new Activity.MemberAdded(channel.app, name, member.userId(), member.userInfoJson()));
            }
            Map<String, String> roster = ledger.members(channel.app.id(), name).orElse(rosterHere);
            socket.enqueue(Frames.subscriptionSucceeded(name, PresenceRoster.toJson(roster)));
            afterAnswer.run();
            socket.flush();
        });
    }

    /** Under the monitor, after the socket left: queues {@code member_removed} when it was the user's last here. */
    void left(Channel channel, ClientSocket socket) {
        String name = channel.name.value();
        String userId = socket.presenceIds().remove(name);
        if (userId == null || !channel.roster.leave(userId)) {
            return;
        }
        List<ClientSocket> others = channel.othersThan(socket);
        followUps.enqueue(channel, () -> {
            if (ledger.left(channel.app.id(), name, userId)) {
                tell(others, Frames.memberRemoved(name, userId));
                activities.emit(new Activity.MemberRemoved(channel.app, name, userId));
            }
        });
    }

    /** A user who was only on an instance that died: this instance's subscribers hear it left, and so do the others. */
    public void removedWithDeadInstance(App app, String channel, String userId) {
        Channel found = channels.find(app, channel);
        if (found != null) {
            tell(found.othersThan(null), Frames.memberRemoved(channel, userId));
        }
        activities.emit(new Activity.MemberRemoved(app, channel, userId));
    }

    /** The user ids present in a presence channel, on every instance. */
    public List<String> presentUsers(App app, String name) {
        Optional<Map<String, String>> everywhere = ledger.members(app.id(), name);
        if (everywhere.isPresent()) {
            return new ArrayList<>(everywhere.get().keySet());
        }
        Channel channel = channels.find(app, name);
        if (channel == null || channel.roster == null) {
            return List.of();
        }
        synchronized (channel) {
            return channel.roster.userIds();
        }
    }

    private static void tell(List<ClientSocket> recipients, String text) {
        OutboundFrame frame = OutboundFrame.of(text);
        for (ClientSocket recipient : recipients) {
            recipient.enqueue(frame);
        }
        recipients.forEach(ClientSocket::flush);
    }
}
