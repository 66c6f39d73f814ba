package io.zintrust.socket.bench;

import com.sun.net.httpserver.HttpServer;
import io.zintrust.socket.testing.TestTokens;
import jakarta.json.Json;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * What each auth policy costs per {@code POST /broadcasting/auth}: one request at a time over a kept-alive
 * connection, as a browser's auth calls arrive, against a server per policy. For {@code url} the app is a
 * local HTTP server that answers at once, so the figure is the policy's own overhead (the second HTTP
 * exchange), not an app's think time. Run with {@code -Dbench.auth=true}.
 */
final class AuthBenchmark {

    private final Path project;
    private final HttpClient http;

    AuthBenchmark(Path project, HttpClient http) {
        this.project = project;
        this.http = http;
    }

    void run(int requests) throws Exception {
        // the JDK server writes a response's head and body apart; without TCP_NODELAY each answer would wait
        // out the client's delayed ACK (~40 ms), which web servers in front of real apps never do
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.setExecutor(Executors.newFixedThreadPool(2));
        app.createContext("/authorize", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"authorized\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        app.start();
        TestTokens tokens = TestTokens.generate();
        String token = tokens.sign(TestTokens.claims("bench").add("channels", Json.createArrayBuilder().add("private-*")));
        Map<String, Map<String, String>> policies = new LinkedHashMap<>();
        policies.put("allow", Map.of("SOCKET_AUTH_POLICY", "allow"));
        policies.put("jwt", Map.of("SOCKET_AUTH_POLICY", "jwt", "MP_JWT_VERIFY_PUBLICKEY", tokens.publicKeyPem(),
                "MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER));
        policies.put("url", Map.of("SOCKET_AUTH_POLICY", "url",
                "SOCKET_AUTH_URL", "http://127.0.0.1:" + app.getAddress().getPort() + "/authorize"));
        Map<String, double[]> figures = new LinkedHashMap<>();
        try {
            // the app's exchange alone, from this client: the floor of what the url policy can add
            figures.put("app", measure(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.getAddress().getPort()
                    + "/authorize")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"app_id\":\"bench-app\",\"socket_id\":\"1234.5678\","
                            + "\"channel_name\":\"private-bench\"}")).build(), requests));
            for (var policy : policies.entrySet()) {
                try (BenchServer server = BenchServer.start(project, "bench-auth-" + policy.getKey(), policy.getValue())) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port
                                    + "/broadcasting/auth"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.ofString("socket_id=1234.5678&channel_name=private-bench"))
                            .build();
                    figures.put(policy.getKey(), measure(request, requests));
                }
            }
        } finally {
            app.stop(0);
        }
        System.out.println();
        System.out.println("POST /broadcasting/auth, one at a time, " + requests + " requests per policy after "
                + requests + " unrecorded");
        System.out.printf("%-8s %10s %10s %10s %10s%n", "policy", "p50 ms", "p90 ms", "p99 ms", "max ms");
        figures.forEach((policy, f) -> System.out.printf("%-8s %10.3f %10.3f %10.3f %10.3f%n", policy, f[0], f[1], f[2], f[3]));
        double[] allow = figures.get("allow");
        for (String policy : new String[] {"jwt", "url"}) {
            double[] f = figures.get(policy);
            System.out.printf("%s adds %.3f ms at p50, %.3f ms at p99 over allow%n", policy, f[0] - allow[0], f[2] - allow[2]);
        }
        System.out.printf("(app: the url policy's app called straight from the benchmark client, %.3f ms at p50)%n",
                figures.get("app")[0]);
    }

    private double[] measure(HttpRequest request, int requests) throws Exception {
        Histogram latency = new Histogram();
        for (int round = 0; round < 2; round++) {
            latency.reset();
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                latency.record(System.nanoTime() - start);
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("auth answered " + answer.statusCode() + ": " + answer.body());
                }
            }
        }
        return new double[] {latency.percentileMillis(50), latency.percentileMillis(90), latency.percentileMillis(99),
                latency.maxMillis()};
    }
}
