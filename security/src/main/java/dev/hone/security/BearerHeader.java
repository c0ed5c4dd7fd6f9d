package dev.hone.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Reads the token of an {@code Authorization: Bearer <token>} header with a loop over its
 * characters ({@code Bearer}, any case, one space, then {@code [A-Za-z0-9-._~+/]+=*}), which is
 * what {@link DefaultBearerTokenResolver} accepts with a regular expression that ran over the whole
 * token on every request. Anything else (no such header, another scheme, a malformed token) is
 * left to Spring's resolver, so what is refused and the error it answers stay Spring's. The two
 * agree for the resolver's defaults, which Hone keeps: tokens in a query or form parameter are not
 * read (were they allowed, Spring would also refuse a request carrying a header token and one of
 * those, which the fast path does not look for).
 */
final class BearerHeader implements BearerTokenResolver {

    private static final String SCHEME = "Bearer ";

    private final BearerTokenResolver spring = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) && isToken(header, SCHEME.length())) {
            return header.substring(SCHEME.length());
        }
        return spring.resolve(request);
    }

    /** {@code [A-Za-z0-9-._~+/]+=*} from {@code from} to the end. */
    static boolean isToken(String text, int from) {
        int i = from;
        int n = text.length();
        while (i < n && isTokenChar(text.charAt(i))) {
            i++;
        }
        if (i == from) {
            return false;
        }
        while (i < n && text.charAt(i) == '=') {
            i++;
        }
        return i == n;
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
