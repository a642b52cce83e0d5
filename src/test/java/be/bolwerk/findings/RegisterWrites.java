package be.bolwerk.findings;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For tests that write findings with SQL, behind the store's back (fixtures, clean-up): moves every organisation's
 * register version, as the store does for its own writes (ADR 0046), so no count or figure kept from before the write
 * is served after it.
 */
public final class RegisterWrites {

    private RegisterWrites() {}

    public static void moved(JdbcClient jdbc) {
        jdbc.sql("""
                        INSERT INTO finding_register_version (organisation_id, version)
                        SELECT o.id, 0 FROM (SELECT id FROM organisation UNION SELECT organisation_id FROM finding) o
                        WHERE NOT EXISTS (SELECT 1 FROM finding_register_version v WHERE v.organisation_id = o.id)
                        """).update();
        jdbc.sql("UPDATE finding_register_version SET version = version + 1").update();
    }
}
