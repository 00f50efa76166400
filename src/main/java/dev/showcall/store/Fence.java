package dev.showcall.store;

import java.sql.Connection;

/**
 * Checked in the transaction of every claim that leads to a message on Discord (a ping, a log
 * post): it throws when this instance is no longer the active one, so the claim rolls back and
 * nothing is sent. With several instances on one database, only the holder of the lease passes.
 */
@FunctionalInterface
public interface Fence {

    /** One instance on its own database: every claim passes. */
    Fence NONE = c -> {
    };

    /** @throws FencedException when this instance may not send */
    void check(Connection c);

    /** This instance lost the lease: what it was about to claim is another instance's to send. */
    final class FencedException extends StoreException {
        public FencedException(String message) {
            super(message);
        }
    }
}
