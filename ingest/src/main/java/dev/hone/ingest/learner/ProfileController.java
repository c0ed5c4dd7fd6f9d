package dev.hone.ingest.learner;

import dev.hone.events.Ids;
import dev.hone.catalog.Catalog;
import dev.hone.events.LearnerProfile;
import dev.hone.events.Topics;
import dev.hone.ingest.web.FieldError;
import dev.hone.ingest.web.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/**
 * A learner's profile (cohort, track), a record on the compacted {@code hone.learners.v1}: the
 * recommender takes the track from it, analytics the cohort. Profiles are for admins (see
 * {@code dev.hone.ingest.access.IngestSecurity}); erasure is {@link ErasureController}.
 */
@RestController
@RequestMapping("/api/v1/learners/{learnerId}")
class ProfileController {

    private final LearnerRecords records;
    private final Catalog catalog;

    ProfileController(LearnerRecords records, Catalog catalog) {
        this.records = records;
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
        records.publish(learnerId, Topics.LEARNERS.valueSerde().serializer().serialize(Topics.LEARNERS_NAME, profile));
        return profile;
    }

    private static void check(String field, String value, List<FieldError> errors) {
        if (!Ids.isValid(value)) {
            errors.add(new FieldError(field, Ids.RULE));
        }
    }
}
