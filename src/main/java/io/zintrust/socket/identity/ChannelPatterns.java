package io.zintrust.socket.identity;

import java.util.List;

/**
 * Channel-name patterns from a token claim, such as {@code private-orders.*} or
 * {@code presence-room-42}: {@code *} stands for any run of characters (none included), everything
 * else for itself.
 */
public record ChannelPatterns(List<String> patterns) {

    public ChannelPatterns {
        patterns = List.copyOf(patterns);
    }

    public boolean matches(String channel) {
        for (String pattern : patterns) {
            if (matches(pattern, channel)) {
                return true;
            }
        }
        return false;
    }

    /** Glob match with {@code *} only, by backtracking to the last star: linear for the patterns tokens carry. */
    static boolean matches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) != '*' && pattern.charAt(p) == text.charAt(t)) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
