package io.storyteller.command.validation;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for a query's or command's answer for at most the configured time; a failure is rethrown as it was. */
final class Requests {

    private final Duration timeout;

    Requests(Duration timeout) {
        this.timeout = timeout;
    }

    <T> T await(CompletableFuture<T> answer) {
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new IllegalStateException("no answer within " + timeout, e);
        }
    }
}
