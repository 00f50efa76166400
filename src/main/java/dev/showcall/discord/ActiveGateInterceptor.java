package dev.showcall.discord;

import java.io.IOException;
import java.util.function.BooleanSupplier;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The last check before any request that changes something on Discord (a message, an edit, a pin,
 * an answer to an interaction): this instance must still be the active one. An instance that lost
 * its lease (a long pause, cut off from the database) sends nothing more, JDA's queued requests
 * included, even before it notices and stops. Reads pass.
 */
public final class ActiveGateInterceptor implements Interceptor {

    /** What a refused request fails with. */
    public static final class NotActiveException extends IOException {
        NotActiveException(Request request) {
            super("not sent: this showcall is no longer the active instance (" + request.method() + " "
                    + request.url().encodedPath() + ")");
        }
    }

    private final BooleanSupplier active;

    public ActiveGateInterceptor(BooleanSupplier active) {
        this.active = active;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!"GET".equals(request.method()) && !active.getAsBoolean()) {
            throw new NotActiveException(request);
        }
        return chain.proceed(request);
    }
}
