package dev.showcall.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.roster.LinkClaim;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The answer to a claim of a roster line")
class ClaimNoticeTest {

    private static final Instant NOW = Instant.parse("2027-02-21T10:00:00Z");
    private static final long SIOBHAN = 1190000000000000132L;
    private static final long PRODUCER = 1190000000000000121L;

    private static LinkClaim claim(String label, LinkClaim.Status status) {
        boolean decided = status != LinkClaim.Status.PENDING;
        return new LinkClaim(7, "claims-show", "@siobhan.kelly", label, SIOBHAN, NOW, status,
                decided ? OptionalLong.of(PRODUCER) : OptionalLong.empty(),
                decided ? Optional.of(NOW) : Optional.empty(), OptionalLong.empty());
    }

    @Test
    @DisplayName("goes to the claimant, as any notice to one person")
    void subject() {
        assertThat(ClaimNotice.subject(claim("Siobhan Kelly (Hair)", LinkClaim.Status.PENDING)))
                .isEqualTo(ReplacementNotice.subject(SIOBHAN));
    }

    @Test
    @DisplayName("says the line is theirs once approved, and that it is not once refused; nothing while it waits")
    void text() {
        assertThat(ClaimNotice.text("Claims Show", claim("Siobhan Kelly (Hair)", LinkClaim.Status.PENDING))).isEmpty();
        assertThat(ClaimNotice.text("Claims Show", claim("Siobhan Kelly (Hair)", LinkClaim.Status.APPROVED)))
                .hasValue("✅ Claims Show: a producer confirmed that you are **Siobhan Kelly (Hair)**. From now on your"
                        + " calls for this show come to you here, by DM.");
        assertThat(ClaimNotice.text("Claims Show", claim("Siobhan Kelly (Hair)", LinkClaim.Status.REFUSED)))
                .hasValue("❌ Claims Show: the producers did not confirm that you are **Siobhan Kelly (Hair)**, so"
                        + " that line is not linked to you. If it is yours, talk to a producer.");
    }

    @Test
    @DisplayName("shows the line and the show as they were written, never as formatting or a mention")
    void escaped() {
        assertThat(ClaimNotice.text("**Show** @everyone", claim("**Siobhan** <@&1>", LinkClaim.Status.APPROVED)))
                .hasValueSatisfying(text -> assertThat(text)
                        .startsWith("✅ \\*\\*Show\\*\\* \\@everyone: a producer confirmed that you are"
                                + " **\\*\\*Siobhan\\*\\* \\<@&1>**"));
    }
}
