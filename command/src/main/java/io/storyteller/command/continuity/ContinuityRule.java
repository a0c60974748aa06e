package io.storyteller.command.continuity;

import java.util.List;

/** One kind of continuity: which facts it reads from a text, and how a candidate can break them. */
interface ContinuityRule {

    ContinuityKind kind();

    List<Fact> extract(Telling telling);

    List<Breach> check(Scene scene);
}
