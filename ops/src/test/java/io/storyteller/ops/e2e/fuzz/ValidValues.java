package io.storyteller.ops.e2e.fuzz;

import io.storyteller.ops.e2e.fuzz.LiveSchema.InputValue;
import io.storyteller.ops.e2e.fuzz.LiveSchema.RootField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A valid value for every argument and input field, so that a request carries one bad value at a
 * time: ids of the fixture's objects by the argument's name, plausible text and numbers by name,
 * the first value of an enum otherwise, and input objects with their required fields filled in.
 */
final class ValidValues {

    private final LiveSchema schema;
    private final FuzzWorld world;

    ValidValues(LiveSchema schema, FuzzWorld world) {
        this.schema = schema;
        this.world = world;
    }

    /** Every required argument of the field, plus the one fuzzed when it is optional. */
    Map<String, Object> arguments(RootField field, String fuzzed) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (InputValue arg : field.args()) {
            if (arg.required() || arg.name().equals(fuzzed) || wanted(field, arg)) {
                arguments.put(arg.name(), value(field.name(), arg.name(), arg.type()));
            }
        }
        return arguments;
    }

    Object value(String field, String name, TypeRef type) {
        if (type.list()) {
            Object listed = listed(name);
            return listed != null ? listed : List.of(value(field, name, type.element()));
        }
        String typeName = type.named().name();
        return switch (schema.kind(typeName)) {
            case "INPUT_OBJECT" -> input(field, typeName);
            case "ENUM" -> enumValue(name, typeName);
            default -> scalar(field, name, typeName);
        };
    }

    /** Optional arguments that make the call reach deeper when given, e.g. the world of a deployment. */
    private static boolean wanted(RootField field, InputValue arg) {
        return field.name().equals("createDeployment") && arg.name().equals("worldId");
    }

    private Map<String, Object> input(String field, String inputType) {
        Map<String, Object> input = new LinkedHashMap<>();
        for (InputValue f : schema.inputFields(inputType)) {
            if (f.required()) {
                input.put(f.name(), value(field, f.name(), f.type()));
            }
        }
        return input;
    }

    private static Object listed(String name) {
        return switch (name) {
            case "canarySteps" -> List.of(50, 100);
            case "triggerKeys", "capabilities" -> List.of("lighthouse");
            default -> null;
        };
    }

    private String enumValue(String name, String enumType) {
        List<String> values = schema.enumValues(enumType);
        return switch (name) {
            case "role" -> values.contains("PLAYER") ? "PLAYER" : values.getFirst();
            case "useCase" -> values.contains("NARRATOR") ? "NARRATOR" : values.getFirst();
            default -> values.getFirst();
        };
    }

    private Object scalar(String field, String name, String scalar) {
        return switch (scalar) {
            case "ID" -> id(field, name);
            case "Int" -> switch (name) {
                case "rating" -> 4;
                case "alternativeIndex", "priority" -> 0;
                case "first", "limit", "minSamples", "mirroredRequests" -> 10;
                case "contextWindow", "maxTokens" -> 4096;
                default -> 1;
            };
            case "Float" -> 0.5;
            case "Long" -> 1000L;
            case "BigDecimal" -> 1;
            case "Boolean" -> false;
            case "DateTime" -> "2025-01-31T12:00:00Z";
            default -> text(name);
        };
    }

    private String text(String name) {
        return switch (name) {
            case "version" -> "1";
            case "name" -> "fuzz-" + world.tag;
            case "analysisInterval" -> "PT30M";
            case "duration" -> "PT1H";
            case "currency" -> "USD";
            case "sha256" -> "0".repeat(64);
            case "uri" -> "file:///models/fuzz.bin";
            case "provider" -> "fuzz";
            case "text" -> "I look out to sea.";
            default -> "Fog " + name;
        };
    }

    private String id(String field, String name) {
        return switch (name) {
            case "worldId" -> world.worldId;
            case "storyId" -> world.storyId;
            case "loreEntryId" -> world.loreEntryId;
            case "beatId", "fromBeatId" -> field.equals("editBeat") || field.equals("eraseBeats") ? world.actionBeatId
                    : world.narrationBeatId;
            case "modelId" -> world.modelId;
            case "deploymentId" -> world.deploymentId;
            case "rolloutId" -> "fuzz-rollout-" + world.tag;
            case "userId" -> world.memberId;
            case "id" -> switch (field) {
                case "world" -> world.worldId;
                case "story" -> world.storyId;
                case "model" -> world.modelId;
                default -> "fuzz-" + world.tag;
            };
            default -> "fuzz-" + world.tag;
        };
    }
}
