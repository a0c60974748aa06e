package io.storyteller.graphql.scalars;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The extended-scalars DateTime coercing, taught to serialize {@link Instant}, which is what the
 * domain's read models carry; instants are written in UTC.
 */
final class InstantAwareCoercing implements Coercing<Object, Object> {

    private final Coercing<Object, Object> delegate;

    @SuppressWarnings("unchecked")
    InstantAwareCoercing(Coercing<?, ?> delegate) {
        this.delegate = (Coercing<Object, Object>) delegate;
    }

    @Override
    public Object serialize(Object value, GraphQLContext context, Locale locale) throws CoercingSerializeException {
        return delegate.serialize(value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value, context, locale);
    }

    @Override
    public Object parseValue(Object input, GraphQLContext context, Locale locale) throws CoercingParseValueException {
        return delegate.parseValue(input, context, locale);
    }

    @Override
    public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale)
            throws CoercingParseLiteralException {
        return delegate.parseLiteral(input, variables, context, locale);
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
        return delegate.valueToLiteral(input instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : input, context, locale);
    }
}
