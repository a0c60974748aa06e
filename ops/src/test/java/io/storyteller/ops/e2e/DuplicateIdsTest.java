package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.security.TokenMinter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpGraphQlClient;

/** Registering what is already registered is a user mistake, answered as a conflict that writes nothing. */
@EndToEnd
class DuplicateIdsTest {

    @LocalServerPort
    int port;

    @Autowired
    TokenMinter minter;

    @Test
    void registeringAModelTwiceIsAConflictNamingTheRule() {
        HttpGraphQlClient manager = new Api(port, minter).as("dup-manager", PlatformRole.MODEL_MANAGER);
        String register = """
                mutation { registerModel(input: {provider: "ollama", providerModelId: "dup-check",
                  kind: CHAT, contextWindow: 8192, source: SELF_HOSTED, license: "llama3",
                  price: {inputPerMillion: 0, outputPerMillion: 0}}) { modelId } }""";

        ClientGraphQlResponse first = manager.document(register).execute().block(Api.timeout());
        ClientGraphQlResponse second = manager.document(register).execute().block(Api.timeout());

        assertThat(first.getErrors()).isEmpty();
        assertThat(second.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getErrorType().toString()).isEqualTo("CONFLICT");
            assertThat(error.getExtensions()).containsEntry("rule", "unique");
            assertThat(error.getMessage()).doesNotContain("Exception", "SQL", "duplicate key");
        });
    }
}
