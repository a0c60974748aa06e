package io.storyteller.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Each event of a batch opens a savepoint: a batch stays within PostgreSQL's 64 cached subtransactions. */
class EventProcessingSettingsTest {

    @Test
    void aBatchHoldsAtMost64Events() {
        assertThat(new StorytellerProperties.EventProcessing(64, 2, 4).batchSize()).isEqualTo(64);
        assertThatThrownBy(() -> new StorytellerProperties.EventProcessing(65, 2, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("storyteller.event-processing.batch-size must be at most 64");
    }

    @Test
    void everySettingIsAtLeastOne() {
        assertThatThrownBy(() -> new StorytellerProperties.EventProcessing(0, 2, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StorytellerProperties.EventProcessing(50, 0, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StorytellerProperties.EventProcessing(50, 2, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
