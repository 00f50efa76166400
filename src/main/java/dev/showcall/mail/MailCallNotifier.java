package dev.showcall.mail;

import dev.showcall.backstage.PingOutcome;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.calls.Escalated;
import dev.showcall.calls.Lateness;
import dev.showcall.calls.RoutedNotifier;
import dev.showcall.callsheet.SheetLine;
import dev.showcall.show.Call;
import dev.showcall.show.Contact;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * Calls by email the people who have one and no Discord showcall can reach: their call, reminders, a moved call, the
 * call sheet and a ladder's second ask, each with the link to their personal page, where they answer. Each mail's
 * Message-ID comes from its key, as a DM's nonce does: one sent again after a crash is the same message.
 */
public final class MailCallNotifier implements RoutedNotifier.ByEmail {

    /** What held a mail that failed, as its late note says once it goes out. */
    static final String MAIL_SERVER = "the mail server was not answering";

    private final Mailer mailer;
    private final CallMails mails;
    private final BiFunction<String, String, Optional<URI>> pages;

    /** @param pages the personal page of a show's call, when the web pages are on */
    public MailCallNotifier(Mailer mailer, CallMails mails, BiFunction<String, String, Optional<URI>> pages) {
        this.mailer = mailer;
        this.mails = mails;
        this.pages = pages;
    }

    @Override
    public CompletableFuture<PingOutcome> call(String key, PlannedShow show, Call call, Instant callAt, Lateness late) {
        return send(() -> mails.call(key, show, call, contact(show, call), callAt, late.note(), page(show, call)));
    }

    @Override
    public CompletableFuture<PingOutcome> remind(String key, PlannedShow show, Call call, Instant callAt,
                                                 Lateness late) {
        return send(() -> mails.reminder(key, show, call, contact(show, call), callAt, late.note(), page(show, call)));
    }

    @Override
    public CompletableFuture<PingOutcome> moved(String key, PlannedShow show, Call call, Instant from, Instant to,
                                                String reason) {
        return send(() -> mails.moved(key, show, call, contact(show, call), from, to, reason, page(show, call)));
    }

    @Override
    public CompletableFuture<PingOutcome> escalate(String key, PlannedShow show, Call call, Escalated step,
                                                   Lateness late) {
        return send(() -> mails.again(key, show, call, contact(show, call), step, late.note(), page(show, call)));
    }

    @Override
    public CompletableFuture<PingOutcome> callSheet(String key, PlannedShow show, Call call, Duration delay,
                                                    Optional<SheetLine> before, String ping) {
        return send(() -> mails.callSheet(key, show, call, contact(show, call), delay, before, page(show, call)));
    }

    /** Notices to a Discord user and announcements are Discord's: the router never sends them here. */
    @Override
    public CompletableFuture<PingOutcome> tell(String key, PlannedShow show, long userId, String text) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("a notice to a Discord user"));
    }

    @Override
    public CompletableFuture<Void> announce(String key, PlannedShow show, String title, List<Call> calls,
                                            Instant callAt, Lateness late) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("an announcement"));
    }

    @Override
    public Optional<String> heldBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof jakarta.mail.MessagingException || t instanceof IOException) {
                return Optional.of(MAIL_SERVER);
            }
        }
        return Optional.empty();
    }

    @Override
    public String whyNotSent(Throwable failure) {
        return heldBy(failure).orElse("showcall could not send it at first");
    }

    private CompletableFuture<PingOutcome> send(java.util.function.Supplier<Mail> mail) {
        try {
            return mailer.send(mail.get()).thenApply(sent -> PingOutcome.EMAIL);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Contact contact(PlannedShow show, Call call) {
        return show.show().contactOf(call).orElseThrow(() ->
                new IllegalArgumentException(call.key() + " has no email to send to"));
    }

    private Optional<URI> page(PlannedShow show, Call call) {
        return pages.apply(show.id(), call.key());
    }
}
