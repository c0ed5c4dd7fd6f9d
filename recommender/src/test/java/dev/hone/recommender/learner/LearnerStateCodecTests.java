package dev.hone.recommender.learner;

import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LearnerStateCodecTests {

    /**
     * {@link #fixture()} as the codec of commit 9dce7cc wrote it (event ids still held as strings then): cohort, track,
     * model, sorted topics, placement log, recent questions and event ids of every shape (a UUID, ids sharing a
     * prefix with it and with each other, an upper-case UUID, a short id).
     */
    private static final String STORED_BEFORE = "0107950101c0a9a4920d00000040000040400681853ff8003cbc16a6f53b04080000803f0000803f0000803f0000803fcab87a3fb00942c268bb1d36243c020000803f0000803f3333333fcab87a3f0000803f00f4df4ebb9132243c120000803f0000803f3333333fcab87a3f0000803f00f4df4ebb9132243c0b000000000000803f00000000000000000000803fe012ab4a0dbc69b1243c0c77656224737072696e672d32360440616476616e6365642e6173796e63696f010000e096a4920d2de583be6140cfbe197af63e270a6465636f7261746f7273020104b009ba790fbd132511be2004dd3e20636f72652e67696c020104b009a9560bbee9c50ebe789ede3e40706572662e636f6e63757272656e637902010400a9560bbee9c50ebe789ede3e050e03713032001203713031040a03713031000e03713031041d0005191d21251d05000f8fad5bd9cb469fa16570867728950e0502585907015a012437433945363637392d373432352d343044452d393434422d45303746433146393041453701026535";

    @Test
    void aRecordWrittenByTheEarlierCodecReadsBackEqualAndIsWrittenByteForByte() {
        byte[] stored = HexFormat.of().parseHex(STORED_BEFORE);

        LearnerState read = LearnerStateCodec.decode(stored);

        // the stored form rounds the policy's per-topic figures to floats: compared as stored, and field by field
        LearnerState expected = fixture();
        assertThat(LearnerStateCodec.encode(expected)).containsExactly(stored);
        assertThat(LearnerStateCodec.encode(read)).containsExactly(stored);
        assertThat(read.recentEventIds()).isEqualTo(expected.recentEventIds()).containsExactly(
                "0f8fad5b-d9cb-469f-a165-70867728950e", "0f8fXY", "0f8fXYZ", "7C9E6679-7425-40DE-944B-E07FC1F90AE7", "e5");
        assertThat(read.model()).containsExactly(expected.model());
        assertThat(read.placement()).isEqualTo(expected.placement());
        assertThat(read.recentQuestions()).isEqualTo(expected.recentQuestions());
        assertThat(read.topics()).containsOnlyKeys(expected.topics().keySet());
        assertThat(read.track()).isEqualTo("web");
        assertThat(read.cohort()).isEqualTo("spring-26");
    }

    @Test
    void aSmallRecordAfterAVeryLargeOneOnTheSameThreadHasItsOwnBytes() {
        // the thread's writer keeps its buffer up to 64 KiB and up to 10,000 ids cut at their last '.': past both
        byte[] small = LearnerStateCodec.encode(fixture());
        List<String> manyQuestions = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            manyQuestions.add("imported.question-" + i + "-" + "x".repeat(20));
        }
        byte[] large = LearnerStateCodec.encode(new LearnerState(null, Map.of(), manyQuestions, List.of()));

        byte[] smallAgain = LearnerStateCodec.encode(fixture());

        assertThat(large.length).isGreaterThan(64 * 1024);
        assertThat(smallAgain).containsExactly(small);
    }

    private static LearnerState fixture() {
        var engine = new LearnerEngines(LearnerEngines.loadParams(null), "elo-pfa", Catalog.bundled()).create();
        String[] questions = {"advanced.decorators.q02", "core.gil.q01", "advanced.asyncio.q01", "advanced.decorators.q01", "core.gil.q01"};
        String[] ids = {"0f8fad5b-d9cb-469f-a165-70867728950e", "0f8fXY", "0f8fXYZ", "7C9E6679-7425-40DE-944B-E07FC1F90AE7", "e5"};
        LearnerState state = LearnerState.empty().withCohort("spring-26").withTrack("web");
        for (int i = 0; i < questions.length; i++) {
            Question q = Catalog.bundled().question(questions[i]).orElseThrow();
            state = engine.apply(state, ids[i], q.id(), q.skills(), q.difficulty(), i % 2, i % 2 == 1, 1_764_000_000L + 600L * i);
        }
        return state;
    }
}
