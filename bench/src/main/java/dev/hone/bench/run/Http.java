package dev.hone.bench.run;

import dev.hone.security.DevTokenIssuer;
import dev.hone.security.Role;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Every HTTP call the bench makes goes through here, with an admin bearer token signed by the
 * dev issuer's secret the services were started with ({@code HONE_DEV_TOKEN_SECRET}).
 */
public final class Http {

    private static final String TOKEN = adminToken();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public record Reply(int status, String body) {
    }

    public Reply get(String url) throws IOException, InterruptedException {
        return send(request(url).GET().build());
    }

    public Reply postJson(String url, String json) throws IOException, InterruptedException {
        return post(url, "application/json", json);
    }

    /** A JSON body already encoded, e.g. one of a load generator's prepared requests. */
    public Reply postJson(String url, byte[] json) throws IOException, InterruptedException {
        return send(request(url).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(json)).build());
    }

    /**
     * The same POST without waiting: the reply completes the future on the client's own threads,
     * so a caller can keep sending at a fixed rate whatever the server's latency (an open loop).
     */
    public CompletableFuture<Reply> postJsonAsync(String url, String json) {
        HttpRequest request = request(url).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> new Reply(r.statusCode(), r.body()));
    }

    /** A POST with a body of {@code contentType}, e.g. a query to ClickHouse's HTTP interface as text/plain. */
    public Reply post(String url, String contentType, String body) throws IOException, InterruptedException {
        return send(request(url).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpRequest.Builder request(String url) {
        URI uri = URI.create(url);
        var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        // Hone's APIs check the token; ClickHouse's HTTP interface would read it as its own credentials
        boolean honeApi = uri.getPath() != null && (uri.getPath().startsWith("/api/") || uri.getPath().startsWith("/xapi/"));
        return TOKEN == null || !honeApi ? request : request.header("Authorization", "Bearer " + TOKEN);
    }

    private static String adminToken() {
        String secret = System.getenv("HONE_DEV_TOKEN_SECRET");
        return secret == null || secret.isBlank() ? null
                : new DevTokenIssuer(secret).issue(Role.ADMIN, null, List.of(), Duration.ofHours(2));
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }
}
