package io.storyteller.command.continuity.checking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.command.continuity.ContinuityCheck;
import io.storyteller.domain.continuity.CheckContinuity;
import io.storyteller.domain.continuity.ContinuityReport;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.domain.shared.RejectionKind;
import io.storyteller.domain.shared.Violation;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContinuityQueriesTest {

    private static final Actor ADMIN = new Actor("ada", Set.of(PlatformRole.PLATFORM_ADMIN));
    private static final Actor PLAYER = new Actor("pia", Set.of(PlatformRole.PLAYER));
    private static final List<String> STORY = List.of("Brother Wendel was killed by the wolves at the ford.", "> I ride on to the abbey.");

    private final ContinuityQueries queries = new ContinuityQueries(new ContinuityCheck());

    @Test
    void aContradictionIsReportedWithItsKindFactEvidenceAndExplanation() {
        ContinuityReport report = queries.handle(new CheckContinuity(List.of(), STORY,
                "Wendel waves from the abbey gate and calls your name.", ADMIN));

        assertThat(report.consistent()).isFalse();
        assertThat(report.contradictions()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo("death");
            assertThat(c.fact().entity()).isEqualTo("Wendel");
            assertThat(c.fact().sinceBeat()).isEqualTo(1);
            assertThat(c.evidence()).startsWith("Wendel waves");
            assertThat(c.explanation()).isNotBlank();
        });
        assertThat(report.factsUsed()).extracting(f -> f.entity()).contains("Wendel");
    }

    @Test
    void aConsistentCandidatePasses() {
        ContinuityReport report = queries.handle(new CheckContinuity(List.of(), STORY,
                "At the gate you remember how Wendel laughed.", ADMIN));

        assertThat(report.consistent()).isTrue();
        assertThat(report.contradictions()).isEmpty();
    }

    @Test
    void onlyPlatformAdminsCheck() {
        assertThatThrownBy(() -> queries.handle(new CheckContinuity(List.of(), STORY, "Wendel waves.", PLAYER)))
                .isInstanceOfSatisfying(DomainRejection.class, r -> assertThat(r.violation())
                        .isEqualTo(new Violation(RejectionKind.FORBIDDEN, "actor", "role:platform-admin", r.violation().message())));
    }

    @Test
    void mistakesAreNamedByFieldAndRule() {
        assertRejected(new CheckContinuity(List.of(), STORY, "  ", ADMIN), "candidate", "required");
        assertRejected(new CheckContinuity(List.of("ok", ""), STORY, "x", ADMIN), "lore[1]", "required");
        assertRejected(new CheckContinuity(List.of(), List.of("y".repeat(8001)), "x", ADMIN), "story[0]", "max-length:8000");
        assertRejected(new CheckContinuity(Collections.nCopies(101, "lore"), STORY, "x", ADMIN), "lore", "max-count:100");
        assertRejected(new CheckContinuity(List.of(), null, "x", ADMIN), "story", "required");
    }

    private void assertRejected(CheckContinuity query, String field, String rule) {
        assertThatThrownBy(() -> queries.handle(query)).isInstanceOfSatisfying(DomainRejection.class, r -> {
            assertThat(r.violation().kind()).isEqualTo(RejectionKind.INVALID);
            assertThat(r.violation().field()).isEqualTo(field);
            assertThat(r.violation().rule()).isEqualTo(rule);
        });
    }
}
