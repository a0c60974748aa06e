package io.storyteller.graphql.error;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.SourceLocation;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.parser.Parser;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * A scalar that refuses an input (the strict ID) says why in {@code extensions.rule}; graphql-java
 * reports it as a ValidationError located at the argument or variable. This turns it into a
 * BAD_REQUEST naming the argument in {@code extensions.field}, as the API's other input errors do.
 */
@Component
public class ScalarRejections extends SimplePerformantInstrumentation {

    private static final String RULE = "rule";

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().stream().noneMatch(ScalarRejections::isRejection)) {
            return CompletableFuture.completedFuture(result);
        }
        Document document = parse(parameters.getQuery());
        List<GraphQLError> errors = result.getErrors().stream()
                .map(error -> isRejection(error) ? asBadRequest(error, document) : error)
                .toList();
        return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(errors)));
    }

    static boolean isRejection(GraphQLError error) {
        return error.getErrorType() == graphql.ErrorType.ValidationError
                && error.getExtensions() != null && error.getExtensions().get(RULE) instanceof String;
    }

    private static GraphQLError asBadRequest(GraphQLError error, Document document) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("field", fieldAt(document, error.getLocations()));
        extensions.put(RULE, error.getExtensions().get(RULE));
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST)
                .message(error.getMessage()).extensions(extensions);
        if (error.getLocations() != null) {
            builder.locations(error.getLocations());
        }
        if (error.getPath() != null) {
            builder.path(error.getPath());
        }
        return builder.build();
    }

    /**
     * The argument an error is located at: a literal's error sits on the argument, a variable's on
     * its definition, from where the first argument that uses the variable is named.
     */
    static String fieldAt(Document document, List<SourceLocation> locations) {
        if (document == null || locations == null || locations.isEmpty()) {
            return "input";
        }
        SourceLocation at = locations.getFirst();
        Map<String, String> found = new LinkedHashMap<>();
        new NodeTraverser().preOrder(new NodeVisitorStub() {
            @Override
            public TraversalControl visitArgument(Argument node, TraverserContext<Node> context) {
                if (sameLocation(node.getSourceLocation(), at)) {
                    found.putIfAbsent("argument", node.getName());
                }
                return TraversalControl.CONTINUE;
            }

            @Override
            public TraversalControl visitVariableDefinition(VariableDefinition node, TraverserContext<Node> context) {
                if (sameLocation(node.getSourceLocation(), at)) {
                    found.putIfAbsent("variable", node.getName());
                }
                return TraversalControl.CONTINUE;
            }

            @Override
            public TraversalControl visitVariableReference(VariableReference node, TraverserContext<Node> context) {
                context.getParentNodes().stream().filter(Argument.class::isInstance).findFirst()
                        .ifPresent(argument -> found.putIfAbsent("uses:" + node.getName(), ((Argument) argument).getName()));
                return TraversalControl.CONTINUE;
            }
        }, document);
        if (found.containsKey("argument")) {
            return found.get("argument");
        }
        String variable = found.get("variable");
        return variable == null ? "input" : found.getOrDefault("uses:" + variable, variable);
    }

    private static boolean sameLocation(SourceLocation a, SourceLocation b) {
        return a != null && b != null && a.getLine() == b.getLine() && a.getColumn() == b.getColumn();
    }

    private static Document parse(String query) {
        try {
            return Parser.parse(query);
        } catch (RuntimeException unparsable) {
            return null;
        }
    }
}
