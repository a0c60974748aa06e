package io.storyteller.ops.e2e.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.graphql.security.TokenMinter;
import io.storyteller.ops.e2e.Api;
import io.storyteller.ops.e2e.EndToEnd;
import io.storyteller.ops.e2e.fuzz.LiveSchema.RootField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Every argument of every query and mutation of the live schema, and every field of their input
 * objects, sent bad values through the real endpoint: broken text, numbers out of range, unknown
 * enum values, malformed instants and durations, wrong JSON types, null for non-null, ids of the
 * wrong kind and of another user's world. A platform admin sends each as a variable and as a
 * literal (where the literal is parsed differently), a plain player, who owns the story, each
 * value of an argument as a variable. An input object's fields each get a share of the corpus. No
 * answer may be a server failure, an unclassified or internal error, or show the server's insides;
 * and afterwards every read model still advances.
 * <p>
 * It runs on an application of its own (a property of its own makes a separate test context): what
 * the fuzz leaves behind — a global narrator slot served by a model no runtime serves, retired
 * models, rollouts — is the platform answering correctly, but not what the other end-to-end tests
 * expect to find.
 */
@EndToEnd
@TestPropertySource(properties = "spring.application.name=storyteller-fuzz")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchemaFuzzTest {

    /** Fields that end, retire or remove what later probes aim at go last. */
    private static final Pattern DESTRUCTIVE = Pattern.compile("^(retire|archive|end|erase|remove|abort|promote).*");

    private static final int CONCURRENCY = 4;
    /** How many bad values an input object's field is sent; each field gets the next ones of its type's corpus. */
    private static final int NESTED_VALUES = 8;

    private final Api api;
    private final FuzzHttp http;
    private final FuzzFindings findings = new FuzzFindings();
    /** Requests of one field go out a few at a time: the server spends most of a command waiting for its commit. */
    private final AtomicInteger sent = new AtomicInteger();
    private final ExecutorService senders = Executors.newFixedThreadPool(CONCURRENCY);
    private FuzzWorld world;
    private LiveSchema schema;
    private ValidValues valid;
    private BadValues bad;

    SchemaFuzzTest(@LocalServerPort int port, @Autowired TokenMinter minter) {
        this.api = new Api(port, minter);
        this.http = new FuzzHttp(port);
    }

    @BeforeAll
    void readTheSchemaAndBuildTheFixture() {
        world = new FuzzWorld(api, http).create();
        schema = new LiveSchema(http.post(world.adminToken, LiveSchema.INTROSPECTION, Map.of()));
        valid = new ValidValues(schema, world);
        bad = new BadValues(schema, world);
    }

    @AfterAll
    void stopSending() {
        senders.shutdownNow();
        System.out.printf("schema fuzz: %d requests%n", sent.get());
    }

    @Test
    @Order(1)
    void theLiveSchemaHoldsTheFieldsTheFuzzMustReach() {
        assertThat(schema.rootFields()).extracting(RootField::name)
                .contains("world", "story", "loreEntries", "models", "deployments", "narrationAudit", "armMetrics",
                        "createWorld", "addLoreEntry", "startStory", "submitPlayerAction", "registerModel",
                        "startRollout", "deriveModelVariant");
        assertThat(fuzzed().mapToInt(field -> Probe.positions(field, schema).size()).sum()).isGreaterThan(100);
    }

    @TestFactory
    @Order(2)
    Stream<DynamicTest> everyArgumentOfEveryFieldWithstandsBadValues() {
        return fuzzed().map(field -> DynamicTest.dynamicTest(field.toString(), () -> {
            List<Callable<Void>> sends = new ArrayList<>();
            List<Probe.Position> positions = Probe.positions(field, schema);
            for (int index = 0; index < positions.size(); index++) {
                Probe.Position position = positions.get(index);
                boolean argument = position.path().size() == 1;
                List<BadValue> values = bad.at(position.path().getLast(), position.type(), valueAt(field, position));
                for (BadValue value : argument ? values : BadValues.sample(values, index, NESTED_VALUES)) {
                    Probe asVariable = new Probe(field, position.path(), value, false);
                    sends.add(send(asVariable, "admin", world.adminToken));
                    if (literalDiffers(position, value)) {
                        sends.add(send(new Probe(field, position.path(), value, true), "admin", world.adminToken));
                    }
                    // The player owns the story, so story commands reach their checks only for them.
                    if (argument) {
                        sends.add(send(asVariable, "player", world.playerToken));
                    }
                }
            }
            for (Future<Void> sent : senders.invokeAll(sends)) {
                sent.get();
            }
            findings.assertNone(field.toString());
        }));
    }

    @TestFactory
    @Order(3)
    Stream<DynamicTest> malformedRequestsAreTurnedAwayCleanly() {
        return RawShape.all(world.storyId).stream().map(shape -> DynamicTest.dynamicTest(shape.name(), () -> {
            FuzzHttp.Reply reply = http.send(world.playerToken, shape.contentType(), shape.body());
            findings.record("HTTP", shape.name(), "raw body", "player", reply);
            findings.assertNone("HTTP");
        }));
    }

    @Test
    @Order(4)
    void everyReadModelStillAdvancesAfterTheFuzz() {
        new ReadModelsAdvance(world).check();
    }

    /** The root fields with arguments, those that destroy what others aim at last. */
    private Stream<RootField> fuzzed() {
        return schema.rootFields().stream().filter(field -> !field.args().isEmpty())
                .sorted(Comparator.comparing(field -> DESTRUCTIVE.matcher(field.name()).matches()));
    }

    private Callable<Void> send(Probe probe, String role, String token) {
        return () -> {
            Probe.Request request = probe.request(schema, valid);
            FuzzHttp.Reply reply = http.post(token, request.document(), request.variables());
            sent.incrementAndGet();
            findings.record(probe.field().toString(), probe.where(),
                    probe.value().kind() + (probe.inline() ? " (literal)" : ""), role, reply);
            return null;
        };
    }

    /**
     * Whether the literal takes another way through the server than the variable: always for
     * enums, numbers and custom scalars (parsed from the literal, not from JSON), for text only
     * when it must be escaped in the document.
     */
    private static boolean literalDiffers(Probe.Position position, BadValue value) {
        String type = position.type().named().name();
        return value.literal() != null && (!(value.json() instanceof String text)
                || !List.of("String", "ID").contains(type) || text.chars().anyMatch(c -> c < 0x20 || Character.isSurrogate((char) c)));
    }

    /** The valid value at a position, so that it is left out of the bad ones. */
    private Object valueAt(RootField field, Probe.Position position) {
        List<String> path = position.path();
        return path.size() == 1 ? valid.arguments(field, path.getFirst()).get(path.getFirst()) : null;
    }
}
