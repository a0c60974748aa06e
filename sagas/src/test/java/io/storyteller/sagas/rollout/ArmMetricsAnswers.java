package io.storyteller.sagas.rollout;

import io.storyteller.domain.deployment.ArmMetricsReport;
import io.storyteller.domain.deployment.FindArmMetrics;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.queryhandling.SubscriptionQueryBackpressure;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.reactivestreams.Publisher;

/**
 * The query gateway as the rollout saga sees it: answers {@link FindArmMetrics} with the reports
 * (or failures) queued by a test, in order, repeating the last one (or, with none queued, the
 * usual report), and remembers what was asked.
 */
class ArmMetricsAnswers implements QueryGateway {

    private final Deque<Supplier<CompletableFuture<ArmMetricsReport>>> answers = new ArrayDeque<>();
    private final List<FindArmMetrics> asked = new ArrayList<>();
    private final ArmMetricsReport usual;

    ArmMetricsAnswers(ArmMetricsReport usual) {
        this.usual = usual;
    }

    ArmMetricsAnswers thenReport(ArmMetricsReport report) {
        answers.add(() -> CompletableFuture.completedFuture(report));
        return this;
    }

    ArmMetricsAnswers thenFail() {
        answers.add(() -> CompletableFuture.failedFuture(new IllegalStateException("metrics store unavailable")));
        return this;
    }

    ArmMetricsAnswers thenNeverAnswer() {
        answers.add(CompletableFuture::new);
        return this;
    }

    List<FindArmMetrics> asked() {
        return asked;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R, Q> CompletableFuture<R> query(String queryName, Q query, ResponseType<R> responseType) {
        if (!(query instanceof FindArmMetrics find) || !responseType.getExpectedResponseType().equals(ArmMetricsReport.class)) {
            throw new UnsupportedOperationException("unexpected query " + query + " for " + responseType);
        }
        asked.add(find);
        Supplier<CompletableFuture<ArmMetricsReport>> answer = answers.size() > 1 ? answers.poll() : answers.peek();
        return (CompletableFuture<R>) (answer == null ? CompletableFuture.completedFuture(usual) : answer.get());
    }

    @Override
    public <R, Q> Publisher<R> streamingQuery(String queryName, Q query, Class<R> responseType) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <R, Q> Stream<R> scatterGather(String queryName, Q query, ResponseType<R> responseType, long timeout, TimeUnit timeUnit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <Q, I, U> SubscriptionQueryResult<I, U> subscriptionQuery(String queryName, Q query,
            ResponseType<I> initialResponseType, ResponseType<U> updateResponseType,
            SubscriptionQueryBackpressure backpressure, int updateBufferSize) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <Q, I, U> SubscriptionQueryResult<I, U> subscriptionQuery(String queryName, Q query,
            ResponseType<I> initialResponseType, ResponseType<U> updateResponseType, int updateBufferSize) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super QueryMessage<?, ?>> interceptor) {
        return () -> true;
    }
}
