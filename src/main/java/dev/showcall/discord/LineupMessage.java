package dev.showcall.discord;

import dev.showcall.text.UserText;
import dev.showcall.backstage.Lineup;
import dev.showcall.backstage.LookState;
import dev.showcall.looks.Walks;
import dev.showcall.show.QuickChange;
import dev.showcall.show.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * The running order as one embed: each look with its model, dresser and state, the quick changes
 * still to come, and what the next looks are missing. It stays inside Discord's embed limits
 * however long the show is, pointing to where the list goes on.
 */
public final class LineupMessage {

    /** Room left under the 6,000 characters of an embed for the title, two fields and the footer. */
    static final int DESCRIPTION_BUDGET = 3_500;
    /** How many of the coming looks the "missing" field lists. */
    static final int NEXT_LOOKS = 5;

    private LineupMessage() {
    }

    /** @param from the first look to list; the first still to walk when empty */
    public static MessageCreateData render(Lineup lineup, java.util.OptionalInt from) {
        return Replies.builder("").setEmbeds(embed(lineup, from)).build();
    }

    static MessageEmbed embed(Lineup lineup, java.util.OptionalInt from) {
        List<LookState> looks = lineup.looks();
        int first = from.orElse(lineup.next().or(() -> lineup.toWalk().stream().findFirst())
                .map(LookState::number).orElse(looks.get(looks.size() - 1).number()));
        EmbedBuilder embed = new EmbedBuilder()
                .setTitle(UserText.cut("Lineup · " + UserText.inline(lineup.show().show().name()), MessageEmbed.TITLE_MAX_LENGTH))
                .setDescription(description(lineup, looks, first))
                .addField("Quick changes to come", quickChanges(lineup), false)
                .addField("Missing for the next looks", missing(lineup), false)
                .setFooter(footer(lineup));
        return embed.build();
    }

    private static String description(Lineup lineup, List<LookState> looks, int first) {
        StringBuilder text = new StringBuilder();
        boolean oneWithout = lineup.withoutModel().size() == 1;
        Walks.withoutModelWarning(lineup.withoutModel()).ifPresent(warning -> text.append(UserText.cut(warning, 500))
                .append(oneWithout ? ". It cannot walk, and the next look passes it over, until `/replace` gives it a model.\n"
                        : ". They cannot walk, and the next look passes them over, until `/replace` gives them a model.\n"));
        long walkedBefore = looks.stream().filter(l -> l.number() < first && l.walked()).count();
        long before = looks.stream().filter(l -> l.number() < first).count();
        if (before > 0) {
            text.append(before == walkedBefore ? "Looks before " + first + " have walked.\n"
                    : before + (before == 1 ? " look" : " looks") + " before " + first + " (" + walkedBefore
                            + " walked): `/lineup from:1` lists " + (before == 1 ? "it" : "them") + ".\n");
        }
        List<LookState> listed = looks.stream().filter(l -> l.number() >= first).toList();
        for (int i = 0; i < listed.size(); i++) {
            String line = line(listed.get(i)) + "\n";
            String more = "… and " + (listed.size() - i) + " more: `/lineup from:" + listed.get(i).number() + "`";
            if (text.length() + line.length() + more.length() > DESCRIPTION_BUDGET) {
                text.append(more);
                return text.toString();
            }
            text.append(line);
        }
        return text.toString();
    }

    /** "`7` ✅ **Anya Petrova** · Black wool coat · <@dresser>". */
    static String line(LookState look) {
        String model = Replies.bold(look.model())
                + (look.replaced() ? " (for " + UserText.inline(look.look().model()) + ")" : "");
        String dresser = look.look().dresserUserId().stream().mapToObj(id -> " · " + Replies.user(id))
                .collect(Collectors.joining());
        return "`" + look.number() + "` " + icon(look) + " " + model + " · " + UserText.inline(look.look().description(), 60)
                + dresser + state(look);
    }

    private static String icon(LookState look) {
        if (look.walked()) {
            return "🚶";
        }
        if (look.modelNoShow()) {
            return "🚫";
        }
        return look.ready() ? "✅" : "⏳";
    }

    private static String state(LookState look) {
        if (look.walked()) {
            return " — walked " + Replies.time(look.walk().orElseThrow().walkedAt());
        }
        return look.ready() ? "" : " — " + Walks.whatIsMissing(look);
    }

    private static String quickChanges(Lineup lineup) {
        List<QuickChange> coming = lineup.quickChanges().stream()
                .filter(q -> lineup.look(q.toLook()).map(l -> !l.walked()).orElse(false))
                .toList();
        if (coming.isEmpty()) {
            return "None.";
        }
        return lines(coming.stream().map(q -> (q.underThreshold() ? "⚠️ " : "") + UserText.inline(q.model()) + ": looks " + q.fromLook()
                + " → " + q.toLook() + ", " + Durations.format(q.gap())).toList());
    }

    /** What the next looks to walk miss; those without a model are named at the top instead. */
    private static String missing(Lineup lineup) {
        List<LookState> coming = lineup.toWalk().stream().filter(l -> !l.withoutModel()).limit(NEXT_LOOKS).toList();
        if (coming.isEmpty()) {
            return lineup.withoutModel().isEmpty() ? "Nothing: every look has walked."
                    : "Nothing: no look left to walk has a model.";
        }
        List<String> lines = coming.stream().filter(l -> !l.ready())
                .map(l -> "Look " + l.number() + " · " + UserText.inline(l.model()) + ": " + Walks.whatIsMissing(l))
                .toList();
        return lines.isEmpty() ? "Nothing: the next " + NEXT_LOOKS + " looks are ready." : lines(lines);
    }

    private static String footer(Lineup lineup) {
        long walked = lineup.looks().stream().filter(LookState::walked).count();
        return lineup.readyCount() + " of " + lineup.looks().size() + " looks ready · " + walked + " walked"
                + lineup.out().map(l -> " · out: look " + l.number()).orElse("");
    }

    /** Lines joined until the field is full, then how many are left. */
    private static String lines(List<String> lines) {
        StringBuilder text = new StringBuilder();
        List<String> left = new ArrayList<>(lines);
        while (!left.isEmpty()) {
            String line = UserText.cut(left.get(0), 200) + "\n";
            String more = "… and " + left.size() + " more";
            if (text.length() + line.length() + more.length() > MessageEmbed.VALUE_MAX_LENGTH) {
                return text + more;
            }
            text.append(line);
            left.remove(0);
        }
        return text.toString().strip();
    }
}
