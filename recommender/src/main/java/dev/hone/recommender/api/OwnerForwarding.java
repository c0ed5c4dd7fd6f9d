package dev.hone.recommender.api;

import dev.hone.security.ServiceClients;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;

/**
 * Passes a learner request on to the instance that owns the learner's partition, with the
 * caller's token (the owner applies the access rules with the learner's state at hand), and
 * returns its answer as it is: status, body and Retry-After.
 */
@Component
class OwnerForwarding {

    private final RestClient http;

    OwnerForwarding(RestClient.Builder http, ForwardingSettings settings) {
        this.http = http.clone().requestFactory(ServiceClients.timingOut(settings.timeout())).build();
    }

    /**
     * The owner's answer, Retry-After included. An owner that cannot be reached or does not answer
     * within {@code hone.forwarding.timeout} (it died and the group has not yet moved its
     * partitions) is a rebalance in the making: 503, not a 500.
     */
    ResponseEntity<String> forward(HostInfo owner, String authorization, String path, Object... variables) {
        try {
            return exchange(owner, authorization, path, variables);
        } catch (ResourceAccessException e) {
            throw new NotReadyException("the instance owning the learner (" + owner.host() + ":" + owner.port() + ") cannot be reached");
        }
    }

    private ResponseEntity<String> exchange(HostInfo owner, String authorization, String path, Object... variables) {
        return http.get().uri("http://" + owner.host() + ":" + owner.port() + path, variables)
                .accept(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (authorization != null) {
                        h.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                })
                .exchange((request, response) -> {
                    var reply = ResponseEntity.status(response.getStatusCode())
                            .contentType(response.getHeaders().getContentType() != null ? response.getHeaders().getContentType() : MediaType.APPLICATION_JSON);
                    String retryAfter = response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
                    if (retryAfter != null) {
                        reply.header(HttpHeaders.RETRY_AFTER, retryAfter);
                    }
                    return reply.body(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
                });
    }
}
