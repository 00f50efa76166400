package dev.showcall.show;

import java.util.Optional;

/** A person in a department: a Discord user, with the name the call sheet shows if given. */
public record Member(long userId, Optional<String> name) {

    public String displayName() {
        return name.orElse("user " + userId);
    }
}
