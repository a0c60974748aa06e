package io.storyteller.graphql.scalars;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import java.util.Locale;

/**
 * The extended-scalars Date coercing, answering a value of the wrong kind (an object, a list, a
 * number) in the client's terms: its own message names the Java types it would have taken.
 */
final class IsoDateCoercing implements Coercing<Object, Object> {

    private static final String EXPECTED = "Expected a date as a string, YYYY-MM-DD";

    private final Coercing<Object, Object> delegate;

    @SuppressWarnings("unchecked")
    IsoDateCoercing(Coercing<?, ?> delegate) {
        this.delegate = (Coercing<Object, Object>) delegate;
    }

    @Override
    public Object serialize(Object value, GraphQLContext context, Locale locale) throws CoercingSerializeException {
        return delegate.serialize(value, context, locale);
    }

    @Override
    public Object parseValue(Object input, GraphQLContext context, Locale locale) throws CoercingParseValueException {
        if (!(input instanceof String)) {
            throw new CoercingParseValueException(EXPECTED);
        }
        return delegate.parseValue(input, context, locale);
    }

    @Override
    public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale)
            throws CoercingParseLiteralException {
        if (!(input instanceof StringValue)) {
            throw new CoercingParseLiteralException(EXPECTED);
        }
        return delegate.parseLiteral(input, variables, context, locale);
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
        return delegate.valueToLiteral(input, context, locale);
    }
}
