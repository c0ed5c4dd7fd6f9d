package dev.hone.security;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.time.Duration;

/**
 * The one way a Hone service builds a client for another: a base URL, a connect and read timeout
 * (a service that hangs must not hold the caller's request past it), and the caller's token
 * relayed ({@link CallerTokenRelay}), so the service asked decides with the caller's rights.
 */
public final class ServiceClients {

    private ServiceClients() {
    }

    /**
     * A client for {@code baseUrl}; the builder is cloned, so a shared one is left as it was.
     *
     * @param timeout both how long connecting and how long waiting for the answer may take
     */
    public static RestClient forCaller(RestClient.Builder builder, String baseUrl, Duration timeout) {
        return builder.clone().baseUrl(baseUrl).requestFactory(timingOut(timeout)).requestInterceptor(new CallerTokenRelay()).build();
    }

    /** Requests that give up after {@code timeout} connecting, and again after {@code timeout} waiting for the answer. */
    public static ClientHttpRequestFactory timingOut(Duration timeout) {
        var requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
        return requests;
    }
}
