package dev.showcall.report;

import dev.showcall.backstage.Arrival;
import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.Confirmation;
import dev.showcall.backstage.ConfirmationState;
import dev.showcall.backstage.Delay;
import dev.showcall.backstage.LookStep;
import dev.showcall.backstage.ModelStep;
import dev.showcall.backstage.NoShow;
import dev.showcall.backstage.PingOutcome;
import dev.showcall.backstage.Replacement;
import dev.showcall.backstage.Walk;
import dev.showcall.show.Call;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.CallSheet;
import dev.showcall.show.Look;
import dev.showcall.show.Show;
import dev.showcall.show.ShowFiles;
import dev.showcall.show.Step;
import dev.showcall.store.ArrivalRepository;
import dev.showcall.store.CallPingRepository;
import dev.showcall.store.ConfirmationRepository;
import dev.showcall.store.Database;
import dev.showcall.store.DelayRepository;
import dev.showcall.store.LookStepRepository;
import dev.showcall.store.ModelStepRepository;
import dev.showcall.store.NoShowRepository;
import dev.showcall.store.ReplacementRepository;
import dev.showcall.store.ShowRepository;
import dev.showcall.store.WalkRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The example show's day written straight into a database, as the scenario test plays it through
 * Discord: a delay of ten minutes declared in the morning, every crew member confirming "I'm here"
 * (two of them late), models arriving before their moved call except Adut Garang (18 min late) and
 * two others a few minutes late, Mei Lin Zhou a no-show replaced by the standby Jade Nguyen, hair,
 * makeup and nails on every model who walks, every look dressed and accessorised, and every look
 * walked from the delayed start, look 12 before its accessories were done. Pings: every call sent,
 * one crew call late because showcall was offline, one call to the calls channel (DMs closed), one
 * reminder dropped and one claimed but never taken by Discord.
 */
public final class PlayedOutDay {

    public static final Path EXAMPLE = Path.of("config/shows/maison-verre-aw27.yaml");
    public static final String LATE_MODEL = "Adut Garang";
    public static final String NO_SHOW = "Mei Lin Zhou";
    public static final String STANDBY = "Jade Nguyen";
    public static final int UNREADY_LOOK = 12;
    public static final int DELAY_MINUTES = 10;
    public static final String DELAY_REASON = "The lighting rig is late";
    public static final String OFFLINE = "sent 7m late: showcall was offline";
    public static final long PR = 1190000000000000301L;

    public final Show show;
    public final CallSheet sheet;

    private PlayedOutDay(Show show) {
        this.show = show;
        this.sheet = CallPlanner.plan(show);
    }

    public static PlayedOutDay load() throws Exception {
        return new PlayedOutDay(ShowFiles.load(EXAMPLE).show());
    }

    public String id() {
        return show.id();
    }

    /** Writes the whole day into {@code database}. */
    public PlayedOutDay playInto(Database database) throws Exception {
        String text = java.nio.file.Files.readString(EXAMPLE);
        Instant morning = sheet.calls().get(0).at().minus(Duration.ofHours(1));
        Duration delay = Duration.ofMinutes(DELAY_MINUTES);
        database.runInTransaction(c -> {
            new ShowRepository().save(c, show, sheet, EXAMPLE.toString(), text, morning);
            new DelayRepository().add(c, Delay.of(show.id(), DELAY_MINUTES, DELAY_REASON, PR, morning));
        });
        List<Call> calls = sheet.calls();
        int crewIndex = 0;
        int modelIndex = 0;
        for (Call call : calls) {
            Instant moved = call.at().plus(delay);
            boolean model = call.kind() == Call.Kind.MODEL;
            String name = model ? call.key().substring(CallPlanner.modelKey("").length()) : call.who();
            pings(database, call, crewIndex, model);
            if (model) {
                if (name.equals(NO_SHOW)) {
                    database.runInTransaction(c -> new NoShowRepository().mark(c,
                            new NoShow(show.id(), call.key(), PR, moved.plus(Duration.ofMinutes(20)))));
                    continue;
                }
                if (show.model(name).orElseThrow().standby() && !name.equals(STANDBY)) {
                    continue;
                }
                Duration offset = name.equals(LATE_MODEL) ? Duration.ofMinutes(18)
                        : modelIndex % 7 == 3 ? Duration.ofMinutes(4) : Duration.ofMinutes(-5);
                if (name.equals(STANDBY)) {
                    offset = Duration.ofMinutes(-40);
                }
                modelIndex++;
                arrive(database, call.key(), moved.plus(offset));
            } else if (call.userId().isPresent()) {
                Duration offset = crewIndex == 2 ? Duration.ofMinutes(7)
                        : crewIndex == 5 ? Duration.ofMinutes(12) : Duration.ofMinutes(-3);
                Instant here = moved.plus(offset);
                long user = call.userId().getAsLong();
                database.runInTransaction(c -> {
                    new ConfirmationRepository().upsert(c, new Confirmation(show.id(), call.key(),
                            ConfirmationState.HERE, OptionalInt.empty(), user, here));
                    new ArrivalRepository().record(c, new Arrival(show.id(), call.key(), here, user, here));
                });
                crewIndex++;
            }
        }
        Instant start = show.startInstant().plus(delay);
        database.runInTransaction(c -> {
            List<Integer> herLooks = show.looksOf(NO_SHOW).stream().map(Look::number).toList();
            new ReplacementRepository().add(c, new Replacement(Replacement.UNSTORED, show.id(), NO_SHOW, STANDBY,
                    herLooks, start.minus(Duration.ofHours(2)), PR));
        });
        prepare(database, start);
        walk(database, start);
        return this;
    }

    private void pings(Database database, Call call, int crewIndex, boolean model) {
        Instant due = call.at().plus(Duration.ofMinutes(DELAY_MINUTES));
        database.runInTransaction(c -> {
            CallPingRepository pings = new CallPingRepository();
            pings.claim(c, show.id(), call.key(), CallPing.CALL, due, due);
            Duration late = Duration.ZERO;
            PingOutcome outcome = call.userId().isEmpty() ? PingOutcome.ROLE : PingOutcome.DM;
            Optional<String> detail = Optional.empty();
            if (!model && crewIndex == 1) {
                late = Duration.ofMinutes(7);
                detail = Optional.of(OFFLINE);
            }
            if (!model && crewIndex == 4) {
                outcome = PingOutcome.CHANNEL;
                detail = Optional.of("DMs closed");
            }
            pings.complete(c, show.id(), call.key(), CallPing.CALL, due.plus(late), late, outcome, detail);
            if (!model && crewIndex == 0 && !call.reminders().isEmpty()) {
                String reminder = CallPing.reminder(call.reminders().get(0));
                Instant at = due.minus(call.reminders().get(0));
                pings.claim(c, show.id(), call.key(), reminder, at, at);
                pings.complete(c, show.id(), call.key(), reminder, at, Duration.ofMinutes(90), PingOutcome.DROPPED,
                        Optional.empty());
            }
            if (!model && crewIndex == 3 && !call.reminders().isEmpty()) {
                String reminder = CallPing.reminder(call.reminders().get(0));
                Instant at = due.minus(call.reminders().get(0));
                pings.claim(c, show.id(), call.key(), reminder, at, at);
            }
        });
    }

    private void arrive(Database database, String key, Instant at) {
        database.runInTransaction(c -> new ArrivalRepository().record(c, new Arrival(show.id(), key, at, PR, at)));
    }

    /** Hair 20, makeup 35 and nails 45 minutes after each walking model's arrival; looks dressed before the start. */
    private void prepare(Database database, Instant start) {
        List<String> walking = show.runningOrder().stream()
                .map(l -> l.model().equals(NO_SHOW) ? STANDBY : l.model()).distinct().toList();
        database.runInTransaction(c -> {
            ArrivalRepository arrivals = new ArrivalRepository();
            ModelStepRepository steps = new ModelStepRepository();
            for (String model : walking) {
                Instant arrived = arrivals.find(c, show.id(), CallPlanner.modelKey(model)).orElseThrow().arrivedAt();
                steps.mark(c, new ModelStep(show.id(), model, Step.HAIR, arrived.plus(Duration.ofMinutes(20)), PR));
                steps.mark(c, new ModelStep(show.id(), model, Step.MAKEUP, arrived.plus(Duration.ofMinutes(35)), PR));
                steps.mark(c, new ModelStep(show.id(), model, Step.NAILS, arrived.plus(Duration.ofMinutes(45)), PR));
            }
            LookStepRepository looks = new LookStepRepository();
            Instant at = start.minus(Duration.ofMinutes(35));
            for (Look look : show.runningOrder()) {
                long dresser = look.dresserUserId().orElse(PR);
                looks.mark(c, new LookStep(show.id(), look.number(), Step.DRESSED, at, dresser));
                if (look.number() != UNREADY_LOOK) {
                    looks.mark(c, new LookStep(show.id(), look.number(), Step.ACCESSORIES, at, dresser));
                }
                at = at.plusSeconds(30);
            }
        });
    }

    /** Every look walked from two minutes past the delayed start, each after the one before it has had its time. */
    private void walk(Database database, Instant start) {
        database.runInTransaction(c -> {
            Instant at = start.plus(Duration.ofMinutes(2));
            for (Look look : show.runningOrder()) {
                String model = look.model().equals(NO_SHOW) ? STANDBY : look.model();
                new WalkRepository().record(c, new Walk(show.id(), look.number(), model, at, PR));
                at = at.plus(show.lookDuration(look));
            }
        });
    }
}
