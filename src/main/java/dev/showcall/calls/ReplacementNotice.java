package dev.showcall.calls;

import dev.showcall.text.UserText;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.Replacement;
import dev.showcall.show.Look;
import dev.showcall.show.Model;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/** Who hears of a replacement, and what each of them is told. */
public final class ReplacementNotice {

    /** The subject of a notice to one person: {@code user:<id>}. */
    public static final String USER = "user:";
    /** A notice is one message: Discord takes at most 2000 characters. */
    static final int MAX_TEXT = 2000;

    private ReplacementNotice() {
    }

    /** The dressers of the looks taken over, then whoever replaces, when she has a Discord account. */
    public static Set<Long> recipients(PlannedShow show, Replacement replacement) {
        Set<Long> users = new LinkedHashSet<>();
        looks(show, replacement).forEach(l -> l.dresserUserId().ifPresent(users::add));
        userOf(show, replacement.replacedBy()).ifPresent(users::add);
        return users;
    }

    public static String subject(long userId) {
        return USER + userId;
    }

    /** What {@code userId} is told: their looks when they dress them, her looks when she walks them. */
    public static Optional<String> text(PlannedShow show, Replacement replacement, long userId) {
        String showName = UserText.inline(show.show().name());
        String replacedBy = UserText.inline(replacement.replacedBy());
        String model = UserText.inline(replacement.model());
        List<Look> dressed = looks(show, replacement).stream()
                .filter(l -> l.dresserUserId().equals(OptionalLong.of(userId))).toList();
        if (!dressed.isEmpty()) {
            return Optional.of(UserText.cut("🔁 " + showName + ": " + replacedBy + " replaces " + model
                    + ". " + (dressed.size() == 1 ? "Your look " : "Your looks ") + describe(dressed) + " "
                    + (dressed.size() == 1 ? "is" : "are") + " now worn by " + replacedBy + ".", MAX_TEXT));
        }
        if (userOf(show, replacement.replacedBy()).equals(OptionalLong.of(userId))) {
            List<Look> looks = looks(show, replacement);
            return Optional.of(UserText.cut("🔁 " + showName + ": you walk in place of " + model + ": "
                    + (looks.size() == 1 ? "look " : "looks ") + describe(looks)
                    + ". Go to hair and makeup as soon as you are backstage.", MAX_TEXT));
        }
        return Optional.empty();
    }

    private static List<Look> looks(PlannedShow show, Replacement replacement) {
        return replacement.looks().stream().map(n -> show.show().look(n)).flatMap(Optional::stream).toList();
    }

    private static OptionalLong userOf(PlannedShow show, String model) {
        return show.show().model(model).map(Model::userId).orElse(OptionalLong.empty());
    }

    /** "7 (Black wool coat), 19 (Ivory shirt dress)". */
    private static String describe(List<Look> looks) {
        return looks.stream().map(l -> l.number() + " (" + UserText.inline(l.description()) + ")")
                .collect(Collectors.joining(", "));
    }
}
