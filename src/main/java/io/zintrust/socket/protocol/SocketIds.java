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

    public static boolean isValid(String socketId) {
        return socketId != null && socketId.length() <= 40 && FORMAT.matcher(socketId).matches();
    }
}
