package io.storyteller.command.runtime;

import io.storyteller.command.endpoint.ProviderEndpoint;
import io.storyteller.command.endpoint.ProviderEndpoints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.ai.retry.autoconfigure.SpringAiRetryProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.retry.RetryCallback;
import org.springframework.retry.RetryContext;
import org.springframework.retry.RetryListener;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.ResponseErrorHandler;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * The one way every provider endpoint's calls fail and retry. Replaces Spring AI's provider error handling (its beans back off for these) with one that keeps
 * error bodies out of exception messages and log lines. Spring AI puts the body into the exception
 * and logs it at WARN on every retry, and providers echo request details there, some the API key.
 * The retry decisions follow {@code spring.ai.retry.*} exactly as Spring AI's own do.
 */
@Configuration(proxyBeanMethods = false)
public class ProviderErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ProviderErrorHandling.class);

    /** Where the providers' keys are configured: masked in the one place a body is logged (DEBUG). */
    private static final List<String> KEY_PROPERTIES = List.of("spring.ai.openai.api-key",
            "spring.ai.openai.chat.api-key", "spring.ai.anthropic.api-key");

    /** Serves Spring AI's auto-configured models and every declared endpoint alike. */
    @Bean
    ResponseErrorHandler responseErrorHandler(ObjectProvider<SpringAiRetryProperties> retry, Environment environment,
            ObjectProvider<ProviderEndpoints> endpoints) {
        SpringAiRetryProperties properties = retry.getIfAvailable(SpringAiRetryProperties::new);
        Stream<String> declaredKeys = endpoints.getIfAvailable(ProviderEndpoints::none).all().stream()
                .map(ProviderEndpoint::apiKey);
        List<String> keys = Stream.concat(KEY_PROPERTIES.stream().map(environment::getProperty), declaredKeys)
                .filter(k -> k != null && k.length() >= 8).distinct().toList();
        return new ResponseErrorHandler() {
            @Override
            public boolean hasError(ClientHttpResponse response) throws IOException {
                return response.getStatusCode().isError();
            }

            @Override
            public void handleError(ClientHttpResponse response) throws IOException {
                HttpStatusCode status = response.getStatusCode();
                if (log.isDebugEnabled()) {
                    String body = StreamUtils.copyToString(response.getBody(), StandardCharsets.UTF_8);
                    log.debug("Provider answered {}: {}", status.value(), masked(body, keys));
                }
                String message = describe(status);
                if (retries(status, properties)) {
                    throw new TransientAiException(message);
                }
                throw new NonTransientAiException(message);
            }
        };
    }

    @Bean
    RetryTemplate retryTemplate(ObjectProvider<SpringAiRetryProperties> retry) {
        SpringAiRetryProperties properties = retry.getIfAvailable(SpringAiRetryProperties::new);
        return RetryTemplate.builder()
                .maxAttempts(properties.getMaxAttempts())
                .retryOn(List.of(TransientAiException.class, ResourceAccessException.class,
                        WebClientRequestException.class))
                .exponentialBackoff(properties.getBackoff().getInitialInterval(),
                        properties.getBackoff().getMultiplier(), properties.getBackoff().getMaxInterval())
                .withListener(new RetryListener() {
                    @Override
                    public <T, E extends Throwable> void onError(RetryContext context, RetryCallback<T, E> callback,
                            Throwable failure) {
                        // The type and our body-free message only: never a provider's error body.
                        log.warn("Provider call failed (attempt {}): {}", context.getRetryCount(),
                                failure instanceof TransientAiException || failure instanceof NonTransientAiException
                                        ? failure.getMessage() : failure.getClass().getSimpleName());
                    }
                })
                .build();
    }

    /** "HTTP 429 Too Many Requests": the form the narration's failure reasons read the status from. */
    static String describe(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return "HTTP " + status.value() + (known == null ? "" : " " + known.getReasonPhrase());
    }

    /** Spring AI's rule: listed codes retry; client errors do not unless asked; excluded codes do not; the rest do. */
    private static boolean retries(HttpStatusCode status, SpringAiRetryProperties properties) {
        List<Integer> retried = properties.getOnHttpCodes() == null ? List.of() : properties.getOnHttpCodes();
        List<Integer> excluded = properties.getExcludeOnHttpCodes() == null ? List.of() : properties.getExcludeOnHttpCodes();
        if (retried.contains(status.value())) {
            return true;
        }
        if (!properties.isOnClientErrors() && status.is4xxClientError()) {
            return false;
        }
        return !excluded.contains(status.value());
    }

    private static String masked(String body, List<String> keys) {
        String text = body.length() > 500 ? body.substring(0, 500) + "…" : body;
        for (String key : keys) {
            text = text.replace(key, "***");
        }
        // Keys configured elsewhere (a secret store, another provider) still look like sk-….
        return text.replaceAll("(sk-[A-Za-z0-9_-]{2})[A-Za-z0-9_-]{6,}", "$1***");
    }
}
