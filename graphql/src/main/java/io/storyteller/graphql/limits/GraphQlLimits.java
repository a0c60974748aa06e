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
 * @param maxComplexity   weighted count of the objects an operation builds; a paged field counts its children once per
 *                        item asked for, scalar fields count nothing (see {@link ComplexityLimit}); it must admit
 *                        a page of {@code maxPageSize} beats with every field (about 10 per beat with the pipeline provenance)
 * @param maxRequestBytes largest HTTP request body on the GraphQL endpoint (a plain number is bytes)
 * @param defaultPageSize items in a page when {@code first} is not given
 * @param maxPageSize     largest {@code first} a paged field accepts
 */
@ConfigurationProperties("storyteller.graphql")
public record GraphQlLimits(
        @DefaultValue("12") int maxDepth,
        @DefaultValue("1200") int maxComplexity,
        @DefaultValue("64KB") @DataSizeUnit(DataUnit.BYTES) DataSize maxRequestBytes,
        @DefaultValue("20") int defaultPageSize,
        @DefaultValue("100") int maxPageSize) {

    /** Limits that contradict each other fail the start, not the first request that meets them. */
    public GraphQlLimits {
        if (maxDepth < 1 || maxComplexity < 1 || maxPageSize < 1) {
            throw new IllegalArgumentException("storyteller.graphql.max-depth, max-complexity and max-page-size must be positive");
        }
        if (defaultPageSize < 1 || defaultPageSize > maxPageSize) {
            throw new IllegalArgumentException("storyteller.graphql.default-page-size must lie between 1 and max-page-size ("
                    + maxPageSize + "), not " + defaultPageSize);
        }
    }
}
