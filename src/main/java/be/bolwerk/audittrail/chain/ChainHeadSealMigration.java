package be.bolwerk.audittrail.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * V19: seals the head of the chain with an HMAC over its position and hash, so that cutting off the newest rows
 * and pointing the head at an older row is detected without a key. A Java migration because sealing the
 * existing head needs the key, which SQL does not have; Spring Boot hands every {@link JavaMigration} bean to
 * Flyway. Without this seal, an upgraded database could only be sealed by trusting whatever head it had at
 * the first start — which an attacker could have prepared by clearing the column.
 */
@Component
class ChainHeadSealMigration implements JavaMigration {

    private final ChainHasher hasher;

    ChainHeadSealMigration(ChainHasher hasher) {
        this.hasher = hasher;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("19");
    }

    @Override
    public String getDescription() {
        return "audit chain head mac";
    }

    @Override
    public Integer getChecksum() {
        return 19;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE audit_chain_head ADD COLUMN mac VARCHAR(64)");
        }
        long seq;
        String hash;
        try (Statement statement = connection.createStatement();
                ResultSet head = statement.executeQuery("SELECT seq, hash FROM audit_chain_head WHERE id = 1")) {
            head.next();
            seq = head.getLong("seq");
            hash = head.getString("hash");
        }
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE audit_chain_head SET mac = ? WHERE id = 1")) {
            update.setString(1, hasher.headMac(seq, hash));
            update.executeUpdate();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE audit_chain_head ALTER COLUMN mac SET NOT NULL");
        }
    }
}
