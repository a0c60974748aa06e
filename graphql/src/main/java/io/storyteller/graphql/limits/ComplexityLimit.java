package io.storyteller.graphql.limits;

import graphql.ExecutionResult;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;

/**
 * Aborts operations whose weighted field count exceeds {@code storyteller.graphql.max-complexity}.
 * A field that pages with {@code first} costs its children once per item it may return, so asking
 * for big pages of deep beats costs what it will cost to answer.
 */
public class ComplexityLimit extends MaxQueryComplexityInstrumentation {

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
            if (field.getFieldDefinition().getArgument("first") == null) {
                return 1 + childComplexity;
            }
            int items = field.getArguments().get("first") instanceof Integer first && first > 0 ? first : defaultPageSize;
            return 1 + items * childComplexity;
        };
    }
}
