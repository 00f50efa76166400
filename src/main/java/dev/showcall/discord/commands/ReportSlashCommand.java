package dev.showcall.discord.commands;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.discord.AfterShowReports;
import dev.showcall.discord.Replies;
import dev.showcall.report.ReportMessage;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /report}: producers post the after-show report, as it stands, in the show's timeline
 * channel, in its turn within the channel's write limit.
 */
public final class ReportSlashCommand extends ShowSlashCommand {

    public static final String NAME = "report";

    /** Past this the producer is told the report still waits; the answer is changed once it is posted. */
    static final Duration STILL_WAITING = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(ReportSlashCommand.class);

    /** What Discord shows of the command: known before anything opens, so it is registered first. */
    public static final SlashCommandData DATA = showCommand(NAME,
            "Post the after-show report in the timeline channel: lateness, preparation, looks, pings");

    private final AfterShowReports reports;

    public ReportSlashCommand(AfterShowReports reports) {
        super(DATA);
        this.reports = reports;
    }

    @Override
    public void onSlashCommand(SlashCommandInteractionEvent event, PlannedShow show, Responder responder) {
        if (!Guards.requireProducer(event.getMember(), show, responder)) {
            return;
        }
        Optional<ReportMessage> message = reports.message(show.id());
        if (message.isEmpty()) {
            responder.reply(Replies.error("There is nothing to report for this show yet."));
            return;
        }
        long channel = show.show().discord().timelineChannelId();
        // the reply waits for the feed's turn in the channel: the responder acknowledges meanwhile
        CompletableFuture<Long> posted = reports.post(show, message.get(), event.getIdLong());
        AtomicBoolean answered = new AtomicBoolean();
        posted.copy().orTimeout(STILL_WAITING.toMillis(), TimeUnit.MILLISECONDS).whenComplete((id, e) -> {
            if (e instanceof TimeoutException && !answered.get()) {
                responder.reply(Replies.info("📋 The report waits for its turn in <#" + channel + ">: Discord is not "
                        + "taking showcall's messages there just now. It goes out when it does."));
            }
        });
        posted.whenComplete((id, e) -> {
                    answered.set(true);
                    if (e != null) {
                        log.warn("Could not post the report of show {} asked for by {}", show.id(),
                                event.getUser().getIdLong(), e);
                        responder.reply(Replies.error(Replies.SOMETHING_WENT_WRONG));
                    } else {
                        responder.reply(Replies.info("📋 The report is posted in <#" + channel + ">, with "
                                + message.get().files().size() + " files."));
                    }
                });
    }
}
