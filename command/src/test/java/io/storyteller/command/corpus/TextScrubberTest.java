package io.storyteller.command.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the scrubber takes out of a text, and what it must leave for the story to read. */
class TextScrubberTest {

    private final TextScrubber scrubber = new TextScrubber();

    @Test
    void contactDetailsAndSecretsBecomePlaceholders() {
        assertThat(scrubber.scrub("write to ann@mail.example.net")).isEqualTo("write to [email]");
        assertThat(scrubber.scrub("call (030) 1234 5678 now")).isEqualTo("call [phone] now");
        assertThat(scrubber.scrub("ring +44 20 7946 0958.")).isEqualTo("ring [phone].");
        assertThat(scrubber.scrub("postgres://svc:s3cret@10.0.0.1:5432/db")).isEqualTo("[url]");
        assertThat(scrubber.scrub("token ghp_abcdefghijklmnopqrstuvwxyz0123")).isEqualTo("token [secret]");
        assertThat(scrubber.scrub("AKIAIOSFODNN7EXAMPLE")).isEqualTo("[secret]");
        assertThat(scrubber.scrub("Authorization: Bearer abcdefghijklmnopqrstuvwx")).isEqualTo("Authorization: [secret]");
        assertThat(scrubber.scrub("hash 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"))
                .isEqualTo("hash [secret]");
    }

    @Test
    void ordinaryProseNumbersAndLinksStay() {
        String prose = "In 1999 the 300 riders took 12 days; see https://example.org/map and the hall of supercalifragilisticexpialidocious-ness.";
        assertThat(scrubber.scrub(prose)).isEqualTo(prose);
        assertThat(scrubber.scrub("Gate 4, row 12, seat 7")).isEqualTo("Gate 4, row 12, seat 7");
    }
}
