package io.zintrust.socket.plugins;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Optional;

/**
 * Whether a class an app listed can be a policy bean of this server, and if not, what to change. The
 * usual mistakes are about class loaders: a jar given with {@code --addlibs} sees the server's libraries
 * only (so the policy API jar must be given too), and a second copy of the API inside the policy jar
 * makes an interface of the same name that the server's is not.
 */
final class PolicyClasses {

    static final String API_JAR = "zintrust-socket-policy-api.jar";

    private PolicyClasses() {
    }

    /** The problem with {@code type} as an implementation of {@code api}, or empty when there is none. */
    static Optional<String> problem(Class<?> api, Class<?> type) {
        if (!api.isAssignableFrom(type)) {
            boolean otherCopy = Arrays.stream(type.getInterfaces()).anyMatch(i -> i.getName().equals(api.getName()));
            return Optional.of(otherCopy
                    ? type.getName() + " implements another copy of " + api.getName() + " than the server's: keep the"
                    + " policy API out of the policy jar and give " + API_JAR + " to --addlibs once"
                    : type.getName() + " does not implement " + api.getName());
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return Optional.of(type.getName() + " is not a concrete class");
        }
        // the bean's proxy is defined in the application's class loader, outside the jar's package
        if (!Modifier.isPublic(type.getModifiers())) {
            return Optional.of(type.getName() + " must be public");
        }
        return Optional.empty();
    }

    /** Why a listed class could not be loaded, and the usual remedy. */
    static String unloadable(String className, Throwable error) {
        if (error instanceof ClassNotFoundException) {
            return className + " is not on the class path";
        }
        return className + " cannot be loaded (" + error + "): a jar given with --addlibs sees the server's"
                + " libraries, not the WAR, so give " + API_JAR + " to --addlibs beside it";
    }
}
