package dev.showcall.store;

/** The database failed; callers above the store need not know JDBC to handle it. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
