package dev.hone.recommender.simulation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileTests {

    @Test
    void everyShippedProfileParses() {
        assertThat(Profile.SHIPPED).allSatisfy(name -> assertThat(Profile.shipped(name).name()).isEqualTo(name));
        assertThat(Profile.shipped("strong-prerequisites").prerequisiteStrength()).isEqualTo(0.85);
    }

    @Test
    void aProfileFileTakesTheBaselineForTheKeysItLeavesOut(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("night-owls.properties");
        Files.writeString(file, "# slower sessions\nlearning.rate = 0.3\ntime.sessionGapHours = 48\n");

        Profile profile = Profile.load(file);

        assertThat(profile.name()).isEqualTo("night-owls");
        assertThat(profile.learnRate()).isEqualTo(0.3);
        assertThat(profile.sessionGapHours()).isEqualTo(48);
        assertThat(profile.halfLifeDays()).isEqualTo(Profile.shipped("baseline").halfLifeDays());
    }

    @Test
    void anUnknownKeyOrABadNumberIsRejectedWithItsName(@TempDir Path dir) throws IOException {
        Path typo = dir.resolve("typo.properties");
        Files.writeString(typo, "learning.rat = 0.3\n");
        Path bad = dir.resolve("bad.properties");
        Files.writeString(bad, "learning.rate = fast\n");

        assertThatThrownBy(() -> Profile.load(typo)).hasMessageContaining("learning.rat");
        assertThatThrownBy(() -> Profile.load(bad)).hasMessageContaining("learning.rate");
    }

    @Test
    void aBudgetOverrideRunsAtLeastThatManyAnswers() {
        Profile profile = Profile.shipped("baseline").withBudget(5000);

        assertThat(profile.budget()).isEqualTo(5000);
        assertThat(profile.maxAnswers()).isGreaterThanOrEqualTo(5000);
    }
}
