package io.storyteller.sagas.rollout;

import static io.storyteller.sagas.rollout.Rollouts.CANARY_ARM;
import static io.storyteller.sagas.rollout.Rollouts.SHADOW;
import static io.storyteller.sagas.rollout.Rollouts.SHADOW_ARM;
import static io.storyteller.sagas.rollout.Rollouts.STABLE_ARM;
import static io.storyteller.sagas.rollout.Rollouts.T0;
import static io.storyteller.sagas.rollout.Rollouts.advanced;
import static io.storyteller.sagas.rollout.Rollouts.analyze;
import static io.storyteller.sagas.rollout.Rollouts.report;
import static io.storyteller.sagas.rollout.Rollouts.shadowFirst;
import static io.storyteller.sagas.rollout.Rollouts.started;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.storyteller.domain.deployment.AnalyzeRollout;
import io.storyteller.domain.deployment.FindArmMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.saga.SagaScopeDescriptor;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * A rollout saga survives being stored (as the JDBC saga store does it, with the application's JSON
 * settings) mid-rollout and carries on where it was when its deadline fires after a restart.
 */
class RolloutSagaStorageTest {

    /** Configured as the application's storage mapper (ops: StorageSerializers). */
    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(JsonMapper.builder()
                    .addModule(new JavaTimeModule())
                    .addModule(new Jdk8Module())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build())
            .build();
    private final List<Object> sent = new ArrayList<>();
    private final ArmMetricsAnswers metrics = new ArmMetricsAnswers(report(STABLE_ARM, CANARY_ARM, SHADOW_ARM));
    private final RecordingDeadlines deadlines = new RecordingDeadlines();

    @Test
    void resumesMidRolloutFromItsStoredForm() {
        Instant advancedAt = T0.plus(SHADOW).plusSeconds(90);
        RolloutSaga saga = inject(new RolloutSaga());
        saga.on(started(shadowFirst()), T0);
        saga.analyse(deadlines.fire("rollout-analysis#1"), T0.plus(SHADOW));
        assertThat(sent).containsExactly(analyze(0, STABLE_ARM, SHADOW_ARM));
        saga.on(advanced(1, 50), advancedAt);
        assertThat(deadlines.pending()).containsOnlyKeys("rollout-analysis#3").containsValue(new AnalysisDue(1, 3));

        SerializedObject<byte[]> stored = serializer.serialize(saga, byte[].class);
        String json = new String(stored.getData(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"stepStartedAt\":\"2026-03-01T13:01:30Z\"", "\"analysisInterval\":\"PT10M\"")
                .doesNotContain("commandGateway", "queryGateway", "deadlineManager", "settings");

        RolloutSaga restored = serializer.deserialize(stored);
        assertThat(restored).usingRecursiveComparison()
                .ignoringFields("commandGateway", "queryGateway", "deadlineManager", "settings")
                .isEqualTo(saga);

        sent.clear();
        inject(restored).analyse(deadlines.fire("rollout-analysis#3"), advancedAt.plus(Rollouts.INTERVAL));
        assertThat(sent).containsExactly(analyze(1, STABLE_ARM, CANARY_ARM));
        assertThat(metrics.asked()).last().isEqualTo(new FindArmMetrics(Rollouts.DEPLOYMENT, Rollouts.ROLLOUT, advancedAt, 1));
    }

    @Test
    void ignoresADeadlineItNoLongerHolds() {
        RolloutSaga saga = inject(new RolloutSaga());
        saga.on(started(shadowFirst()), T0);
        saga.on(advanced(1, 50), T0.plusSeconds(5));

        saga.analyse(new AnalysisDue(0, 1), T0.plus(SHADOW));

        assertThat(sent).isEmpty();
        assertThat(deadlines.pending()).containsOnlyKeys("rollout-analysis#2");
    }

    @Test
    void theDeadlinePayloadSurvivesStorage() {
        AnalysisDue due = new AnalysisDue(2, 7);
        assertThat((Object) serializer.deserialize(serializer.serialize(due, byte[].class))).isEqualTo(due);
    }

    @Test
    void theDeadlinesScopeSurvivesStorage() {
        SagaScopeDescriptor scope = new SagaScopeDescriptor(RolloutSaga.class.getName(), "saga-1");
        SagaScopeDescriptor restored = serializer.deserialize(serializer.serialize(scope, String.class));
        assertThat(restored.getType()).isEqualTo(RolloutSaga.class.getName());
        assertThat(restored.getIdentifier()).isEqualTo("saga-1");
    }

    private RolloutSaga inject(RolloutSaga saga) {
        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        commandBus.subscribe(AnalyzeRollout.class.getName(), command -> {
            sent.add(command.getPayload());
            return null;
        });
        ReflectionTestUtils.setField(saga, "commandGateway", DefaultCommandGateway.builder().commandBus(commandBus).build());
        ReflectionTestUtils.setField(saga, "queryGateway", metrics);
        ReflectionTestUtils.setField(saga, "deadlineManager", deadlines);
        ReflectionTestUtils.setField(saga, "settings", Rollouts.settings());
        return saga;
    }
}
