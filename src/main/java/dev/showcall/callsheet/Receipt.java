package dev.showcall.callsheet;

import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.PingOutcome;
import dev.showcall.show.Call;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where one person stands with the call sheet, for producers the day before: who cannot be reached, who has it,
 * who said they got it.
 *
 * @param at     when it was received, or when they pressed Got it
 * @param update whether it is about the last update of their line rather than the first call sheet
 */
public record Receipt(State state, Optional<Instant> at, boolean update) {

    public enum State {
        /** Their account in the show file is nobody on the server: they cannot get it until a producer links them. */
        NOT_LINKED,
        NOT_SENT,
        /** Claimed, and not yet taken by Discord. */
        SENDING,
        RECEIVED,
        /** Their DMs are closed: they were mentioned in the calls channel instead. */
        DMS_CLOSED,
        /** Sent by email: nothing tells whether they read it. */
        EMAILED,
        GOT_IT
    }

    /**
     * The receipt of {@code call}, once the show's call sheet has gone out; none for a line nobody can be sent
     * (a department called through its role, a model without Discord).
     *
     * @param pings this call's call-sheet pings
     * @param lines what they carried, as far as it is written
     */
    public static Optional<Receipt> of(Call call, List<CallPing> pings, List<SentLine> lines) {
        Optional<CallPing> last = pings.stream().filter(p -> CallPing.isCallSheet(p.ping()))
                .max(Comparator.comparing(CallPing::claimedAt).thenComparing(CallPing::ping));
        // someone without Discord may have an email: what was sent to them says so
        if (last.isEmpty() && call.notLinked()) {
            return Optional.of(new Receipt(State.NOT_LINKED, Optional.empty(), false));
        }
        if (last.isEmpty() && call.userId().isEmpty()) {
            return Optional.empty();
        }
        if (last.isEmpty()) {
            return Optional.of(new Receipt(State.NOT_SENT, Optional.empty(), false));
        }
        CallPing ping = last.get();
        boolean update = !ping.ping().equals(CallPing.CALL_SHEET);
        if (!ping.isSent()) {
            return Optional.of(new Receipt(State.SENDING, Optional.empty(), update));
        }
        if (ping.outcome().equals(Optional.of(PingOutcome.CHANNEL))) {
            return Optional.of(new Receipt(State.DMS_CLOSED, ping.sentAt(), update));
        }
        if (ping.outcome().equals(Optional.of(PingOutcome.EMAIL))) {
            return Optional.of(new Receipt(State.EMAILED, ping.sentAt(), update));
        }
        Optional<Instant> acknowledged = lines.stream().filter(l -> l.ping().equals(ping.ping()))
                .flatMap(l -> l.acknowledgedAt().stream()).findFirst();
        return Optional.of(acknowledged.isPresent() ? new Receipt(State.GOT_IT, acknowledged, update)
                : new Receipt(State.RECEIVED, ping.sentAt(), update));
    }
}
