package io.storyteller.graphql.transport;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.Document;
import graphql.language.NodeUtil;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Refuses a subscription sent over HTTP (POST, SSE): subscriptions are served over the WebSocket,
 * where the connection's token is checked and the stream is cancelled with the socket. Without
 * this, a subscription over POST answers 200 with a serialized publisher. The operation checked is
 * the one graphql-java will run, chosen by {@code operationName} when the document holds several.
 */
public class SubscriptionsOverWebSocket implements WebGraphQlInterceptor {

    private final String webSocketPath;

    public SubscriptionsOverWebSocket(String webSocketPath) {
        this.webSocketPath = webSocketPath;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (request instanceof WebSocketGraphQlRequest || !selectsSubscription(request.getDocument(), request.getOperationName())) {
            return chain.next(request);
        }
        GraphQLError refusal = GraphqlErrorBuilder.newError()
                .errorType(ErrorType.BAD_REQUEST)
                .message("subscriptions are served over the WebSocket at " + webSocketPath
                        + " (protocol graphql-transport-ws), not over HTTP")
                .extensions(Map.of("field", "query", "rule", "subscriptions-over-websocket"))
                .build();
        ExecutionResult result = ExecutionResult.newExecutionResult().addError(refusal).build();
        return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
    }

    /** False for a document that does not parse or names no such operation: graphql-java reports those. */
    static boolean selectsSubscription(String document, String operationName) {
        try {
            Document parsed = Parser.parse(document);
            OperationDefinition operation = NodeUtil.getOperation(parsed, operationName).operationDefinition;
            return operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION;
        } catch (RuntimeException notRunnable) {
            return false;
        }
    }
}
