package dev.hone.ingest.answer;

import dev.hone.catalog.Catalog;
import dev.hone.catalog.Question;
import dev.hone.catalog.QuestionKind;
import dev.hone.catalog.grading.Grade;
import dev.hone.catalog.grading.Grader;
import dev.hone.catalog.grading.InvalidResponseException;
import dev.hone.catalog.grading.Response;
import dev.hone.events.AnswerRecorded;
import dev.hone.ingest.kafka.AnswerPublisher;
import dev.hone.ingest.web.FieldError;
import dev.hone.ingest.web.InvalidRequestException;
import dev.hone.ingest.limit.RateLimits;
import dev.hone.ingest.metrics.AnswerMetrics;
import dev.hone.ingest.metrics.AnswerMetrics.Reason;
import dev.hone.ingest.web.RateLimitedException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Validates, grades and stores one answer. Nothing reaches Kafka unless every check passed. */
@Service
public class AnswerService {

    private final Catalog catalog;
    private final Grader grader;
    private final AnswerValidator validator;
    private final AnswerPublisher publisher;
    private final Clock clock;
    private final RateLimits limits;
    private final AnswerMetrics metrics;

    AnswerService(Catalog catalog, Grader grader, AnswerValidator validator, AnswerPublisher publisher,
                  Clock clock, RateLimits limits, AnswerMetrics metrics) {
        this.catalog = catalog;
        this.grader = grader;
        this.validator = validator;
        this.publisher = publisher;
        this.clock = clock;
        this.limits = limits;
        this.metrics = metrics;
    }

    /** Grades and stores one answer; returns once Kafka acknowledged it. */
    public AnswerAccepted record(AnswerRequest request) {
        Graded graded = grade(request, now());
        publisher.publish(graded.event());
        accepted(graded);
        return graded.reply();
    }

    /**
     * Grades every answer, sends the valid ones together and waits for their acknowledgements:
     * one bad item does not reject the good ones, and a batch costs one round of broker latency.
     */
    public List<BatchResult> recordAll(List<AnswerRequest> requests) {
        AnswerPublisher.Group group = publisher.group();
        List<Pending> pending = gradeAndSend(requests, now(), group); // the batch's answers were received together
        group.awaitAll();
        List<BatchResult> results = new ArrayList<>(requests.size());
        List<Graded> accepted = new ArrayList<>(requests.size());
        for (int i = 0; i < pending.size(); i++) {
            BatchResult result = settle(i, pending.get(i), group);
            if (result.status() == 202) {
                accepted.add(pending.get(i).graded());
            }
            results.add(result);
        }
        countAccepted(accepted);
        return results;
    }

    /** Each answer graded and, if it passed, handed to the producer at once, so the producer batches while the rest are graded. */
    private List<Pending> gradeAndSend(List<AnswerRequest> requests, Instant now, AnswerPublisher.Group group) {
        List<Pending> pending = new ArrayList<>(requests.size());
        for (AnswerRequest request : requests) {
            try {
                Graded graded = grade(request, now);
                pending.add(new Pending(graded, group.send(graded.event()), 202, List.of()));
            } catch (InvalidRequestException e) {
                pending.add(new Pending(null, -1, 400, e.errors()));
            } catch (RateLimitedException e) {
                pending.add(new Pending(null, -1, 429, List.of(new FieldError("learnerId",
                        "sent too many answers; retry after " + e.retryAfterSeconds() + " s"))));
            }
        }
        return pending;
    }

    /** One batch item: graded and sent under its group's ticket, or rejected. */
    private record Pending(Graded graded, int ticket, int status, List<FieldError> errors) {
    }

    private static BatchResult settle(int index, Pending item, AnswerPublisher.Group group) {
        if (item.graded() == null) {
            return BatchResult.rejected(index, item.status(), item.errors());
        }
        if (!group.stored(item.ticket())) {
            return BatchResult.rejected(index, 503, List.of(new FieldError("body", "the event log is unavailable; resend with the same eventId")));
        }
        return item.graded().batchResult(index);
    }

    /**
     * All or nothing, as xAPI asks of a statement batch: every answer is checked and graded
     * first, and only if all pass are they sent; then it returns once Kafka acknowledged all.
     * A rejection names the fields as {@code [index].field}.
     */
    public List<AnswerAccepted> recordTogether(List<AnswerRequest> requests) {
        List<Graded> graded = new ArrayList<>(requests.size());
        List<FieldError> errors = new ArrayList<>();
        Instant now = now();
        for (int i = 0; i < requests.size(); i++) {
            try {
                graded.add(grade(requests.get(i), now));
            } catch (InvalidRequestException e) {
                String prefix = "[" + i + "].";
                e.errors().forEach(error -> errors.add(new FieldError(prefix + error.field(), error.reason())));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        AnswerPublisher.Group group = publisher.group();
        graded.forEach(g -> group.send(g.event()));
        if (!group.awaitAll()) {
            throw group.failure();
        }
        countAccepted(graded);
        return graded.stream().map(Graded::reply).toList();
    }

    private void accepted(Graded graded) {
        metrics.accepted(graded.event().kind());
    }

    /** Once per kind: request threads incrementing one counter per answer of a batch contended on it (3% of the batch path). */
    private void countAccepted(List<Graded> accepted) {
        Map<String, Integer> byKind = new HashMap<>(4);
        accepted.forEach(g -> byKind.merge(g.event().kind(), 1, Integer::sum));
        byKind.forEach(metrics::accepted);
    }

    /** A valid answer, graded: the event to store, and what to reply once it is stored. */
    record Graded(AnswerRecorded event, Question question) {

        /** The single answer's reply: the grade, and now that the learner answered, the key and explanation. */
        AnswerAccepted reply() {
            return new AnswerAccepted(event.eventId(), event.correct(), event.score(), Feedback.of(question));
        }

        /**
         * A batch item's result holds the grade only, so the feedback (a walk over the question's
         * options) is not built for it: a batch of 500 would build 500 and drop them.
         */
        BatchResult batchResult(int index) {
            return BatchResult.accepted(index, event.eventId(), event.correct(), event.score());
        }
    }

    /** When an answer is recorded: to the millisecond, as the event's JSON carries it. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    Graded grade(AnswerRequest request, Instant now) {
        List<FieldError> errors = validator.validate(request);
        if (!errors.isEmpty()) {
            throw rejected(errors, Reason.INVALID);
        }
        Question question = catalog.question(request.questionId())
                .orElseThrow(() -> rejected(List.of(new FieldError("questionId", "no question '" + request.questionId() + "'")),
                        Reason.UNKNOWN_QUESTION));
        Response response = validator.toResponse(request.response());
        Grade grade;
        try {
            grade = grader.grade(question, response);
        } catch (InvalidResponseException e) {
            throw rejected(List.of(new FieldError(e.field(), e.getMessage())), Reason.UNGRADABLE);
        }
        try {
            // charged only for answers that would be stored: a learner's budget is their real answers
            limits.admitLearner(request.learnerId());
        } catch (RateLimitedException e) {
            metrics.rejected("learnerId", Reason.RATE_LIMITED);
            throw e;
        }
        String eventId = request.eventId() != null ? request.eventId() : EventIds.next();
        var event = new AnswerRecorded(AnswerRecorded.SCHEMA, eventId, request.learnerId(), question.id(), question.topic(),
                question.skills(), question.kind().id(), question.difficulty(),
                question.kind() == QuestionKind.CODE_OUTPUT ? List.of() : listOf(response),
                question.kind() == QuestionKind.CODE_OUTPUT ? response.text() : null,
                grade.correct(), grade.score(),
                request.answeredAt() != null ? request.answeredAt() : now,
                request.responseMs() != null ? request.responseMs() : 0L,
                now);
        return new Graded(event, question);
    }

    private InvalidRequestException rejected(List<FieldError> errors, Reason reason) {
        errors.forEach(e -> metrics.rejected(e.field(), reason));
        return new InvalidRequestException(errors);
    }

    private static List<String> listOf(Response response) {
        return response.isList() ? response.items() : List.of(response.text());
    }
}
