package io.zintrust.socket.support;

import java.net.URI;
import java.net.URL;

/** Test traffic goes to 127.0.0.1 only: Arquillian's URL names the machine's outward address. */
public record Loopback(int port) {

    public static Loopback of(URL deployment) {
        return new Loopback(deployment.getPort());
    }

    public URI http(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public URI ws(String path) {
        return URI.create("ws://127.0.0.1:" + port + path);
    }

    public String hostAndPort() {
        return "127.0.0.1:" + port;
    }
}
