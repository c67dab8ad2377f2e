package io.quotaflow.target.decomposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.api.ThrowableAssertAlternative;

/** Asserts that something is rejected with a {@link DecompositionException} naming a given field. */
final class Rejections {

    private Rejections() {
    }

    static ThrowableAssertAlternative<DecompositionException> assertRejectedOn(String field, ThrowingCallable call) {
        ThrowableAssertAlternative<DecompositionException> rejection =
                assertThatExceptionOfType(DecompositionException.class).isThrownBy(call);
        rejection.satisfies(error -> assertThat(error.field()).as("field of %s", error).isEqualTo(field));
        return rejection;
    }
}
