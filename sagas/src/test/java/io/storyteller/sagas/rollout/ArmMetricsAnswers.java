package io.storyteller.sagas.rollout;

import io.storyteller.domain.deployment.ArmMetricsReport;
import io.storyteller.domain.deployment.FindArmMetrics;
import io.storyteller.sagas.support.PointQueryGateway;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.axonframework.messaging.responsetypes.ResponseType;

/**
 * The query gateway as the rollout saga sees it: answers {@link FindArmMetrics} with the reports
 * (or failures) queued by a test, in order, repeating the last one (or, with none queued, the
 * usual report), and remembers what was asked.
 */
class ArmMetricsAnswers extends PointQueryGateway {

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
}
