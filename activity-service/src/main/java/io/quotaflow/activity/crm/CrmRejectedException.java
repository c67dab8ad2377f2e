package io.quotaflow.activity.crm;

import org.springframework.http.HttpStatus;

/**
 * A CRM request whose credential does not hold: no valid signature, a stale timestamp (401), or another
 * organisation's (403). Nothing of it is published.
 */
public class CrmRejectedException extends RuntimeException {

    private final HttpStatus status;

    private CrmRejectedException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public static CrmRejectedException unauthenticated(String message) {
        return new CrmRejectedException(HttpStatus.UNAUTHORIZED, message);
    }

    public static CrmRejectedException wrongOrganisation(String message) {
        return new CrmRejectedException(HttpStatus.FORBIDDEN, message);
    }

    public HttpStatus status() {
        return status;
    }
}
