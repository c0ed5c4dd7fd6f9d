package dev.hone.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.ServletRequestPathFilter;

/**
 * What every service shares: the dev issuer's decoder (only when no real identity provider is
 * configured: Boot's resource-server configuration, which runs first, then provides the decoder)
 * and the problem bodies for 401/403; every decoder remembers the tokens it verified
 * ({@link VerifiedTokenCache}); Spring Security's own observations are off; the firewall's header
 * rules and the bearer header are read without regular expressions ({@link HeaderText},
 * {@link BearerHeader}).
 */
@AutoConfiguration(after = OAuth2ResourceServerAutoConfiguration.class)
@EnableConfigurationProperties(SecuritySettings.class)
public class HoneSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    JwtDecoder devTokenDecoder(SecuritySettings settings) {
        return DevTokenIssuer.decoder(settings.devSecret(), settings.devIssuer());
    }

    /**
     * Wraps whichever decoder the service ends up with (the dev issuer's or Boot's for a real identity
     * provider) so each token is verified once while it is valid.
     */
    @Bean
    static BeanPostProcessor verifiedTokenCache(ObjectProvider<SecuritySettings> settings) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokenCache)) {
                    SecuritySettings.TokenCache cache = settings.getObject().tokenCache();
                    return cache.enabled() ? new VerifiedTokenCache(decoder, cache.maxMemory().toBytes(), cache.maxAge()) : bean;
                }
                return bean;
            }
        };
    }

    /**
     * No Spring Security observations: they timed every filter of every request (a wrapper per filter even
     * with {@code management.observations.enable.spring.security=false}, which only makes them no-ops), about
     * 5% of a single answer's CPU in the bench's profile; the request itself stays timed by
     * {@code http.server.requests}.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Every {@code requestMatchers("/path/{var}")} rule becomes a {@code PathPatternRequestMatcher} (Spring Security 7's
     * default, opted into here as its migration guide says) instead of an {@code MvcRequestMatcher}, which asked Spring
     * MVC's {@code HandlerMappingIntrospector} about the request for each rule tried: the rules were 10% of a batch
     * request's CPU in ingest's profile. Same patterns, same path variables for {@link Access#variable}.
     */
    @Bean
    @ConditionalOnMissingBean(PathPatternRequestMatcher.Builder.class)
    PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /**
     * The request's path parsed once, before the security filters: a {@code PathPatternRequestMatcher} that finds no
     * parsed path parses it, stores it as a request attribute and removes it again, for every rule it tries (about a
     * tenth of the filter chain's CPU on a single answer). Spring MVC's filter keeps it for the whole request.
     */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<ServletRequestPathFilter> requestPathParsedOnce() {
        var registration = new FilterRegistrationBean<>(new ServletRequestPathFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Spring Security's firewall with its default rules, the header checks done without regular expressions
     * ({@link HeaderText}); Spring Security takes a firewall bean for its filter chain.
     */
    @Bean
    @ConditionalOnMissingBean(HttpFirewall.class)
    StrictHttpFirewall httpFirewall() {
        var firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderText::isAllowedName);
        firewall.setAllowedHeaderValues(HeaderText::isAllowedValue);
        return firewall;
    }

    /** The bearer token read without a regular expression when the header is well formed ({@link BearerHeader}). */
    @Bean
    @ConditionalOnMissingBean(BearerTokenResolver.class)
    BearerTokenResolver bearerTokenResolver() {
        return new BearerHeader();
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemResponses problemResponses(ObjectMapper json) {
        return new ProblemResponses(json);
    }
}
