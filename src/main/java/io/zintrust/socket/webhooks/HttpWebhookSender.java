package io.zintrust.socket.webhooks;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Posts batches with the JDK's HttpClient on the container's executor. HTTP/1.1 because receivers are
 * app servers that often speak nothing else; the request timeout bounds the whole attempt.
 */
final class HttpWebhookSender implements WebhookSender {

    private final HttpClient client;
    private final Duration timeout;

    HttpWebhookSender(Executor executor, Duration timeout) {
        this.timeout = timeout;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER);
        if (executor != null) {
            builder.executor(executor);
        }
        this.client = builder.build();
    }

    @Override
    public CompletableFuture<Integer> post(Batch batch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(batch.target().url()).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(batch.body()));
        WebhookBody.headers(batch.app(), batch.target(), batch.body(), batch.id()).forEach(request::header);
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode);
    }
}
