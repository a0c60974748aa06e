package io.storyteller.domain.model;

import static io.storyteller.domain.model.ModelExamples.ADMIN;
import static io.storyteller.domain.model.ModelExamples.CLAUDE;
import static io.storyteller.domain.model.ModelExamples.paidChat;

import io.storyteller.domain.shared.Rejected;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules every field of a model's spec obeys, when the model is registered. */
class ModelSpecRulesTest {

    private FixtureConfiguration<Model> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Model.class);
    }

    private static ModelSpec with(String provider, String providerModelId, ModelKind kind, List<String> capabilities,
            int contextWindow, TokenPrice price, String license) {
        return new ModelSpec(provider, providerModelId, kind, capabilities, contextWindow, price, license);
    }

    private static TokenPrice price(String input, String output, String currency) {
        return new TokenPrice(input == null ? null : new BigDecimal(input), output == null ? null : new BigDecimal(output),
                currency);
    }

    static Stream<Arguments> brokenSpecs() {
        ModelSpec s = paidChat();
        return Stream.of(
                Arguments.of("spec.provider", "required", with(" ", s.providerModelId(), s.kind(), s.capabilities(), s.contextWindow(), s.price(), s.license())),
                Arguments.of("spec.provider", "max-length:60", with("p".repeat(61), s.providerModelId(), s.kind(), s.capabilities(), s.contextWindow(), s.price(), s.license())),
                Arguments.of("spec.providerModelId", "required", with(s.provider(), null, s.kind(), s.capabilities(), s.contextWindow(), s.price(), s.license())),
                Arguments.of("spec.providerModelId", "id-shape", with(s.provider(), "m".repeat(201), s.kind(), s.capabilities(), s.contextWindow(), s.price(), s.license())),
                Arguments.of("spec.kind", "required", with(s.provider(), s.providerModelId(), null, s.capabilities(), s.contextWindow(), s.price(), s.license())),
                Arguments.of("spec.capabilities", "max-count:32", with(s.provider(), s.providerModelId(), s.kind(), Collections.nCopies(33, "chat"), s.contextWindow(), s.price(), s.license())),
                Arguments.of("spec.capabilities[1]", "required", with(s.provider(), s.providerModelId(), s.kind(), Arrays.asList("chat", " "), s.contextWindow(), s.price(), s.license())),
                Arguments.of("spec.capabilities[0]", "max-length:60", with(s.provider(), s.providerModelId(), s.kind(), List.of("c".repeat(61)), s.contextWindow(), s.price(), s.license())),
                Arguments.of("spec.contextWindow", "range:1..10000000", with(s.provider(), s.providerModelId(), s.kind(), s.capabilities(), 0, s.price(), s.license())),
                Arguments.of("spec.contextWindow", "range:1..10000000", with(s.provider(), s.providerModelId(), s.kind(), s.capabilities(), 10_000_001, s.price(), s.license())),
                Arguments.of("spec.price", "required", with(s.provider(), s.providerModelId(), s.kind(), s.capabilities(), s.contextWindow(), null, s.license())),
                Arguments.of("spec.price.inputPerMillion", "required", with(s.provider(), s.providerModelId(), s.kind(), s.capabilities(), s.contextWindow(), price(null, "15", "USD"), s.license())),
                Arguments.of("spec.price.inputPerMillion", "non-negative", with(s.provider(), s.providerModelId(), s.kind(), s.capabilities(), s.contextWindow(), price("-0.01", "15", "USD"), s.license())),
                Arguments.of("spec.price.outputPerMillion", "non-negative", with(s.provider(), s.providerModelId(), s.kind(), s.capabilities(), s.contextWindow(), price("3", "-1", "USD"), s.license())),
                Arguments.of("spec.price.currency", "required", with(s.provider(), s.providerModelId(), s.kind(), s.capabilities(), s.contextWindow(), price("3", "15", null), s.license())),
                Arguments.of("spec.price.currency", "currency:USD", with(s.provider(), s.providerModelId(), s.kind(), s.capabilities(), s.contextWindow(), price("3", "15", "EUR"), s.license())),
                Arguments.of("spec.license", "required", with(s.provider(), s.providerModelId(), s.kind(), s.capabilities(), s.contextWindow(), s.price(), "")),
                Arguments.of("spec.license", "max-length:200", with(s.provider(), s.providerModelId(), s.kind(), s.capabilities(), s.contextWindow(), s.price(), "l".repeat(201))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("brokenSpecs")
    void eachFieldOfASpecHasItsRule(String field, String rule, ModelSpec spec) {
        fixture.givenNoPriorActivity()
                .when(new RegisterModel(CLAUDE, spec, ModelSource.PAID_API, null, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid(field, rule));
    }

    @Test
    void aSpecAtItsLimitsIsAccepted() {
        ModelSpec widest = with("p".repeat(60), "m".repeat(200), ModelKind.CLASSIFIER, Collections.nCopies(32, "c".repeat(60)),
                10_000_000, price("0", "0", "USD"), "l".repeat(200));
        ModelSpec stored = with("p".repeat(60), "m".repeat(200), ModelKind.CLASSIFIER, List.of("c".repeat(60)),
                10_000_000, price("0", "0", "USD"), "l".repeat(200));
        fixture.givenNoPriorActivity()
                .when(new RegisterModel(CLAUDE, widest, ModelSource.PAID_API, null, ADMIN))
                .expectEvents(new ModelRegistered(CLAUDE, stored, ModelSource.PAID_API, null, ADMIN.userId()));
    }

    @Test
    void aModelWithoutCapabilitiesListsNone() {
        ModelSpec s = paidChat();
        fixture.givenNoPriorActivity()
                .when(new RegisterModel(CLAUDE, with(s.provider(), s.providerModelId(), s.kind(), null, s.contextWindow(),
                        s.price(), s.license()), ModelSource.PAID_API, null, ADMIN))
                .expectEvents(new ModelRegistered(CLAUDE, with(s.provider(), s.providerModelId(), s.kind(), List.of(),
                        s.contextWindow(), s.price(), s.license()), ModelSource.PAID_API, null, ADMIN.userId()));
    }
}
