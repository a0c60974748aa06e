package io.storyteller.ops.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailureKindTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            provider answered 429 Too Many Requests                                   | PROVIDER_RATE_LIMITED
            provider answered 401 Unauthorized                                        | PROVIDER_CLIENT_ERROR
            provider answered 529 Overloaded                                          | PROVIDER_SERVER_ERROR
            narrator timed out after 60 s                                             | TIMEOUT
            provider connection timed out                                             | TIMEOUT
            could not reach the provider                                              | PROVIDER_UNREACHABLE
            provider refused the request                                              | PROVIDER_REFUSED
            provider endpoint openai-eu is failing: calls to it are paused for a while | MODEL_UNAVAILABLE
            no house model: no lore or story text has been written yet to learn from  | MODEL_UNAVAILABLE
            every candidate went beyond what the world's content rating (TEEN) allows | CONTENT_REFUSED
            every candidate failed                                                    | ALL_CANDIDATES_FAILED
            the world's narrator deployment could not be resolved in time             | NO_ROUTE
            narrator returned no text                                                 | EMPTY_ANSWER
            world 3f2a is not known to the narrator                                   | UNKNOWN_WORLD
            narrator failed (IllegalStateException)                                   | OTHER
            """)
    void aReasonIsSortedIntoItsKind(String reason, FailureKind kind) {
        assertThat(FailureKind.of(reason)).isEqualTo(kind);
    }

    @Test
    void aBudgetRefusalIsKnownByItsCodeNotItsWording() {
        String reason = "Narration refused: the daily budget of world w1 (0.01 USD) is spent (0.012 USD so far).";
        assertThat(FailureKind.of(reason, "BUDGET_EXHAUSTED")).isEqualTo(FailureKind.BUDGET_EXHAUSTED);
        assertThat(FailureKind.of("provider answered 429 Too Many Requests", null)).isEqualTo(FailureKind.PROVIDER_RATE_LIMITED);
    }
}
