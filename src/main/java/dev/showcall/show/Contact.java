package dev.showcall.show;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a person's calls can go by email, as the show file gives it ({@link Show#contactOf}).
 *
 * @param email  their own address
 * @param copyTo who is copied on the mails about their call: a model's booker at her agency ({@code agency-email})
 */
public record Contact(Optional<String> email, Optional<String> copyTo) {

    public Contact {
        Objects.requireNonNull(email);
        Objects.requireNonNull(copyTo);
    }
}
