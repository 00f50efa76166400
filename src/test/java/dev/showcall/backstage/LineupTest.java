package dev.showcall.backstage;

import static dev.showcall.backstage.TwelveLooks.ANYA;
import static dev.showcall.backstage.TwelveLooks.BEA;
import static dev.showcall.backstage.TwelveLooks.CLEO;
import static dev.showcall.backstage.TwelveLooks.DANA;
import static dev.showcall.backstage.TwelveLooks.EVA;
import static dev.showcall.backstage.TwelveLooks.FAY;
import static dev.showcall.backstage.TwelveLooks.GIA;
import static dev.showcall.backstage.TwelveLooks.HANA;
import static dev.showcall.backstage.TwelveLooks.ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.Lineup.ReplacementPlan;
import dev.showcall.show.QuickChange;
import dev.showcall.show.Show;
import dev.showcall.show.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The lineup")
class LineupTest {

    private static final Instant SHOW_TIME = Instant.parse("2027-02-21T19:00:00Z");
    private static final long PR = 1190000000000000111L;
    private static final long HAIR = 1190000000000000101L;
    private static final long DRESSER = TwelveLooks.ROSA;

    private static final PlannedShow SHOW = TwelveLooks.planned();

    /** What happened on the day, built up one fact at a time. */
    private static final class Day {
        private final Set<String> arrived = new HashSet<>();
        private final Set<String> noShows = new HashSet<>();
        private final List<ModelStep> modelSteps = new ArrayList<>();
        private final List<LookStep> lookSteps = new ArrayList<>();
        private final List<Walk> walks = new ArrayList<>();
        private final List<Replacement> replacements = new ArrayList<>();

        Day arrived(String... models) {
            arrived.addAll(Arrays.asList(models));
            return this;
        }

        Day noShow(String model) {
            noShows.add(model);
            return this;
        }

        Day modelStep(String model, Step... steps) {
            Arrays.stream(steps).forEach(s -> modelSteps.add(new ModelStep(ID, model, s, SHOW_TIME, HAIR)));
            return this;
        }

        Day lookStep(int look, Step... steps) {
            Arrays.stream(steps).forEach(s -> lookSteps.add(new LookStep(ID, look, s, SHOW_TIME, DRESSER)));
            return this;
        }

        /** Look {@code look} goes out {@code minutes} after the start, worn by {@code model}. */
        Day walked(int look, String model, int minutes) {
            walks.add(new Walk(ID, look, model, SHOW_TIME.plus(Duration.ofMinutes(minutes)), PR));
            return this;
        }

        Day replaced(long id, String model, String by, Integer... looks) {
            replacements.add(new Replacement(id, ID, model, by, List.of(looks), SHOW_TIME, PR));
            return this;
        }

        Floor floor() {
            return new Floor(arrived, noShows, modelSteps, lookSteps, walks, replacements);
        }

        Lineup lineup() {
            return Lineup.of(SHOW, floor());
        }

        Lineup lineup(Show show) {
            return Lineup.of(TwelveLooks.planned(show), floor());
        }
    }

    private static Day day() {
        return new Day();
    }

    private static LookState look(Lineup lineup, int number) {
        return lineup.look(number).orElseThrow();
    }

    private static List<Integer> numbers(List<LookState> looks) {
        return looks.stream().map(LookState::number).toList();
    }

    /** The same show, requiring {@code steps} before a look is ready. */
    private static Show requiring(List<Step> steps) {
        Show s = SHOW.show();
        return new Show(s.id(), s.name(), s.venue(), s.zone(), s.start(), s.doors(), s.discord(), s.departments(),
                s.models(), s.modelCalls(), s.looks(), s.milestones(), s.secondsPerLook(), s.noShowGrace(),
                s.quickChangeThreshold(), s.confirmBy(), steps);
    }

    @Nested
    @DisplayName("who wears each look")
    class Wearers {

        @Test
        @DisplayName("is the planned model while nobody was replaced")
        void planned() {
            // given a day on which nothing happened yet
            // when the lineup is read
            Lineup lineup = day().lineup();

            // then every look is worn as planned, in running order
            assertThat(lineup.looks()).extracting(LookState::number)
                    .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
            assertThat(numbers(lineup.looksOf(ANYA))).containsExactly(1, 6, 11);
            assertThat(lineup.looks()).noneMatch(LookState::replaced);
        }

        @Test
        @DisplayName("after a replacement, is whoever replaced her for the looks she took over, and her for the rest")
        void afterOneReplacement() {
            // given Anya walked look 1, then Gia took over her looks 6 and 11
            Day day = day().walked(1, ANYA, 0).replaced(1, ANYA, GIA, 6, 11);

            // when the lineup is read
            Lineup lineup = day.lineup();

            // then looks 6 and 11 are Gia's and look 1 stays Anya's
            assertThat(numbers(lineup.looksOf(GIA))).containsExactly(6, 11);
            assertThat(numbers(lineup.looksOf(ANYA))).containsExactly(1);
            assertThat(look(lineup, 6).replaced()).isTrue();
            assertThat(look(lineup, 1).replaced()).isFalse();
        }

        @Test
        @DisplayName("after chained replacements, follows them in the order they were decided")
        void afterChainedReplacements() {
            // given Gia replaced Anya in all her looks (first), then Hana replaced Gia in 6 and 11 (second),
            // listed the other way round
            Day day = day().replaced(2, GIA, HANA, 6, 11).replaced(1, ANYA, GIA, 1, 6, 11);

            // when the lineup is read
            Lineup lineup = day.lineup();

            // then Gia wears look 1 and Hana looks 6 and 11
            assertThat(look(lineup, 1).model()).isEqualTo(GIA);
            assertThat(numbers(lineup.looksOf(HANA))).containsExactly(6, 11);
            assertThat(lineup.looksOf(ANYA)).isEmpty();
        }

        @Test
        @DisplayName("is in a look's label, with its number and description")
        void label() {
            // given Gia took over Anya's looks
            Day day = day().replaced(1, ANYA, GIA, 1, 6, 11);

            // when look 6 is labelled
            String label = look(day.lineup(), 6).label();

            // then it names Gia
            assertThat(label).isEqualTo("6 · Gia Sol · Ivory shirt dress");
        }

        @Test
        @DisplayName("gives the quick changes as the looks are worn now")
        void quickChanges() {
            // given Eva took over Fay's look 12, a minute after her look 10
            Day day = day().replaced(1, FAY, EVA, 12);

            // when the quick changes are read
            List<QuickChange> changes = day.lineup().quickChanges();

            // then Eva has a new one between 10 and 12, flagged, next to the planned four-minute ones
            assertThat(changes).contains(new QuickChange(EVA, 10, 12, Duration.ofMinutes(1), true),
                    new QuickChange(ANYA, 1, 6, Duration.ofMinutes(4), false));
            assertThat(changes).filteredOn(QuickChange::underThreshold).hasSize(1);
        }
    }

    @Nested
    @DisplayName("what a look needs")
    class Steps {

        @Test
        @DisplayName("hair, makeup and nails done on a model count for every look she wears")
        void modelStepsCountForAllHerLooks() {
            // given Anya's hair was done
            Day day = day().arrived(ANYA).modelStep(ANYA, Step.HAIR);

            // when the lineup is read
            Lineup lineup = day.lineup();

            // then all three of her looks have it, and nobody else's
            assertThat(lineup.looksOf(ANYA)).allSatisfy(l -> assertThat(l.done()).containsExactly(Step.HAIR));
            assertThat(look(lineup, 2).done()).isEmpty();
        }

        @Test
        @DisplayName("a model's steps stay with her, not with whoever takes over her looks")
        void modelStepsStayWithHer() {
            // given Anya had hair and makeup, walked look 1, and Gia took over 6 and 11
            Day day = day().arrived(ANYA, GIA).modelStep(ANYA, Step.HAIR, Step.MAKEUP)
                    .walked(1, ANYA, 0).replaced(1, ANYA, GIA, 6, 11);

            // when the lineup is read
            Lineup lineup = day.lineup();

            // then look 1 keeps Anya's steps and Gia's looks need hair and makeup of their own
            assertThat(look(lineup, 1).done()).containsExactlyInAnyOrder(Step.HAIR, Step.MAKEUP);
            assertThat(look(lineup, 6).done()).isEmpty();
            assertThat(look(lineup, 11).missing()).startsWith(Step.HAIR, Step.MAKEUP);
        }

        @Test
        @DisplayName("the replacing model's own steps count for the looks she took over")
        void replacingModelsStepsCount() {
            // given Gia took over Anya's looks and then had her hair done
            Day day = day().arrived(GIA).replaced(1, ANYA, GIA, 1, 6, 11).modelStep(GIA, Step.HAIR);

            // when the lineup is read
            Lineup lineup = day.lineup();

            // then every look she wears has hair
            assertThat(lineup.looksOf(GIA)).hasSize(3).allSatisfy(l -> assertThat(l.done()).contains(Step.HAIR));
        }

        @Test
        @DisplayName("dressed and accessories count for their own look only")
        void lookStepsPerLook() {
            // given look 6 was dressed and accessorised
            Day day = day().arrived(ANYA).lookStep(6, Step.DRESSED, Step.ACCESSORIES);

            // when the lineup is read
            Lineup lineup = day.lineup();

            // then look 6 has them and Anya's other looks do not
            assertThat(look(lineup, 6).done()).containsExactlyInAnyOrder(Step.DRESSED, Step.ACCESSORIES);
            assertThat(look(lineup, 1).done()).isEmpty();
            assertThat(look(lineup, 11).missing()).contains(Step.DRESSED, Step.ACCESSORIES);
        }

        @Test
        @DisplayName("a look is ready when every step the show requires is done")
        void readyWhenAllRequiredStepsDone() {
            // given Anya's hair and makeup are done and look 1 is dressed and accessorised (nails are not required)
            Day day = day().arrived(ANYA).modelStep(ANYA, Step.HAIR, Step.MAKEUP)
                    .lookStep(1, Step.DRESSED, Step.ACCESSORIES);

            // when the lineup is read
            Lineup lineup = day.lineup();

            // then look 1 is ready with nothing missing, and look 6 still needs dressing
            assertThat(look(lineup, 1).ready()).isTrue();
            assertThat(look(lineup, 1).missing()).isEmpty();
            assertThat(look(lineup, 1).readyMarked()).isFalse();
            assertThat(look(lineup, 6).ready()).isFalse();
            assertThat(look(lineup, 6).missing()).containsExactly(Step.DRESSED, Step.ACCESSORIES);
            assertThat(lineup.readyCount()).isEqualTo(1);
        }

        @Test
        @DisplayName("nails are missing when the show requires them")
        void nailsWhenRequired() {
            // given a show that requires nails, and look 1 with everything else done
            Show withNails = requiring(List.of(Step.HAIR, Step.MAKEUP, Step.NAILS, Step.DRESSED, Step.ACCESSORIES));
            Day day = day().arrived(ANYA).modelStep(ANYA, Step.HAIR, Step.MAKEUP)
                    .lookStep(1, Step.DRESSED, Step.ACCESSORIES);

            // when the lineup is read
            LookState first = look(day.lineup(withNails), 1);

            // then look 1 still needs nails
            assertThat(first.ready()).isFalse();
            assertThat(first.missing()).containsExactly(Step.NAILS);
        }

        @Test
        @DisplayName("a producer's ready makes a look ready whatever is missing")
        void readyMarked() {
            // given a producer marked look 2 ready with nothing else done
            Day day = day().lookStep(2, Step.READY);

            // when the lineup is read
            LookState second = look(day.lineup(), 2);

            // then it is ready, and still says what was not done
            assertThat(second.ready()).isTrue();
            assertThat(second.readyMarked()).isTrue();
            assertThat(second.missing()).containsExactly(Step.HAIR, Step.MAKEUP, Step.DRESSED, Step.ACCESSORIES);
        }

        @Test
        @DisplayName("what is missing comes in step order, whatever order the show lists its steps in")
        void missingInStepOrder() {
            // given a show that lists its steps back to front, and look 2 with makeup done
            Show backwards = requiring(List.of(Step.ACCESSORIES, Step.DRESSED, Step.NAILS, Step.MAKEUP, Step.HAIR));
            Day day = day().arrived(BEA).modelStep(BEA, Step.MAKEUP);

            // when the lineup is read
            LookState second = look(day.lineup(backwards), 2);

            // then the rest is missing in the order a look goes through them
            assertThat(second.missing()).containsExactly(Step.HAIR, Step.NAILS, Step.DRESSED, Step.ACCESSORIES);
        }

        @Test
        @DisplayName("counts, for each step, the looks still to walk that lack it, leaving out walked and ready ones")
        void missingCounts() {
            // given look 1 walked, look 2 was declared ready and Cleo (looks 3 and 8) has had her hair done
            Day day = day().walked(1, ANYA, 0).lookStep(2, Step.READY).arrived(CLEO).modelStep(CLEO, Step.HAIR);

            // when the missing steps are counted
            Map<Step, Long> counts = day.lineup().missingCounts();

            // then ten looks count, of which eight lack hair
            assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
                    Step.HAIR, 8L, Step.MAKEUP, 10L, Step.DRESSED, 10L, Step.ACCESSORIES, 10L));
        }

        @Test
        @DisplayName("counts no missing step on a look without a model: it is counted as having none")
        void noModelNoMissingSteps() {
            // given Fay (look 12) is a no-show nobody replaces, and every other look was declared ready
            Day day = day().noShow(FAY);
            for (int look = 1; look <= 11; look++) {
                day.lookStep(look, Step.READY);
            }

            // when the missing steps are counted
            Lineup lineup = day.lineup();

            // then look 12 misses no step: it misses a model
            assertThat(lineup.missingCounts()).isEmpty();
            assertThat(numbers(lineup.withoutModel())).containsExactly(12);
        }

        @Test
        @DisplayName("counts nothing once every look to walk is ready")
        void nothingMissing() {
            // given every look was declared ready
            Day day = day();
            for (int look = 1; look <= 12; look++) {
                day.lookStep(look, Step.READY);
            }

            // when the missing steps are counted
            Map<Step, Long> counts = day.lineup().missingCounts();

            // then there are none
            assertThat(counts).isEmpty();
        }
    }

    @Nested
    @DisplayName("on the runway")
    class Runway {

        @Test
        @DisplayName("before the show, nothing is out and the first look is next")
        void beforeTheShow() {
            // given no look walked
            Lineup lineup = day().lineup();

            // then
            assertThat(lineup.out()).isEmpty();
            assertThat(lineup.next()).map(LookState::number).contains(1);
            assertThat(lineup.toWalk()).hasSize(12);
        }

        @Test
        @DisplayName("out is the look recorded last, next the first of the running order that has not walked")
        void outAndNext() {
            // given look 1 walked, then look 3, with look 2 skipped
            Day day = day().walked(1, ANYA, 0).walked(3, CLEO, 1);

            // when the lineup is read
            Lineup lineup = day.lineup();

            // then look 3 is out and look 2 is next
            assertThat(lineup.out()).map(LookState::number).contains(3);
            assertThat(lineup.next()).map(LookState::number).contains(2);
            assertThat(numbers(lineup.toWalk())).containsExactly(2, 4, 5, 6, 7, 8, 9, 10, 11, 12);
            assertThat(look(lineup, 3).walk()).map(Walk::walkedBy).contains(PR);
        }

        @Test
        @DisplayName("out goes by when a look walked, not by its number")
        void outByTime() {
            // given look 3 walked, then look 2 was recorded after it
            Day day = day().walked(3, CLEO, 0).walked(2, BEA, 1);

            // when the lineup is read
            Optional<LookState> out = day.lineup().out();

            // then look 2 is out
            assertThat(out).map(LookState::number).contains(2);
        }

        @Test
        @DisplayName("passes over the looks whose model is a no-show nobody replaces: the next is the first that can walk")
        void passesOverLooksWithoutModel() {
            // given Anya (looks 1, 6, 11) and Bea (2, 7) are no-shows and nobody replaces them
            Day day = day().noShow(ANYA).noShow(BEA);

            // when the lineup is read
            Lineup lineup = day.lineup();

            // then look 3 is next, past looks 1 and 2, and five looks have no model
            assertThat(lineup.next()).map(LookState::number).contains(3);
            assertThat(numbers(lineup.passedOver(look(lineup, 3)))).containsExactly(1, 2);
            assertThat(numbers(lineup.withoutModel())).containsExactly(1, 2, 6, 7, 11);
            assertThat(look(lineup, 1).withoutModel()).isTrue();
            assertThat(look(lineup, 3).withoutModel()).isFalse();
            assertThat(numbers(lineup.toWalk())).hasSize(12);
        }

        @Test
        @DisplayName("passes over only the looks without a model since the last look walked")
        void passedOverSinceLastWalked() {
            // given Anya and Bea are no-shows, and looks 3 to 5 walked
            Day day = day().noShow(ANYA).noShow(BEA).walked(3, CLEO, 0).walked(4, DANA, 1).walked(5, EVA, 2);

            // when the lineup is read
            Lineup lineup = day.lineup();

            // then look 8 is next, past looks 6 and 7 but not looks 1 and 2, passed over before
            assertThat(lineup.next()).map(LookState::number).contains(8);
            assertThat(numbers(lineup.passedOver(look(lineup, 8)))).containsExactly(6, 7);
            assertThat(lineup.passedOver(look(lineup, 4))).isEmpty();
        }

        @Test
        @DisplayName("a look has a model again once someone replaces its no-show, and is next in its turn")
        void replacedNoShowWalks() {
            // given Anya is a no-show, replaced by Gia
            Day day = day().noShow(ANYA).replaced(1, ANYA, GIA, 1, 6, 11);

            // when the lineup is read
            Lineup lineup = day.lineup();

            // then look 1 is next, worn by Gia, and no look lacks a model
            assertThat(lineup.next()).hasValueSatisfying(l -> {
                assertThat(l.number()).isEqualTo(1);
                assertThat(l.model()).isEqualTo(GIA);
            });
            assertThat(lineup.withoutModel()).isEmpty();
        }

        @Test
        @DisplayName("when only looks without a model are left, nothing is next, and they are named")
        void onlyLooksWithoutModelLeft() {
            // given Fay (look 12) is a no-show and looks 1 to 11 walked
            Day day = day().noShow(FAY);
            List<String> wearers = List.of(ANYA, BEA, CLEO, DANA, EVA, ANYA, BEA, CLEO, DANA, EVA, ANYA);
            for (int look = 1; look <= 11; look++) {
                day.walked(look, wearers.get(look - 1), look);
            }

            // when the lineup is read
            Lineup lineup = day.lineup();

            // then nothing is next, and look 12 has no model
            assertThat(lineup.next()).isEmpty();
            assertThat(numbers(lineup.withoutModel())).containsExactly(12);
        }

        @Test
        @DisplayName("after the last look, nothing is next")
        void afterTheLastLook() {
            // given every look walked
            Day day = day();
            List<String> wearers = List.of(ANYA, BEA, CLEO, DANA, EVA, ANYA, BEA, CLEO, DANA, EVA, ANYA, FAY);
            for (int look = 1; look <= 12; look++) {
                day.walked(look, wearers.get(look - 1), look);
            }

            // when the lineup is read
            Lineup lineup = day.lineup();

            // then look 12 is out and nothing is left
            assertThat(lineup.out()).map(LookState::number).contains(12);
            assertThat(lineup.next()).isEmpty();
            assertThat(lineup.toWalk()).isEmpty();
        }
    }

    @Nested
    @DisplayName("refuses a step")
    class Refusals {

        @Test
        @DisplayName("on a look that walked, even ready")
        void walked() {
            // given look 1 walked
            Lineup lineup = day().arrived(ANYA).walked(1, ANYA, 0).lineup();

            // when hair or ready is asked for
            Optional<String> hair = lineup.refusalOf(look(lineup, 1), Step.HAIR);
            Optional<String> ready = lineup.refusalOf(look(lineup, 1), Step.READY);

            // then both are refused
            assertThat(hair).contains("look 1 walked already");
            assertThat(ready).contains("look 1 walked already");
        }

        @Test
        @DisplayName("on a look of a no-show, pointing at /replace")
        void noShow() {
            // given Anya is a no-show
            Lineup lineup = day().noShow(ANYA).lineup();

            // when ready is asked for on her look 6
            Optional<String> refusal = lineup.refusalOf(look(lineup, 6), Step.READY);

            // then it is refused
            assertThat(refusal).contains("Anya Petrova, who wears look 6, is marked a no-show; replace her first with /replace");
        }

        @Test
        @DisplayName("on a look whose model has not arrived")
        void notArrived() {
            // given Anya has not arrived
            Lineup lineup = day().lineup();

            // when hair or dressed is asked for on look 1
            Optional<String> hair = lineup.refusalOf(look(lineup, 1), Step.HAIR);
            Optional<String> dressed = lineup.refusalOf(look(lineup, 1), Step.DRESSED);

            // then both are refused
            assertThat(hair).contains("Anya Petrova, who wears look 1, is not marked arrived yet");
            assertThat(dressed).isEqualTo(hair);
        }

        @Test
        @DisplayName("but lets a producer declare a look ready before its model arrives")
        void readyBeforeArrival() {
            // given Anya has not arrived
            Lineup lineup = day().lineup();

            // when ready is asked for on look 1
            Optional<String> refusal = lineup.refusalOf(look(lineup, 1), Step.READY);

            // then it is allowed
            assertThat(refusal).isEmpty();
        }

        @Test
        @DisplayName("but allows every step once whoever wears the look now has arrived")
        void arrived() {
            // given Gia took over Anya's looks and has arrived, Anya has not
            Lineup lineup = day().replaced(1, ANYA, GIA, 1, 6, 11).arrived(GIA).lineup();

            // when hair is asked for on look 6
            Optional<String> refusal = lineup.refusalOf(look(lineup, 6), Step.HAIR);

            // then it is allowed
            assertThat(refusal).isEmpty();
        }
    }

    @Nested
    @DisplayName("plans a replacement")
    class Replacing {

        private static ReplacementPlan.Refused refused(ReplacementPlan plan) {
            assertThat(plan).isInstanceOf(ReplacementPlan.Refused.class);
            return (ReplacementPlan.Refused) plan;
        }

        private static ReplacementPlan.Allowed allowed(ReplacementPlan plan) {
            assertThat(plan).isInstanceOf(ReplacementPlan.Allowed.class);
            return (ReplacementPlan.Allowed) plan;
        }

        @Test
        @DisplayName("refusing a model to replace herself")
        void herself() {
            ReplacementPlan plan = day().lineup().planReplacement(ANYA, ANYA);

            assertThat(refused(plan).reason()).isEqualTo("Anya Petrova cannot replace herself.");
        }

        @Test
        @DisplayName("refusing to replace a model a second time, naming who replaced her")
        void alreadyReplaced() {
            // given Gia replaced Anya
            Lineup lineup = day().replaced(1, ANYA, GIA, 1, 6, 11).lineup();

            // when Hana is asked to replace Anya too
            ReplacementPlan plan = lineup.planReplacement(ANYA, HANA);

            // then it is refused
            assertThat(refused(plan).reason()).isEqualTo("Anya Petrova was already replaced by Gia Sol.");
        }

        @Test
        @DisplayName("refusing a no-show as the replacement")
        void withNoShow() {
            // given Hana is a no-show
            Lineup lineup = day().noShow(HANA).lineup();

            // when she is asked to replace Fay
            ReplacementPlan plan = lineup.planReplacement(FAY, HANA);

            // then it is refused
            assertThat(refused(plan).reason()).isEqualTo("Hana Ito is marked a no-show.");
        }

        @Test
        @DisplayName("refusing a model who was herself replaced")
        void withSomeoneReplaced() {
            // given Gia replaced Anya
            Lineup lineup = day().replaced(1, ANYA, GIA, 1, 6, 11).lineup();

            // when Anya is asked to replace Fay
            ReplacementPlan plan = lineup.planReplacement(FAY, ANYA);

            // then it is refused
            assertThat(refused(plan).reason()).isEqualTo("Anya Petrova is out of the show: she was replaced by Gia Sol.");
        }

        @Test
        @DisplayName("refusing when the model has nothing left to walk")
        void nothingLeft() {
            // given Fay walked her only look
            Lineup lineup = day().walked(12, FAY, 11).lineup();

            // when Gia is asked to replace her
            ReplacementPlan plan = lineup.planReplacement(FAY, GIA);

            // then it is refused
            assertThat(refused(plan).reason()).isEqualTo("Fay Roux has no look left to walk.");
        }

        @Test
        @DisplayName("refusing to replace a standby, who walks nothing")
        void standbyWalksNothing() {
            ReplacementPlan plan = day().lineup().planReplacement(GIA, HANA);

            assertThat(refused(plan).reason()).isEqualTo("Gia Sol has no look left to walk.");
        }

        @Test
        @DisplayName("taking over only the looks that have not walked")
        void walkedLooksStay() {
            // given Anya walked look 1
            Lineup lineup = day().walked(1, ANYA, 0).lineup();

            // when Gia is asked to replace her
            ReplacementPlan plan = lineup.planReplacement(ANYA, GIA);

            // then Gia takes looks 6 and 11, with no quick change of her own
            assertThat(allowed(plan).looks()).containsExactly(6, 11);
            assertThat(allowed(plan).newQuickChanges()).isEmpty();
        }

        @Test
        @DisplayName("passing on the looks a replacement took over when she is replaced in turn")
        void replacementReplaced() {
            // given Gia took over Anya's looks, and look 1 walked
            Lineup lineup = day().replaced(1, ANYA, GIA, 1, 6, 11).walked(1, GIA, 0).lineup();

            // when Hana is asked to replace Gia
            ReplacementPlan plan = lineup.planReplacement(GIA, HANA);

            // then Hana takes looks 6 and 11
            assertThat(allowed(plan).looks()).containsExactly(6, 11);
        }

        @Test
        @DisplayName("refusing a model with less than a minute between her looks and the ones to take, naming them")
        void gapUnderAMinute() {
            // when Eva (looks 5 and 10) is asked to replace Dana (looks 4 and 9), straight before each of hers
            ReplacementPlan plan = day().lineup().planReplacement(DANA, EVA);

            // then it is refused, with both impossible changes
            assertThat(refused(plan).reason()).isEqualTo("Eva Lund already walks a look too close: "
                    + "looks 4 → 5 with 0m between them; looks 9 → 10 with 0m between them. "
                    + "Nobody changes in under 60 seconds.");
        }

        @Test
        @DisplayName("allowing a gap of a minute up to the quick-change threshold, with a warning")
        void gapUnderThreshold() {
            // when Eva (look 10) is asked to replace Fay (look 12), a minute later
            ReplacementPlan plan = day().lineup().planReplacement(FAY, EVA);

            // then it is allowed with the new quick change to warn about
            assertThat(allowed(plan).looks()).containsExactly(12);
            assertThat(allowed(plan).newQuickChanges())
                    .containsExactly(new QuickChange(EVA, 10, 12, Duration.ofMinutes(1), true));
        }

        @Test
        @DisplayName("allowing a far gap with no warning")
        void farGap() {
            // when Bea (last out in look 7) is asked to replace Fay (look 12), four minutes later
            ReplacementPlan plan = day().lineup().planReplacement(FAY, BEA);

            // then it is allowed without a warning
            assertThat(allowed(plan).looks()).containsExactly(12);
            assertThat(allowed(plan).newQuickChanges()).isEmpty();
        }

        @Test
        @DisplayName("warning only of the changes between her own looks and the ones she takes")
        void onlyNewChanges() {
            // given a quick-change threshold of five minutes, so that Bea's planned 2 → 7 (four minutes) is flagged
            Show strict = SHOW.show();
            strict = new Show(strict.id(), strict.name(), strict.venue(), strict.zone(), strict.start(), strict.doors(),
                    strict.discord(), strict.departments(), strict.models(), strict.modelCalls(), strict.looks(),
                    strict.milestones(), strict.secondsPerLook(), strict.noShowGrace(), Duration.ofMinutes(5),
                    strict.confirmBy(), strict.lookSteps());

            // when Bea is asked to replace Fay (look 12)
            ReplacementPlan plan = day().lineup(strict).planReplacement(FAY, BEA);

            // then she is warned of 7 → 12, which is new, and not of 2 → 7, which she had already
            assertThat(allowed(plan).newQuickChanges())
                    .containsExactly(new QuickChange(BEA, 7, 12, Duration.ofMinutes(4), true));
        }
    }
}
