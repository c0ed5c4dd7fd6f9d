package dev.hone.ingest.limit;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class LimitsConfig implements WebMvcConfigurer {

    private final RateLimits limits;

    LimitsConfig(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // the API only: health, metrics and the OpenAPI pages are not charged to a client
        registry.addInterceptor(new ClientRateLimitInterceptor(limits)).addPathPatterns("/api/**", "/xapi/**");
    }

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(LimitSettings settings) {
        var registration = new FilterRegistrationBean<>(new BodyLimitFilter(settings.maxBody().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
