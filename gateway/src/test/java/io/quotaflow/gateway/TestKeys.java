package io.quotaflow.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.quotaflow.gateway.security.SigningKey;
import org.springframework.core.io.FileSystemResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/** A throw-away PEM signing key for the gateway under test (one per test JVM), and tokens signed with it. */
final class TestKeys {

    private static final Path SIGNING_KEY = generate();

    private TestKeys() {
    }

    static Path writeSigningKey() {
        return SIGNING_KEY;
    }

    /** Claims a token of {@code issuer} for the default audience carries: an ADMIN, valid for five minutes. */
    static JWTClaimsSet.Builder claims(String issuer) {
        return new JWTClaimsSet.Builder().issuer(issuer).audience("quotaflow").subject("ops")
                .claim("roles", List.of("ADMIN")).expirationTime(new Date(System.currentTimeMillis() + 300_000));
    }

    /** {@code claims} signed RS256 with the gateway's own key: what only the gateway (or its issuer) can mint. */
    static String signedByTheGateway(JWTClaimsSet claims) {
        SigningKey key = SigningKey.loadOrGenerate(new FileSystemResource(SIGNING_KEY), false);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.jwk().getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key.jwk()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            Path file = Files.createTempFile("gateway-test-key", ".pem");
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
