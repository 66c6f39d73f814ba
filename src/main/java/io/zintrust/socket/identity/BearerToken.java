package io.zintrust.socket.identity;

/**
 * The JWT in an {@code Authorization: Bearer} header. A JWT has exactly two dots; an app secret sent
 * the same way (the publish API accepts {@code Bearer <secret>}) has none, which tells the two apart.
 */
public final class BearerToken {

    private BearerToken() {
    }

    /** The header's bearer value, or null when the header is absent or of another scheme. */
    public static String value(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).trim();
    }

    public static boolean looksLikeJwt(String bearer) {
        if (bearer == null) {
            return false;
        }
        int first = bearer.indexOf('.');
        int last = bearer.lastIndexOf('.');
        return first > 0 && last > first && bearer.indexOf('.', first + 1) == last;
    }

    /** The JWT of this header, or null when it carries none. */
    public static String jwt(String authorization) {
        String bearer = value(authorization);
        return looksLikeJwt(bearer) ? bearer : null;
    }
}
