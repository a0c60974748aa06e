package io.storyteller.command.housemodel.training;

/** Thrown when a requested house model version is not in the store. */
public class HouseModelNotFoundException extends RuntimeException {

    public HouseModelNotFoundException(String message) {
        super(message);
    }
}
