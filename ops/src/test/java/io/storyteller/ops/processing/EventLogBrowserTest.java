package io.storyteller.ops.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import io.storyteller.domain.processing.BrowseEventLog;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.RejectionKind;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class EventLogBrowserTest {

    @Test
    void onAxonServerTheExplorerSaysItCannotBrowseRatherThanAnsweringAnEmptyLog() {
        JdbcClient jdbc = mock(JdbcClient.class);
        EventLogBrowser browser = new EventLogBrowser(jdbc, mock(AxonServerEventStore.class));

        DomainRejection refused = catchThrowableOfType(DomainRejection.class,
                () -> browser.handle(new BrowseEventLog(null, null, null, null, null, null, 20, false, Actor.system())));

        assertThat(refused.violation().kind()).isEqualTo(RejectionKind.UNAVAILABLE);
        assertThat(refused.violation().field()).isEqualTo("eventLog");
        assertThat(refused.violation().message()).contains("Axon Server");
        verifyNoInteractions(jdbc);
    }
}
