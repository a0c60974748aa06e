package io.storyteller.graphql.caller;

import io.storyteller.domain.shared.Actor;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Answers {@code me} from the token alone: no read model knows more about the caller. */
@Controller
public class MeQuery {

    @QueryMapping
    public Me me(Actor actor) {
        return new Me(actor.userId(), actor.roles().stream().sorted().toList());
    }
}
