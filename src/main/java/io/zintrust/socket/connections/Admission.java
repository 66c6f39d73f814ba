package io.zintrust.socket.connections;

/** What became of a new socket. */
public enum Admission { ADMITTED, ID_TAKEN, APP_FULL, SERVER_FULL }
