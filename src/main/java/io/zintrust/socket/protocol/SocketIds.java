package io.zintrust.socket.protocol;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Socket ids: two random unsigned 32-bit numbers, {@code \d+\.\d+}, unguessable and free of ':'. */
public final class SocketIds {

    private static final Pattern FORMAT = Pattern.compile("\\d+\\.\\d+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private SocketIds() {
    }

    public static String next() {
        return Integer.toUnsignedString(RANDOM.nextInt()) + "." + Integer.toUnsignedString(RANDOM.nextInt());
    }

    /** What a caller is told when a socket id it sent is not of this form. */
    public static final String INVALID = "Invalid socket_id: expected digits.digits, e.g. 1234.5678";

    public static boolean isValid(String socketId) {
        return socketId != null && socketId.length() <= 40 && FORMAT.matcher(socketId).matches();
    }
}
