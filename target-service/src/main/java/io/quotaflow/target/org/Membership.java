package io.quotaflow.target.org;

import java.time.LocalDate;

/** A rep's time on a team, both days included; {@code to} is {@code null} while it lasts. */
public record Membership(String teamId, LocalDate from, LocalDate to) {

    boolean covers(LocalDate day) {
        return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }
}
