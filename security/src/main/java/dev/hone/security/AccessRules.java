package dev.hone.security;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The rules of who may see what, in one place for ingest, the recommender and analytics. Each
 * service decides where a learner's cohort comes from and passes it lazily, so the lookup runs
 * only for a coach.
 */
public final class AccessRules {

    private AccessRules() {
    }

    /** A learner's own data: queue, mastery, dashboard. Admin; the learner; a coach of the learner's cohort. */
    public static boolean mayReadLearner(Caller caller, String learnerId, Supplier<Optional<String>> cohortOf) {
        if (caller.is(Role.ADMIN) || caller.isLearner(learnerId)) {
            return true;
        }
        return caller.is(Role.COACH) && cohortOf.get().filter(caller::coaches).isPresent();
    }

    /**
     * Whether a request about a learner may go on to the service that knows the learner's cohort
     * (ingest forwards queue and mastery to the recommender, which applies {@link #mayReadLearner}).
     */
    public static boolean mayAskAboutLearner(Caller caller, String learnerId) {
        return caller.is(Role.ADMIN) || caller.isLearner(learnerId) || caller.is(Role.COACH);
    }

    /** Answering (writing events) as a learner: the learner themselves, or an admin (imports). */
    public static boolean mayAnswerAs(Caller caller, String learnerId) {
        return caller.is(Role.ADMIN) || caller.isLearner(learnerId);
    }

    /** Erasure: an admin, or the learner themselves. */
    public static boolean mayErase(Caller caller, String learnerId) {
        return caller.is(Role.ADMIN) || caller.isLearner(learnerId);
    }

    /** Setting profiles (cohort, track, name): admin only. */
    public static boolean mayManageProfiles(Caller caller) {
        return caller.is(Role.ADMIN);
    }

    /** A cohort's dashboards and at-risk list: admin, or a coach of that cohort. */
    public static boolean mayReadCohort(Caller caller, String cohort) {
        return caller.is(Role.ADMIN) || caller.coaches(cohort);
    }

    /**
     * Topic and question analytics (aggregates, no learner ids): admin and product; a coach only
     * when the figures are filtered to one of their cohorts.
     */
    public static boolean mayReadContentAnalytics(Caller caller, String cohortFilter) {
        return caller.is(Role.ADMIN) || caller.is(Role.PRODUCT) || caller.coaches(cohortFilter);
    }
}
