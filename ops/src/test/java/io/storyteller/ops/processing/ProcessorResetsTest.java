package io.storyteller.ops.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.storyteller.domain.processing.ProcessorReset;
import io.storyteller.domain.processing.RecordOperatorAction;
import io.storyteller.domain.processing.ResetEventProcessor;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.PlatformRole;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class ProcessorResetsTest {

    private static final Actor ADMIN = new Actor("ada", Set.of(PlatformRole.PLATFORM_ADMIN));
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    final StreamingEventProcessor worlds = mock(StreamingEventProcessor.class);
    final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    final ProcessorProgress progress = mock(ProcessorProgress.class);
    final CommandGateway commands = mock(CommandGateway.class);
    ProcessorResets resets;

    @BeforeEach
    void setUp() {
        when(worlds.getName()).thenReturn("worlds");
        when(worlds.supportsReset()).thenReturn(true);
        when(processing.eventProcessor("worlds", StreamingEventProcessor.class)).thenReturn(Optional.of(worlds));
        when(processing.eventProcessor("nope", StreamingEventProcessor.class)).thenReturn(Optional.empty());
        when(progress.head()).thenReturn(41L);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("processing", processing);
        resets = new ProcessorResets(beans.getBeanProvider(EventProcessingConfiguration.class), progress,
                new OperatorActions(commands), new ProcessorHolds(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aResetStopsTheProcessorSetsItsTokensBackStartsItAndIsRecorded() {
        ProcessorReset reset = resets.handle(new ResetEventProcessor("worlds", null, ADMIN));

        assertThat(reset).isEqualTo(new ProcessorReset("worlds", null, 41));
        InOrder order = inOrder(worlds);
        order.verify(worlds).shutDown();
        order.verify(worlds).resetTokens();
        order.verify(worlds).start();
        RecordOperatorAction recorded = recorded();
        assertThat(recorded.actor()).isEqualTo(ADMIN);
        assertThat(recorded.action()).isEqualTo("resetProcessor");
        assertThat(recorded.target()).isEqualTo("worlds");
        assertThat(recorded.succeeded()).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aResetToAPointInTimeStartsTheReplayThere() {
        resets.handle(new ResetEventProcessor("worlds", NOW.minusSeconds(3600), ADMIN));

        verify(worlds).resetTokens(any(Function.class));
        verify(worlds, never()).resetTokens();
    }

    @Test
    void aProcessorWhoseResetFailedIsStartedAgainAndTheFailureRecorded() {
        doThrow(new IllegalStateException("token store away")).when(worlds).resetTokens();

        assertThatThrownBy(() -> resets.handle(new ResetEventProcessor("worlds", null, ADMIN))).isInstanceOf(IllegalStateException.class);

        verify(worlds).start();
        RecordOperatorAction recorded = recorded();
        assertThat(recorded.succeeded()).isFalse();
        assertThat(recorded.outcome()).isEqualTo("failed: IllegalStateException");
    }

    @Test
    void aProcessorWithSegmentsClaimedByAnotherInstanceIsRefusedStartedAgainAndTheRefusalRecorded() {
        doThrow(new UnableToClaimTokenException("claimed by node-2")).when(worlds).resetTokens();

        assertRejected(new ResetEventProcessor("worlds", null, ADMIN), "name", "claimed-elsewhere");

        verify(worlds).start();
        RecordOperatorAction recorded = recorded();
        assertThat(recorded.succeeded()).isFalse();
        assertThat(recorded.outcome()).startsWith("refused: event processor worlds has segments claimed by another instance");
    }

    @Test
    void refusalsNameTheirFieldAndStopNothing() {
        when(worlds.supportsReset()).thenReturn(false);
        assertRejected(new ResetEventProcessor("worlds", null, ADMIN), "name", "supports-reset");
        when(worlds.supportsReset()).thenReturn(true);
        assertRejected(new ResetEventProcessor("nope", null, ADMIN), "name", "exists");
        assertRejected(new ResetEventProcessor("worlds", NOW.plusSeconds(1), ADMIN), "from", "not-in-future");
        assertRejected(new ResetEventProcessor("worlds", null, new Actor("pia", Set.of(PlatformRole.PLAYER))), "actor",
                "role:platform-admin");
        verify(worlds, never()).shutDown();
    }

    private void assertRejected(ResetEventProcessor command, String field, String rule) {
        assertThatThrownBy(() -> resets.handle(command)).isInstanceOfSatisfying(DomainRejection.class, rejection -> {
            assertThat(rejection.violation().field()).isEqualTo(field);
            assertThat(rejection.violation().rule()).isEqualTo(rule);
        });
    }

    private RecordOperatorAction recorded() {
        ArgumentCaptor<RecordOperatorAction> sent = ArgumentCaptor.forClass(RecordOperatorAction.class);
        verify(commands).sendAndWait(sent.capture());
        return sent.getValue();
    }
}
