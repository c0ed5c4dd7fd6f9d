package dev.hone.ingest.web;

import com.fasterxml.jackson.core.StreamReadConstraints;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class JsonConfig {

    /**
     * The deepest JSON ingest reads. An answer is 3 levels deep and an xAPI statement about 8;
     * Jackson's default (1,000) would let a hostile body make the parser do needless work.
     */
    static final int MAX_NESTING_DEPTH = 32;

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonDepth() {
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build()));
    }
}
