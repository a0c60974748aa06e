package io.storyteller.graphql.scalars;

import graphql.scalars.ExtendedScalars;
import graphql.schema.GraphQLScalarType;
import graphql.schema.idl.RuntimeWiring;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/** Wires the schema's custom scalars: DateTime (RFC 3339, from instants), Long and BigDecimal. */
@Component
public class ScalarWiring implements RuntimeWiringConfigurer {

    static final GraphQLScalarType DATE_TIME = ExtendedScalars.DateTime.transform(
            scalar -> scalar.coercing(new InstantAwareCoercing(ExtendedScalars.DateTime.getCoercing())));

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.scalar(DATE_TIME).scalar(ExtendedScalars.GraphQLLong).scalar(ExtendedScalars.GraphQLBigDecimal);
    }
}
