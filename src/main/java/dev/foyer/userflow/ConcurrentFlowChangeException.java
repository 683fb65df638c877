package dev.foyer.userflow;

/** Another administrator changed the flow since it was read. */
public class ConcurrentFlowChangeException extends RuntimeException {
    public ConcurrentFlowChangeException(String flowName) {
        super("User flow " + flowName + " was changed by someone else; reload it and try again");
    }
}
