package dev.showcall.store;

import static dev.showcall.store.ShowFixture.SHOW_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.showcall.backstage.CallPing;
import dev.showcall.roster.LinkClaim;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

@OnEachDatabase
@DisplayName("Claims of roster lines")
class LinkClaimRepositoryTest {

    private static final Instant CLAIMED = Instant.parse("2027-02-21T10:00:00.123456Z");
    private static final Instant DECIDED = CLAIMED.plusSeconds(40);
    private static final long SIOBHAN = 1190000000000000501L;
    private static final long SOMEONE = 1190000000000000502L;
    private static final long PRODUCER = 1190000000000000401L;
    private static final long OTHER_PRODUCER = 1190000000000000402L;
    private static final String KEY = "@siobhan.kelly";
    private static final String LABEL = "Siobhan Kelly (Hair)";

    @Parameter
    @RegisterExtension
    FreshDatabase db;

    private final LinkClaimRepository claims = new LinkClaimRepository();

    @BeforeEach
    void saveShows() {
        ShowFixture.saveShow(db, SHOW_ID, CLAIMED.minusSeconds(86_400));
        ShowFixture.saveShow(db, "other-show", CLAIMED.minusSeconds(86_400));
    }

    private LinkClaim claim(String showId, long userId) {
        return db.inTransaction(c -> claims.add(c, showId, KEY, LABEL, userId, CLAIMED));
    }

    private LinkClaim stored(long id) {
        return db.inTransaction(c -> claims.find(c, id)).orElseThrow();
    }

    @Test
    @DisplayName("a claim is kept pending with the line, who claims it and when")
    void addAndFind() {
        LinkClaim added = claim(SHOW_ID, SIOBHAN);

        Optional<LinkClaim> found = db.inTransaction(c -> claims.find(c, added.id()));
        Optional<LinkClaim> other = db.inTransaction(c -> claims.find(c, added.id() + 1));

        LinkClaim expected = new LinkClaim(added.id(), SHOW_ID, KEY, LABEL, SIOBHAN, CLAIMED,
                LinkClaim.Status.PENDING, OptionalLong.empty(), Optional.empty(), OptionalLong.empty());
        assertThat(added).isEqualTo(expected);
        assertThat(found).contains(expected);
        assertThat(other).isEmpty();
    }

    @Test
    @DisplayName("is decided once: a second click, or a refusal after an approval, decides nothing")
    void decidedOnce() {
        long id = claim(SHOW_ID, SIOBHAN).id();

        boolean approved = db.inTransaction(c -> claims.decide(c, id, LinkClaim.Status.APPROVED, PRODUCER, DECIDED));
        boolean again = db.inTransaction(c -> claims.decide(c, id, LinkClaim.Status.APPROVED, OTHER_PRODUCER,
                DECIDED.plusSeconds(1)));
        boolean refused = db.inTransaction(c -> claims.decide(c, id, LinkClaim.Status.REFUSED, OTHER_PRODUCER,
                DECIDED.plusSeconds(2)));

        assertThat(approved).isTrue();
        assertThat(again).isFalse();
        assertThat(refused).isFalse();
        LinkClaim decided = stored(id);
        assertThat(decided.status()).isEqualTo(LinkClaim.Status.APPROVED);
        assertThat(decided.decidedBy()).hasValue(PRODUCER);
        assertThat(decided.decidedAt()).contains(DECIDED);
        assertThat(decided.isPending()).isFalse();
    }

    @Test
    @DisplayName("two producers deciding at once, each in their transaction, decide it once")
    void concurrentDecisions() throws Exception {
        long id = claim(SHOW_ID, SIOBHAN).id();
        CountDownLatch go = new CountDownLatch(1);

        CompletableFuture<Boolean> approve = CompletableFuture.supplyAsync(() -> {
            await(go);
            return db.inTransaction(c -> claims.decide(c, id, LinkClaim.Status.APPROVED, PRODUCER, DECIDED));
        });
        CompletableFuture<Boolean> refuse = CompletableFuture.supplyAsync(() -> {
            await(go);
            return db.inTransaction(c -> claims.decide(c, id, LinkClaim.Status.REFUSED, OTHER_PRODUCER, DECIDED));
        });
        go.countDown();

        List<Boolean> results = List.of(approve.get(10, TimeUnit.SECONDS), refuse.get(10, TimeUnit.SECONDS));
        assertThat(results).containsExactlyInAnyOrder(true, false);
        LinkClaim decided = stored(id);
        assertThat(decided.decidedBy()).hasValue(results.get(0) ? PRODUCER : OTHER_PRODUCER);
        assertThat(decided.status()).isEqualTo(results.get(0) ? LinkClaim.Status.APPROVED : LinkClaim.Status.REFUSED);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    @DisplayName("a claim cannot be decided back to pending")
    void pendingIsNoDecision() {
        long id = claim(SHOW_ID, SIOBHAN).id();

        assertThatThrownBy(() -> db.inTransaction(c -> claims.decide(c, id, LinkClaim.Status.PENDING, PRODUCER,
                DECIDED))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("keeps the first message the producers were asked in")
    void messageMarkedOnce() {
        long id = claim(SHOW_ID, SIOBHAN).id();

        boolean first = db.inTransaction(c -> claims.markAsked(c, id, 1190000000000009001L));
        boolean second = db.inTransaction(c -> claims.markAsked(c, id, 1190000000000009002L));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(stored(id).messageId()).hasValue(1190000000000009001L);
    }

    @Test
    @DisplayName("lists a show's claims oldest first, and those still waiting apart")
    void perShow() {
        LinkClaim first = claim(SHOW_ID, SIOBHAN);
        LinkClaim second = claim(SHOW_ID, SOMEONE);
        LinkClaim elsewhere = claim("other-show", SIOBHAN);
        db.database().runInTransaction(c -> claims.decide(c, first.id(), LinkClaim.Status.REFUSED, PRODUCER, DECIDED));

        List<LinkClaim> all = db.inTransaction(c -> claims.forShow(c, SHOW_ID));
        List<LinkClaim> pending = db.inTransaction(c -> claims.pending(c, SHOW_ID));
        List<LinkClaim> pendingElsewhere = db.inTransaction(c -> claims.pending(c, "other-show"));

        assertThat(all).extracting(LinkClaim::id).containsExactly(first.id(), second.id());
        assertThat(pending).containsExactly(second);
        assertThat(pendingElsewhere).containsExactly(elsewhere);
    }

    @Test
    @DisplayName("the claimant's notice goes through the ping table like any other, once")
    void noticeInPingTable() {
        long id = claim(SHOW_ID, SIOBHAN).id();
        CallPingRepository pings = new CallPingRepository();
        String subject = "user:" + SIOBHAN;

        boolean claimed = db.inTransaction(c -> pings.claim(c, SHOW_ID, subject, CallPing.claim(id), DECIDED, DECIDED));
        boolean again = db.inTransaction(c -> pings.claim(c, SHOW_ID, subject, CallPing.claim(id), DECIDED, DECIDED));

        assertThat(claimed).isTrue();
        assertThat(again).isFalse();
        assertThat(CallPing.isNotice(CallPing.claim(id))).isTrue();
        assertThat(CallPing.claimOf(CallPing.claim(id))).hasValue(id);
        assertThat(CallPing.claimOf(CallPing.replanned(id))).isEmpty();
    }
}
