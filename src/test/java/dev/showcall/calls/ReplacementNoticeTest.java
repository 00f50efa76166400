package dev.showcall.calls;

import static dev.showcall.backstage.TwelveLooks.ANYA;
import static dev.showcall.backstage.TwelveLooks.ANYA_USER;
import static dev.showcall.backstage.TwelveLooks.DANA;
import static dev.showcall.backstage.TwelveLooks.FAY;
import static dev.showcall.backstage.TwelveLooks.GIA;
import static dev.showcall.backstage.TwelveLooks.GIA_USER;
import static dev.showcall.backstage.TwelveLooks.HANA;
import static dev.showcall.backstage.TwelveLooks.ROSA;
import static dev.showcall.backstage.TwelveLooks.SAM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.Replacement;
import dev.showcall.backstage.TwelveLooks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Replacement notices")
class ReplacementNoticeTest {

    private static final PlannedShow SHOW = TwelveLooks.planned();
    private static final Instant DECIDED = Instant.parse("2027-02-21T17:40:00Z");
    private static final long PR = 1190000000000000111L;

    private static Replacement replacement(String model, String by, Integer... looks) {
        return new Replacement(7, SHOW.id(), model, by, List.of(looks), DECIDED, PR);
    }

    @Nested
    @DisplayName("go to")
    class Recipients {

        @Test
        @DisplayName("the dressers of the looks taken over, in running order and once each, then whoever replaces")
        void dressersThenModel() {
            // given Gia takes over Anya's looks 1 (Sam dresses it), 6 and 11 (Rosa dresses both)
            Replacement r = replacement(ANYA, GIA, 1, 6, 11);

            // when the recipients are listed
            Set<Long> recipients = ReplacementNotice.recipients(SHOW, r);

            // then Sam, Rosa and Gia hear of it, in that order
            assertThat(recipients).containsExactly(SAM, ROSA, GIA_USER);
        }

        @Test
        @DisplayName("only the dressers of the looks taken over, not of those that walked")
        void onlyTakenLooks() {
            // given look 1 walked, so Gia takes over only 6 and 11
            Replacement r = replacement(ANYA, GIA, 6, 11);

            // when the recipients are listed
            Set<Long> recipients = ReplacementNotice.recipients(SHOW, r);

            // then Sam, who dressed look 1, is not told
            assertThat(recipients).containsExactly(ROSA, GIA_USER);
        }

        @Test
        @DisplayName("not to a replacing model who has no Discord account")
        void modelWithoutAccount() {
            // given Hana, who has no Discord account, takes over 6 and 11
            Replacement r = replacement(ANYA, HANA, 6, 11);

            // when the recipients are listed
            Set<Long> recipients = ReplacementNotice.recipients(SHOW, r);

            // then only Rosa is told
            assertThat(recipients).containsExactly(ROSA);
        }

        @Test
        @DisplayName("to the replacing model alone when the looks have no dresser")
        void looksWithoutDresser() {
            // given Gia takes over Dana's looks 4 and 9, which name no dresser
            Replacement r = replacement(DANA, GIA, 4, 9);

            // when the recipients are listed
            Set<Long> recipients = ReplacementNotice.recipients(SHOW, r);

            // then only Gia is told
            assertThat(recipients).containsExactly(GIA_USER);
        }

        @Test
        @DisplayName("each by a subject of their own")
        void subject() {
            assertThat(ReplacementNotice.subject(ROSA)).isEqualTo("user:" + ROSA);
        }
    }

    @Nested
    @DisplayName("tell")
    class Texts {

        @Test
        @DisplayName("a dresser which of her looks are now worn by whom")
        void dresserOfTwoLooks() {
            // given Gia takes over Anya's looks 6 and 11, both Rosa's
            Replacement r = replacement(ANYA, GIA, 6, 11);

            // when Rosa's notice is written
            Optional<String> text = ReplacementNotice.text(SHOW, r, ROSA);

            // then it names both looks
            assertThat(text).contains("🔁 Twelve Looks: Gia Sol replaces Anya Petrova. "
                    + "Your looks 6 (Ivory shirt dress), 11 (Finale gown) are now worn by Gia Sol.");
        }

        @Test
        @DisplayName("a dresser of one look taken over, in the singular")
        void dresserOfOneLook() {
            // given Gia takes over all of Anya's looks, of which Sam dresses look 1
            Replacement r = replacement(ANYA, GIA, 1, 6, 11);

            // when Sam's notice is written
            Optional<String> text = ReplacementNotice.text(SHOW, r, SAM);

            // then it names his look only
            assertThat(text).contains("🔁 Twelve Looks: Gia Sol replaces Anya Petrova. "
                    + "Your look 1 (Black wool coat) is now worn by Gia Sol.");
        }

        @Test
        @DisplayName("the replacing model whose place she takes and which looks she walks")
        void replacingModel() {
            // given Gia takes over Anya's looks 6 and 11
            Replacement r = replacement(ANYA, GIA, 6, 11);

            // when Gia's notice is written
            Optional<String> text = ReplacementNotice.text(SHOW, r, GIA_USER);

            // then it lists her looks and sends her to hair and makeup
            assertThat(text).contains("🔁 Twelve Looks: you walk in place of Anya Petrova: "
                    + "looks 6 (Ivory shirt dress), 11 (Finale gown). Go to hair and makeup as soon as you are backstage.");
        }

        @Test
        @DisplayName("the replacing model of one look, in the singular")
        void replacingModelOneLook() {
            // given Gia takes over Fay's look 12
            Replacement r = replacement(FAY, GIA, 12);

            // when Gia's notice is written
            Optional<String> text = ReplacementNotice.text(SHOW, r, GIA_USER);

            // then
            assertThat(text).contains("🔁 Twelve Looks: you walk in place of Fay Roux: look 12 (Sequin column). "
                    + "Go to hair and makeup as soon as you are backstage.");
        }

        @Test
        @DisplayName("nothing to anyone it does not concern")
        void nobodyElse() {
            // given Gia takes over Anya's looks 6 and 11
            Replacement r = replacement(ANYA, GIA, 6, 11);

            // when notices are written for Sam, who dresses only look 1, and for Anya herself
            Optional<String> sam = ReplacementNotice.text(SHOW, r, SAM);
            Optional<String> anya = ReplacementNotice.text(SHOW, r, ANYA_USER);

            // then there is nothing to tell them
            assertThat(sam).isEmpty();
            assertThat(anya).isEmpty();
        }
    }
}
