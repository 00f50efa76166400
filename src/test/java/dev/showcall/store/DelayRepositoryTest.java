package dev.showcall.store;

import static dev.showcall.store.ShowFixture.SHOW_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.showcall.backstage.Delay;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

@OnEachDatabase
@DisplayName("Show delays")
class DelayRepositoryTest {

    private static final Instant DECLARED = Instant.parse("2027-02-21T18:40:00.125Z");
    private static final long PRODUCER = 1190000000000000401L;

    @Parameter
    @RegisterExtension
    FreshDatabase db;

    private final DelayRepository delays = new DelayRepository();

    @BeforeEach
    void saveShow() {
        ShowFixture.saveShow(db, SHOW_ID, DECLARED.minusSeconds(86_400));
    }

    @Test
    @DisplayName("an added delay is listed as declared, under the id it was given")
    void addAndList() {
        long id = db.inTransaction(c -> delays.add(c, delay(15, "Front row still seating", DECLARED)));

        List<Delay> listed = db.inTransaction(c -> delays.forShow(c, SHOW_ID));

        assertThat(listed).containsExactly(
                new Delay(id, SHOW_ID, 15, "Front row still seating", PRODUCER, DECLARED));
    }

    @Test
    @DisplayName("a show's delays are listed in the order they were declared, without another show's")
    void forShowInOrder() {
        // given delays at two shows
        ShowFixture.saveShow(db, "other-show", DECLARED);
        db.database().runInTransaction(c -> {
            delays.add(c, delay(15, "first", DECLARED));
            delays.add(c, Delay.of("other-show", 5, "elsewhere", PRODUCER, DECLARED));
            delays.add(c, delay(-5, "second", DECLARED.plusSeconds(300)));
        });

        // when the first show's delays are listed
        List<Delay> listed = db.inTransaction(c -> delays.forShow(c, SHOW_ID));

        // then they come first declared first
        assertThat(listed).extracting(Delay::reason).containsExactly("first", "second");
    }

    @Test
    @DisplayName("the show runs late by the sum of its delays, early ones subtracted")
    void totalDelay() {
        // given the show delayed 15 and 10 minutes, then brought 5 minutes forward
        db.database().runInTransaction(c -> {
            delays.add(c, delay(15, "Front row still seating", DECLARED));
            delays.add(c, delay(10, "Look 12 shoe broke", DECLARED.plusSeconds(60)));
            delays.add(c, delay(-5, "Made up time on the finale", DECLARED.plusSeconds(120)));
        });

        // when the total is asked for
        Duration total = db.inTransaction(c -> delays.totalDelay(c, SHOW_ID));

        // then it is 20 minutes
        assertThat(total).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    @DisplayName("a show running early has a negative total delay")
    void runningEarly() {
        db.inTransaction(c -> delays.add(c, delay(-10, "Everyone ready early", DECLARED)));

        Duration total = db.inTransaction(c -> delays.totalDelay(c, SHOW_ID));

        assertThat(total).isEqualTo(Duration.ofMinutes(-10));
    }

    @Test
    @DisplayName("a show without delays runs on time")
    void noDelays() {
        Duration total = db.inTransaction(c -> delays.totalDelay(c, SHOW_ID));

        assertThat(total).isZero();
    }

    @Test
    @DisplayName("ids grow in the order delays are added")
    void idsGrow() {
        long first = db.inTransaction(c -> delays.add(c, delay(5, "one", DECLARED)));
        long second = db.inTransaction(c -> delays.add(c, delay(5, "two", DECLARED)));

        assertThat(second).isGreaterThan(first);
    }

    @Test
    @DisplayName("a delay that is already stored cannot be added again")
    void addStoredDelay() {
        long id = db.inTransaction(c -> delays.add(c, delay(5, "one", DECLARED)));
        Delay stored = db.inTransaction(c -> delays.forShow(c, SHOW_ID)).get(0);

        assertThatThrownBy(() -> db.inTransaction(c -> delays.add(c, stored)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(id));
    }

    private static Delay delay(int minutes, String reason, Instant at) {
        return Delay.of(SHOW_ID, minutes, reason, PRODUCER, at);
    }
}
