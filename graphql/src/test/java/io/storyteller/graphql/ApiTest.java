package io.storyteller.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.graphql.fakes.RecordingCommandGateway;
import io.storyteller.graphql.fakes.ScriptedQueryGateway;
import io.storyteller.graphql.security.TokenMinter;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Base of the API tests: one application context (the graphql module with its real transport,
 * security and limits, gateways as test doubles) shared by every test class.
 */
@SpringBootTest(classes = GraphQlTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class ApiTest {

    protected static final Set<PlatformRole> ALICE_ROLES = Set.of(PlatformRole.PLAYER, PlatformRole.WORLD_ADMIN);
    protected static final Actor ALICE = new Actor("alice", ALICE_ROLES);
    /** The meta-manager: a model manager and nothing else. */
    protected static final Actor MANAGER = new Actor("meta", Set.of(PlatformRole.MODEL_MANAGER));
    protected static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    protected MockMvcTester mvc;
    @Autowired
    protected TokenMinter tokens;
    @Autowired
    protected RecordingCommandGateway commands;
    @Autowired
    protected ScriptedQueryGateway queries;

    @BeforeEach
    void resetGateways() {
        commands.reset();
        queries.reset();
    }

    protected String aliceToken() {
        return tokens.mint(ALICE.userId(), ALICE_ROLES, Duration.ofMinutes(5));
    }

    protected String managerToken() {
        return tokens.mint(MANAGER.userId(), MANAGER.roles(), Duration.ofMinutes(5));
    }

    /** Posts a GraphQL document as the meta-manager and returns the parsed response body. */
    protected JsonNode asManager(String document, Map<String, Object> variables) {
        return body(post(document, variables, managerToken()));
    }

    protected JsonNode asManager(String document) {
        return asManager(document, Map.of());
    }

    /** Posts a GraphQL document as alice and returns the parsed response body. */
    protected JsonNode graphQl(String document) {
        return graphQl(document, Map.of());
    }

    protected JsonNode graphQl(String document, Map<String, Object> variables) {
        return body(post(document, variables, aliceToken()));
    }

    protected MvcTestResult post(String document, Map<String, Object> variables, String token) {
        var request = mvc.post().uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .content(json(Map.of("query", document, "variables", variables)));
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return request.exchange();
    }

    protected static JsonNode body(MvcTestResult result) {
        try {
            return JSON.readTree(result.getResponse().getContentAsString());
        } catch (Exception e) {
            throw new AssertionError("response is not JSON", e);
        }
    }

    protected static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
