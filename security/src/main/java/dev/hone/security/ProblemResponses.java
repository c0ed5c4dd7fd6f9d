package dev.hone.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * 401 and 403 as RFC 9457 problem bodies, like every other error of Hone. The standard bearer
 * handlers set the status and {@code WWW-Authenticate} (RFC 6750); the body says what to do and
 * names no class, key or claim value.
 */
public final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final AuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final AccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();
    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException, jakarta.servlet.ServletException {
        bearer.commence(request, response, e);
        write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                "a valid bearer token is required: it is missing, expired, or not signed by a trusted issuer");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException, jakarta.servlet.ServletException {
        denied.handle(request, response, e);
        write(response, HttpStatus.FORBIDDEN, "Forbidden", "your role or identity does not allow this request");
    }

    private void write(HttpServletResponse response, HttpStatus status, String title, String reason) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "Authorization: " + reason);
        problem.setTitle(title);
        problem.setProperty("errors", List.of(Map.of("field", "Authorization", "reason", reason)));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
