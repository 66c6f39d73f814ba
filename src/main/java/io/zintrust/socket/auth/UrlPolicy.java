package io.zintrust.socket.auth;

import io.zintrust.socket.protocol.JsonText;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code SOCKET_AUTH_POLICY=url}: asks the app. It posts {@code {"app_id","socket_id","channel_name"}}
 * (no channel for a sign-in) with the caller's {@code Authorization} and {@code Cookie}, so the app
 * decides with its own sessions and rules, and answers {@code {"authorized":true,"user_id":...,
 * "user_info":{...}}} or {@code {"authorized":false,"message":...}} (or 401/403). The whole exchange is
 * bounded by the timeout; an app that is slow, down or answers nonsense gives 503, never a hang.
 */
final class UrlPolicy implements AuthPolicy {

    private static final System.Logger LOG = System.getLogger(UrlPolicy.class.getName());

    private static final String[] FORWARDED = {"Authorization", "Cookie"};

    private final URI url;
    private final Duration timeout;
    private final HttpClient client;

    UrlPolicy(URI url, Duration timeout, HttpClient client) {
        this.url = url;
        this.timeout = timeout;
        this.client = client;
    }

    @Override
    public AuthDecision decide(ChannelAuthRequest request) {
        JsonObjectBuilder body = JsonText.JSON.createObjectBuilder()
                .add("app_id", request.app().id())
                .add("socket_id", request.socketId());
        if (!request.signIn()) {
            body.add("channel_name", request.channel().value());
        }
        HttpRequest.Builder call = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.build().toString()));
        for (String header : FORWARDED) {
            String value = request.http().getHeader(header);
            if (value != null) {
                try {
                    call.header(header, value);
                } catch (IllegalArgumentException e) {
                    // control characters: not forwardable, and not worth echoing back or logging
                    return AuthDecision.fail(400, "Invalid " + header + " header: it holds characters HTTP does not allow");
                }
            }
        }
        CompletableFuture<HttpResponse<String>> answer = client.sendAsync(call.build(),
                HttpResponse.BodyHandlers.ofString());
        try {
            return decision(request, answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            answer.cancel(true);
            return unavailable(request, "did not answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof java.net.http.HttpTimeoutException) {
                return unavailable(request, "did not answer within " + timeout.toMillis() + " ms");
            }
            return unavailable(request, "is unreachable (" + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            return unavailable(request, "was not heard: the request was interrupted");
        }
    }

    private AuthDecision decision(ChannelAuthRequest request, HttpResponse<String> answer) {
        int status = answer.statusCode();
        Optional<JsonObject> json = JsonText.object(answer.body() == null ? "" : answer.body());
        if (status == 401 || status == 403) {
            String message = json.map(UrlPolicy::message).orElse(null);
            return AuthDecision.fail(status, message != null ? message
                    : "The authorization app refused " + request.subject() + " (HTTP " + status + ")");
        }
        if (status != 200) {
            return unavailable(request, "answered HTTP " + status);
        }
        JsonValue authorized = json.map(object -> object.get("authorized")).orElse(null);
        if (authorized == null || (authorized.getValueType() != JsonValue.ValueType.TRUE
                && authorized.getValueType() != JsonValue.ValueType.FALSE)) {
            return unavailable(request, "answered 200 without a JSON object {\"authorized\": true|false, ...}");
        }
        JsonObject decision = json.get();
        if (authorized.getValueType() == JsonValue.ValueType.FALSE) {
            String message = message(decision);
            return AuthDecision.deny(message != null ? message
                    : "The authorization app refused " + request.subject());
        }
        String userId = userId(decision.get("user_id"));
        JsonObject info = decision.get("user_info") instanceof JsonObject object ? object : null;
        if (userId == null) {
            // a presence member or signed-in user is who the app says, never who the client says
            return request.needsUser()
                    ? unavailable(request, "allowed " + request.subject() + " without a user_id, which presence"
                            + " channels and sign-in need")
                    : AuthDecision.allow();
        }
        return AuthDecision.allowAs(new UserIdentity(userId, info));
    }

    private static String userId(JsonValue value) {
        if (value instanceof JsonString text && !text.getString().isEmpty()) {
            return text.getString();
        }
        return value instanceof JsonNumber number ? JsonText.idOf(number).orElse(null) : null;
    }

    private static String message(JsonObject body) {
        for (String name : new String[] {"message", "error"}) {
            if (body.get(name) instanceof JsonString text && !text.getString().isBlank()) {
                return text.getString();
            }
        }
        return null;
    }

    private AuthDecision unavailable(ChannelAuthRequest request, String what) {
        String reason = "The authorization app at " + url + " " + what;
        LOG.log(Level.WARNING, reason + " (" + request.subject() + ", socket " + request.socketId() + ")");
        return AuthDecision.fail(503, reason);
    }
}
