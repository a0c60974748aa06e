package io.storyteller.graphql.scalars;

import graphql.GraphQLContext;
import graphql.Scalars;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code ID} scalar, strict on input: a string, or an integer taken as its decimal string (as the
 * GraphQL spec allows), and nothing else; graphql-java's own ID turns an object into its
 * {@code toString()}. An id also may not hold control characters or lone surrogates nor exceed
 * {@value #MAX_LENGTH} characters: no id the platform makes looks like that, and such text must not
 * reach the event store. A rejection carries {@code extensions.rule} ({@code type} or
 * {@code id-shape}); {@link io.storyteller.graphql.error.ScalarRejections} names the argument.
 * Output is graphql-java's.
 */
final class StrictIdCoercing implements Coercing<Object, Object> {

    static final int MAX_LENGTH = 200;
    static final String TYPE = "type";
    static final String ID_SHAPE = "id-shape";

    private final Coercing<?, ?> standard = Scalars.GraphQLID.getCoercing();

    @Override
    public Object serialize(Object value, GraphQLContext context, Locale locale) throws CoercingSerializeException {
        return standard.serialize(value, context, locale);
    }

    @Override
    public Object parseValue(Object input, GraphQLContext context, Locale locale) throws CoercingParseValueException {
        String id = switch (input) {
            case String text -> text;
            case Integer number -> number.toString();
            case Long number -> number.toString();
            case Short number -> number.toString();
            case Byte number -> number.toString();
            case BigInteger number -> number.toString();
            case null, default -> throw CoercingParseValueException.newCoercingParseValueException()
                    .message("an ID must be a string or an integer, not " + kindOf(input))
                    .extensions(Map.of("rule", TYPE)).build();
        };
        String fault = shapeFault(id);
        if (fault != null) {
            throw CoercingParseValueException.newCoercingParseValueException()
                    .message(fault).extensions(Map.of("rule", ID_SHAPE)).build();
        }
        return id;
    }

    @Override
    public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale)
            throws CoercingParseLiteralException {
        String id = switch (input) {
            case StringValue text -> text.getValue();
            case IntValue number -> number.getValue().toString();
            case null, default -> throw CoercingParseLiteralException.newCoercingParseLiteralException()
                    .message("an ID must be a string or an integer")
                    .extensions(Map.of("rule", TYPE)).build();
        };
        String fault = shapeFault(id);
        if (fault != null) {
            throw CoercingParseLiteralException.newCoercingParseLiteralException()
                    .message(fault).extensions(Map.of("rule", ID_SHAPE)).build();
        }
        return id;
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
        return standard.valueToLiteral(input, context, locale);
    }

    /** What is wrong with an id's text, or null when nothing is. */
    static String shapeFault(String id) {
        if (id.length() > MAX_LENGTH) {
            return "an ID must be at most " + MAX_LENGTH + " characters long";
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isISOControl(c)) {
                return "an ID must not contain control characters (found U+%04X)".formatted((int) c);
            }
            if (Character.isHighSurrogate(c) && i + 1 < id.length() && Character.isLowSurrogate(id.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "an ID must not contain a lone surrogate (U+%04X)".formatted((int) c);
            }
        }
        return null;
    }

    private static String kindOf(Object input) {
        return switch (input) {
            case null -> "null";
            case Map<?, ?> ignored -> "an object";
            case Iterable<?> ignored -> "a list";
            case Boolean ignored -> "a boolean";
            case Number ignored -> "a fractional number";
            default -> "a " + input.getClass().getSimpleName();
        };
    }
}
