package io.zintrust.socket.apps;

/** A setting has a value the server cannot run with; the message names the variable and what it accepts. */
public class InvalidConfigurationException extends RuntimeException {

    public InvalidConfigurationException(String message) {
        super(message);
    }
}
