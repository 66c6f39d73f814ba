package io.zintrust.socket.identity;

/** A bearer token that does not prove who the caller is; the message says why, for the 401 body. */
public final class TokenRejected extends Exception {

    public TokenRejected(String reason) {
        super(reason, null, false, false);
    }
}
