package dev.hone.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

import jakarta.servlet.DispatcherType;

/**
 * The filter chain every service builds: stateless bearer tokens (no session, no CSRF since no
 * cookie authenticates), 401/403 problem bodies, the open operational endpoints, then the
 * service's own rules, and everything else needs a valid token.
 */
public final class HoneHttpSecurity {

    /** Open in every service: health probes, build info, Prometheus scrape, the OpenAPI document and Swagger UI. */
    public static final String[] OPEN = {"/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error"};

    private HoneHttpSecurity() {
    }

    public static SecurityFilterChain build(HttpSecurity http, ProblemResponses problems,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> rules) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .oauth2ResourceServer(o -> o.authenticationEntryPoint(problems).accessDeniedHandler(problems)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(HoneHttpSecurity::authentication)))
                .authorizeHttpRequests(authorize -> {
                    // a forward to a static page or the error page was authorised on the original request
                    authorize.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll();
                    authorize.requestMatchers(OPEN).permitAll();
                    rules.customize(authorize);
                    authorize.anyRequest().authenticated();
                });
        return http.build();
    }

    /** Roles become {@code ROLE_LEARNER} etc., so {@code hasRole("ADMIN")} works where a rule needs no identity. */
    private static JwtAuthenticationToken authentication(org.springframework.security.oauth2.jwt.Jwt jwt) {
        Caller caller = Caller.of(jwt);
        var authorities = caller.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
        return new JwtAuthenticationToken(jwt, authorities, caller.subject());
    }
}
