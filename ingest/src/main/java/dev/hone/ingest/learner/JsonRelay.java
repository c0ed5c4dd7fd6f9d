package dev.hone.ingest.learner;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A GET passed on to another Hone service with the caller's token, whose answer goes back as it is
 * (status, body, and the headers a client acts on: Retry-After, WWW-Authenticate). The service behind
 * applies the same access rules, so a coach's read is decided where the learner's cohort is known.
 * A service that does not answer becomes 503 with Retry-After.
 */
final class JsonRelay {

    private final RestClient client;
    private final String service;

    JsonRelay(RestClient.Builder builder, String baseUrl, Duration timeout, String service) {
        var requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
        this.client = builder.clone().baseUrl(baseUrl).requestFactory(requests).build();
        this.service = service;
    }

    ResponseEntity<String> get(String authorization, String path, Object... variables) {
        try {
            return client.get().uri(path, variables).accept(MediaType.APPLICATION_JSON)
                    .headers(h -> {
                        if (authorization != null) {
                            h.set(HttpHeaders.AUTHORIZATION, authorization);
                        }
                    })
                    .exchange((request, response) -> {
                        var headers = new HttpHeaders();
                        headers.setContentType(response.getHeaders().getContentType());
                        for (String name : new String[]{HttpHeaders.RETRY_AFTER, HttpHeaders.WWW_AUTHENTICATE}) {
                            String value = response.getHeaders().getFirst(name);
                            if (value != null) {
                                headers.set(name, value);
                            }
                        }
                        String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                        return new ResponseEntity<>(body, headers, response.getStatusCode());
                    });
        } catch (ResourceAccessException e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body("{\"type\":\"about:blank\",\"title\":\"" + service + " unavailable\",\"status\":503,"
                            + "\"detail\":\"the " + service.toLowerCase(java.util.Locale.ROOT) + " did not answer; retry shortly\"}");
        }
    }
}
