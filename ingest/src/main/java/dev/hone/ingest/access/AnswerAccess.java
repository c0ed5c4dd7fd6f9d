package dev.hone.ingest.access;

import dev.hone.security.AccessRules;
import dev.hone.security.Caller;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The rule the filter chain cannot see: the learner named in an answer's body must be the
 * caller (or the caller an admin). An answer without a learner id is left to validation, which
 * names the field.
 */
@Component
public class AnswerAccess {

    /** Whether the current caller may answer as {@code learnerId}. */
    public boolean allows(String learnerId) {
        if (learnerId == null) {
            return true;
        }
        return Caller.of(SecurityContextHolder.getContext().getAuthentication())
                .map(caller -> AccessRules.mayAnswerAs(caller, learnerId)).orElse(false);
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
