package dev.showcall.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The database engines the store runs on")
class DialectTest {

    @Test
    @DisplayName("are told apart by what the JDBC driver calls its product")
    void fromDriver() throws SQLException {
        assertThat(Dialect.of(product("H2", 2))).isEqualTo(Dialect.H2);
        assertThat(Dialect.of(product("PostgreSQL", 17))).isEqualTo(Dialect.POSTGRESQL);
    }

    @Test
    @DisplayName("are H2 and PostgreSQL only: another product is refused by name")
    void otherProductRefused() {
        assertThatThrownBy(() -> Dialect.of(product("MySQL", 8)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("MySQL")
                .hasMessageContaining("H2 or PostgreSQL");
    }

    @Test
    @DisplayName("are told apart by a JDBC URL before anything connects")
    void fromUrl() {
        assertThat(Dialect.ofUrl("jdbc:h2:file:./data/showcall;AUTO_SERVER=FALSE")).isEqualTo(Dialect.H2);
        assertThat(Dialect.ofUrl("jdbc:postgresql://db.example:5432/showcall")).isEqualTo(Dialect.POSTGRESQL);
        assertThatThrownBy(() -> Dialect.ofUrl("jdbc:mysql://db.example/showcall"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql://");
    }

    @Test
    @DisplayName("include PostgreSQL from version 15, and a server older than that is refused before any migration")
    void oldPostgresRefused() throws SQLException {
        // given a PostgreSQL 14 server, whose check constraints lack REGEXP_LIKE
        DatabaseMetaData old = product("PostgreSQL", 14);
        when(old.getDatabaseProductVersion()).thenReturn("14.12");

        // when it is checked, then it is refused, saying which version is needed and which it is
        assertThatThrownBy(() -> Dialect.POSTGRESQL.requireSupported(old))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("PostgreSQL 15 or later")
                .hasMessageContaining("14.12");
        // and PostgreSQL 15 is taken
        Dialect.POSTGRESQL.requireSupported(product("PostgreSQL", 15));
    }

    private static DatabaseMetaData product(String name, int majorVersion) throws SQLException {
        DatabaseMetaData metaData = mock(DatabaseMetaData.class);
        when(metaData.getDatabaseProductName()).thenReturn(name);
        when(metaData.getDatabaseMajorVersion()).thenReturn(majorVersion);
        return metaData;
    }
}
