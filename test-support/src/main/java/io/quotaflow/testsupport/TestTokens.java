package io.quotaflow.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Mints tokens the way the gateway does (RS256, claims {@code iss}, {@code aud}, {@code sub}, {@code roles},
 * {@code repId}, {@code teamIds}) with a key generated per test JVM, and serves that key as a JWK set over HTTP so
 * services validate test tokens exactly as they validate real ones. Also mints the tokens a service must refuse:
 * expired, tampered, signed by a stranger, for another issuer or audience, unsigned.
 */
public final class TestTokens {

    public static final String ISSUER = "http://quotaflow.test";
    /** The default of {@code quotaflow.security.audience}, which the services under test keep. */
    public static final String AUDIENCE = "quotaflow";

    private final RSAKey key;
    private final RSAKey stranger;
    private final String jwkSetUri;

    private TestTokens() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            stranger = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        jwkSetUri = serve(new JWKSet(key.toPublicJWK()).toString());
    }

    /** Started on first use, once per JVM (initialisation-on-demand holder). */
    public static TestTokens shared() {
        return Shared.INSTANCE;
    }

    private static final class Shared {
        static final TestTokens INSTANCE = new TestTokens();
    }

    public String jwkSetUri() {
        return jwkSetUri;
    }

    public String admin() {
        return token("ops-admin", List.of("ADMIN"), null, List.of());
    }

    public String manager(String subject, String... teamIds) {
        return token(subject, List.of("MANAGER"), null, List.of(teamIds));
    }

    public String rep(String repId) {
        return token(repId, List.of("REP"), repId, List.of());
    }

    public String integration() {
        return token("crm-sync", List.of("INTEGRATION"), null, List.of());
    }

    public String token(String subject, List<String> roles, String repId, List<String> teamIds) {
        return sign(key, claims(subject, roles, repId, teamIds, Instant.now().plus(Duration.ofMinutes(30))).build());
    }

    /** Same claims, expired a minute ago. */
    public String expired(String subject, List<String> roles) {
        return sign(key, claims(subject, roles, null, List.of(), Instant.now().minus(Duration.ofMinutes(1))).build());
    }

    /** Signed with the trusted key, but issued by someone else. */
    public String wrongIssuer(String subject, List<String> roles) {
        return sign(key, valid(subject, roles).issuer("http://issuer.elsewhere.test").build());
    }

    /** Signed with the trusted key and by the right issuer, but meant for another application. */
    public String wrongAudience(String subject, List<String> roles) {
        return sign(key, valid(subject, roles).audience("another-application").build());
    }

    /** The right claims with {@code "alg": "none"} and no signature at all. */
    public String unsigned(String subject, List<String> roles) {
        return new PlainJWT(valid(subject, roles).build()).serialize();
    }

    /** A valid token with its signature cut off ({@code header.payload.}). */
    public String withoutSignature(String token) {
        return token.substring(0, token.lastIndexOf('.') + 1);
    }

    /** A valid token whose payload was altered after signing (e.g. a REP promoting itself to ADMIN). */
    public String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"REP\"", "\"ADMIN\"").replace("\"MANAGER\"", "\"ADMIN\"");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + forged + "." + parts[2];
    }

    /** Well-formed and signed, with the right key id, but by a key nobody trusts. */
    public String signedByStranger(String subject, List<String> roles) {
        return sign(stranger, valid(subject, roles).build());
    }

    private static JWTClaimsSet.Builder valid(String subject, List<String> roles) {
        return claims(subject, roles, null, List.of(), Instant.now().plus(Duration.ofMinutes(30)));
    }

    private static JWTClaimsSet.Builder claims(String subject, List<String> roles, String repId, List<String> teamIds,
                                               Instant expiresAt) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(30))))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", roles)
                .claim("teamIds", teamIds);
        if (repId != null) {
            claims.claim("repId", repId);
        }
        return claims;
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String serve(String jwkSet) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] body = jwkSet.getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the test JWK set", e);
        }
    }
}
