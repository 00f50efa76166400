package dev.showcall.discord.commands;

import dev.showcall.text.UserText;
import dev.showcall.backstage.Lineup;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.discord.Replies;
import dev.showcall.looks.Replacements;
import dev.showcall.show.Closest;
import dev.showcall.show.Model;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /replace model:<name> with:<name>}: a standby, or another model, takes over a model's looks.
 * The answer says how each person concerned is being told; once their notices have gone out, it
 * is changed to say how they were told.
 */
public final class ReplaceCommand extends ShowSlashCommand {

    public static final String NAME = "replace";
    public static final String MODEL_OPTION = "model";
    public static final String WITH_OPTION = "with";

    /** How often the notices are looked at after the answer, and for how long (the answer can be edited for 15 min). */
    static final Duration FOLLOW_UP_EVERY = Duration.ofMillis(500);
    static final Duration FOLLOW_UP_FOR = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(ReplaceCommand.class);

    /** What Discord shows of the command: known before anything opens, so it is registered first. */
    public static final SlashCommandData DATA = showCommand(NAME,
            "Give a model's looks to a standby or another model (PR and producers)",
            new OptionData(OptionType.STRING, MODEL_OPTION, "The model who will not walk", true, true)
                    .setMaxLength(100),
            new OptionData(OptionType.STRING, WITH_OPTION, "Who walks the looks instead, usually a standby", true, true)
                    .setMaxLength(100));

    private final Replacements replacements;
    private final ScheduledExecutorService timer;

    /** @param timer where the answer is followed up once the notices have gone out */
    public ReplaceCommand(Replacements replacements, ScheduledExecutorService timer) {
        super(DATA);
        this.replacements = replacements;
        this.timer = timer;
    }

    @Override
    public void onSlashCommand(SlashCommandInteractionEvent event, PlannedShow show, Responder responder) {
        if (!Guards.requirePrOrProducer(event.getMember(), show, responder)) {
            return;
        }
        String model = event.getOption(MODEL_OPTION, "", OptionMapping::getAsString);
        String with = event.getOption(WITH_OPTION, "", OptionMapping::getAsString);
        Replacements.Outcome outcome = replacements.replace(show, model, with, event.getUser().getIdLong());
        if (outcome instanceof Replacements.Outcome.Replaced replaced) {
            responder.reply(replied(replaced, List.of()));
            if (!replaced.notices().isEmpty()) {
                followUp(show, replaced, responder, FOLLOW_UP_FOR.toMillis() / FOLLOW_UP_EVERY.toMillis());
            }
            return;
        }
        responder.reply(answer(show, outcome));
    }

    /**
     * Looks at the notices {@code triesLeft} more times, {@link #FOLLOW_UP_EVERY} apart, and once
     * they have all gone out (or at the last try, if some have) changes the answer to say how each
     * person was told. A notice still on its way then stays "being told": showcall keeps trying and
     * alerts producers if it gives up.
     */
    private void followUp(PlannedShow show, Replacements.Outcome.Replaced replaced, Responder responder, long triesLeft) {
        try {
            timer.schedule(() -> {
                try {
                    List<Replacements.Delivery> deliveries = replacements.deliveries(show, replaced.replacement());
                    boolean all = deliveries.stream().allMatch(Replacements.Delivery::delivered);
                    if (all || triesLeft <= 1) {
                        if (deliveries.stream().anyMatch(Replacements.Delivery::delivered)) {
                            responder.edit(replied(replaced, deliveries));
                        }
                        return;
                    }
                    followUp(show, replaced, responder, triesLeft - 1);
                } catch (RuntimeException e) {
                    log.warn("Show {}: could not follow up the answer to replacement {}", show.id(),
                            replaced.replacement().id(), e);
                }
            }, FOLLOW_UP_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("Show {}: replacement {} not followed up while shutting down", show.id(), replaced.replacement().id());
        }
    }

    /** For {@code with}, the standbys come first: they are there for this. */
    @Override
    public List<String> autoComplete(CommandAutoCompleteInteractionEvent event, PlannedShow show) {
        String typed = event.getFocusedOption().getValue();
        if (event.getFocusedOption().getName().equals(WITH_OPTION)) {
            List<String> standbys = show.show().models().stream().filter(Model::standby).map(Model::name).toList();
            List<String> others = show.show().models().stream().filter(m -> !m.standby()).map(Model::name).toList();
            return Stream.concat(Closest.ranked(typed, standbys, CommandListener.MAX_CHOICES).stream(),
                            Closest.ranked(typed, others, CommandListener.MAX_CHOICES).stream())
                    .limit(CommandListener.MAX_CHOICES).toList();
        }
        return Closest.ranked(typed, show.modelNames(), CommandListener.MAX_CHOICES);
    }

    /**
     * The answer to a replacement: who takes which looks, and how each person concerned is told. A
     * notice in {@code deliveries} that went out says how it went ("Told by DM"); one still on its
     * way says how it is being sent ("Telling by DM", or in the calls channel when their DMs are
     * known to be closed). Nothing is said to be delivered before it is.
     */
    static MessageCreateData replied(Replacements.Outcome.Replaced replaced, List<Replacements.Delivery> deliveries) {
        var r = replaced.replacement();
        String looks = (r.looks().size() == 1 ? "look " : "looks ") + String.join(", ",
                r.looks().stream().map(String::valueOf).toList());
        Map<Long, Replacements.Way> went = new HashMap<>();
        deliveries.forEach(d -> d.way().ifPresent(way -> went.put(d.userId(), way)));
        Map<String, List<Long>> lines = new LinkedHashMap<>();
        for (Replacements.Notice notice : replaced.notices()) {
            Replacements.Way sent = went.get(notice.userId());
            String line = sent == null
                    ? (notice.way() == Replacements.Way.DM ? "📨 Telling by DM: " : "📣 Telling in the calls channel (DMs closed): ")
                    : (sent == Replacements.Way.DM ? "📨 Told by DM: " : "📣 Told in the calls channel (DMs closed): ");
            lines.computeIfAbsent(line, k -> new ArrayList<>()).add(notice.userId());
        }
        StringBuilder text = new StringBuilder("🔁 " + Replies.bold(r.replacedBy()) + " replaces " + Replies.bold(r.model())
                + " in " + looks + ".");
        lines.forEach((line, users) -> text.append("\n").append(line)
                .append(String.join(", ", users.stream().map(Replies::user).toList())).append("."));
        if (replaced.withoutDiscord()) {
            text.append("\n🗣️ ").append(UserText.inline(r.replacedBy()))
                    .append(" has no Discord account in the show file: tell her in person.");
        }
        if (replaced.called()) {
            text.append("\nNot called yet: calling her now.");
        }
        if (!replaced.quickChanges().isEmpty()) {
            text.append("\n⚠️ New quick change for ").append(UserText.inline(r.replacedBy())).append(": ")
                    .append(Lineup.describe(replaced.quickChanges())).append(". Warn the dressers.");
        }
        return Replies.info(text.toString());
    }

    private static MessageCreateData answer(PlannedShow show, Replacements.Outcome outcome) {
        if (outcome instanceof Replacements.Outcome.Refused refused) {
            return Replies.error("Cannot replace: " + refused.reason() + " Nothing was changed.");
        }
        Replacements.Outcome.UnknownModel unknown = (Replacements.Outcome.UnknownModel) outcome;
        return Replies.unknownModel(show.show().name(), unknown.typed(), unknown.suggestions());
    }
}
