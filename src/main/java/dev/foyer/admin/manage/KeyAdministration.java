package dev.foyer.admin.manage;

import dev.foyer.admin.access.AdminCaller;
import dev.foyer.keys.PublishedKey;
import dev.foyer.keys.SigningKeys;
import java.util.List;
import org.springframework.stereotype.Service;

/** The current tenant's signing keys: which are published, and rotation. */
@Service
public class KeyAdministration {

    private final SigningKeys keys;
    private final AdminChanges changes;

    KeyAdministration(SigningKeys keys,
            AdminChanges changes) {
        this.changes = changes;
        this.keys = keys;
    }

    public List<PublishedKey> list(AdminCaller caller) {
        return keys.describePublished();
    }

    /** Makes a new key active; the previous one stays published for the retired-key period. */
    public PublishedKey rotate(AdminCaller caller) {
        String kid = keys.rotate().getKeyID();
        changes.record(caller, "signingKey", "rotate", kid, null, java.util.Map.of("kid", kid));
        return keys.describePublished().stream().filter(k -> k.kid().equals(kid)).findFirst().orElseThrow();
    }
}
