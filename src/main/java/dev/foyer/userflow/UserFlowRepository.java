package dev.foyer.userflow;

import java.util.List;
import java.util.Optional;

/** Port: the current tenant's user flows. */
public interface UserFlowRepository {

    /** Finds a flow by name in any casing, with or without the {@code B2C_1_} prefix. */
    Optional<UserFlow> findByName(String name);

    List<UserFlow> findAll();

    /** Creates a flow; the name gets the {@code B2C_1_} prefix. Fails when the name is taken. */
    UserFlow create(String name, UserFlowType type, UserFlowDefinition definition);

    /**
     * Replaces a flow's definition if it is still at {@code expectedVersion}.
     *
     * @throws ConcurrentFlowChangeException when someone changed it in between
     */
    UserFlow update(UserFlow flow, int expectedVersion);

    /** Deletes the flow (in the current tenant). */
    void delete(UserFlow flow);
}
