package dev.hone.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * What every service shares: the dev issuer's decoder (only when no real identity provider is
 * configured: Boot's resource-server configuration, which runs first, then provides the decoder)
 * and the problem bodies for 401/403.
 */
@AutoConfiguration(after = OAuth2ResourceServerAutoConfiguration.class)
@EnableConfigurationProperties(SecuritySettings.class)
public class HoneSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    JwtDecoder devTokenDecoder(SecuritySettings settings) {
        return DevTokenIssuer.decoder(settings.devSecret(), settings.devIssuer());
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemResponses problemResponses(ObjectMapper json) {
        return new ProblemResponses(json);
    }
}
