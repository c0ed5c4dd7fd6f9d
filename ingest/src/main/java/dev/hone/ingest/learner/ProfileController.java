package dev.hone.ingest.learner;

import dev.hone.events.Ids;
import dev.hone.catalog.Catalog;
import dev.hone.events.LearnerProfile;
import dev.hone.events.Topics;
import dev.hone.ingest.kafka.KafkaSettings;
import dev.hone.ingest.web.FieldError;
import dev.hone.ingest.web.InvalidRequestException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A learner's profile (cohort, track) and erasure, as records on the compacted
 * {@code hone.learners.v1}: the recommender takes the track from it, analytics the cohort, and
 * a tombstone makes both forget the learner. Profiles are for admins; erasure for admins and the
 * learner themselves (see {@code dev.hone.ingest.access.IngestSecurity}).
 */
@RestController
@RequestMapping("/api/v1/learners/{learnerId}")
class ProfileController {

    private final Producer<String, byte[]> producer;
    private final KafkaSettings settings;
    private final Catalog catalog;

    ProfileController(Producer<String, byte[]> answerProducer, KafkaSettings settings, Catalog catalog) {
        this.producer = answerProducer;
        this.settings = settings;
        this.catalog = catalog;
    }

    @PutMapping("/profile")
    @ResponseStatus(HttpStatus.ACCEPTED)
    LearnerProfile profile(@PathVariable("learnerId") String learnerId, @RequestBody ProfileRequest body) {
        List<FieldError> errors = new ArrayList<>();
        check("learnerId", learnerId, errors);
        if (body.cohort() != null) {
            check("cohort", body.cohort(), errors);
        }
        if (body.track() != null && !catalog.hasTrack(body.track())) {
            errors.add(new FieldError("track", "must be one of " + catalog.tracks().stream().map(t -> t.id()).toList()));
        }
        if (body.name() != null && (body.name().isBlank() || body.name().length() > 200)) {
            errors.add(new FieldError("name", "must be 1-200 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        var profile = new LearnerProfile(LearnerProfile.SCHEMA, learnerId, body.cohort(), body.track(), body.name());
        send(learnerId, Topics.LEARNERS.valueSerde().serializer().serialize(Topics.LEARNERS_NAME, profile));
        return profile;
    }

    /** Erasure: a tombstone; the recommender drops the learner's state and analytics their rows. */
    @DeleteMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> erase(@PathVariable("learnerId") String learnerId) {
        List<FieldError> errors = new ArrayList<>();
        check("learnerId", learnerId, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        send(learnerId, null);
        return Map.of("learnerId", learnerId, "status", "erasure requested");
    }

    private void send(String learnerId, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(Topics.LEARNERS_NAME, learnerId, value))
                    .get(settings.produceTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new dev.hone.ingest.kafka.AnswerPublisher.PublishFailedException("Kafka did not acknowledge the profile", e);
        }
    }

    private static void check(String field, String value, List<FieldError> errors) {
        if (!Ids.isValid(value)) {
            errors.add(new FieldError(field, Ids.RULE));
        }
    }
}
