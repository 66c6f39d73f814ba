package io.zintrust.socket.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** server-config's recipe, as the tests, Arquillian and the benchmark read it. */
class PayaraLaunchTest {

    private static final Path SERVER_CONFIG = Path.of("server-config");
    private static final Path JAR = Path.of("target", "payara-micro.jar");
    private static final Path WAR = Path.of("target", "zintrust-socket.war");

    private static List<String> command(PayaraLaunch recipe, List<String> startArguments) {
        return recipe.command(JAR, WAR, 7790, Path.of("target"), startArguments);
    }

    private static String valueOf(List<String> command, String flag) {
        int at = command.indexOf(flag);
        assertTrue(at >= 0 && at + 1 < command.size(), flag + " in " + command);
        return command.get(at + 1);
    }

    @Test
    void a_start_never_phones_home_and_runs_no_data_grid_unless_it_clusters() {
        List<String> command = command(PayaraLaunch.from(SERVER_CONFIG), List.of());
        assertTrue(command.contains("--disablephonehome"), command.toString());
        assertTrue(command.contains("--nohazelcast"), command.toString());
        assertFalse(command.stream().anyMatch(argument -> argument.startsWith("--clustermode")), command.toString());
    }

    @Test
    void a_clustered_start_leaves_out_nohazelcast_and_clusters_over_tcp_on_loopback_only() {
        List<String> command = command(PayaraLaunch.from(SERVER_CONFIG), PayaraLaunch.loopbackCluster("c"));
        assertFalse(command.contains("--nohazelcast"), command.toString());
        assertTrue(command.contains("--disablephonehome"), command.toString());
        assertEquals("tcpip:127.0.0.1", valueOf(command, "--clustermode"));
        assertEquals("127.0.0.1", valueOf(command, "--interfaces"));
        assertEquals("c", valueOf(command, "--clustername"));
    }

    @Test
    void the_boot_command_files_and_logging_settings_are_server_configs_own_files() {
        List<String> command = command(PayaraLaunch.from(SERVER_CONFIG), List.of());
        for (String flag : List.of("--prebootcommandfile", "--postbootcommandfile", "--logproperties")) {
            Path file = Path.of(valueOf(command, flag));
            assertTrue(file.isAbsolute() && Files.isRegularFile(file), flag + " " + file);
            assertEquals(SERVER_CONFIG.toAbsolutePath(), file.getParent());
        }
        assertEquals("/", valueOf(command, "--contextroot"));
    }

    @Test
    void the_jvm_options_come_first_and_the_starts_own_arguments_last() {
        List<String> command = command(PayaraLaunch.from(SERVER_CONFIG), List.of("--sslport", "7791"));
        assertTrue(command.get(0).endsWith(Path.of("bin", "java").toString()), command.get(0));
        int jar = command.indexOf("-jar");
        assertTrue(command.subList(1, jar).containsAll(List.of("-Xmx1g", "-XX:+UseG1GC")), command.toString());
        assertEquals(JAR.toAbsolutePath().toString(), command.get(jar + 1));
        assertEquals(WAR.toAbsolutePath().toString(), valueOf(command, "--deploy"));
        assertEquals("7790", valueOf(command, "--port"));
        assertEquals(List.of("--sslport", "7791"), command.subList(command.size() - 2, command.size()));
    }

    @Test
    void test_servers_take_the_test_heap_instead_of_the_one_of_jvm_options() {
        List<String> jvm = PayaraLaunch.from(SERVER_CONFIG).withHeap(PayaraLaunch.TEST_HEAP).jvmOptions();
        assertEquals(1, Collections.frequency(jvm, "-Xmx512m"), jvm.toString());
        assertFalse(jvm.contains("-Xmx1g"), jvm.toString());
        assertTrue(jvm.contains("-XX:+UseG1GC"), jvm.toString());
    }

    @Test
    void libraries_go_to_one_addlibs_as_absolute_paths_joined_by_the_path_separator(@TempDir Path dir) throws Exception {
        Path api = Files.createFile(dir.resolve("api.jar"));
        Path policy = Files.createFile(dir.resolve("policy.jar"));
        List<String> arguments = PayaraLaunch.libraries(List.of(api, policy));
        assertEquals(List.of("--addlibs", api.toAbsolutePath() + java.io.File.pathSeparator + policy.toAbsolutePath()),
                arguments);
    }

    @Test
    void a_library_that_is_not_there_is_refused_before_payara_would_only_log_it(@TempDir Path dir) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> PayaraLaunch.libraries(List.of(dir.resolve("missing.jar"))));
        assertTrue(refused.getMessage().contains("missing.jar"), refused.getMessage());
    }

    @Test
    void on_jdk_25_the_recipe_adds_compact_object_headers_and_on_java_17_it_does_not() {
        PayaraLaunch.Runtime jdk25 = new PayaraLaunch.Runtime("/opt/jdk-25/bin/java", 25);
        List<String> on25 = command(PayaraLaunch.from(SERVER_CONFIG, jdk25), List.of());
        assertEquals("/opt/jdk-25/bin/java", on25.get(0));
        assertTrue(on25.subList(1, on25.indexOf("-jar")).contains("-XX:+UseCompactObjectHeaders"), on25.toString());
        List<String> on17 = command(PayaraLaunch.from(SERVER_CONFIG, new PayaraLaunch.Runtime("java", 17)), List.of());
        assertFalse(on17.contains("-XX:+UseCompactObjectHeaders"), on17.toString());
    }

    @Test
    void the_runtime_lookup_names_a_java_and_its_version_and_socket_java_home_overrides_it() throws Exception {
        PayaraLaunch.Runtime picked = PayaraLaunch.runtime(SERVER_CONFIG);
        assertTrue(Files.isExecutable(Path.of(picked.java())), picked.toString());
        assertTrue(picked.feature() >= 17, picked.toString());
        String thisJdk = System.getProperty("java.home");
        ProcessBuilder chosen = new ProcessBuilder("bash", SERVER_CONFIG.resolve("java-runtime.sh").toString())
                .redirectErrorStream(true);
        chosen.environment().put("SOCKET_JAVA_HOME", thisJdk);
        Process overridden = chosen.start();
        String answer = new String(overridden.getInputStream().readAllBytes()).trim();
        assertEquals(0, overridden.waitFor());
        assertEquals(thisJdk + "/bin/java " + java.lang.Runtime.version().feature(), answer);
    }
}
