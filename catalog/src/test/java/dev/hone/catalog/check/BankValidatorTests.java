package dev.hone.catalog.check;

import org.junit.jupiter.api.Test;

import static dev.hone.catalog.check.Fixtures.problemsOf;
import static dev.hone.catalog.check.Fixtures.problemsRunningSnippetsOf;
import static org.assertj.core.api.Assertions.assertThat;

/** One broken fixture bank per rule of catalog/FORMAT.md, and the exact file:line each is reported at. */
class BankValidatorTests {

    @Test
    void acceptsAMinimalBankWithEveryKindAndRunsItsSnippets() {
        CheckReport report = new BankValidator(CheckOptions.defaults()).check(Fixtures.bank("valid"));

        assertThat(report.problems()).isEmpty();
        assertThat(report.questions()).isEqualTo(5);
        assertThat(report.snippetsRun()).isEqualTo(2);
        assertThat(report.summary()).startsWith("catalog check: 5 questions in 1 topics, 2 snippets run, 0 errors");
    }

    @Test
    void reportsAYamlSyntaxErrorWithTheLineWhereTheParserStopped() {
        assertThat(problemsOf("yaml-syntax")).containsExactly(
                "questions/core.gil.yaml:29: YAML syntax error: expected ',' or ']', but got : (while parsing a flow sequence at line 28)");
    }

    @Test
    void reportsATabInTopicsYaml() {
        assertThat(problemsOf("topics-yaml-syntax")).containsExactly(
                "topics.yaml:13: YAML syntax error: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)");
    }

    @Test
    void reportsAnUnknownFieldAndTheFieldItFailedToSet() {
        assertThat(problemsOf("unknown-field")).containsExactly(
                "questions/core.gil.yaml:3: core.gil.q01 has no difficulty",
                "questions/core.gil.yaml:5: unknown field 'dificulty' in a question (expected one of id, topic, kind, "
                        + "difficulty, version, tracks, secondaryTopics, stem, code, options, answer, rubric, explanation, references)");
    }

    @Test
    void reportsAKeyWrittenTwiceInOneMapping() {
        assertThat(problemsOf("duplicate-key")).containsExactly(
                "questions/core.gil.yaml:40: duplicate key 'answer' (first at line 39)");
    }

    @Test
    void reportsADuplicateQuestionIdWithWhereItFirstAppears() {
        assertThat(problemsOf("duplicate-question-id")).containsExactly(
                "questions/core.gil.yaml:24: duplicate question id 'core.gil.q01' (first at questions/core.gil.yaml:3)");
    }

    @Test
    void reportsAnIdThatDoesNotFollowTheFilesTopic() {
        assertThat(problemsOf("unstable-question-id")).containsExactly(
                "questions/core.gil.yaml:24: core.memory.q2: id is not stable: expected core.gil.qNN "
                        + "(the file's topic and a number, like core.gil.q07)");
    }

    @Test
    void reportsAFileWhoseTopicIsNotItsName() {
        assertThat(problemsOf("topic-mismatch")).containsExactly(
                "questions/core.gil.yaml:1: topic 'core.memory' does not match the file name (expected 'core.gil')");
    }

    @Test
    void reportsAnUnknownTrack() {
        assertThat(problemsOf("unknown-track")).containsExactly(
                "questions/core.gil.yaml:28: core.gil.q02: unknown track 'mobile'");
    }

    @Test
    void reportsAnUnknownSecondaryTopic() {
        assertThat(problemsOf("unknown-secondary-topic")).containsExactly(
                "questions/core.gil.yaml:8: core.gil.q01: unknown secondary topic 'perf.threads'");
    }

    @Test
    void reportsAnUnknownKind() {
        assertThat(problemsOf("unknown-kind")).containsExactly(
                "questions/core.gil.yaml:4: core.gil.q01: unknown question kind 'true_false' "
                        + "(expected single_choice, multi_choice, code_output or self_assessed)");
    }

    @Test
    void reportsADifficultyOutsideOneToFive() {
        assertThat(problemsOf("difficulty-range")).containsExactly(
                "questions/core.gil.yaml:82: core.gil.q05: difficulty 6 is not a whole number from 1 to 5");
    }

    @Test
    void reportsAQuestionWithoutAKey() {
        assertThat(problemsOf("missing-answer")).containsExactly(
                "questions/core.gil.yaml:3: core.gil.q01 has no answer (the key)");
    }

    @Test
    void reportsAQuestionWithoutAnExplanation() {
        assertThat(problemsOf("missing-explanation")).containsExactly(
                "questions/core.gil.yaml:24: core.gil.q02 has no explanation");
    }

    @Test
    void reportsADistractorThatDoesNotSayWhyItIsWrong() {
        assertThat(problemsOf("distractor-without-why")).containsExactly(
                "questions/core.gil.yaml:16: core.gil.q01: option c is a distractor without a why "
                        + "(say what misconception it stands for)");
    }

    @Test
    void reportsTooFewOptions() {
        assertThat(problemsOf("option-count")).containsExactly(
                "questions/core.gil.yaml:10: core.gil.q01: 2 options; a choice question has 3 to 6");
    }

    @Test
    void reportsTwoOptionsWithTheSameText() {
        assertThat(problemsOf("duplicate-option-text")).containsExactly(
                "questions/core.gil.yaml:16: core.gil.q01: option c has the same text as option a");
    }

    @Test
    void reportsOptionIdsOutOfOrder() {
        assertThat(problemsOf("option-ids")).containsExactly(
                "questions/core.gil.yaml:16: core.gil.q01: option id 'd' should be 'c' (ids run a, b, c, ... in order)");
    }

    @Test
    void reportsAKeyNamingAMissingOption() {
        assertThat(problemsOf("key-names-missing-option")).containsExactly(
                "questions/core.gil.yaml:19: core.gil.q01: answer names option 'e', which the question does not have");
    }

    @Test
    void reportsAMultiChoiceKeyOfOneOption() {
        assertThat(problemsOf("multi-choice-key-size")).containsExactly(
                "questions/core.gil.yaml:39: core.gil.q02: a multi_choice answer is a list of 2 or more option ids");
    }

    @Test
    void reportsAMultiChoiceQuestionWithoutADistractor() {
        assertThat(problemsOf("multi-choice-without-distractor")).containsExactly(
                "questions/core.gil.yaml:39: core.gil.q02: every option is in the key; "
                        + "a multi_choice question needs at least one distractor");
    }

    @Test
    void reportsARubricOfTwoPoints() {
        assertThat(problemsOf("rubric-size")).containsExactly(
                "questions/core.gil.yaml:87: core.gil.q05: 2 rubric points; a self_assessed question has 3 to 5");
    }

    @Test
    void reportsAQuestionWithoutReferences() {
        assertThat(problemsOf("missing-references")).containsExactly(
                "questions/core.gil.yaml:80: core.gil.q05 has no references (1 or 2 links to authoritative documentation)");
    }

    @Test
    void reportsAReferenceThatIsNotAUrl() {
        assertThat(problemsOf("reference-not-a-url")).containsExactly(
                "questions/core.gil.yaml:97: core.gil.q05: reference 'the threading docs' is not an http(s) URL");
    }

    @Test
    void reportsMoreThanTwoReferences() {
        assertThat(problemsOf("too-many-references")).containsExactly(
                "questions/core.gil.yaml:96: core.gil.q05: 3 references; give 1 or 2");
    }

    @Test
    void reportsAnUnclosedCodeFenceAtTheLineThatOpensIt() {
        assertThat(problemsOf("broken-code-fence")).containsExactly(
                "questions/core.gil.yaml:58: core.gil.q03: explanation: code fence '```python' is never closed");
    }

    @Test
    void reportsACodeOutputQuestionWithoutCode() {
        assertThat(problemsOf("code-output-without-code")).containsExactly(
                "questions/core.gil.yaml:44: core.gil.q03 has no code");
    }

    @Test
    void reportsAKeyThatDiffersFromWhatPythonPrints() {
        assertThat(problemsRunningSnippetsOf("code-output-wrong-key")).containsExactly(
                "questions/core.gil.yaml:73: core.gil.q04: the key is \"[0, 1, 4]\\nTrue\" but python3 prints \"[0, 1, 4]\\nFalse\"");
    }

    @Test
    void reportsAKeyNamingAnotherExceptionThanPythonRaises() {
        assertThat(problemsRunningSnippetsOf("code-output-wrong-exception")).containsExactly(
                "questions/core.gil.yaml:54: core.gil.q03: the key is \"raises: IndexError\" but python3 raises KeyError "
                        + "(KeyError: 'b'); write the key as 'raises: KeyError'");
    }

    @Test
    void doesNotReportWrongKeysWhenSnippetsAreNotRun() {
        assertThat(problemsOf("code-output-wrong-key")).isEmpty();
    }

    @Test
    void reportsAnUnknownPrerequisite() {
        assertThat(problemsOf("unknown-prerequisite")).containsExactly(
                "topics.yaml:10: topic core.gil: unknown prerequisite 'core.threads'");
    }

    @Test
    void reportsAPrerequisiteCycleWithItsPath() {
        assertThat(problemsOf("prerequisite-cycle")).containsExactly(
                "topics.yaml:10: prerequisite cycle: core.gil -> core.oop -> core.data-model -> core.gil");
    }

    @Test
    void reportsATrackWeightAboveOne() {
        assertThat(problemsOf("weight-out-of-range")).containsExactly(
                "topics.yaml:15: topic core.gil: weight 1.5 for track web is not a number from 0 to 1");
    }

    @Test
    void reportsAWeightForAnUnknownTrack() {
        assertThat(problemsOf("weight-unknown-track")).containsExactly(
                "topics.yaml:15: topic core.gil: weight for unknown track 'mobile'");
    }

    @Test
    void reportsATopicWithoutAWeightForEveryTrack() {
        assertThat(problemsOf("weight-missing")).containsExactly(
                "topics.yaml:15: topic core.gil has no weight for track web");
    }

    @Test
    void reportsADuplicateTopicId() {
        assertThat(problemsOf("duplicate-topic-id")).containsExactly(
                "topics.yaml:16: duplicate topic id 'core.gil' (first at line 10)");
    }

    @Test
    void reportsATopicInAnUnknownArea() {
        assertThat(problemsOf("unknown-area")).containsExactly(
                "topics.yaml:11: topic core.gil: unknown area 'perf'");
    }

    @Test
    void reportsATopicWithoutAQuestionFile() {
        assertThat(problemsOf("missing-question-file")).containsExactly(
                "topics.yaml:16: topic core.memory has no question file questions/core.memory.yaml");
    }

    @Test
    void reportsAQuestionFileOfNoTopic() {
        assertThat(problemsOf("stray-question-file")).containsExactly(
                "questions/core.threads.yaml:1: not a question file: question files are named <topicId>.yaml after a topic in topics.yaml");
    }

    @Test
    void failsClearlyWhenPythonIsMissing() {
        CheckOptions noPython = CheckOptions.defaults().withPython("/nonexistent/python3");

        CheckReport report = new BankValidator(noPython).check(Fixtures.bank("valid"));

        assertThat(report.problems()).singleElement().asString()
                .startsWith("topics.yaml:0: cannot check the 2 code_output keys: cannot run /nonexistent/python3");
    }
}
