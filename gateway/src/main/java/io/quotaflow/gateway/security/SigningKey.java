package io.quotaflow.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;

/** The gateway's RSA signing key, loaded from a PEM file; its key id is the RFC 7638 thumbprint. */
public final class SigningKey {

    private final RSAKey jwk;

    private SigningKey(RSAKey jwk) {
        this.jwk = jwk;
    }

    /**
     * Loads the key; if {@code generateIfMissing} and {@code pem} is a file that does not exist yet, first
     * writes a new 2048-bit key there (readable by its owner only). The embedded demo and a single-instance
     * compose deployment use this; several gateway instances must share one provisioned key instead.
     */
    public static SigningKey loadOrGenerate(Resource pem, boolean generateIfMissing) {
        if (generateIfMissing && !pem.exists()) {
            try {
                generate(pem.getFile().toPath());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the signing key " + pem, e);
            }
        }
        return load(pem);
    }

    static void generate(Path file) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on file systems without POSIX permissions
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is required by every Java runtime", e);
        }
    }

    public static SigningKey load(Resource pem) {
        try (InputStream in = pem.getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
                throw new IllegalArgumentException(pem + " is not a PEM PKCS#8 private key");
            }
            String base64 = text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            RSAKey withoutId = new RSAKey.Builder(publicKey).privateKey(privateKey).build();
            return new SigningKey(new RSAKey.Builder(withoutId).keyUse(KeyUse.SIGNATURE)
                    .keyID(withoutId.computeThumbprint().toString()).build());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing key " + pem, e);
        } catch (GeneralSecurityException | JOSEException | ClassCastException e) {
            throw new IllegalArgumentException("cannot use the signing key " + pem + ": " + e.getMessage(), e);
        }
    }

    public RSAKey jwk() {
        return jwk;
    }

    public RSAPublicKey publicKey() {
        try {
            return jwk.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public JWK set, safe to publish. */
    public Map<String, Object> publicJwkSet() {
        return new JWKSet(jwk.toPublicJWK()).toJSONObject();
    }
}
