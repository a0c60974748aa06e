package io.storyteller.graphql.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A chunked body declares no length: the filter counts it itself. */
class RequestSizeLimitTest {

    private final RequestSizeLimit limit = new RequestSizeLimit(10);

    @Test
    void a_chunked_body_over_the_limit_is_refused() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        limit.doFilter(chunked("01234567890"), response, (request, ignored) -> {
            throw new AssertionError("must not pass on");
        });

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("PAYLOAD_TOO_LARGE");
    }

    @Test
    void a_chunked_body_within_the_limit_is_passed_on_whole() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();

        limit.doFilter(chunked("0123456789"), new MockHttpServletResponse(),
                (request, ignored) -> seen.set(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8)));

        assertThat(seen).hasValue("0123456789");
    }

    private static MockHttpServletRequest chunked(String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.addHeader("Transfer-Encoding", "chunked");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }
}
