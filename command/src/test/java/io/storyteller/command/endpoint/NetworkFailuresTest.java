package io.storyteller.command.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import org.junit.jupiter.api.Test;

class NetworkFailuresTest {

    @Test
    void aFailureIsNamedByWhatWentWrongNeverByItsType() {
        assertThat(NetworkFailures.reason(new ConnectException("Connection refused: localhost/127.0.0.1:9")))
                .isEqualTo("connection refused");
        assertThat(NetworkFailures.reason(new IOException("wrapped", new UnknownHostException("hub.internal"))))
                .isEqualTo("unknown host");
        assertThat(NetworkFailures.reason(new HttpConnectTimeoutException("HTTP connect timed out")))
                .isEqualTo("connection timed out");
        assertThat(NetworkFailures.reason(new IOException("GOAWAY received from 10.0.0.7"))).isEqualTo("network error");
    }
}
