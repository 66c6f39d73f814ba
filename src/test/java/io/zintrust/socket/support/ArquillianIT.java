package io.zintrust.socket.support;

import com.pusher.rest.Pusher;
import com.pusher.rest.data.PresenceUser;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Base of the black-box suites: the built WAR on an Arquillian-managed Payara Micro, reached over
 * 127.0.0.1 only, with sockets closed after each test. The container starts it by server-config's
 * recipe: {@link RecipeProperties} hands it to arquillian.xml before Arquillian reads that file.
 */
@ExtendWith({ArquillianIT.RecipeProperties.class, ArquillianExtension.class})
public abstract class ArquillianIT {

    /**
     * Sets the system properties arquillian.xml starts Payara Micro with: {@code zintrust.payara.jvmOptions}
     * (jvm.options with the test heap, and the temporary directory, for the test JVM's runtime, which
     * the Arquillian container starts Payara Micro with) and {@code zintrust.payara.microOptions}
     * (payara-micro.args, --nohazelcast included; the container adds --nocluster itself: clusterEnabled=false).
     */
    public static final class RecipeProperties implements BeforeAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            PayaraLaunch recipe = PayaraLaunch.forTestsOnThisJvm();
            List<String> jvm = new ArrayList<>(recipe.jvmOptions());
            jvm.add("-Djava.io.tmpdir=" + Path.of(System.getProperty("project.build.directory", "target")).toAbsolutePath());
            List<String> micro = recipe.microOptions(List.of());
            System.setProperty("zintrust.payara.jvmOptions", String.join(" ", jvm));
            System.setProperty("zintrust.payara.microOptions", String.join(" ", micro));
        }
    }

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL deployment;
    protected Loopback server;
    protected Pusher pusher;
    private final List<PusherSocket> sockets = new ArrayList<>();

    @BeforeEach
    void onLoopback() {
        server = Loopback.of(deployment);
        pusher = TestApp.pusher(server);
    }

    @AfterEach
    void closeSockets() {
        sockets.forEach(PusherSocket::close);
        sockets.clear();
    }

    /** A socket of the test app that has received connection_established; closed after the test. */
    protected PusherSocket connect() {
        PusherSocket socket = PusherSocket.connect(server.ws("/app/" + TestApp.KEY + "?protocol=7&client=java"));
        sockets.add(socket);
        return socket;
    }

    /** A connected socket subscribed to a public channel. */
    protected PusherSocket subscribedTo(String channel) {
        PusherSocket socket = connect();
        socket.subscribe(channel);
        socket.subscribed(channel);
        return socket;
    }

    /** A connected socket subscribed to a private or encrypted channel with a signature from the official SDK. */
    protected PusherSocket privatelySubscribedTo(String channel) {
        PusherSocket socket = connect();
        socket.subscribeWith(channel, pusher.authenticate(socket.socketId(), channel));
        socket.subscribed(channel);
        return socket;
    }

    /** A connected socket that joined a presence channel as {@code user}; returns after subscription_succeeded. */
    protected PusherSocket joined(String channel, PresenceUser user) {
        PusherSocket socket = connect();
        socket.subscribeWith(channel, pusher.authenticate(socket.socketId(), channel, user));
        socket.subscribed(channel);
        return socket;
    }

    /** Publishes with the official SDK (signed request) and asserts success. */
    protected void trigger(String channel, String event, Object data) {
        var result = pusher.trigger(channel, event, data);
        if (result.getHttpStatus() != 200) {
            throw new AssertionError("trigger failed: " + result.getHttpStatus() + " " + result.getMessage());
        }
    }
}
