package io.storyteller.command.narration.failure;

import io.storyteller.command.runtime.ModelUnavailableException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Turns a narrator's failure into the short reason recorded in {@code NarrationFailed} and shown
 * to players. Built only from status codes and exception types, never from exception messages
 * (only a status code is ever read out of one): providers echo request details, some the API key,
 * into error bodies, and some clients put those bodies into their exceptions' messages.
 */
public final class FailureReason {

    /** Spring AI's retry error handler words HTTP errors as "HTTP 429 - body" or "429 TOO_MANY_REQUESTS - body". */
    private static final Pattern STATUS_PREFIX = Pattern.compile("^(?:HTTP )?(\\d{3})\\b");

    /** Spring AI's Anthropic client streams errors as a plain RuntimeException worded so. */
    private static final Pattern ANTHROPIC_STATUS = Pattern.compile("^Response exception, Status: \\[(\\d{3})\\b");

    private FailureReason() {
    }

    public static String of(Throwable failure, Duration timeout) {
        for (Throwable t : chain(failure)) {
            if (t instanceof CannotNarrateException || t instanceof ModelUnavailableException) {
                return t.getMessage(); // worded to be safe
            }
            if (t instanceof TimeoutException) {
                return "narrator timed out after " + format(timeout);
            }
            if (t instanceof WebClientResponseException e) {
                return answered(e.getStatusCode().value());
            }
            if (t instanceof RestClientResponseException e) {
                return answered(e.getStatusCode().value());
            }
            if (t instanceof NonTransientAiException || t instanceof TransientAiException) {
                Matcher status = STATUS_PREFIX.matcher(t.getMessage() == null ? "" : t.getMessage());
                return status.find() ? answered(Integer.parseInt(status.group(1))) : "provider refused the request";
            }
            Matcher anthropic = ANTHROPIC_STATUS.matcher(t.getMessage() == null ? "" : t.getMessage());
            if (anthropic.find()) {
                return answered(Integer.parseInt(anthropic.group(1)));
            }
        }
        for (Throwable t : chain(failure)) {
            if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
                return "provider connection timed out";
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof WebClientRequestException || t instanceof ResourceAccessException) {
                return "could not reach the provider";
            }
        }
        return "narrator failed (" + root(failure).getClass().getSimpleName() + ")";
    }

    /** True when the thread was interrupted, e.g. by a shutdown: then nothing failed, the work just stopped. */
    public static boolean isInterruption(Throwable failure) {
        return Thread.currentThread().isInterrupted()
                || chain(failure).stream().anyMatch(t -> t instanceof InterruptedException);
    }

    private static String answered(int code) {
        HttpStatus status = HttpStatus.resolve(code);
        String phrase = status != null ? status.getReasonPhrase() : code == 529 ? "Overloaded" : null;
        return "provider answered " + code + (phrase == null ? "" : " " + phrase);
    }

    private static String format(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static List<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static Throwable root(Throwable failure) {
        // The root: Reactor wraps checked exceptions in its own ReactiveException, name what it wraps.
        return chain(failure).getLast();
    }
}
