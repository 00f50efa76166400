package dev.showcall.calls;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.store.CallPingRepository;
import dev.showcall.store.Database;
import dev.showcall.store.DelayRepository;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.quartz.SchedulerException;

/** Brings a show's Quartz jobs in line with its plan, its delays and what was already sent. */
public final class CallSync {

    private final Database database;
    private final CallPingRepository pings;
    private final DelayRepository delays;
    private final CallScheduler scheduler;

    public CallSync(Database database, CallPingRepository pings, DelayRepository delays, CallScheduler scheduler) {
        this.database = database;
        this.pings = pings;
        this.delays = delays;
        this.scheduler = scheduler;
    }

    public CallScheduler.SyncResult sync(PlannedShow show) throws SchedulerException {
        Duration delay = database.inTransaction(c -> delays.totalDelay(c, show.id()));
        Set<String> recorded = database.inTransaction(c -> pings.forShow(c, show.id())).stream()
                .map(p -> p.callKey() + "|" + p.ping())
                .collect(Collectors.toSet());
        return scheduler.sync(show, delay, ping -> recorded.contains(ping.jobName()));
    }

    public CallScheduler scheduler() {
        return scheduler;
    }
}
