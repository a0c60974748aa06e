package io.storyteller.command.narration.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.command.narration.failure.CannotNarrateException;
import io.storyteller.domain.deployment.NarratorRoute;
import io.storyteller.domain.model.ModelRef;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.Test;

/** Resolving a world's narrator deployment. */
class RoutesTest {

    final Routes routes = new Routes(
            DefaultQueryGateway.builder().queryBus(SimpleQueryBus.builder().build()).build(), Duration.ofSeconds(60));

    @Test
    void noHandlerMeansNoDeployment() {
        assertThat(routes.await(routes.request("w-1"))).isEmpty();
        assertThat(routes.await(CompletableFuture.failedFuture(new NoHandlerForQueryException("none")))).isEmpty();
    }

    @Test
    void noAnswerMeansNoDeployment() {
        assertThat(routes.await(CompletableFuture.completedFuture(null))).isEmpty();
    }

    @Test
    void answersTheRoute() {
        NarratorRoute route = new NarratorRoute("narrator:global", new ModelRef("house:w-1", "1"), null);

        assertThat(routes.await(CompletableFuture.completedFuture(route))).contains(route);
    }

    @Test
    void aFailedLookupFailsTheNarrationWithASafeReason() {
        assertThatThrownBy(() -> routes.await(CompletableFuture.failedFuture(new IllegalStateException("db password x"))))
                .isInstanceOf(CannotNarrateException.class)
                .hasMessage("the world's narrator deployment could not be resolved");
    }
}
