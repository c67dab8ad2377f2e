package io.quotaflow.events.org;

import java.time.LocalDate;

/**
 * A rep's time on a team, both days included; {@code to} is {@code null} while it lasts. A rep who moves team
 * mid-month has two memberships in that month, so that activity is attributed to the team of its day.
 */
public record TeamMembership(String teamId, LocalDate from, LocalDate to) {

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }
}
