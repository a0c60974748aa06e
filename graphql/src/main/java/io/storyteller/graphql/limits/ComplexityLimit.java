package io.storyteller.graphql.limits;

import graphql.ExecutionResult;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.schema.GraphQLTypeUtil;

/**
 * Aborts operations whose weighted field count exceeds {@code storyteller.graphql.max-complexity}.
 * The weight counts the objects an answer builds: a field of object type costs 1 plus its
 * children, a field that pages with {@code first} costs its children once per item it may return,
 * and a scalar or enum field costs nothing, as it is read from an object already built. So the
 * largest page of beats with every field costs about ten per beat (edge, beat, provenance with its
 * candidates, scores, verdicts and sources) and
 * fits the default limit, while aliased or nested pages multiply and do not.
 */
public class ComplexityLimit extends MaxQueryComplexityInstrumentation {

    /** One field's weight at most, so that a huge {@code first} cannot overflow the sum into a small number. */
    static final int CEILING = 100_000;

    public ComplexityLimit(int maxComplexity, int defaultPageSize) {
        super(maxComplexity, pagedFields(defaultPageSize));
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        if (IntrospectionOnly.test(parameters.getExecutionContext())) {
            return SimpleInstrumentationContext.noOp();
        }
        return super.beginExecuteOperation(parameters, state);
    }

    static FieldComplexityCalculator pagedFields(int defaultPageSize) {
        return (field, childComplexity) -> {
            var definition = field.getFieldDefinition();
            if (GraphQLTypeUtil.isLeaf(GraphQLTypeUtil.unwrapAll(definition.getType()))) {
                return 0;
            }
            if (definition.getArgument("first") == null) {
                return 1 + childComplexity;
            }
            int items = field.getArguments().get("first") instanceof Integer first && first > 0 ? first : defaultPageSize;
            return (int) Math.min(CEILING, 1L + (long) items * childComplexity);
        };
    }
}
