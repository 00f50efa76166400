package dev.showcall.store;

import static dev.showcall.store.ShowFixture.SHOW_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.Replacement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

@OnEachDatabase
@DisplayName("Replacements")
class ReplacementRepositoryTest {

    private static final String ANYA = "Anya Petrova";
    private static final String GIA = "Gia Sol";
    private static final String HANA = "Hana Ito";
    private static final Instant DECIDED = Instant.parse("2027-02-21T17:40:00Z");
    private static final long PRODUCER = 1190000000000000502L;
    private static final long PR = ShowFixture.PR_LEAD;

    @Parameter
    @RegisterExtension
    FreshDatabase db;

    private final ReplacementRepository replacements = new ReplacementRepository();

    @BeforeEach
    void saveShow() {
        ShowFixture.saveShow(db, SHOW_ID, DECIDED.minusSeconds(86_400));
    }

    private static Replacement unstored(String model, String by, List<Integer> looks, long decidedBy) {
        return new Replacement(Replacement.UNSTORED, SHOW_ID, model, by, looks, DECIDED, decidedBy);
    }

    private Optional<Replacement> add(Replacement r) {
        return db.inTransaction(c -> replacements.add(c, r));
    }

    private List<Replacement> listed() {
        return db.inTransaction(c -> replacements.forShow(c, SHOW_ID));
    }

    @Test
    @DisplayName("a replacement added is returned with the id it was stored under, and listed as returned")
    void addReturnsId() {
        // when Gia is recorded replacing Anya in looks 1 and 6
        Optional<Replacement> stored = add(unstored(ANYA, GIA, List.of(1, 6), PR));

        // then it comes back with an id and everything else as given
        assertThat(stored).hasValueSatisfying(r -> {
            assertThat(r.id()).isPositive();
            assertThat(r).isEqualTo(new Replacement(r.id(), SHOW_ID, ANYA, GIA, List.of(1, 6), DECIDED, PR));
        });
        assertThat(listed()).containsExactly(stored.orElseThrow());
    }

    @Test
    @DisplayName("a model is replaced once: a second replacement of her is empty and the first stands")
    void duplicateModel() {
        // given Gia replaced Anya
        Replacement first = add(unstored(ANYA, GIA, List.of(1, 6), PR)).orElseThrow();

        // when a producer records Hana replacing Anya too
        Optional<Replacement> second = add(unstored(ANYA, HANA, List.of(6), PRODUCER));

        // then nothing is stored
        assertThat(second).isEmpty();
        assertThat(listed()).containsExactly(first);
    }

    @Test
    @DisplayName("whoever replaced someone can be replaced in turn, listed in the order they were decided")
    void chained() {
        // given Gia replaced Anya
        Replacement first = add(unstored(ANYA, GIA, List.of(1, 6), PR)).orElseThrow();

        // when Hana replaces Gia
        Replacement second = add(unstored(GIA, HANA, List.of(6), PRODUCER)).orElseThrow();

        // then both are listed, first decided first
        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(listed()).containsExactly(first, second);
    }

    @Test
    @DisplayName("the looks taken over come back in the order given, whether one, many or none")
    void looksRoundTrip() {
        // given replacements with several looks, one look and none
        add(unstored(ANYA, GIA, List.of(7, 19, 31, 40), PR));
        add(unstored("Bea Lind", HANA, List.of(12), PR));
        add(unstored("Cleo Marsh", "Dana Obi", List.of(), PR));

        // when they are listed
        // then each has its looks as given
        assertThat(listed()).extracting(Replacement::looks)
                .containsExactly(List.of(7, 19, 31, 40), List.of(12), List.of());
    }

    @Test
    @DisplayName("finds a replacement by its id, and nothing for an id never given")
    void findById() {
        // given two replacements
        add(unstored(ANYA, GIA, List.of(1), PR));
        Replacement bea = add(unstored("Bea Lind", HANA, List.of(2), PR)).orElseThrow();

        // when they are looked up by id
        Optional<Replacement> found = db.inTransaction(c -> replacements.find(c, SHOW_ID, bea.id()));
        Optional<Replacement> unknown = db.inTransaction(c -> replacements.find(c, SHOW_ID, bea.id() + 100));

        // then the right one is found
        assertThat(found).contains(bea);
        assertThat(unknown).isEmpty();
    }

    @Test
    @DisplayName("lists the replacements of one show only, and the same model may be replaced at each show")
    void perShow() {
        // given Anya replaced at another show
        ShowFixture.saveShow(db, "other-show", DECIDED.minusSeconds(86_400));
        Optional<Replacement> elsewhere = db.inTransaction(c -> replacements.add(c,
                new Replacement(Replacement.UNSTORED, "other-show", ANYA, GIA, List.of(1), DECIDED, PR)));

        // when she is replaced here too
        Optional<Replacement> here = add(unstored(ANYA, HANA, List.of(1), PR));

        // then both are stored, each listed at its own show
        assertThat(elsewhere).isPresent();
        assertThat(here).isPresent();
        assertThat(listed()).containsExactly(here.get());
    }
}
