package io.quotaflow.gateway.security;

import io.quotaflow.web.FieldProblem;
import io.quotaflow.web.InvalidInputException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code POST /auth/dev-token}: mints a token for any identity. It exists only when
 * {@code quotaflow.gateway.tokens.dev-tokens.enabled} is on — in the embedded demo, never by default.
 */
@RestController
@ConditionalOnProperty(name = "quotaflow.gateway.tokens.dev-tokens.enabled", havingValue = "true")
class DevTokenController {

    private static final Set<String> ROLES = Set.of("ADMIN", "MANAGER", "REP", "INTEGRATION");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._@:\\-]{1,64}");

    private final JwtEncoder encoder;
    private final SigningKey key;
    private final TokenProperties properties;
    private final Clock clock;

    DevTokenController(JwtEncoder encoder, SigningKey key, TokenProperties properties, Clock clock) {
        this.encoder = encoder;
        this.key = key;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping(path = "/auth/dev-token", consumes = MediaType.APPLICATION_JSON_VALUE)
    DevToken mint(@RequestBody DevTokenRequest request) {
        validate(request);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.devTokens().lifetime());
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .audience(List.of(properties.audience()))
                .subject(request.sub())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .id(UUID.randomUUID().toString())
                .claim("roles", request.roles())
                .claim("teamIds", request.teamIds() == null ? List.of() : request.teamIds());
        if (request.repId() != null) {
            claims.claim("repId", request.repId());
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.jwk().getKeyID()).type("JWT").build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
        return new DevToken(token, "Bearer", expiresAt);
    }

    private static void validate(DevTokenRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        if (request.sub() == null || !ID.matcher(request.sub()).matches()) {
            errors.add(new FieldProblem("sub", "is required: 1-64 letters, digits or . _ @ : -"));
        }
        if (request.roles() == null || request.roles().isEmpty()) {
            errors.add(new FieldProblem("roles", "must name at least one of " + ROLES));
        } else {
            for (int i = 0; i < request.roles().size(); i++) {
                if (!ROLES.contains(request.roles().get(i))) {
                    errors.add(new FieldProblem("roles[" + i + "]", "must be one of " + ROLES));
                }
            }
            if (request.roles().contains("REP") && (request.repId() == null || !ID.matcher(request.repId()).matches())) {
                errors.add(new FieldProblem("repId", "is required for the REP role"));
            }
            if (request.roles().contains("MANAGER") && (request.teamIds() == null || request.teamIds().isEmpty())) {
                errors.add(new FieldProblem("teamIds", "is required for the MANAGER role"));
            }
        }
        if (request.teamIds() != null) {
            for (int i = 0; i < request.teamIds().size(); i++) {
                String team = request.teamIds().get(i);
                if (team == null || !ID.matcher(team).matches()) {
                    errors.add(new FieldProblem("teamIds[" + i + "]", "must be 1-64 letters, digits or . _ @ : -"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    record DevTokenRequest(String sub, List<String> roles, String repId, List<String> teamIds) {
    }

    record DevToken(String token, String tokenType, Instant expiresAt) {
    }
}
