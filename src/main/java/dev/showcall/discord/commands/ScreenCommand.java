package dev.showcall.discord.commands;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.discord.Replies;
import dev.showcall.screen.ScreenLinks;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /screen [rotate:true]}: the show's web pages. Producers get the screen, the lineup and their own door;
 * PR their own door, which marks models in their name. {@code rotate} (producers) replaces every link of the show
 * and the old ones stop at once. Only to whoever asked: a link opens its page to anyone who holds it.
 */
public final class ScreenCommand extends ShowSlashCommand {

    public static final String NAME = "screen";
    public static final String ROTATE_OPTION = "rotate";

    /** What Discord shows of the command: known before anything opens, so it is registered first. */
    public static final SlashCommandData DATA = showCommand(NAME,
            "Links to the backstage screen, the lineup and your door tablet (producers, PR)",
            new OptionData(OptionType.BOOLEAN, ROTATE_OPTION, "Replace the show's links; the old ones stop working",
                    false));

    private final Supplier<Optional<ScreenLinks>> links;

    /** @param links empty when the web pages are off */
    public ScreenCommand(Supplier<Optional<ScreenLinks>> links) {
        super(DATA);
        this.links = links;
    }

    @Override
    public void onSlashCommand(SlashCommandInteractionEvent event, PlannedShow show, Responder responder) {
        if (!Guards.requirePrOrProducer(event.getMember(), show, responder)) {
            return;
        }
        Optional<ScreenLinks> web = links.get();
        if (web.isEmpty()) {
            responder.reply(Replies.info("The web pages are off on this showcall (SHOWCALL_WEB_PORT=off): ask "
                    + "whoever runs it to switch them on."));
            return;
        }
        boolean producer = Guards.isProducer(event.getMember(), show);
        boolean rotate = event.getOption(ROTATE_OPTION, false, OptionMapping::getAsBoolean);
        if (rotate && !producer) {
            responder.reply(Replies.error("Only producers can replace the show's links."));
            return;
        }
        long user = event.getUser().getIdLong();
        ScreenLinks.Links found = rotate ? web.get().rotate(show.id(), OptionalLong.of(user), user)
                : web.get().of(show.id(), OptionalLong.of(user));
        responder.reply(Replies.info(answer(found, producer, rotate)));
    }

    static String answer(ScreenLinks.Links links, boolean producer, boolean rotated) {
        StringBuilder text = new StringBuilder(rotated
                ? "🔁 The show's links are replaced: every older screen, lineup and door link has stopped working.\n"
                : "");
        if (producer) {
            text.append("📺 **Screen** (a TV across the room): <").append(links.screen()).append(">\n")
                    .append("📋 **Lineup** (a TV or a tablet): <").append(links.lineup()).append(">\n");
        }
        links.door().ifPresent(door -> text.append("🚪 **Your door** (the tablet at the models' entrance; it marks ")
                .append("them in your name): <").append(door).append(">\n"));
        text.append("Anyone holding a link opens its page: keep them to the crew. They work on the venue's network "
                + "even while Discord does not.");
        return text.toString();
    }
}
