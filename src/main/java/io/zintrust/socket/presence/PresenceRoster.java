package io.zintrust.socket.presence;

import io.zintrust.socket.protocol.Frames;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The members of one presence channel, deduplicated by user id: a user is present while at least one
 * of its sockets is subscribed. Not thread-safe: its channel guards it.
 */
public final class PresenceRoster {

    private final Map<String, Entry> members = new LinkedHashMap<>();

    private static final class Entry {
        String userInfoJson;
        int sockets;

        Entry(String userInfoJson) {
            this.userInfoJson = userInfoJson;
        }
    }

    /** Adds one socket of the member; true when it is the user's first, so others learn of it. */
    public boolean join(Member member) {
        Entry entry = members.get(member.userId());
        if (entry == null) {
            entry = new Entry(member.userInfoJson());
            members.put(member.userId(), entry);
        }
        entry.sockets++;
        return entry.sockets == 1;
    }

    /** Removes one socket of the user; true when it was the last, so others learn the user left. */
    public boolean leave(String userId) {
        Entry entry = members.get(userId);
        if (entry == null) {
            return false;
        }
        if (--entry.sockets <= 0) {
            members.remove(userId);
            return true;
        }
        return false;
    }

    public boolean contains(String userId) {
        return members.containsKey(userId);
    }

    public int userCount() {
        return members.size();
    }

    public List<String> userIds() {
        return new ArrayList<>(members.keySet());
    }

    /** User id to user_info JSON, in joining order. */
    public Map<String, String> asMap() {
        Map<String, String> copy = new LinkedHashMap<>();
        members.forEach((id, entry) -> copy.put(id, entry.userInfoJson));
        return copy;
    }

    /** {@code {"presence":{"ids":[..],"hash":{..},"count":n}}} for subscription_succeeded. */
    public String toJson() {
        return toJson(asMap());
    }

    /** The same for members known otherwise (a cluster-wide roster): user id to user_info JSON. */
    public static String toJson(Map<String, String> members) {
        StringBuilder ids = new StringBuilder("[");
        StringBuilder hash = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, String> member : members.entrySet()) {
            if (!first) {
                ids.append(',');
                hash.append(',');
            }
            first = false;
            Frames.appendQuoted(ids, member.getKey());
            Frames.appendQuoted(hash, member.getKey());
            hash.append(':').append(member.getValue());
        }
        return "{\"presence\":{\"ids\":" + ids.append(']') + ",\"hash\":" + hash.append('}')
                + ",\"count\":" + members.size() + "}}";
    }
}
