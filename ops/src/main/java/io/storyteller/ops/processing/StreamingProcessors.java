package io.storyteller.ops.processing;

import io.storyteller.domain.shared.AccessPolicy;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;

/** Finding the processor an operator names, and who may operate it: the checks every processor action starts with. */
final class StreamingProcessors {

    private static final int MAX_NAME = 255;

    private StreamingProcessors() {
    }

    static Actor operator(Actor actor, String doing) {
        if (!AccessPolicy.hasPlatformAuthority(Require.present("actor", actor))) {
            throw DomainRejection.forbidden("role:platform-admin", "only platform admins " + doing);
        }
        return actor;
    }

    /** The streaming processor of that name; an unknown name is rejected naming the field {@code name}. */
    static StreamingEventProcessor named(EventProcessingConfiguration config, String name) {
        String wanted = Require.text("name", name, MAX_NAME);
        return config.eventProcessor(wanted, StreamingEventProcessor.class).orElseThrow(
                () -> DomainRejection.notFound("name", "no event processor named " + wanted));
    }
}
