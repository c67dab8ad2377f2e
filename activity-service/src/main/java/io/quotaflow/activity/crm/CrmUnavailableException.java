package io.quotaflow.activity.crm;

/** The CRM's own API could not be read (timeout, errors, breaker open): answered 503 so that the CRM retries. */
public class CrmUnavailableException extends RuntimeException {

    public CrmUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
