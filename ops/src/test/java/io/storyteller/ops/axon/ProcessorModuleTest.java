package io.storyteller.ops.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.ops.e2e.EndToEnd;
import io.storyteller.ops.metrics.PlatformMetrics;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The running application's processors, sagas' included, are built on their handlers as {@link HandledTypes}. */
@EndToEnd
class ProcessorModuleTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void everyProcessorKeepsItsHandlersAnswersAndStillSaysWhetherItCanBeReset() {
        Map<String, EventProcessor> processors = processing.eventProcessors();

        assertThat(processors).containsKeys("stories", "worlds", "HubAcquisitionSagaProcessor", PlatformMetrics.GROUP);
        assertThat(processors.values()).allSatisfy(processor -> assertThat(
                ((MultiEventHandlerInvoker) ((AbstractEventProcessor) processor).eventHandlerInvoker()).delegates())
                .isNotEmpty().allSatisfy(part -> assertThat(part).isInstanceOf(HandledTypes.class)));
        assertThat(((StreamingEventProcessor) processors.get("stories")).supportsReset()).isTrue();
        assertThat(((StreamingEventProcessor) processors.get(PlatformMetrics.GROUP)).supportsReset())
                .as("its handlers disallow replays").isFalse();
    }
}
