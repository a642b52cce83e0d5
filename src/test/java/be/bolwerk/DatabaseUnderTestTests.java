package be.bolwerk;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Proves that each run of the suite uses the database it claims: bin/test runs everything a second time with
 * {@code bolwerk.test.database=PostgreSQL}, and a configuration slip that quietly kept H2 would make that second
 * run worthless.
 */
@SpringBootTest
class DatabaseUnderTestTests {

    @Test
    void theSuiteRunsOnTheDatabaseItNames(@Autowired DataSource dataSource) throws SQLException {
        String expected = System.getProperty("bolwerk.test.database", "H2");
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo(expected);
            if (expected.equals("PostgreSQL")) {
                assertThat(connection.getMetaData().getDatabaseMajorVersion()).isGreaterThanOrEqualTo(15);
            }
        }
    }
}
