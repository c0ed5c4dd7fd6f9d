package dev.hone.recommender;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The learner state and the question policy are plain Java, so the topology, replays and the
 * simulator run the very same code; only the streams and api packages know Kafka and Spring.
 */
class BoundaryTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hone.recommender");

    @Test
    void policyAndLearnerStateKnowNoFrameworks() {
        noClasses().that().resideInAnyPackage("..recommender.policy..", "..recommender.learner..", "..recommender.placement..", "..recommender.readiness..", "..recommender.item..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework..", "java.sql..")
                .check(classes);
    }

    @Test
    void policyAndLearnerStateReadNoWallClock() {
        noClasses().that().resideInAnyPackage("..recommender.policy..", "..recommender.learner..", "..recommender.placement..", "..recommender.readiness..", "..recommender.item..")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(java.time.Instant.class, "now")
                .check(classes);
    }

    @Test
    void streamsCodeDoesNotReachIntoTheHttpApi() {
        noClasses().that().resideInAPackage("..recommender.streams..")
                .should().dependOnClassesThat().resideInAPackage("..recommender.api..")
                .check(classes);
    }
}
