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
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.UUID;

/** Validates, grades and stores one answer. Nothing reaches Kafka unless every check passed. */
@Service
public class AnswerService {

    private final Catalog catalog;
    private final Grader grader;
    private final AnswerValidator validator;
    private final AnswerPublisher publisher;
    private final Clock clock;
    private final MeterRegistry meters;

    AnswerService(Catalog catalog, Grader grader, AnswerValidator validator, AnswerPublisher publisher,
                  Clock clock, MeterRegistry meters) {
        this.catalog = catalog;
        this.grader = grader;
        this.validator = validator;
        this.publisher = publisher;
        this.clock = clock;
        this.meters = meters;
    }

    /** Grades and stores one answer; returns once Kafka acknowledged it. */
    public AnswerAccepted record(AnswerRequest request) {
        Graded graded = grade(request);
        publisher.publish(graded.event());
        accepted(graded);
        return graded.reply();
    }

    /**
     * Grades every answer, sends the valid ones together and waits for their acknowledgements:
     * one bad item does not reject the good ones, and a batch costs one round of broker latency.
     */
    public List<BatchResult> recordAll(List<AnswerRequest> requests) {
        List<Pending> pending = new ArrayList<>(requests.size());
        for (AnswerRequest request : requests) {
            try {
                Graded graded = grade(request);
                pending.add(new Pending(graded, publisher.send(graded.event()), List.of()));
            } catch (InvalidRequestException e) {
                pending.add(new Pending(null, null, e.errors()));
            }
        }
        List<BatchResult> results = new ArrayList<>(requests.size());
        for (int i = 0; i < pending.size(); i++) {
            results.add(settle(i, pending.get(i)));
        }
        return results;
    }

    /** One batch item between sending and the broker's acknowledgement. */
    private record Pending(Graded graded, Future<RecordMetadata> sent, List<FieldError> errors) {
    }

    private BatchResult settle(int index, Pending item) {
        if (item.graded() == null) {
            return BatchResult.rejected(index, 400, item.errors());
        }
        try {
            publisher.await(item.sent());
        } catch (AnswerPublisher.PublishFailedException e) {
            return BatchResult.rejected(index, 503, List.of(new FieldError("body", "the event log is unavailable; resend with the same eventId")));
        }
        accepted(item.graded());
        return BatchResult.accepted(index, item.graded().reply());
    }

    private void accepted(Graded graded) {
        meters.counter("hone.answers.accepted", "kind", graded.event().kind()).increment();
    }

    /** A valid answer, graded, with the event to store and the reply to give once stored. */
    record Graded(AnswerRecorded event, AnswerAccepted reply) {
    }

    Graded grade(AnswerRequest request) {
        List<FieldError> errors = validator.validate(request);
        if (!errors.isEmpty()) {
            throw rejected(errors);
        }
        Question question = catalog.question(request.questionId())
                .orElseThrow(() -> rejected(List.of(new FieldError("questionId", "no question '" + request.questionId() + "'"))));
        Response response = validator.toResponse(request.response());
        Grade grade;
        try {
            grade = grader.grade(question, response);
        } catch (InvalidResponseException e) {
            throw rejected(List.of(new FieldError(e.field(), e.getMessage())));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String eventId = request.eventId() != null ? request.eventId() : UUID.randomUUID().toString();
        var event = new AnswerRecorded(AnswerRecorded.SCHEMA, eventId, request.learnerId(), question.id(), question.topic(),
                question.skills(), question.kind().id(), question.difficulty(),
                question.kind() == QuestionKind.CODE_OUTPUT ? List.of() : listOf(response),
                question.kind() == QuestionKind.CODE_OUTPUT ? response.text() : null,
                grade.correct(), grade.score(),
                request.answeredAt() != null ? request.answeredAt() : now,
                request.responseMs() != null ? request.responseMs() : 0L,
                now);
        return new Graded(event, new AnswerAccepted(eventId, grade.correct(), grade.score(), Feedback.of(question)));
    }

    private InvalidRequestException rejected(List<FieldError> errors) {
        errors.forEach(e -> meters.counter("hone.answers.rejected", "field", e.field().replaceAll("\\[\\d+]", "")).increment());
        return new InvalidRequestException(errors);
    }

    private static List<String> listOf(Response response) {
        return response.isList() ? response.items() : List.of(response.text());
    }
}
