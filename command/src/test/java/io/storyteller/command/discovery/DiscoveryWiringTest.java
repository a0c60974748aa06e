package io.storyteller.command.discovery;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.storyteller.command.registry.HouseModelRegistry;
import io.storyteller.command.registry.RegistryCommands;
import io.storyteller.domain.model.DiscoveryReport;
import io.storyteller.domain.model.FindDiscoveryRuns;
import io.storyteller.domain.model.FindModels;
import io.storyteller.domain.model.ModelView;
import io.storyteller.domain.model.ProviderScan;
import io.storyteller.domain.model.ScanProviders;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.PlatformRole;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Discovery assembles in Spring from Spring AI's connection properties, scans shortly after the
 * start on its own thread, and answers ScanProviders and FindDiscoveryRuns through Axon's buses.
 */
class DiscoveryWiringTest {

    @RegisterExtension
    static WireMockExtension ollama = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().http2PlainDisabled(true)).build();

    /** The registry's read model, empty. */
    static class EmptyRegistry {
        @QueryHandler
        public List<ModelView> handle(FindModels query) {
            return List.of();
        }
    }

    @Test
    void scans_the_configured_providers_on_schedule_and_on_demand() {
        ollama.stubFor(get("/api/tags").willReturn(okJson("{\"models\":[{\"name\":\"llama3.1:latest\",\"digest\":\"46e0c10c039e0191\"}]}")));
        SimpleQueryBus queryBus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(new EmptyRegistry()).subscribe(queryBus);
        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        Actor manager = new Actor("meta", Set.of(PlatformRole.MODEL_MANAGER));

        new ApplicationContextRunner()
                .withBean(QueryGateway.class, () -> DefaultQueryGateway.builder().queryBus(queryBus).build())
                .withBean(CommandGateway.class, () -> DefaultCommandGateway.builder().commandBus(commandBus).build())
                .withUserConfiguration(RegistryCommands.class, HouseModelRegistry.class, DiscoveryConfiguration.class)
                .withPropertyValues("spring.ai.ollama.base-url=" + ollama.baseUrl(),
                        "storyteller.discovery.initial-delay=0s", "storyteller.discovery.interval=1h",
                        "storyteller.discovery.prices.openai.gpt-4o.input=2.5")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(ModelDiscovery.class).hasSingleBean(HouseModelRegistry.class);
                    assertThat(context.getBean(DiscoveryProperties.class).prices().get("openai")).containsKey("gpt-4o");
                    ModelDiscovery discovery = context.getBean(ModelDiscovery.class);
                    new AnnotationCommandHandlerAdapter<>(discovery).subscribe(commandBus);
                    new AnnotationQueryHandlerAdapter<>(discovery).subscribe(queryBus);
                    QueryGateway queries = context.getBean(QueryGateway.class);

                    await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> !queries.query(
                            new FindDiscoveryRuns(5, manager), org.axonframework.messaging.responsetypes.ResponseTypes
                                    .multipleInstancesOf(DiscoveryReport.class)).get().isEmpty());
                    DiscoveryReport report = context.getBean(CommandGateway.class).sendAndWait(new ScanProviders(manager));

                    assertThat(report.requestedBy()).isEqualTo("meta");
                    assertThat(report.providers()).extracting(ProviderScan::provider, ProviderScan::ok, ProviderScan::modelsSeen)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple("ollama", true, 1));
                    assertThat(discovery.handle(new FindDiscoveryRuns(5, manager))).hasSize(2)
                            .last().satisfies(scheduled -> assertThat(scheduled.requestedBy()).isEqualTo("system"));
                });
    }
}
