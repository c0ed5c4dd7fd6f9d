package dev.hone.ingest.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Sends requests exactly as given (raw bytes, any Content-Type, chunked or not) to the service
 * under test, with the client's bearer token unless the request brings its own Authorization
 * (a forged or another learner's token).
 */
public final class ApiClient {

    /** A request to send; {@code body} may be null (no body), {@code chunked} hides its length. */
    public record Request(String method, String path, String contentType, byte[] body, boolean chunked, Map<String, String> headers) {

        public static Request json(String method, String path, String json) {
            return new Request(method, path, "application/json", json.getBytes(StandardCharsets.UTF_8), false, Map.of());
        }

        public Request withHeaders(Map<String, String> more) {
            var all = new java.util.HashMap<>(headers);
            all.putAll(more);
            return new Request(method, path, contentType, body, chunked, all);
        }
    }

    public record Reply(int status, String contentType, String retryAfter, String body) {
    }

    private final String baseUrl;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public ApiClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    public Reply send(Request request) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + request.path())).timeout(Duration.ofSeconds(15));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        if (token != null && request.headers().keySet().stream().noneMatch("Authorization"::equalsIgnoreCase)) {
            builder.header("Authorization", "Bearer " + token);
        }
        request.headers().forEach(builder::header);
        HttpRequest.BodyPublisher body;
        if (request.body() == null) {
            body = HttpRequest.BodyPublishers.noBody();
        } else if (request.chunked()) {
            byte[] bytes = request.body();
            body = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
        } else {
            body = HttpRequest.BodyPublishers.ofByteArray(request.body());
        }
        try {
            HttpResponse<String> response = http.send(builder.method(request.method(), body).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.path() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
