package dev.hone.ingest.access;

import dev.hone.security.AccessRules;
import dev.hone.security.Caller;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * The rule the filter chain cannot see: the learner named in an answer's body must be the
 * caller (or the caller an admin). An answer without a learner id is left to validation, which
 * names the field.
 */
@Component
public class AnswerAccess {

    /** Whether the current caller may answer as {@code learnerId}. */
    public boolean allows(String learnerId) {
        return rule().test(learnerId);
    }

    /**
     * The current caller's rule, with the caller read from the token once: a batch tests each
     * of its items against it instead of rebuilding the caller from the claims per item.
     */
    public Predicate<String> rule() {
        Optional<Caller> caller = Caller.of(SecurityContextHolder.getContext().getAuthentication());
        return learnerId -> learnerId == null || caller.map(c -> AccessRules.mayAnswerAs(c, learnerId)).orElse(false);
    }

    /** Throws what Spring Security answers with 403 when the caller may not answer as {@code learnerId}. */
    public void check(String learnerId) {
        if (!allows(learnerId)) {
            throw new AccessDeniedException("answering as another learner");
        }
    }

    /** The reason a batch item gets when it names another learner. */
    public static final String REASON = "you may only answer as yourself";
}
