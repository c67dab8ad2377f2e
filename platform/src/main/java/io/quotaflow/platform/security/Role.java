package io.quotaflow.platform.security;

/** The roles carried in the {@code roles} claim of a Quotaflow token. */
public enum Role {
    /** Sales ops: plans, rules, period close; sees everything. */
    ADMIN,
    /** Sees and acts for the teams in the {@code teamIds} claim. */
    MANAGER,
    /** Sees only their own data ({@code repId} claim). */
    REP,
    /** A CRM or other system that may only ingest activity. */
    INTEGRATION;

    public String authority() {
        return "ROLE_" + name();
    }
}
