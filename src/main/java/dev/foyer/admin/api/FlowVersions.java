package dev.foyer.admin.api;

import dev.foyer.userflow.ConcurrentFlowChangeException;
import dev.foyer.userflow.UserFlow;

/**
 * Optimistic concurrency on user flows over HTTP: a flow's version is its ETag ({@code "7"}); a
 * change must send it back in {@code If-Match}.
 */
final class FlowVersions {

    private FlowVersions() {
    }

    static String etag(UserFlow flow) {
        return "\"" + flow.version() + "\"";
    }

    /**
     * The version the caller read.
     *
     * @throws PreconditionRequiredException without If-Match
     * @throws ConcurrentFlowChangeException when If-Match is no version of ours (so it cannot be current)
     */
    static int expected(String ifMatch, String flowName) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Integer.parseInt(tag);
        } catch (NumberFormatException e) {
            throw new ConcurrentFlowChangeException(flowName);
        }
    }

    /** A change of a user flow without If-Match: the server will not guess which version was read. */
    static final class PreconditionRequiredException extends RuntimeException {
        PreconditionRequiredException() {
            super("Send the ETag of the user flow you read in If-Match, so that nobody's change is overwritten.");
        }
    }
}
