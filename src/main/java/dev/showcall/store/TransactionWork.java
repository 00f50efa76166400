package dev.showcall.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on the one connection of a transaction, giving back a result. */
@FunctionalInterface
public interface TransactionWork<T> {

    T run(Connection c) throws SQLException;
}
