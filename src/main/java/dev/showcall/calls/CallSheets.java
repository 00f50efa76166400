package dev.showcall.calls;

import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.PingOutcome;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.callsheet.Receipt;
import dev.showcall.callsheet.SentLine;
import dev.showcall.callsheet.SheetLine;
import dev.showcall.show.Call;
import dev.showcall.store.AlertRepository;
import dev.showcall.store.CallPingRepository;
import dev.showcall.store.CallSheetRepository;
import dev.showcall.store.Database;
import dev.showcall.store.DelayRepository;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everyone's call sheet, sent ahead of the day: by a producer ({@code /callsheet send}) or by itself at the show
 * file's {@code call-sheet} time. Each person's sheet is a ping of their call ({@code callsheet}), so it is claimed
 * before it is sent, sent once across retries and restarts, and recovered at start when a crash left it claimed.
 * Once the sheet has gone out, whoever is added to the plan or linked on Discord gets theirs, and whoever's line a
 * new plan changes gets those changes ({@code callsheet:<version>}), once per change.
 */
public final class CallSheets implements Reconciliation.Step {

    /** The subject of the planned ping that sends everyone's call sheet at the show file's time. */
    public static final String EVERYONE = "callsheet";
    /** Raised once per show when its call sheet first goes out: from then on, everyone owed theirs gets it. */
    static final String WENT_OUT = "callsheet";

    private static final Logger log = LoggerFactory.getLogger(CallSheets.class);

    private final Database database;
    private final CallPingRepository pings;
    private final CallSheetRepository sheets = new CallSheetRepository();
    private final AlertRepository alerts = new AlertRepository();
    private final DelayRepository delays = new DelayRepository();
    private final TimelineEventRepository timeline;
    private final Supplier<CallScheduler> scheduler;
    private final CallSheetNotifier notifier;
    private final Clock clock;

    public CallSheets(Database database, CallPingRepository pings, TimelineEventRepository timeline,
                      Supplier<CallScheduler> scheduler, CallSheetNotifier notifier, Clock clock) {
        this.database = database;
        this.pings = pings;
        this.timeline = timeline;
        this.scheduler = scheduler;
        this.notifier = notifier;
        this.clock = clock;
    }

    /**
     * What a send of the call sheet did.
     *
     * @param sentNow   the people it is going out to now
     * @param hadIt     those it had gone out to before, who are not sent it again
     * @param notLinked those whose account in the show file is nobody on the server: they cannot get it
     */
    public record Sent(int sentNow, int hadIt, int notLinked) {
    }

    /** What one press of Got it did. */
    public sealed interface Acknowledgement {
        /** @param first whether this press recorded it; false when it was pressed before, at {@code at} */
        record Recorded(Instant at, boolean first) implements Acknowledgement {
        }

        /** Someone else's call sheet. */
        record NotYours() implements Acknowledgement {
        }

        /** No such call sheet was sent, or the call is no longer on the plan. */
        record Unknown() implements Acknowledgement {
        }
    }

    /** A producer's {@code /callsheet send}: to everyone who has not had it. */
    public synchronized Sent send(PlannedShow show, long by) {
        Instant now = clock.instant();
        Batch batch = database.inTransaction(c -> batch(c, show, OptionalLong.of(by), now));
        schedule(show, batch.owed());
        return batch.sent();
    }

    /** The show file's {@code call-sheet} time has come: everyone who has not had it gets it, once. */
    synchronized void sendOnTime(PlannedShow show, PlannedPing ping) {
        if (show.show().callSheet().isEmpty()) {
            log.info("Show {}: its plan no longer sends the call sheet by itself", show.id());
            return;
        }
        Instant now = clock.instant();
        Optional<Batch> batch = database.inTransaction(c -> {
            if (!pings.claim(c, show.id(), EVERYONE, ping.ping(), ping.due(), now)) {
                return Optional.empty();
            }
            pings.complete(c, show.id(), EVERYONE, ping.ping(), now, Duration.between(ping.due(), now),
                    PingOutcome.CHANNEL, Optional.of("the call sheet went out"));
            return Optional.of(batch(c, show, OptionalLong.empty(), now));
        });
        batch.ifPresent(b -> schedule(show, b.owed()));
    }

    /** The people a batch owes their call sheet, and what to tell whoever asked. */
    private record Batch(List<Owed> owed, Sent sent) {
    }

    /**
     * Works out who is owed their call sheet, marks the sheet as gone out and logs the batch (one line, not one per
     * person), in the caller's transaction.
     */
    private Batch batch(Connection c, PlannedShow show, OptionalLong by, Instant now) {
        Set<String> had = pings.forShow(c, show.id()).stream().filter(p -> CallPing.isCallSheet(p.ping()))
                .map(CallPing::callKey).collect(Collectors.toSet());
        List<Call> reachable = reachable(show, delays.totalDelay(c, show.id()), now);
        List<Owed> owed = reachable.stream().map(Call::key).filter(k -> !had.contains(k))
                .map(k -> new Owed(k, CallPing.CALL_SHEET)).toList();
        int notLinked = (int) show.sheet().calls().stream()
                .filter(call -> call.notLinked() && !RoutedNotifier.byEmail(show, call)).count();
        Sent sent = new Sent(owed.size(), reachable.size() - owed.size(), notLinked);
        alerts.raiseOnce(c, show.id(), WENT_OUT, now);
        if (!owed.isEmpty()) {
            timeline.append(c, TimelineEvent.of(show.id(), now, EventKind.CALL, by, Optional.of(EVERYONE),
                    describe(sent, by.isEmpty())));
        }
        return new Batch(owed, sent);
    }

    static String describe(Sent sent, boolean onTime) {
        return "Call sheet sent to " + people(sent.sentNow()) + (onTime ? ", as the plan says" : "")
                + (sent.hadIt() > 0 ? "; " + sent.hadIt() + " had it already" : "")
                + (sent.notLinked() > 0 ? "; " + sent.notLinked() + " not linked on Discord" : "");
    }

    private static String people(int n) {
        return n + (n == 1 ? " person" : " people");
    }

    /**
     * Those with a Discord account, or an email to send it to, whose call is still to come: a call sheet is no use
     * after the call.
     */
    private static List<Call> reachable(PlannedShow show, Duration delay, Instant now) {
        return show.sheet().calls().stream()
                .filter(call -> reachable(show, call) && now.isBefore(call.at().plus(delay)))
                .toList();
    }

    private static boolean reachable(PlannedShow show, Call call) {
        return call.userId().isPresent() || RoutedNotifier.byEmail(show, call);
    }

    /** @return those of them scheduled now, rather than on their way already */
    private List<Owed> schedule(PlannedShow show, List<Owed> owed) {
        List<Owed> scheduled = new ArrayList<>();
        for (Owed o : owed) {
            try {
                if (scheduler.get().sendNow(show.id(), o.callKey(), o.ping())) {
                    scheduled.add(o);
                }
            } catch (SchedulerException e) {
                // the sheet is marked as gone out: the next reconciliation schedules whoever it still owes
                log.error("Show {}: could not schedule {} of {}; the next reconciliation does", show.id(), o.ping(),
                        o.callKey(), e);
            }
        }
        return scheduled;
    }

    /** A call sheet a person is owed: their first, or the lines of it a new plan changed. */
    private record Owed(String callKey, String ping) {
    }

    /**
     * Once the show's call sheet has gone out: schedules theirs for whoever has none yet (added to the plan, or
     * linked on Discord, since), and the changed lines for whoever's line differs from what their last one said.
     */
    @Override
    public synchronized void reconcile(PlannedShow show) {
        Instant now = clock.instant();
        List<Owed> owed = database.inTransaction(c -> owed(c, show, now));
        if (owed.isEmpty()) {
            return;
        }
        List<Owed> scheduled = schedule(show, owed);
        int first = (int) scheduled.stream().filter(o -> o.ping().equals(CallPing.CALL_SHEET)).count();
        int updates = scheduled.size() - first;
        if (scheduled.isEmpty()) {
            return;
        }
        log.info("Show {}: {} call sheets owed since it went out and {} updates, scheduled", show.id(), first, updates);
        database.runInTransaction(c -> timeline.append(c, TimelineEvent.of(show.id(), now, EventKind.CALL,
                OptionalLong.empty(), Optional.of(EVERYONE), catchUp(first, updates))));
    }

    static String catchUp(int first, int updates) {
        List<String> parts = new ArrayList<>();
        if (first > 0) {
            parts.add("Call sheet sent to " + people(first) + " added or linked since it went out");
        }
        if (updates > 0) {
            parts.add("changed lines sent to " + people(updates) + " whose call, meeting point, lead or notes changed");
        }
        String text = String.join("; ", parts);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private List<Owed> owed(Connection c, PlannedShow show, Instant now) {
        if (!alerts.wasRaised(c, show.id(), WENT_OUT)) {
            return List.of();
        }
        Set<String> recorded = pings.forShow(c, show.id()).stream().filter(p -> CallPing.isCallSheet(p.ping()))
                .map(p -> p.callKey() + "|" + p.ping()).collect(Collectors.toSet());
        Map<String, SentLine> last = new HashMap<>();
        sheets.forShow(c, show.id()).forEach(l -> last.put(l.callKey(), l));
        List<Owed> owed = new ArrayList<>();
        for (Call call : reachable(show, delays.totalDelay(c, show.id()), now)) {
            boolean hadOne = recorded.stream().anyMatch(r -> r.startsWith(call.key() + "|"));
            SentLine told = last.get(call.key());
            if (!hadOne) {
                owed.add(new Owed(call.key(), CallPing.CALL_SHEET));
            } else if (told != null && !SheetLine.of(call).changedFrom(told.line()).isEmpty()) {
                String update = SheetLine.of(call).updateAfter(told.ping());
                if (!recorded.contains(call.key() + "|" + update)) {
                    owed.add(new Owed(call.key(), update));
                }
            }
        }
        return owed;
    }

    /**
     * How to send {@code callKey}'s call sheet {@code ping}, given the message's key, once it is claimed: what it
     * tells is written first, and a retry sends what was written. Empty when there is no one to send it to.
     */
    Optional<Function<String, CompletableFuture<PingOutcome>>> sheetFor(PlannedShow show, String callKey,
                                                                        String ping) {
        Optional<Call> found = show.call(callKey).filter(call -> reachable(show, call));
        Duration delay = database.inTransaction(c -> delays.totalDelay(c, show.id()));
        if (found.isEmpty() || !clock.instant().isBefore(found.get().at().plus(delay))) {
            log.info("Show {}: {} {} has nobody to go to, or their call has passed; not sent", show.id(), callKey, ping);
            return Optional.empty();
        }
        Call call = found.get();
        Optional<SheetLine> before = database.inTransaction(c -> before(c, show.id(), callKey, ping));
        return Optional.of(key -> {
            SheetLine told = database.inTransaction(c -> {
                sheets.write(c, SentLine.unacknowledged(show.id(), callKey, ping, SheetLine.of(call), clock.instant()));
                return sheets.find(c, show.id(), callKey, ping).orElseThrow().line();
            });
            return notifier.callSheet(key, show, told.applyTo(call), delay, before, ping);
        });
    }

    /** What the call sheet before {@code ping} told them: none for their first. */
    private Optional<SheetLine> before(Connection c, String showId, String callKey, String ping) {
        if (ping.equals(CallPing.CALL_SHEET)) {
            return Optional.empty();
        }
        List<SentLine> theirs = sheets.forShow(c, showId).stream().filter(l -> l.callKey().equals(callKey)).toList();
        Optional<Instant> written = theirs.stream().filter(l -> l.ping().equals(ping)).map(SentLine::writtenAt)
                .findFirst();
        return theirs.stream().filter(l -> !l.ping().equals(ping))
                .filter(l -> written.isEmpty() || !l.writtenAt().isAfter(written.get()))
                .reduce((a, b) -> b).map(SentLine::line);
    }

    /** Someone pressed Got it on their call sheet {@code ping}: recorded the first time, before they are answered. */
    public Acknowledgement acknowledge(PlannedShow show, String callKey, String ping, long userId) {
        Optional<Call> call = show.call(callKey);
        if (call.isEmpty()) {
            return new Acknowledgement.Unknown();
        }
        if (call.get().userId().isEmpty() || call.get().userId().getAsLong() != userId) {
            return new Acknowledgement.NotYours();
        }
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            if (sheets.acknowledge(c, show.id(), callKey, ping, userId, now)) {
                return new Acknowledgement.Recorded(now, true);
            }
            return sheets.find(c, show.id(), callKey, ping).flatMap(SentLine::acknowledgedAt)
                    .<Acknowledgement>map(at -> new Acknowledgement.Recorded(at, false))
                    .orElse(new Acknowledgement.Unknown());
        });
    }

    /** Where each person on the call sheet stands with it, by call key; nothing before it has gone out. */
    public Map<String, Receipt> receipts(PlannedShow show) {
        return database.inTransaction(c -> {
            if (!alerts.wasRaised(c, show.id(), WENT_OUT)) {
                return Map.of();
            }
            Map<String, List<CallPing>> sent = pings.forShow(c, show.id()).stream()
                    .filter(p -> CallPing.isCallSheet(p.ping())).collect(Collectors.groupingBy(CallPing::callKey));
            Map<String, List<SentLine>> told = sheets.forShow(c, show.id()).stream()
                    .collect(Collectors.groupingBy(SentLine::callKey));
            Map<String, Receipt> receipts = new HashMap<>();
            for (Call call : show.sheet().calls()) {
                Receipt.of(call, sent.getOrDefault(call.key(), List.of()), told.getOrDefault(call.key(), List.of()))
                        .ifPresent(r -> receipts.put(call.key(), r));
            }
            return receipts;
        });
    }
}
