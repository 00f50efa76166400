package dev.showcall.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on the one connection of a transaction, with no result. */
@FunctionalInterface
public interface TransactionAction {

    void run(Connection c) throws SQLException;
}
