package dev.showcall.discord;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.ShowDirectory;
import dev.showcall.backstage.Walk;
import dev.showcall.report.ReportBuilder;
import dev.showcall.report.ReportInput;
import dev.showcall.report.ReportMessage;
import dev.showcall.show.Show;
import dev.showcall.store.AlertRepository;
import dev.showcall.store.Database;
import dev.showcall.store.ReportReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a show's after-show report in its timeline channel: when a producer asks, and once by
 * itself at the show's debrief milestone (moved by the delays), or 30 minutes after the last look
 * walked when the show has no debrief. The automatic one is claimed in the database before it is
 * sent, so a restart never posts it again; its nonce makes a retry of the same post harmless.
 */
public final class AfterShowReports {

    /** The alert key that claims a show's automatic report. */
    public static final String AUTOMATIC = "report:automatic";
    static final Duration AFTER_LAST_WALK = Duration.ofMinutes(30);
    static final String DEBRIEF = "debrief";
    private static final int TRIES = 3;

    private static final Logger log = LoggerFactory.getLogger(AfterShowReports.class);

    private final Database database;
    private final Supplier<JDA> jda;
    private final Clock clock;
    private final ReportReader reader = new ReportReader();
    private final AlertRepository alerts = new AlertRepository();

    public AfterShowReports(Database database, Supplier<JDA> jda, Clock clock) {
        this.database = database;
        this.jda = jda;
        this.clock = clock;
    }

    /** The report's message as the database stands now. */
    public Optional<ReportMessage> message(String showId) {
        return database.inTransaction(c -> reader.read(c, showId)).map(ReportBuilder::build).map(ReportMessage::of);
    }

    /** When the automatic report is due: the debrief, or 30 minutes after the last look walked; never before. */
    public static Optional<Instant> dueAt(ReportInput day) {
        Show show = day.show();
        Duration delay = day.delays().stream().map(d -> d.duration()).reduce(Duration.ZERO, Duration::plus);
        Optional<Instant> debrief = show.milestones().stream()
                .filter(m -> m.name().toLowerCase(Locale.ROOT).contains(DEBRIEF)).findFirst()
                .map(m -> show.resolve(m.at()).plus(delay));
        if (debrief.isPresent()) {
            return debrief;
        }
        if (day.walks().size() < show.looks().size()) {
            return Optional.empty();
        }
        return day.walks().stream().map(Walk::walkedAt).max(Instant::compareTo).map(last -> last.plus(AFTER_LAST_WALK));
    }

    /** Posts each show's automatic report that is due and not yet claimed. */
    public void postDue(ShowDirectory directory) {
        for (PlannedShow show : directory.all()) {
            try {
                postIfDue(show);
            } catch (RuntimeException e) {
                log.warn("Could not check whether the report of show {} is due", show.id(), e);
            }
        }
    }

    /** Claims and posts the show's automatic report if it is due; tells whether it did. */
    public boolean postIfDue(PlannedShow show) {
        Instant now = clock.instant();
        Optional<ReportInput> day = database.inTransaction(c -> alerts.wasRaised(c, show.id(), AUTOMATIC)
                ? Optional.<ReportInput>empty() : reader.read(c, show.id()));
        if (day.isEmpty() || dueAt(day.get()).filter(due -> !due.isAfter(now)).isEmpty()) {
            return false;
        }
        boolean claimed = database.inTransaction(c -> alerts.raiseOnce(c, show.id(), AUTOMATIC, now));
        if (!claimed) {
            return false;
        }
        ReportMessage message = ReportMessage.of(ReportBuilder.build(day.get()));
        post(show, message, nonce(show.id(), "auto"), TRIES);
        log.info("The after-show report of show {} is posted in its timeline channel", show.id());
        return true;
    }

    /** Posts {@code message} in the show's timeline channel; completes with the message's id. */
    public CompletableFuture<Long> post(PlannedShow show, ReportMessage message, String nonce, int tries) {
        CompletableFuture<Long> posted = new CompletableFuture<>();
        attempt(show, message, nonce, tries, posted);
        return posted;
    }

    private void attempt(PlannedShow show, ReportMessage message, String nonce, int triesLeft,
                         CompletableFuture<Long> posted) {
        TextChannel channel = jda.get().getTextChannelById(show.show().discord().timelineChannelId());
        if (channel == null) {
            posted.completeExceptionally(new IllegalStateException("The timeline channel of show " + show.id()
                    + " is not visible to showcall"));
            return;
        }
        List<FileUpload> files = new ArrayList<>();
        message.files().forEach(f -> files.add(FileUpload.fromData(f.png(), f.fileName())));
        channel.sendMessage(new MessageCreateBuilder().setContent(message.content())
                        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                        .setFiles(files).build())
                .setNonce(nonce)
                .queue(m -> posted.complete(m.getIdLong()), e -> {
                    if (triesLeft > 1) {
                        log.warn("Could not post the report of show {}; trying again", show.id(), e);
                        retryLater(() -> attempt(show, message, nonce, triesLeft - 1, posted));
                    } else {
                        log.error("Could not post the report of show {}", show.id(), e);
                        posted.completeExceptionally(e);
                    }
                });
    }

    private void retryLater(Runnable retry) {
        ScheduledExecutorService gateway = jda.get().getGatewayPool();
        gateway.schedule(retry, 5, TimeUnit.SECONDS);
    }

    /** At most 25 characters, as Discord takes them: the same for the same show and purpose. */
    static String nonce(String showId, String purpose) {
        String hash = Integer.toHexString((showId + "|" + purpose).hashCode());
        return ("rpt-" + purpose + "-" + hash).substring(0, Math.min(25, 5 + purpose.length() + hash.length()));
    }

    /** A nonce for one producer's ask: a second post of the same ask (a retry) is the same message. */
    public static String nonceFor(String showId, long interactionId) {
        return nonce(showId, Long.toString(interactionId, 36));
    }
}
