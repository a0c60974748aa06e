package io.storyteller.ops.e2e.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A request body that is no proper GraphQL-over-HTTP request, or sent under the wrong content type.
 *
 * @param contentType the Content-Type header, or null for none
 */
record RawShape(String name, String contentType, byte[] body) {

    private static final String JSON = FuzzHttp.JSON_TYPE;
    private static final String ME = "{\"query\":\"{me{userId}}\"}";

    static RawShape of(String name, String contentType, String body) {
        return new RawShape(name, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Every shape, given a story to subscribe to. */
    static List<RawShape> all(String storyId) {
        String deepVariables = "{\"query\":\"{me{userId}}\",\"variables\":{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}}";
        return List.of(
                of("body null", JSON, "null"),
                of("empty array", JSON, "[]"),
                of("batched array", JSON, "[" + ME + "]"),
                of("a JSON string", JSON, "\"string\""),
                of("a JSON number", JSON, "42"),
                of("empty object", JSON, "{}"),
                of("query a number", JSON, "{\"query\":123}"),
                of("query null", JSON, "{\"query\":null}"),
                of("query an object", JSON, "{\"query\":{\"a\":1}}"),
                of("variables a string", JSON, "{\"query\":\"{me{userId}}\",\"variables\":\"x\"}"),
                of("variables a list", JSON, "{\"query\":\"{me{userId}}\",\"variables\":[1]}"),
                of("operationName a number", JSON, "{\"query\":\"{me{userId}}\",\"operationName\":123}"),
                of("operationName unknown", JSON, "{\"query\":\"{me{userId}}\",\"operationName\":\"Nope\"}"),
                of("two operations, no name", JSON, "{\"query\":\"query A{me{userId}} query B{me{userId}}\"}"),
                of("extensions a string", JSON, "{\"query\":\"{me{userId}}\",\"extensions\":\"x\"}"),
                of("empty query", JSON, "{\"query\":\"\"}"),
                of("query a syntax error", JSON, "{\"query\":\"{me{\"}"),
                of("malformed JSON, truncated", JSON, "{\"query\":\"{me{userId}}\""),
                of("malformed JSON, unquoted", JSON, "{query: me}"),
                of("empty body", JSON, ""),
                of("variables nested 5000 deep", JSON, deepVariables),
                new RawShape("invalid UTF-8", JSON, new byte[] {'{', '"', 'q', '"', ':', (byte) 0xff, (byte) 0xfe, '}'}),
                of("subscription over POST", JSON, "{\"query\":\"subscription { deploymentEvents { id } }\"}"),
                of("story subscription over POST", JSON,
                        "{\"query\":\"subscription { storyEvents(storyId: \\\"" + storyId + "\\\") { kind } }\"}"),
                of("content type text/plain", "text/plain", "{\"query\":\"{me{userId}}\"}"),
                of("content type application/graphql", "application/graphql", "{ me { userId } }"),
                of("content type form", "application/x-www-form-urlencoded", "query=%7Bme%7BuserId%7D%7D"),
                of("content type multipart without boundary", "multipart/form-data", "--x\r\n\r\n--x--"),
                of("content type garbage", "fuzz/???; charset=nope", "{\"query\":\"{me{userId}}\"}"),
                of("no content type", null, "{\"query\":\"{me{userId}}\"}"));
    }

    @Override
    public String toString() {
        return name;
    }
}
