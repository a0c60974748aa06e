package io.storyteller.graphql.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DataSizeUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.util.unit.DataUnit;

/**
 * How much one GraphQL request may ask for.
 *
 * @param maxDepth        deepest field nesting of an operation
 * @param maxComplexity   weighted field count of an operation; a paged field counts its children once per item asked for
 * @param maxRequestBytes largest HTTP request body on the GraphQL endpoint (a plain number is bytes)
 * @param defaultPageSize items in a page when {@code first} is not given
 * @param maxPageSize     largest {@code first} a paged field accepts
 */
@ConfigurationProperties("storyteller.graphql")
public record GraphQlLimits(
        @DefaultValue("12") int maxDepth,
        @DefaultValue("500") int maxComplexity,
        @DefaultValue("64KB") @DataSizeUnit(DataUnit.BYTES) DataSize maxRequestBytes,
        @DefaultValue("20") int defaultPageSize,
        @DefaultValue("100") int maxPageSize) {
}
