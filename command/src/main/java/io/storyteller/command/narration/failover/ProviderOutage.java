package io.storyteller.command.narration.failover;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Whether a narrator failed because its provider is down, which another narrator can make up for:
 * its circuit breaker is open, it could not be reached or did not answer in time, or it answered
 * 5xx, 429 (too many requests) or 408 after Spring AI's retries. A request the provider refused as
 * such (another 4xx), a model that cannot be served and anything else are not outages: another
 * narrator would not hide them, and they must be seen.
 */
public final class ProviderOutage {

    /** Spring AI's errors word HTTP failures as "HTTP 503 - …" or "503 SERVICE_UNAVAILABLE - …". */
    private static final Pattern STATUS_PREFIX = Pattern.compile("^(?:HTTP )?(\\d{3})\\b");
    private static final Pattern ANTHROPIC_STATUS = Pattern.compile("^Response exception, Status: \\[(\\d{3})\\b");

    private ProviderOutage() {
    }

    public static boolean isOutage(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof CallNotPermittedException || t instanceof TimeoutException
                    || t instanceof SocketTimeoutException || t instanceof HttpTimeoutException
                    || t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException || t instanceof WebClientRequestException
                    || t instanceof ResourceAccessException) {
                return true;
            }
            if (t instanceof WebClientResponseException e) {
                return outageStatus(e.getStatusCode().value());
            }
            if (t instanceof RestClientResponseException e) {
                return outageStatus(e.getStatusCode().value());
            }
            if (t instanceof TransientAiException || t instanceof NonTransientAiException) {
                Matcher status = STATUS_PREFIX.matcher(t.getMessage() == null ? "" : t.getMessage());
                // A transient error without a status is one Spring AI retried for its own reasons: the provider's.
                return status.find() ? outageStatus(Integer.parseInt(status.group(1))) : t instanceof TransientAiException;
            }
            Matcher anthropic = ANTHROPIC_STATUS.matcher(t.getMessage() == null ? "" : t.getMessage());
            if (anthropic.find()) {
                return outageStatus(Integer.parseInt(anthropic.group(1)));
            }
        }
        return false;
    }

    static boolean outageStatus(int code) {
        return code >= 500 || code == 429 || code == 408;
    }
}
