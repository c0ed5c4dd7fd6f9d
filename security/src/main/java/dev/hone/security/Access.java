package dev.hone.security;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Request rules written against a {@link Caller}: {@code .requestMatchers("/x/{id}").access(Access.to((caller, request) -> ...))}.
 * An anonymous request is denied, which Spring Security answers with 401.
 */
public final class Access {

    private Access() {
    }

    public static AuthorizationManager<RequestAuthorizationContext> to(BiPredicate<Caller, RequestAuthorizationContext> rule) {
        return (authentication, context) -> new AuthorizationDecision(
                Caller.of(authentication.get()).filter(caller -> rule.test(caller, context)).isPresent());
    }

    public static AuthorizationManager<RequestAuthorizationContext> to(Predicate<Caller> rule) {
        return to((caller, context) -> rule.test(caller));
    }

    /** A path variable of the matched pattern, e.g. {@code learnerId} of {@code /api/v1/learners/{learnerId}/**}. */
    public static String variable(RequestAuthorizationContext context, String name) {
        return context.getVariables().get(name);
    }
}
