package io.storyteller.ops.postgres;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when no external database is configured: {@code spring.datasource.url} is unset or blank. */
class DataSourceUrlMissing extends SpringBootCondition {

    static final String URL_PROPERTY = "spring.datasource.url";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return StringUtils.hasText(context.getEnvironment().getProperty(URL_PROPERTY))
                ? ConditionOutcome.noMatch(URL_PROPERTY + " is set: using the external database")
                : ConditionOutcome.match(URL_PROPERTY + " is not set: starting embedded PostgreSQL");
    }
}
