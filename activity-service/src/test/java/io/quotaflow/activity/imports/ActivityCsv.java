package io.quotaflow.activity.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntPredicate;

/**
 * A CSV file of historical activity, {@code rows} long, written as it is read (never held whole): calls and closed
 * deals of reps {@code r-001} … {@code r-005} over the 300 days before 2027-01-19, 2,000 customers. The rows for which
 * {@code bad} holds have a negative amount.
 */
final class ActivityCsv {

    static final String HEADER = "source,externalId,type,repId,occurredAt,customerId,amount,currency,channel,dealId\n";
    private static final Instant LAST = Instant.parse("2027-01-19T08:00:00Z");

    private final String prefix;
    private final int rows;
    private final IntPredicate bad;

    ActivityCsv(String prefix, int rows, IntPredicate bad) {
        this.prefix = prefix;
        this.rows = rows;
        this.bad = bad;
    }

    /** Row {@code i} (0-based); it is on line {@code i + 2} of the file. */
    String row(int i) {
        String rep = "r-00" + (1 + i % 5);
        Instant at = LAST.minus(Duration.ofMinutes(i % (300 * 24 * 60)));
        String customer = "c-" + (i % 2_000);
        if (i % 4 == 0) {
            String amount = bad.test(i) ? "-1.00" : (1_000 + i % 997) + ".50";
            return "crm-export," + prefix + i + ",DEAL_CLOSED," + rep + "," + at + "," + customer + "," + amount
                    + ",CNY,REFERRAL,d-" + prefix + i + "\n";
        }
        return "crm-export," + prefix + i + ",FOLLOW_UP_LOGGED," + rep + "," + at + "," + customer + ","
                + (bad.test(i) ? "-1.00,CNY" : ",") + ",CALL,\n";
    }

    /** The file as a stream, generated while it is read. */
    InputStream stream() {
        return new InputStream() {
            private byte[] line = HEADER.getBytes(StandardCharsets.UTF_8);
            private int position;
            private int next;

            @Override
            public int read() {
                if (position == line.length) {
                    if (next == rows) {
                        return -1;
                    }
                    line = row(next++).getBytes(StandardCharsets.UTF_8);
                    position = 0;
                }
                return line[position++] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                int n = 0;
                while (n < length) {
                    int b = read();
                    if (b < 0) {
                        return n == 0 ? -1 : n;
                    }
                    buffer[offset + n++] = (byte) b;
                }
                return n;
            }
        };
    }

    /** Writes the file out (to disk, for an upload). */
    void writeTo(OutputStream out) {
        try (InputStream in = stream()) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
