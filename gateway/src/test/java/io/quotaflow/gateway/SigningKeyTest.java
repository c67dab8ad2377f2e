package io.quotaflow.gateway;

import io.quotaflow.gateway.security.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeyTest {

    @Test
    void shouldGenerateAMissingKeyOnceAndKeepItAcrossRestarts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/gateway.pem");

        SigningKey first = SigningKey.loadOrGenerate(new FileSystemResource(file), true);
        SigningKey second = SigningKey.loadOrGenerate(new FileSystemResource(file), true);

        assertThat(second.jwk().getKeyID()).isEqualTo(first.jwk().getKeyID());
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(first.publicJwkSet().toString()).doesNotContain("\"d\"");
    }

    @Test
    void shouldRefuseAMissingKeyUnlessAskedToGenerateIt(@TempDir Path dir) {
        assertThatThrownBy(() -> SigningKey.loadOrGenerate(new FileSystemResource(dir.resolve("absent.pem")), false))
                .hasMessageContaining("cannot read the signing key");
    }

    @Test
    void shouldRefuseAFileThatIsNotAPrivateKey(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n");

        assertThatThrownBy(() -> SigningKey.load(new FileSystemResource(file)))
                .hasMessageContaining("is not a PEM PKCS#8 private key");
    }
}
