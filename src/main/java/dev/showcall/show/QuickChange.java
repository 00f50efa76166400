package dev.showcall.show;

import java.time.Duration;

/**
 * The time one model has between two of her consecutive looks: from the moment she is back
 * from {@code fromLook} to the moment {@code toLook} goes out.
 */
public record QuickChange(String model, int fromLook, int toLook, Duration gap, boolean underThreshold) {
}
