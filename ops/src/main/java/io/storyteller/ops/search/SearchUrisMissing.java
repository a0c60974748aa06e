package io.storyteller.ops.search;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when no external OpenSearch is configured: {@code storyteller.opensearch.uris} is unset or empty. */
class SearchUrisMissing extends SpringBootCondition {

    static final String URIS_PROPERTY = "storyteller.opensearch.uris";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        boolean configured = Binder.get(context.getEnvironment())
                .bind(URIS_PROPERTY, Bindable.listOf(String.class))
                .map(uris -> uris.stream().anyMatch(uri -> !uri.isBlank()))
                .orElse(false);
        return configured
                ? ConditionOutcome.noMatch(URIS_PROPERTY + " is set: using the external OpenSearch")
                : ConditionOutcome.match(URIS_PROPERTY + " is not set: starting embedded OpenSearch");
    }
}
