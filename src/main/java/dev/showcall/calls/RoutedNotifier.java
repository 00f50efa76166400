package dev.showcall.calls;

import dev.showcall.backstage.PingOutcome;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.callsheet.SheetLine;
import dev.showcall.show.Call;
import dev.showcall.show.Escalation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Sends each person's messages the way that reaches them: by email when they have an email and no Discord account
 * showcall can reach, through Discord otherwise, and by email too when their DMs turn out closed. Whatever is about
 * someone else (their lead, the producers, the calls channel, an announcement) goes through Discord.
 */
public final class RoutedNotifier implements CallNotifier, CallSheetNotifier {

    /** The notifier that sends by email, and tells its own failures apart. */
    public interface ByEmail extends CallNotifier, CallSheetNotifier {

        /** Whether this failure is the mail server's, and what held the message if so. */
        Optional<String> heldBy(Throwable failure);
    }

    private final CallNotifier discord;
    private final CallSheetNotifier discordSheets;
    private final Optional<ByEmail> email;

    public RoutedNotifier(CallNotifier discord, CallSheetNotifier discordSheets, Optional<ByEmail> email) {
        this.discord = discord;
        this.discordSheets = discordSheets;
        this.email = email;
    }

    /**
     * Whether messages to this person go by email: they have one (the show file's, kept only when showcall can send
     * mail) and no Discord account showcall knows to be them.
     */
    public static boolean byEmail(PlannedShow show, Call call) {
        return call.userId().isEmpty() && call.roleId().isEmpty()
                && show.show().contactOf(call).flatMap(dev.showcall.show.Contact::email).isPresent();
    }

    /**
     * Whether this goes by email. Someone only email reaches, with no SMTP server set, fails each try, so that
     * producers are told once the tries run out, and {@code /calls} shows them unreachable.
     */
    private boolean mails(PlannedShow show, Call call) {
        if (!byEmail(show, call)) {
            return false;
        }
        if (email.isEmpty() && !call.notLinked()) {
            throw new IllegalStateException(call.key() + " has only an email, and no SMTP server is set");
        }
        return email.isPresent();
    }

    @Override
    public CompletableFuture<PingOutcome> call(String key, PlannedShow show, Call call, Instant callAt, Lateness late) {
        return mails(show, call) ? email.get().call(key, show, call, callAt, late)
                : orEmailIfClosed(show, call, discord.call(key, show, call, callAt, late),
                        mail -> mail.call(key, show, call, callAt, late));
    }

    @Override
    public CompletableFuture<PingOutcome> remind(String key, PlannedShow show, Call call, Instant callAt,
                                                 Lateness late) {
        return mails(show, call) ? email.get().remind(key, show, call, callAt, late)
                : orEmailIfClosed(show, call, discord.remind(key, show, call, callAt, late),
                        mail -> mail.remind(key, show, call, callAt, late));
    }

    @Override
    public CompletableFuture<PingOutcome> moved(String key, PlannedShow show, Call call, Instant from, Instant to,
                                                String reason) {
        return mails(show, call) ? email.get().moved(key, show, call, from, to, reason)
                : orEmailIfClosed(show, call, discord.moved(key, show, call, from, to, reason),
                        mail -> mail.moved(key, show, call, from, to, reason));
    }

    /**
     * Someone on Discord whose DMs turn out closed is mentioned in the calls channel; with an email, the mail goes
     * too, under the same key, and is what reached them.
     */
    private CompletableFuture<PingOutcome> orEmailIfClosed(PlannedShow show, Call call,
                                                           CompletableFuture<PingOutcome> onDiscord,
                                                           java.util.function.Function<ByEmail, CompletableFuture<PingOutcome>> mail) {
        if (email.isEmpty() || call.userId().isEmpty()
                || show.show().contactOf(call).flatMap(dev.showcall.show.Contact::email).isEmpty()) {
            return onDiscord;
        }
        return onDiscord.thenCompose(outcome -> outcome == PingOutcome.CHANNEL ? mail.apply(email.get())
                : CompletableFuture.completedFuture(outcome));
    }

    @Override
    public CompletableFuture<PingOutcome> tell(String key, PlannedShow show, long userId, String text) {
        return discord.tell(key, show, userId, text);
    }

    @Override
    public CompletableFuture<Void> announce(String key, PlannedShow show, String title, List<Call> calls,
                                            Instant callAt, Lateness late) {
        return discord.announce(key, show, title, calls, callAt, late);
    }

    /** A ladder's second ask goes the way their call went; every other step is about them, to others, on Discord. */
    @Override
    public CompletableFuture<PingOutcome> escalate(String key, PlannedShow show, Call call, Escalated step,
                                                   Lateness late) {
        if (step.action() != Escalation.Action.DM_AGAIN) {
            return discord.escalate(key, show, call, step, late);
        }
        return mails(show, call) ? email.get().escalate(key, show, call, step, late)
                : orEmailIfClosed(show, call, discord.escalate(key, show, call, step, late),
                        mail -> mail.escalate(key, show, call, step, late));
    }

    @Override
    public CompletableFuture<PingOutcome> callSheet(String key, PlannedShow show, Call call, Duration delay,
                                                    Optional<SheetLine> before, String ping) {
        return mails(show, call) ? email.get().callSheet(key, show, call, delay, before, ping)
                : orEmailIfClosed(show, call, discordSheets.callSheet(key, show, call, delay, before, ping),
                        mail -> mail.callSheet(key, show, call, delay, before, ping));
    }

    @Override
    public String whyNotSent(Throwable failure) {
        return email.flatMap(e -> e.heldBy(failure)).orElseGet(() -> discord.whyNotSent(failure));
    }
}
