package dev.showcall.screen;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a link lets its holder see or do: a show's page, of one epoch (a rotation moves every link of the
 * show to the next), and for the door, whose name it acts in.
 */
public record Grant(String showId, LinkKind kind, int epoch, OptionalLong userId) {

    public Grant {
        Objects.requireNonNull(showId, "showId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(userId, "userId");
        if ((kind == LinkKind.DOOR) != userId.isPresent()) {
            throw new IllegalArgumentException("a door link, and only a door link, acts in someone's name");
        }
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch " + epoch);
        }
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
}
