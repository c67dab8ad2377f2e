package io.quotaflow.testsupport.property;

/** A seed of a property run and where it came from. */
public record Seed(long value, Origin origin) {

    public enum Origin {
        /** One of the seeds every build runs. */
        FIXED,
        /** Drawn anew for this test JVM. */
        FRESH,
        /** Given with {@code -Dquotaflow.seed}. */
        GIVEN
    }

    @Override
    public String toString() {
        return "seed " + value + " (" + origin.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
