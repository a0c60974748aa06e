package io.storyteller.graphql;

import io.storyteller.graphql.fakes.RecordingCommandGateway;
import io.storyteller.graphql.fakes.ScriptedQueryGateway;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The graphql module alone, with test doubles in place of Axon's gateways. */
@SpringBootApplication
public class GraphQlTestApplication {

    @Bean
    RecordingCommandGateway commandGateway() {
        return new RecordingCommandGateway();
    }

    @Bean
    ScriptedQueryGateway queryGateway() {
        return new ScriptedQueryGateway();
    }
}
