package io.quotaflow.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic event ids: a name-based UUID (version 5, SHA-1, RFC 9562) over the parts that identify
 * the fact at its source. The same CRM record sent twice yields the same id, so consumers drop it.
 */
public final class EventIds {

    /** Namespace of all Quotaflow name-based ids. */
    public static final UUID NAMESPACE = UUID.fromString("6f1c1e0a-4b7e-5d2c-9a51-2f0e8b1d7c3a");

    private EventIds() {
    }

    /** The id of the fact named by {@code parts}, e.g. {@code ("hubspot", "deal-42", "DEAL_CLOSED")}. */
    public static UUID of(String... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("at least one part is needed");
        }
        MessageDigest sha1 = sha1();
        sha1.update(toBytes(NAMESPACE));
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] == null) {
                throw new IllegalArgumentException("part " + i + " is null");
            }
            if (i > 0) {
                sha1.update((byte) 0x1f); // unit separator: ("a","bc") and ("ab","c") differ
            }
            sha1.update(parts[i].getBytes(StandardCharsets.UTF_8));
        }
        byte[] hash = sha1.digest();
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer buffer = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    private static byte[] toBytes(UUID uuid) {
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java runtime", e);
        }
    }
}
