package dev.showcall.store;

import static dev.showcall.store.ShowFixture.SHOW_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.screen.Grant;
import dev.showcall.screen.LinkTokens;
import dev.showcall.screen.ScreenLinks;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

@OnEachDatabase
@DisplayName("The web links of a show")
class ScreenLinkRepositoryTest {

    private static final Instant AT = Instant.parse("2027-02-21T16:20:00Z");
    private static final long PR = 1190000000000000111L;
    private static final long OTHER_PR = 1190000000000000112L;

    @Parameter
    @RegisterExtension
    FreshDatabase db;

    private final LinkTokens tokens = new LinkTokens("secret");
    private final List<String> rotations = new ArrayList<>();
    private ScreenLinks links;

    @BeforeEach
    void saveShow() {
        ShowFixture.saveShow(db, SHOW_ID, AT.minusSeconds(86_400));
        links = new ScreenLinks(db.database(), new ScreenLinkRepository(), tokens, URI.create("http://10.0.0.5:8080"),
                Clock.fixed(AT, ZoneOffset.UTC), (show, epoch) -> rotations.add(show + "@" + epoch));
    }

    private static String token(URI link) {
        String path = link.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Test
    @DisplayName("are the same links when asked again, each opening its own page only")
    void sameLinks() {
        ScreenLinks.Links first = links.of(SHOW_ID, OptionalLong.of(PR));
        ScreenLinks.Links again = links.of(SHOW_ID, OptionalLong.of(PR));

        assertThat(again).isEqualTo(first);
        assertThat(first.screen().toString()).startsWith("http://10.0.0.5:8080/screen/");
        assertThat(links.granted(token(first.screen()))).contains(Grant.screen(SHOW_ID, 0));
        assertThat(links.granted(token(first.lineup()))).contains(Grant.lineup(SHOW_ID, 0));
        assertThat(links.granted(token(first.door().orElseThrow()))).contains(Grant.door(SHOW_ID, 0, PR));
    }

    @Test
    @DisplayName("give each PR a door of their own, acting in their name")
    void doorsByPerson() {
        URI mine = links.of(SHOW_ID, OptionalLong.of(PR)).door().orElseThrow();
        URI theirs = links.of(SHOW_ID, OptionalLong.of(OTHER_PR)).door().orElseThrow();

        assertThat(mine).isNotEqualTo(theirs);
        assertThat(links.granted(token(theirs)).flatMap(g -> g.userId().isPresent()
                ? Optional.of(g.userId().getAsLong()) : Optional.empty())).contains(OTHER_PR);
    }

    @Test
    @DisplayName("keep no token in the database, only its hash")
    void hashesOnly() {
        URI screen = links.of(SHOW_ID, OptionalLong.empty()).screen();

        List<String> stored = db.inTransaction(c -> {
            List<String> hashes = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery("SELECT token_hash FROM screen_link")) {
                while (rs.next()) {
                    hashes.add(rs.getString(1));
                }
            }
            return hashes;
        });

        assertThat(stored).contains(LinkTokens.hash(token(screen))).doesNotContain(token(screen));
    }

    @Test
    @DisplayName("a rotation revokes every older link at once, says so, and the new ones open")
    void rotation() {
        ScreenLinks.Links before = links.of(SHOW_ID, OptionalLong.of(PR));
        URI otherDoor = links.of(SHOW_ID, OptionalLong.of(OTHER_PR)).door().orElseThrow();

        ScreenLinks.Links after = links.rotate(SHOW_ID, OptionalLong.of(PR), 1L);

        assertThat(links.granted(token(before.screen()))).isEmpty();
        assertThat(links.granted(token(before.lineup()))).isEmpty();
        assertThat(links.granted(token(before.door().orElseThrow()))).isEmpty();
        assertThat(links.granted(token(otherDoor))).as("every door, not only the rotator's").isEmpty();
        assertThat(links.granted(token(after.screen()))).contains(Grant.screen(SHOW_ID, 1));
        assertThat(after.screen()).isNotEqualTo(before.screen());
        assertThat(links.of(SHOW_ID, OptionalLong.empty()).screen()).isEqualTo(after.screen());
        assertThat(rotations).containsExactly(SHOW_ID + "@1");
    }

    @Test
    @DisplayName("a token never given out, or of the wrong shape, grants nothing")
    void unknown() {
        links.of(SHOW_ID, OptionalLong.empty());

        assertThat(links.granted(tokens.token(Grant.screen(SHOW_ID, 7)))).isEmpty();
        assertThat(links.granted("not-a-token")).isEmpty();
        assertThat(links.granted(new LinkTokens("another secret").token(Grant.screen(SHOW_ID, 0)))).isEmpty();
    }
}
