package io.zintrust.socket.plugins;

import java.util.ArrayList;
import java.util.List;

/**
 * The class names of one {@code META-INF/services} file, read by {@link java.util.ServiceLoader}'s rules
 * (one binary class name a line, {@code #} to the end of the line is a comment, blanks around are
 * ignored), but without loading anything: the names only say which classes to make beans.
 */
final class ServiceFile {

    private ServiceFile() {
    }

    /** The names in order, each once; a line that is not a class name is an error naming its line. */
    static List<String> classNames(String text) throws InvalidServiceFile {
        List<String> names = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int comment = line.indexOf('#');
            String name = (comment < 0 ? line : line.substring(0, comment)).strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!isBinaryName(name)) {
                throw new InvalidServiceFile("line " + (i + 1) + " is not a class name: '" + name + "'");
            }
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static boolean isBinaryName(String name) {
        for (String part : name.split("\\.", -1)) {
            if (part.isEmpty() || !Character.isJavaIdentifierStart(part.codePointAt(0))) {
                return false;
            }
            if (!part.codePoints().skip(1).allMatch(Character::isJavaIdentifierPart)) {
                return false;
            }
        }
        return true;
    }

    /** A services file that {@link java.util.ServiceLoader} would refuse too. */
    static final class InvalidServiceFile extends Exception {

        InvalidServiceFile(String message) {
            super(message);
        }
    }
}
