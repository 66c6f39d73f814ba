package io.zintrust.socket.container.payara;

import java.lang.reflect.Field;

/**
 * Opens a container class's private field, declared by the class or one of its superclasses: the
 * direct write path and the session timers reach into Payara's Tyrus and Grizzly objects this way.
 */
final class PrivateField {

    private PrivateField() {
    }

    static Field of(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }
}
