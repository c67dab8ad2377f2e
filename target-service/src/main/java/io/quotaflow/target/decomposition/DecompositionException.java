package io.quotaflow.target.decomposition;

/**
 * A request the engine cannot honour, naming the input {@link #field() field} at fault
 * (for example {@code "allocation.productLines"} or {@code "org.teams[t-9].regionId"}),
 * so that a caller can point its user at the value to fix.
 */
public final class DecompositionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public DecompositionException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** Path of the offending input, in the shape of the request it came from. */
    public String field() {
        return field;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + field + "]: " + getMessage();
    }
}
