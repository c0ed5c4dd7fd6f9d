package dev.hone.bench.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Every HTTP call the bench makes goes through here, so a header the services come to need
 * (a bearer token once they check JWTs) is added in one place.
 */
public final class Http {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public record Reply(int status, String body) {
    }

    public Reply get(String url) throws IOException, InterruptedException {
        return send(request(url).GET().build());
    }

    public Reply postJson(String url, String json) throws IOException, InterruptedException {
        return post(url, "application/json", json);
    }

    /** A POST with a body of {@code contentType}, e.g. a query to ClickHouse's HTTP interface as text/plain. */
    public Reply post(String url, String contentType, String body) throws IOException, InterruptedException {
        return send(request(url).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }
}
