package dev.hone.ingest.limit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Charges every API request to its client. The client is the remote address for now: the
 * bearer token's subject replaces it once authentication arrives. An interceptor rather than a
 * filter so the 429 goes through the same problem handler as every other error.
 */
class ClientRateLimitInterceptor implements HandlerInterceptor {

    private final RateLimits limits;

    ClientRateLimitInterceptor(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        limits.admitClient(request.getRemoteAddr());
        return true;
    }
}
