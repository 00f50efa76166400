package dev.showcall.calls;

import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.Delay;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.show.Call;
import dev.showcall.backstage.Confirmation;
import dev.showcall.store.CallPingRepository;
import dev.showcall.store.ConfirmationRepository;
import dev.showcall.store.Database;
import dev.showcall.store.DelayRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;
import java.util.stream.Collectors;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a show's Quartz jobs in line with the database: its plan, its delays and what was already sent. The
 * database is the truth; the jobs follow it, whatever failed between the two.
 */
public final class CallSync implements Reconciliation.Step {

    private static final Logger log = LoggerFactory.getLogger(CallSync.class);

    private final Database database;
    private final CallPingRepository pings;
    private final DelayRepository delays;
    private final CallScheduler scheduler;
    private final ConfirmationRepository confirmations = new ConfirmationRepository();

    public CallSync(Database database, CallPingRepository pings, DelayRepository delays, CallScheduler scheduler) {
        this.database = database;
        this.pings = pings;
        this.delays = delays;
        this.scheduler = scheduler;
    }

    /**
     * Schedules what the show still owes at the times its delays make. A ping counts as handled once it is
     * completed; one claimed but not completed keeps its job, which is sending it or waiting for a retry.
     */
    public synchronized CallScheduler.SyncResult sync(PlannedShow show) throws SchedulerException {
        Duration delay = database.inTransaction(c -> delays.totalDelay(c, show.id()));
        Set<String> completed = database.inTransaction(c -> pings.forShow(c, show.id())).stream()
                .filter(p -> p.sentAt().isPresent())
                .map(p -> p.callKey() + "|" + p.ping())
                .collect(Collectors.toSet());
        Map<String, Confirmation> answers = database.inTransaction(c -> confirmations.forShow(c, show.id())).stream()
                .collect(Collectors.toMap(Confirmation::callKey, Function.identity()));
        return scheduler.sync(show, delay,
                ping -> Ladders.runningLate(ping, Optional.ofNullable(answers.get(ping.subjectKey()))),
                ping -> completed.contains(ping.jobName()));
    }

    /** {@link #sync}, then every notice of a delay still owed: the jobs end up as the database says. */
    @Override
    public synchronized void reconcile(PlannedShow show) throws SchedulerException {
        sync(show);
        for (Owed owed : owedMovedNotices(show)) {
            scheduler.sendNow(show.id(), owed.callKey(), owed.ping());
        }
    }

    /** Whoever has a DM and whose call has not gone out is told of every delay, once. */
    private List<Owed> owedMovedNotices(PlannedShow show) {
        return database.inTransaction(c -> {
            List<Delay> declared = delays.forShow(c, show.id());
            if (declared.isEmpty()) {
                return List.of();
            }
            Set<String> recorded = pings.forShow(c, show.id()).stream()
                    .map(p -> p.callKey() + "|" + p.ping())
                    .collect(Collectors.toSet());
            List<Owed> owed = new ArrayList<>();
            for (Call call : show.sheet().calls()) {
                if (call.userId().isEmpty() || recorded.contains(call.key() + "|" + CallPing.CALL)) {
                    continue;
                }
                for (Delay delay : declared) {
                    String ping = CallPing.moved(delay.id());
                    if (!recorded.contains(call.key() + "|" + ping)) {
                        owed.add(new Owed(call.key(), ping));
                    }
                }
            }
            if (!owed.isEmpty()) {
                log.info("Show {}: {} delay notices owed, scheduling them", show.id(), owed.size());
            }
            return owed;
        });
    }

    private record Owed(String callKey, String ping) {
    }

    public CallScheduler scheduler() {
        return scheduler;
    }
}
