package dev.showcall.store;

import static dev.showcall.store.ShowFixture.SHOW_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.PlanMove;
import dev.showcall.backstage.PlanUpload;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

@OnEachDatabase
@DisplayName("Plan uploads")
class PlanUploadRepositoryTest {

    private static final Instant UPLOADED = Instant.parse("2027-02-21T10:00:00.123456Z");
    private static final Instant DECIDED = UPLOADED.plusSeconds(40);
    private static final long PRODUCER = 1190000000000000401L;
    private static final long OTHER_PRODUCER = 1190000000000000402L;
    private static final String BASE = "a".repeat(64);
    private static final String PRIYA = "crew:hair:" + ShowFixture.PRIYA;

    @Parameter
    @RegisterExtension
    FreshDatabase db;

    private final PlanUploadRepository uploads = new PlanUploadRepository();

    @BeforeEach
    void saveShow() {
        ShowFixture.saveShow(db, SHOW_ID, UPLOADED.minusSeconds(86_400));
    }

    private long upload(String text) {
        return db.inTransaction(c -> uploads.add(c, SHOW_ID, BASE, "show.yaml", text, PRODUCER, UPLOADED));
    }

    @Test
    @DisplayName("an upload is kept pending with its file, who uploaded it and when")
    void addAndFind() {
        long id = upload("id: maison-verre-aw27\n");

        Optional<PlanUpload> found = db.inTransaction(c -> uploads.find(c, id));

        Optional<PlanUpload> other = db.inTransaction(c -> uploads.find(c, id + 1));
        assertThat(found).contains(new PlanUpload(id, SHOW_ID, BASE, "show.yaml", "id: maison-verre-aw27\n", PRODUCER,
                UPLOADED, PlanUpload.Status.PENDING, OptionalLong.empty(), Optional.empty()));
        assertThat(other).isEmpty();
    }

    @Test
    @DisplayName("keeps a show file of 256 KiB whole")
    void largeFile() {
        String text = "# " + "é".repeat(131_000) + "\n";

        long id = upload(text);

        PlanUpload stored = db.inTransaction(c -> uploads.find(c, id)).orElseThrow();
        assertThat(stored.text()).isEqualTo(text);
    }

    @Test
    @DisplayName("is applied once: a second click, or a cancel after it, decides nothing")
    void decidedOnce() {
        long id = upload("text");

        boolean applied = db.inTransaction(c -> uploads.decide(c, id, PlanUpload.Status.APPLIED, PRODUCER, DECIDED));
        boolean again = db.inTransaction(c -> uploads.decide(c, id, PlanUpload.Status.APPLIED, OTHER_PRODUCER,
                DECIDED.plusSeconds(1)));
        boolean cancelled = db.inTransaction(c -> uploads.decide(c, id, PlanUpload.Status.CANCELLED, OTHER_PRODUCER,
                DECIDED.plusSeconds(2)));

        assertThat(applied).isTrue();
        assertThat(again).isFalse();
        assertThat(cancelled).isFalse();
        PlanUpload stored = db.inTransaction(c -> uploads.find(c, id)).orElseThrow();
        assertThat(stored.status()).isEqualTo(PlanUpload.Status.APPLIED);
        assertThat(stored.decidedBy()).hasValue(PRODUCER);
        assertThat(stored.decidedAt()).contains(DECIDED);
    }

    @Test
    @DisplayName("two applies at once, each in its transaction, decide it once")
    void concurrentApplies() throws Exception {
        long id = upload("text");

        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> db.inTransaction(c ->
                uploads.decide(c, id, PlanUpload.Status.APPLIED, PRODUCER, DECIDED)));
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> db.inTransaction(c ->
                uploads.decide(c, id, PlanUpload.Status.APPLIED, OTHER_PRODUCER, DECIDED)));

        assertThat(List.of(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS)))
                .containsExactlyInAnyOrder(true, false);
    }

    @Test
    @DisplayName("a pending upload cannot be decided back to pending")
    void pendingIsNoDecision() {
        long id = upload("text");

        assertThatThrownBy(() -> db.inTransaction(c -> uploads.decide(c, id, PlanUpload.Status.PENDING, PRODUCER,
                DECIDED))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("keeps whose calls an applied upload moved, per show, oldest upload first")
    void moves() {
        long first = upload("one");
        long second = upload("two");
        PlanMove priya = new PlanMove(second, SHOW_ID, PRIYA, UPLOADED, UPLOADED.plusSeconds(1800));
        PlanMove anya = new PlanMove(first, SHOW_ID, "model:Anya Petrova", UPLOADED.plusSeconds(60),
                UPLOADED.plusSeconds(120));

        db.database().runInTransaction(c -> uploads.addMoves(c, List.of(priya, anya)));

        List<PlanMove> all = db.inTransaction(c -> uploads.moves(c, SHOW_ID));
        Optional<PlanMove> priyas = db.inTransaction(c -> uploads.move(c, SHOW_ID, second, PRIYA));
        Optional<PlanMove> notMoved = db.inTransaction(c -> uploads.move(c, SHOW_ID, first, PRIYA));
        List<PlanMove> elsewhere = db.inTransaction(c -> uploads.moves(c, "other-show"));
        assertThat(all).containsExactly(anya, priya);
        assertThat(priyas).contains(priya);
        assertThat(notMoved).isEmpty();
        assertThat(elsewhere).isEmpty();
    }

    @Test
    @DisplayName("the notice of a plan update goes through the ping table like any other")
    void noticeInPingTable() {
        long id = upload("text");
        CallPingRepository pings = new CallPingRepository();

        boolean claimed = db.inTransaction(c -> pings.claim(c, SHOW_ID, PRIYA, CallPing.replanned(id), UPLOADED,
                DECIDED));
        boolean again = db.inTransaction(c -> pings.claim(c, SHOW_ID, PRIYA, CallPing.replanned(id), UPLOADED,
                DECIDED));

        assertThat(claimed).isTrue();
        assertThat(again).isFalse();
        assertThat(CallPing.isNotice(CallPing.replanned(id))).isTrue();
        assertThat(CallPing.uploadOf(CallPing.replanned(id))).hasValue(id);
    }
}
