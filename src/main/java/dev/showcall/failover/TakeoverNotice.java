package dev.showcall.failover;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.calls.PingPlan;
import dev.showcall.show.Durations;
import dev.showcall.store.CallPingRepository;
import dev.showcall.store.Database;
import dev.showcall.store.DelayRepository;
import dev.showcall.store.LeaseRepository;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.text.UserText;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One line on each show's timeline when an instance took over from one that died, hung or was cut
 * off: "showcall moved to stage-b after 9 s; 2 calls sent late". The gap runs from the lost
 * instance's last renewal to the takeover; the calls counted are the calls, reminders and
 * announcements that fell due in it and had not gone out, which this instance now sends late.
 */
public final class TakeoverNotice {

    private final Database database;
    private final CallPingRepository pings;
    private final DelayRepository delays;
    private final TimelineEventRepository timeline;

    public TakeoverNotice(Database database, CallPingRepository pings, DelayRepository delays,
                          TimelineEventRepository timeline) {
        this.database = database;
        this.pings = pings;
        this.delays = delays;
        this.timeline = timeline;
    }

    /** Appends the line to every show's timeline; nothing for a first start or a clean handover. */
    public void post(Lease.Takeover takeover, String host, Collection<PlannedShow> shows) {
        if (!takeover.fromLostInstance()) {
            return;
        }
        LeaseRepository.Row lost = takeover.previous().orElseThrow();
        Instant gapStart = lost.renewedAt();
        Duration gap = Duration.between(gapStart, takeover.at());
        for (PlannedShow show : shows) {
            database.runInTransaction(c -> {
                Duration delay = delays.totalDelay(c, show.id());
                Set<String> sent = pings.forShow(c, show.id()).stream().filter(p -> p.sentAt().isPresent())
                        .map(p -> p.callKey() + "|" + p.ping()).collect(Collectors.toSet());
                long late = PingPlan.of(show).stream()
                        .filter(p -> !p.isMilestone() && !p.isCheck() && !p.isLateCheck())
                        .map(p -> p.shiftedBy(delay))
                        .filter(p -> p.due().isAfter(gapStart) && !p.due().isAfter(takeover.at()))
                        .filter(p -> !sent.contains(p.subjectKey() + "|" + p.ping()))
                        .count();
                timeline.append(c, TimelineEvent.of(show.id(), takeover.at(), EventKind.FAILOVER, OptionalLong.empty(),
                        Optional.empty(), text(host, gap, late)));
            });
        }
    }

    static String text(String host, Duration gap, long lateCalls) {
        Duration after = gap.isNegative() ? Duration.ZERO : gap;
        String took = after.toSeconds() < 120 ? after.toSeconds() + " s" : Durations.format(after);
        return "showcall moved to " + UserText.inline(host) + " after " + took + "; " + lateCalls
                + (lateCalls == 1 ? " call" : " calls") + " sent late";
    }
}
