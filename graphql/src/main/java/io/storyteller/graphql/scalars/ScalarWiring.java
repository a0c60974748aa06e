package io.storyteller.graphql.scalars;

import graphql.Scalars;
import graphql.scalars.ExtendedScalars;
import graphql.schema.GraphQLScalarType;
import graphql.schema.idl.RuntimeWiring;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * Wires the schema's scalars: DateTime (RFC 3339, from instants), Date (ISO days), Long, BigDecimal, and a strict
 * {@code ID} in place of graphql-java's built-in one. The wiring keys scalars by name, but its
 * strict mode (on by default since graphql-java 24) refuses to redefine one, so it is lifted for
 * this one replacement and restored; {@code StrictIdTest} proves the replacement holds.
 */
@Component
public class ScalarWiring implements RuntimeWiringConfigurer {

    static final GraphQLScalarType DATE_TIME = ExtendedScalars.DateTime.transform(
            scalar -> scalar.coercing(new InstantAwareCoercing(ExtendedScalars.DateTime.getCoercing())));

    static final GraphQLScalarType DATE = ExtendedScalars.Date.transform(
            scalar -> scalar.coercing(new IsoDateCoercing(ExtendedScalars.Date.getCoercing())));

    static final GraphQLScalarType ID = Scalars.GraphQLID.transform(scalar -> scalar.coercing(new StrictIdCoercing()));

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.scalar(DATE_TIME).scalar(ExtendedScalars.GraphQLLong).scalar(ExtendedScalars.GraphQLBigDecimal)
                .scalar(DATE);
        wiring.strictMode(false).scalar(ID).strictMode(true);
    }
}
