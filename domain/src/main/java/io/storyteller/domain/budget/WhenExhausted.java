package io.storyteller.domain.budget;

/** What a turn does once a spend limit that applies to it is reached. */
public enum WhenExhausted {
    /** Narrate with the cheapest narrator deployment able to serve the turn (an in-house one costs nothing). */
    CHEAPER,
    /** Refuse the turn with a reason naming the budget. */
    REFUSE
}
