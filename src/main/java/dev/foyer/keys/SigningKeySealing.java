package dev.foyer.keys;

import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.RSAKey;
import dev.foyer.secrets.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At start, before the server takes requests, brings every stored signing key under the current
 * secrets key: private JWKs stored in plain text (before sealing existed) are sealed, and keys
 * sealed with a previous key are sealed again with the current one. Each row changes by one
 * compare-and-set update, so running it twice, or on two nodes at once, is harmless. A key sealed
 * with a key this node lacks stops the start with a message naming the key id it needs.
 */
@Component
class SigningKeySealing implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SigningKeySealing.class);

    private final JdbcClient jdbc;
    private final PrivateKeySeal seal;

    SigningKeySealing(JdbcClient jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.seal = new PrivateKeySeal(box);
    }

    @Override
    public void afterSingletonsInstantiated() {
        int sealed = sealPlaintextKeys();
        int resealed = resealUnderCurrentKey();
        if (sealed > 0) {
            log.info("Sealed {} signing key(s) stored in plain text, under secrets key id {}", sealed,
                    seal.currentKeyId());
        }
        if (resealed > 0) {
            log.info("Sealed {} signing key(s) again under the current secrets key id {}", resealed,
                    seal.currentKeyId());
        }
    }

    /** Seals the private JWKs still stored in plain text; returns how many this call sealed. */
    int sealPlaintextKeys() {
        List<Row> plaintext = jdbc.sql("select tenant_id, kid, jwk from signing_key where sealed_private_jwk is null")
                .query((rs, row) -> new Row(rs.getObject("tenant_id", UUID.class), rs.getString("kid"),
                        rs.getString("jwk")))
                .list();
        int sealed = 0;
        for (Row row : plaintext) {
            RSAKey key = PrivateKeySeal.parse(row.stored());
            if (!key.isPrivate()) {
                throw new IllegalStateException("Signing key " + row.kid() + " of tenant " + row.tenant()
                        + " has no private part, in plain text or sealed");
            }
            sealed += jdbc.sql("""
                            update signing_key set jwk = :jwk, sealed_private_jwk = :sealed
                            where tenant_id = :tenant and kid = :kid and sealed_private_jwk is null""")
                    .param("jwk", key.toPublicJWK().toJSONString())
                    .param("sealed", seal.seal(row.tenant(), key))
                    .param("tenant", row.tenant())
                    .param("kid", row.kid())
                    .update();
        }
        return sealed;
    }

    /** Seals again, under the current key, what a previous key sealed; returns how many this call did. */
    int resealUnderCurrentKey() {
        List<Row> outdated = jdbc.sql("""
                        select tenant_id, kid, sealed_private_jwk from signing_key
                        where sealed_private_jwk is not null and sealed_private_jwk not like :current""")
                .param("current", seal.currentKeyPrefix() + "%")
                .query((rs, row) -> new Row(rs.getObject("tenant_id", UUID.class), rs.getString("kid"),
                        rs.getString("sealed_private_jwk")))
                .list();
        int resealed = 0;
        for (Row row : outdated) {
            resealed += jdbc.sql("""
                            update signing_key set sealed_private_jwk = :resealed
                            where tenant_id = :tenant and kid = :kid and sealed_private_jwk = :stored""")
                    .param("resealed", seal.reseal(row.tenant(), row.kid(), row.stored()))
                    .param("tenant", row.tenant())
                    .param("kid", row.kid())
                    .param("stored", row.stored())
                    .update();
        }
        return resealed;
    }

    /** @param stored the plain-text JWK or the sealed one, depending on the query */
    private record Row(UUID tenant, String kid, String stored) {
    }
}
