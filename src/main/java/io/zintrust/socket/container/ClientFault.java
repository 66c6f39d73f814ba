package io.zintrust.socket.container;

/** What a websocket error the container reported says the client did wrong. */
public enum ClientFault {
    /** a message over the socket's text buffer, sent in fragments */
    MESSAGE_TOO_BIG,
    /** a frame the container could not decode: a protocol violation, or a message it cannot decode */
    UNDECODABLE
}
