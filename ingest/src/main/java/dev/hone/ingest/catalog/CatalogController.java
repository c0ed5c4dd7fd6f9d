package dev.hone.ingest.catalog;

import dev.hone.catalog.Catalog;
import dev.hone.ingest.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The bank as learners may see it: topics and questions without keys. */
@RestController
@RequestMapping("/api/v1")
class CatalogController {

    private final Catalog catalog;

    CatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    record TopicView(String id, String name, String area) {
    }

    @GetMapping("/topics")
    List<TopicView> topics() {
        return catalog.topics().stream().map(t -> new TopicView(t.id(), t.name(), t.area())).toList();
    }

    @GetMapping("/questions")
    List<QuestionView> questions(@RequestParam(name = "topic", required = false) String topicId) {
        if (topicId == null) {
            return catalog.questions().stream().map(QuestionView::of).toList();
        }
        catalog.topic(topicId).orElseThrow(() -> new NotFoundException("topic", "no topic '" + topicId + "'"));
        return catalog.questionsOf(topicId).stream().map(QuestionView::of).toList();
    }

    @GetMapping("/questions/{id}")
    QuestionView question(@PathVariable("id") String id) {
        return catalog.question(id).map(QuestionView::of)
                .orElseThrow(() -> new NotFoundException("id", "no question '" + id + "'"));
    }
}
