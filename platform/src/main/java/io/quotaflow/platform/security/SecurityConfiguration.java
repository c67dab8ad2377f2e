package io.quotaflow.platform.security;

import io.quotaflow.platform.web.ProblemResponses;
import io.quotaflow.web.ProblemFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Every Quotaflow service is an OAuth2 resource server: each call carries a JWT that the service
 * validates itself (signature from the JWK set, issuer, audience {@code quotaflow.security.audience}, expiry)
 * even though the gateway already did.
 * Roles come from the {@code roles} claim (see {@code quotaflow-defaults.yml}). Failures are answered
 * with RFC 9457 problem details.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    private static final String[] ALWAYS_PUBLIC = {
            "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error"};

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain quotaflowSecurityFilterChain(HttpSecurity http, SecurityProperties properties,
                                                     ProblemResponses problems) throws Exception {
        String[] servicePublic = properties.publicPaths().toArray(String[]::new);
        http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(ALWAYS_PUBLIC).permitAll()
                        .requestMatchers(servicePublic).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> {
                        })
                        .authenticationEntryPoint((request, response, e) -> problems.write(response,
                                ProblemFactory.unauthorized()))
                        .accessDeniedHandler((request, response, e) -> problems.write(response,
                                ProblemFactory.forbidden())))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> problems.write(response,
                                ProblemFactory.unauthorized()))
                        .accessDeniedHandler((request, response, e) -> problems.write(response,
                                ProblemFactory.forbidden())));
        return http.build();
    }

    /**
     * Wraps the resource server's token decoder (Spring Boot's, from the JWK set, issuer and audience settings) so
     * that a validated token is remembered for {@code quotaflow.security.token-cache}; see {@link CachingJwtDecoder}.
     */
    @Bean
    @ConditionalOnMissingBean(name = "quotaflowTokenCache")
    static BeanPostProcessor quotaflowTokenCache(ObjectProvider<SecurityProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof JwtDecoder decoder) || bean instanceof CachingJwtDecoder) {
                    return bean;
                }
                Duration ttl = properties.getObject().tokenCache();
                return ttl.isZero() ? bean : new CachingJwtDecoder(decoder, ttl, 10_000, Clock.systemUTC());
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean(name = "callerArgumentResolver")
    WebMvcConfigurer callerArgumentResolver() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    WhoAmIController whoAmIController() {
        return new WhoAmIController();
    }
}
