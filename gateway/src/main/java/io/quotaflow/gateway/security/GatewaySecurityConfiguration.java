package io.quotaflow.gateway.security;

import java.util.List;

import io.quotaflow.web.FieldProblem;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.quotaflow.gateway.access.RouteAccess;
import io.quotaflow.gateway.web.ProblemResponses;
import io.quotaflow.web.FieldProblem;
import io.quotaflow.web.ProblemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

import java.time.Clock;

/**
 * The gateway authenticates every external call to {@code /api/**} with a JWT before routing it. Signed
 * CRM webhooks pass without one (their signature is checked by activity-service); health and the JWK set are
 * public; the rest of the actuator answers only on the internal management port. The services validate the same
 * token again.
 */
@Configuration
@EnableWebFluxSecurity
public class GatewaySecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GatewaySecurityConfiguration.class);

    /** What the public port tells anyone of the gateway's health (see PublicHealthController). */
    static final String[] PUBLIC_HEALTH = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"};

    /** Webhooks authenticated by their signature, not by a token. */
    static final String[] SIGNED_WEBHOOKS = {"/api/crm/hubspot", "/api/crm/salesforce", "/api/crm/webhook"};

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ProblemResponses problems, RouteAccess routeAccess) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        // The actuator answers on the internal management port only: Prometheus scrapes it there.
                        .matchers(EndpointRequest.toAnyEndpoint()).permitAll()
                        .pathMatchers(HttpMethod.GET, PUBLIC_HEALTH).permitAll()
                        .pathMatchers("/.well-known/jwks.json").permitAll()
                        .pathMatchers(HttpMethod.POST, "/auth/dev-token").permitAll()
                        .pathMatchers(HttpMethod.POST, SIGNED_WEBHOOKS).permitAll()
                        .pathMatchers("/api/**").access(routeAccess)
                        .pathMatchers("/actuator/**").authenticated()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> {
                        })
                        .authenticationEntryPoint((exchange, e) -> problems.write(exchange,
                                ProblemFactory.unauthorized()))
                        .accessDeniedHandler((exchange, e) -> problems.write(exchange,
                                ProblemFactory.forbidden())))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((exchange, e) -> problems.write(exchange,
                                ProblemFactory.unauthorized()))
                        .accessDeniedHandler((exchange, e) -> problems.write(exchange,
                                ProblemFactory.forbidden())))
                .build();
    }

    /**
     * Tokens are validated against the gateway's own key (embedded demo, or a configured key in
     * production) or against the external issuer's JWK set; expiry, issuer and audience are checked either way.
     */
    /**
     * A request Spring Security's firewall refuses before any filter (an encoded slash, backslash or NUL in the path,
     * {@code ..} segments) is a 400 problem naming the path, like every other refusal, not an empty 400.
     */
    @Bean
    ServerExchangeRejectedHandler problemExchangeRejectedHandler(ProblemResponses problems) {
        return (exchange, rejected) -> problems.write(exchange, ProblemFactory.invalid(
                List.of(new FieldProblem("path", "must not contain encoded slashes, backslashes, NUL or '..' segments"))));
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(TokenProperties properties, ObjectProvider<SigningKey> ownKey, Clock clock) {
        NimbusReactiveJwtDecoder decoder;
        if (properties.hasOwnKey()) {
            decoder = NimbusReactiveJwtDecoder.withPublicKey(ownKey.getObject().publicKey()).build();
        } else if (properties.jwkSetUri() != null) {
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        } else {
            throw new IllegalStateException("The gateway cannot validate tokens: set QUOTAFLOW_SIGNING_KEY_LOCATION "
                    + "(its own key) or QUOTAFLOW_JWK_SET_URI (an OIDC issuer's key set).");
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(), new JwtIssuerValidator(properties.issuer()),
                new JwtAudienceValidator(properties.audience())));
        return properties.cache().isZero() ? decoder
                : new CachingReactiveJwtDecoder(decoder, properties.cache(), 10_000, clock);
    }

    /** The gateway's own signing key: published as a JWK set, and used to mint dev tokens. */
    @Configuration
    @Conditional(OwnKey.Present.class)
    static class OwnKey {

        @Bean
        SigningKey signingKey(TokenProperties properties, ResourceLoader resources) {
            return SigningKey.loadOrGenerate(resources.getResource(properties.signingKeyLocation()),
                    properties.generateSigningKey());
        }

        @Bean
        JwtEncoder jwtEncoder(SigningKey key) {
            return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key.jwk())));
        }

        static class Present implements Condition {
            @Override
            public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
                return StringUtils.hasText(context.getEnvironment()
                        .getProperty("quotaflow.gateway.tokens.signing-key-location"));
            }
        }
    }

    /** Dev-only token minting; refuses to start in a production profile. */
    @Configuration
    @ConditionalOnProperty(name = "quotaflow.gateway.tokens.dev-tokens.enabled", havingValue = "true")
    static class DevTokens {

        DevTokens(Environment environment, TokenProperties properties) {
            if (environment.acceptsProfiles(Profiles.of("prod", "production"))) {
                throw new IllegalStateException("dev tokens must never be enabled in a production profile");
            }
            if (!properties.hasOwnKey()) {
                throw new IllegalStateException("dev tokens need quotaflow.gateway.tokens.signing-key-location");
            }
            log.warn("DEV TOKENS ARE ON: anyone who can reach POST /auth/dev-token can mint any identity. "
                    + "Never enable this outside a local demo.");
        }
    }
}
