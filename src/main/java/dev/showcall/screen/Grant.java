package dev.showcall.screen;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a link lets its holder see or do: a show's page, of one epoch (a rotation moves every link of the
 * show to the next); for the door, whose name it acts in; for a personal page, whose call it is.
 */
public record Grant(String showId, LinkKind kind, int epoch, OptionalLong userId, Optional<String> callKey) {

    public Grant {
        Objects.requireNonNull(showId, "showId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(callKey, "callKey");
        if ((kind == LinkKind.DOOR) != userId.isPresent()) {
            throw new IllegalArgumentException("a door link, and only a door link, acts in someone's name");
        }
        if ((kind == LinkKind.PERSONAL) != callKey.isPresent()) {
            throw new IllegalArgumentException("a personal link, and only a personal link, is for one call");
        }
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch " + epoch);
        }
    }

    public Grant(String showId, LinkKind kind, int epoch, OptionalLong userId) {
        this(showId, kind, epoch, userId, Optional.empty());
    }

    public static Grant screen(String showId, int epoch) {
        return new Grant(showId, LinkKind.SCREEN, epoch, OptionalLong.empty());
    }

    public static Grant lineup(String showId, int epoch) {
        return new Grant(showId, LinkKind.LINEUP, epoch, OptionalLong.empty());
    }

    public static Grant door(String showId, int epoch, long userId) {
        return new Grant(showId, LinkKind.DOOR, epoch, OptionalLong.of(userId));
    }

    public static Grant personal(String showId, int epoch, String callKey) {
        return new Grant(showId, LinkKind.PERSONAL, epoch, OptionalLong.empty(), Optional.of(callKey));
    }
}
