package io.zintrust.socket.connection;

import com.pusher.rest.Pusher;
import io.zintrust.socket.support.PayaraServer;
import io.zintrust.socket.support.PusherSocket;
import io.zintrust.socket.support.TestApp;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A TLS listener (Payara Micro's --sslport) beside the plain one: sockets over TLS keep the servlet
 * output stream, whose filter chain encrypts, while plain sockets on the same server take Grizzly's
 * write queue directly. Many frames each way prove neither stream is corrupted.
 */
class SecureListenerIT {

    private static final String KEY = "secure-key";
    private static final String SECRET = "secure-secret";

    @RegisterExtension
    static final PayaraServer payara = PayaraServer.withEnvironment(Map.of(
            "PUSHER_APP_ID", "secure-app",
            "PUSHER_APP_KEY", KEY,
            "PUSHER_APP_SECRET", SECRET)).withTls().readyAt("/app/" + KEY);

    /** A client trusting Payara Micro's self-signed certificate (test only). */
    private static ClientManager trustingClient() throws Exception {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, null);
        SslEngineConfigurator ssl = new SslEngineConfigurator(context, true, false, false);
        ssl.setHostVerificationEnabled(false);
        ClientManager client = ClientManager.createClient();
        client.getProperties().put(ClientProperties.SSL_ENGINE_CONFIGURATOR, ssl);
        return client;
    }

    @Test
    void sockets_over_tls_and_plain_sockets_on_one_server_both_receive_every_event_intact() throws Exception {
        URI secure = URI.create("wss://127.0.0.1:" + payara.tlsPort() + "/app/" + KEY + "?protocol=7");
        try (PusherSocket overTls = PusherSocket.connect(secure, trustingClient());
             PusherSocket plain = PusherSocket.connect(payara.server().ws("/app/" + KEY + "?protocol=7"))) {
            overTls.subscribe("mixed");
            overTls.subscribed("mixed");
            plain.subscribe("mixed");
            plain.subscribed("mixed");
            Pusher sdk = TestApp.pusher(payara.server(), "secure-app", KEY, SECRET);
            String big = "x".repeat(9_000); // under the 10 KB event limit, over one 8 KB output buffer
            for (int i = 0; i < 40; i++) {
                sdk.trigger("mixed", "tick", Map.of("n", i, "pad", i % 10 == 0 ? big : "small"));
            }
            for (PusherSocket socket : new PusherSocket[] {overTls, plain}) {
                socket.await(f -> "tick".equals(f.getString("event", ""))
                        && PusherSocket.parse(f.getString("data")).getInt("n") == 39, "the 40th tick", Duration.ofSeconds(20));
                assertEquals(40, socket.rawFrames().stream()
                        .filter(text -> "tick".equals(PusherSocket.parse(text).getString("event", ""))).count());
                // its first frame released the handshake's remains: the socket still reads too
                socket.send("{\"event\":\"pusher:ping\",\"data\":{}}");
                socket.await("pusher:pong");
            }
        }
        String log = payara.log();
        assertTrue(log.contains("servlet output stream on this listener") && log.contains("SSL"),
                "the TLS listener keeps the servlet path");
        assertTrue(log.contains("written to Grizzly's write queue on this listener"), "the plain listener writes raw");
    }
}
