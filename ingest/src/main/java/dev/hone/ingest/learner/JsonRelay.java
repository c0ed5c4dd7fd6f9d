package dev.hone.ingest.learner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hone.security.ServiceClients;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A GET passed on to another Hone service with the caller's token, whose answer goes back as it is
 * (status, body, and the headers a client acts on: Retry-After, WWW-Authenticate). The service behind
 * applies the same access rules, so a coach's read is decided where the learner's cohort is known.
 * A service that does not answer becomes 503 with Retry-After. {@link #read} is the same client for
 * what ingest reads for itself (an erasure's progress).
 */
final class JsonRelay {

    private final RestClient client;
    private final String service;

    JsonRelay(RestClient.Builder builder, String baseUrl, Duration timeout, String service) {
        this.client = ServiceClients.forCaller(builder, baseUrl, timeout);
        this.service = service;
    }

    /**
     * The JSON body of a successful answer, for ingest's own use (not passed on); asked with the
     * caller's token. Null when the service answered without a body.
     *
     * @throws RestClientException when the service does not answer or answers with an error
     */
    JsonNode read(String path, Object... variables) {
        return client.get().uri(path, variables).accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class);
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
