package io.zintrust.socket.plugins;

import io.zintrust.socket.support.Http;
import io.zintrust.socket.support.PayaraServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SOCKET_AUTH_POLICY=custom installed wrongly: no policy jar, a policy jar without the policy API jar
 * beside it, two authorizers.
 */
class CustomPolicyInstallationIT {

    private static final Map<String, String> CUSTOM = Map.of(
            "PUSHER_APP_ID", "a", "PUSHER_APP_KEY", "k", "PUSHER_APP_SECRET", "s", "SOCKET_AUTH_POLICY", "custom");

    @Test
    void without_a_policy_jar_the_server_runs_but_refuses_every_channel_naming_the_missing_authorizer() {
        try (PayaraServer payara = PayaraServer.withEnvironment(CUSTOM).named("custom-without-policy")
                .readyAt("/app/k").start()) {
            String warning = payara.awaitLog(l -> l.contains("SOCKET_AUTH_POLICY=custom but no"), Duration.ofSeconds(5));
            assertTrue(warning.contains("WARN"), warning);
            Http.Answer answer = Http.postJson(payara.server().http("/broadcasting/auth"),
                    "{\"socket_id\":\"1.2\",\"channel_name\":\"private-orders\"}");
            assertEquals(403, answer.status(), answer.body());
            assertTrue(answer.error().contains("no io.zintrust.socket.policy.ChannelAuthorizer is installed"),
                    answer.body());
        }
    }

    @Test
    void a_policy_jar_without_the_api_jar_beside_it_stops_the_deployment_saying_to_add_the_api_jar() {
        try (PayaraServer payara = PayaraServer.withEnvironment(CUSTOM).named("custom-without-api")
                .withLibraries(CustomPolicyIT.EXAMPLE_POLICY).notWaitingForReadiness().start()) {
            String line = payara.awaitLog(l -> l.contains("ZinTrust Socket cannot start"), Duration.ofSeconds(120));
            assertTrue(line.contains("io.zintrust.example.policy.ChannelAccess cannot be loaded")
                    && line.contains("give zintrust-socket-policy-api.jar to --addlibs beside it"), line);
            payara.awaitLog(l -> l.contains("ready in"), Duration.ofSeconds(60));
            assertNotEquals(426, Http.get(payara.server().http("/app/k")).status(), "nothing may be served");
        }
    }

    @Test
    void two_authorizers_stop_the_deployment_naming_both() {
        Path second = jarOf(SecondAuthorizer.class, "io.zintrust.socket.policy.ChannelAuthorizer");
        try (PayaraServer payara = PayaraServer.withEnvironment(CUSTOM).named("custom-two-authorizers")
                .withLibraries(CustomPolicyIT.POLICY_API, CustomPolicyIT.EXAMPLE_POLICY, second)
                .notWaitingForReadiness().start()) {
            String line = payara.awaitLog(l -> l.contains("ZinTrust Socket cannot start"), Duration.ofSeconds(120));
            assertTrue(line.contains("SOCKET_AUTH_POLICY=custom takes one io.zintrust.socket.policy.ChannelAuthorizer;"
                    + " found 2: io.zintrust.example.policy.ChannelAccess, " + SecondAuthorizer.class.getName()), line);
        }
    }

    /** A policy jar holding this one compiled test class, listed as an implementation of {@code api}. */
    private static Path jarOf(Class<?> type, String api) {
        String classFile = type.getName().replace('.', '/') + ".class";
        Path jar = Path.of(System.getProperty("project.build.directory", "target"), "it-policies",
                type.getSimpleName() + ".jar");
        try (InputStream bytes = type.getClassLoader().getResourceAsStream(classFile)) {
            Files.createDirectories(jar.getParent());
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
                out.putNextEntry(new JarEntry(classFile));
                bytes.transferTo(out);
                out.putNextEntry(new JarEntry("META-INF/services/" + api));
                out.write((type.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
