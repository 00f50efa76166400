package dev.showcall.store;

import static dev.showcall.store.ShowFixture.SHOW_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

@OnEachDatabase
@DisplayName("After-show reports")
class AfterShowReportRepositoryTest {

    private static final Instant NOW = Instant.parse("2027-02-21T21:00:00Z");

    @Parameter
    @RegisterExtension
    FreshDatabase db;

    private final AfterShowReportRepository reports = new AfterShowReportRepository();

    @BeforeEach
    void saveShow() {
        ShowFixture.saveShow(db, SHOW_ID, NOW.minusSeconds(86_400));
    }

    @Test
    @DisplayName("a report is claimed the first time and not the second, and stays owed until it is marked sent")
    void claimOnce() {
        boolean first = db.inTransaction(c -> reports.claim(c, SHOW_ID, NOW));
        boolean second = db.inTransaction(c -> reports.claim(c, SHOW_ID, NOW.plusSeconds(30)));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        Optional<AfterShowReportRepository.Claim> found = db.inTransaction(c -> reports.find(c, SHOW_ID));
        assertThat(found).hasValueSatisfying(claim -> {
            assertThat(claim.claimedAt()).isEqualTo(NOW);
            assertThat(claim.sent()).isFalse();
            assertThat(claim.messageId()).isEmpty();
        });
    }

    @Test
    @DisplayName("an instance that no longer holds the lease cannot claim a report: the claim is the active one's")
    void fencedClaim() {
        AfterShowReportRepository fenced = new AfterShowReportRepository(c -> {
            throw new Fence.FencedException("not the active instance");
        });

        assertThatThrownBy(() -> db.inTransaction(c -> fenced.claim(c, SHOW_ID, NOW)))
                .isInstanceOf(Fence.FencedException.class);

        Optional<AfterShowReportRepository.Claim> found = db.inTransaction(c -> reports.find(c, SHOW_ID));
        boolean claimedByTheActiveOne = db.inTransaction(c -> reports.claim(c, SHOW_ID, NOW));
        assertThat(found).isEmpty();
        assertThat(claimedByTheActiveOne).isTrue();
    }

    @Test
    @DisplayName("a claimed report is marked sent with its message once; a second mark changes nothing")
    void markSent() {
        db.inTransaction(c -> reports.claim(c, SHOW_ID, NOW));

        boolean first = db.inTransaction(c -> reports.markSent(c, SHOW_ID, 42L, NOW.plusSeconds(2)));
        boolean second = db.inTransaction(c -> reports.markSent(c, SHOW_ID, 43L, NOW.plusSeconds(9)));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        Optional<AfterShowReportRepository.Claim> found = db.inTransaction(c -> reports.find(c, SHOW_ID));
        assertThat(found).hasValueSatisfying(claim -> {
            assertThat(claim.sentAt()).contains(NOW.plusSeconds(2));
            assertThat(claim.messageId()).isEqualTo(OptionalLong.of(42L));
        });
    }

    @Test
    @DisplayName("a report never claimed is not there, and cannot be marked sent")
    void neverClaimed() {
        boolean marked = db.inTransaction(c -> reports.markSent(c, SHOW_ID, 42L, NOW));

        assertThat(marked).isFalse();
        Optional<AfterShowReportRepository.Claim> found = db.inTransaction(c -> reports.find(c, SHOW_ID));
        assertThat(found).isEmpty();
    }
}
