package io.zintrust.socket.channel;

import java.util.regex.Pattern;

/** A validated channel name and the type its prefix gives it. */
public record ChannelName(String value, ChannelType type, boolean cached) {

    public static final int MAX_LENGTH = 200;
    public static final String SERVER_TO_USER_PREFIX = "#server-to-user-";
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_\\-=@,.;]+");

    public static ChannelName parse(String value) {
        return parse(value, MAX_LENGTH);
    }

    /** Parses with an app's own length limit. */
    public static ChannelName parse(String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            throw new InvalidChannelException("Channel name is required");
        }
        if (value.length() > maxLength) {
            throw new InvalidChannelException("Channel name is longer than " + maxLength + " characters");
        }
        if (value.startsWith(SERVER_TO_USER_PREFIX)) {
            if (value.length() == SERVER_TO_USER_PREFIX.length()) {
                throw new InvalidChannelException("Channel name " + value + " names no user");
            }
            if (value.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
                throw new InvalidChannelException("Channel name " + value.strip() + " has spaces or control characters");
            }
            return new ChannelName(value, ChannelType.SERVER_TO_USER, false);
        }
        if (!ALLOWED.matcher(value).matches()) {
            throw new InvalidChannelException("Channel name " + value
                    + " has characters outside A-Z a-z 0-9 _ - = @ , . ;");
        }
        return new ChannelName(value, typeOf(value), isCached(value));
    }

    public static boolean isValid(String value) {
        try {
            parse(value);
            return true;
        } catch (InvalidChannelException e) {
            return false;
        }
    }

    private static ChannelType typeOf(String value) {
        if (value.startsWith("private-encrypted-")) {
            return ChannelType.ENCRYPTED;
        }
        if (value.startsWith("private-")) {
            return ChannelType.PRIVATE;
        }
        if (value.startsWith("presence-")) {
            return ChannelType.PRESENCE;
        }
        return ChannelType.PUBLIC;
    }

    private static boolean isCached(String value) {
        return value.startsWith("cache-") || value.startsWith("private-cache-")
                || value.startsWith("presence-cache-") || value.startsWith("private-encrypted-cache-");
    }

    public boolean isServerToUser() {
        return type == ChannelType.SERVER_TO_USER;
    }

    /** The user a {@code #server-to-user-} channel belongs to. */
    public String serverToUserId() {
        return value.substring(SERVER_TO_USER_PREFIX.length());
    }

    public boolean isPresence() {
        return type == ChannelType.PRESENCE;
    }
}
