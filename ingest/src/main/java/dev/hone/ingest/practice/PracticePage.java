package dev.hone.ingest.practice;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The learner's practice page: static HTML and JS ({@code static/practice/}) on ingest's own API,
 * so it needs no build step. Open: it holds no data until the learner signs in with a token.
 */
@Controller
class PracticePage {

    @GetMapping({"/practice", "/practice/"})
    String page() {
        return "forward:/practice/index.html";
    }
}
