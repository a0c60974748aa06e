package io.storyteller.query.finetuning;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.corpus.CorpusSelection;
import io.storyteller.domain.finetuning.FindFineTuning;
import io.storyteller.domain.finetuning.FindFineTunings;
import io.storyteller.domain.finetuning.FineTuningCancelled;
import io.storyteller.domain.finetuning.FineTuningRequested;
import io.storyteller.domain.finetuning.FineTuningStatus;
import io.storyteller.domain.finetuning.FineTuningView;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.projections.finetuning.FineTuningProjection;
import io.storyteller.projections.support.EventLog;
import io.storyteller.projections.support.ReadModelDatabase;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fine-tunings are listed newest first, by status, to platform admins only. */
class FineTuningQueriesTest {

    static final Actor ROOT = new Actor("root", Set.of(PlatformRole.PLATFORM_ADMIN));
    static final Actor MIA = new Actor("mia", Set.of(PlatformRole.MODEL_MANAGER));

    static ReadModelDatabase db;
    static FineTuningQueries queries;

    @BeforeAll
    static void load() {
        db = ReadModelDatabase.start();
        EventLog log = new EventLog();
        log.fineTuning("ft-1", requested("ft-1"));
        log.fineTuning("ft-2", requested("ft-2"), new FineTuningCancelled("ft-2", null, "root"));
        log.fineTuning("ft-3", requested("ft-3"));
        log.deliver(new FineTuningProjection(db.jdbc(), SimpleQueryUpdateEmitter.builder().build()));
        queries = new FineTuningQueries(db.jdbc());
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void theNewestComeFirstFilteredByStatusAndCutAtFirst() {
        assertThat(ids(new FindFineTunings(null, 10, ROOT))).containsExactly("ft-3", "ft-2", "ft-1");
        assertThat(ids(new FindFineTunings(FineTuningStatus.REQUESTED, 10, ROOT))).containsExactly("ft-3", "ft-1");
        assertThat(ids(new FindFineTunings(FineTuningStatus.CANCELLED, 10, ROOT))).containsExactly("ft-2");
        assertThat(ids(new FindFineTunings(null, 2, ROOT))).containsExactly("ft-3", "ft-2");
        assertThat(ids(new FindFineTunings(null, 0, ROOT))).containsExactly("ft-3");
        assertThat(queries.handle(new FindFineTuning("ft-2", ROOT)).map(FineTuningView::status)).contains(FineTuningStatus.CANCELLED);
        assertThat(queries.handle(new FindFineTuning("nope", ROOT))).isEmpty();
    }

    @Test
    void nobodyButPlatformAdminsSeesAny() {
        for (Actor viewer : new Actor[] {MIA, new Actor("pia", Set.of(PlatformRole.PLAYER)), null}) {
            assertThat(queries.handle(new FindFineTunings(null, 10, viewer))).isEmpty();
            assertThat(queries.handle(new FindFineTuning("ft-1", viewer))).isEmpty();
        }
    }

    private static List<String> ids(FindFineTunings query) {
        return queries.handle(query).stream().map(FineTuningView::fineTuningId).toList();
    }

    private static FineTuningRequested requested(String id) {
        return new FineTuningRequested(id, new ModelRef("house:detector", "1"), UseCase.DETECTOR, "house",
                new CorpusSelection(null, null, null, null, List.of(), List.of(), List.of(), 0.1, 7), Map.of(), null, null, null,
                "root");
    }
}
