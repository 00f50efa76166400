package dev.showcall.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.showcall.backstage.ShowDirectory;
import dev.showcall.links.Links;
import dev.showcall.roster.MemberList;
import dev.showcall.roster.Person;
import dev.showcall.store.FreshDatabase;
import dev.showcall.store.LinkRepository;
import dev.showcall.store.PersonalLinkRepository;
import dev.showcall.store.ScreenLinkRepository;
import dev.showcall.store.TimelineEventRepository;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The links to people's own pages")
class PersonalLinksTest {

    private static final Instant NOW = Instant.parse("2027-02-20T18:00:00Z");
    private static final URI BASE = URI.create("https://showcall.example.com/");

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase();

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private ShowDirectory directory;
    private PersonalLinks links;
    private ScreenLinks screenLinks;
    private Links discordLinks;

    @BeforeEach
    void setUp() {
        directory = PersonalShow.stored(db.database(), NOW);
        links = personalLinks(PersonalShow.SECRET);
        screenLinks = new ScreenLinks(db.database(), new ScreenLinkRepository(), new LinkTokens(PersonalShow.SECRET),
                BASE, clock, (show, epoch) -> { });
        discordLinks = new Links(db.database(), new LinkRepository(), new PersonalLinkRepository(),
                new TimelineEventRepository(), () -> directory, MemberList.NONE, show -> { }, clock);
    }

    private PersonalLinks personalLinks(String secret) {
        return new PersonalLinks(db.database(), new PersonalLinkRepository(), new ScreenLinkRepository(),
                new LinkTokens(secret), BASE, directory::byId, clock);
    }

    private static String token(URI link) {
        return link.getPath().substring("/me/".length());
    }

    private Person person(String key) {
        return discordLinks.roster(PersonalShow.ID).orElseThrow().people().stream()
                .filter(p -> p.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("a link is the base address, /me/ and a token of 256 bits that grants the call it is for")
    void shape() {
        // given the mail asks for Nia's link
        URI link = links.linkFor(PersonalShow.ID, PersonalShow.NIA);

        // then it is under /me/ and opens her call
        assertThat(link.toString()).startsWith("https://showcall.example.com/me/");
        assertThat(Base64.getUrlDecoder().decode(token(link))).hasSize(32);
        assertThat(links.granted(token(link)))
                .hasValue(Grant.personal(PersonalShow.ID, 0, PersonalShow.NIA));
    }

    @Test
    @DisplayName("the same link is given again, by this showcall or another with the same secret: a mail sent again carries it")
    void stable() {
        // given a link given once
        URI first = links.linkFor(PersonalShow.ID, PersonalShow.NIA);

        // when it is asked for again, here and after a restart
        URI again = links.linkFor(PersonalShow.ID, PersonalShow.NIA);
        URI restarted = personalLinks(PersonalShow.SECRET).linkFor(PersonalShow.ID, PersonalShow.NIA);

        // then it is the same link, kept once
        assertThat(again).isEqualTo(first);
        assertThat(restarted).isEqualTo(first);
        List<String> kept = db.inTransaction(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*), MIN(token_hash) FROM personal_link")) {
                rs.next();
                return List.of(Integer.toString(rs.getInt(1)), rs.getString(2));
            }
        });
        assertThat(kept).containsExactly("1", LinkTokens.hash(token(first)));
    }

    @Test
    @DisplayName("each call has its own link, and another secret gives other tokens")
    void distinct() {
        // when two calls' links are asked for, and one under another secret
        URI nia = links.linkFor(PersonalShow.ID, PersonalShow.NIA);
        URI anya = links.linkFor(PersonalShow.ID, PersonalShow.ANYA);
        URI otherSecret = personalLinks("another-secret").linkFor(PersonalShow.ID, PersonalShow.NIA);

        // then they all differ, and each opens its own call
        assertThat(List.of(nia, anya, otherSecret)).doesNotHaveDuplicates();
        assertThat(links.granted(token(anya)).flatMap(Grant::callKey)).hasValue(PersonalShow.ANYA);
    }

    @Test
    @DisplayName("the database keeps each token's SHA-256 only, never the token")
    void hashed() {
        // given a link
        String token = token(links.linkFor(PersonalShow.ID, PersonalShow.NIA));

        // when the table is read
        List<String> kept = db.inTransaction(c -> {
            List<String> row = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery("SELECT * FROM personal_link")) {
                while (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.add(String.valueOf(rs.getObject(i)));
                    }
                }
            }
            return row;
        });

        // then the token is nowhere in it
        assertThat(kept).contains(LinkTokens.hash(token)).noneMatch(v -> v.contains(token));
    }

    @Test
    @DisplayName("a token never given out, revoked, or not even a token's shape grants nothing")
    void unknown() {
        // given one link given out
        links.linkFor(PersonalShow.ID, PersonalShow.NIA);

        // then other tokens open nothing
        assertThat(links.granted("A".repeat(43))).isEmpty();
        assertThat(links.granted("../../etc/passwd")).isEmpty();
        assertThat(links.granted(null)).isEmpty();
    }

    @Test
    @DisplayName("/screen rotate:true stops every personal link of the show, and the next link is a new one")
    void rotation() {
        // given Nia's link
        URI before = links.linkFor(PersonalShow.ID, PersonalShow.NIA);

        // when a producer rotates the show's links
        screenLinks.rotate(PersonalShow.ID, OptionalLong.empty(), PersonalShow.PRODUCER);

        // then the old one opens nothing, and the one given now works
        URI after = links.linkFor(PersonalShow.ID, PersonalShow.NIA);
        assertThat(links.granted(token(before))).isEmpty();
        assertThat(after).isNotEqualTo(before);
        assertThat(links.granted(token(after))).hasValue(Grant.personal(PersonalShow.ID, 1, PersonalShow.NIA));
    }

    @Test
    @DisplayName("a producer linking the person to a Discord account stops their link, and theirs only")
    void linked() {
        // given Nia's and Anya's links
        URI nia = links.linkFor(PersonalShow.ID, PersonalShow.NIA);
        URI anya = links.linkFor(PersonalShow.ID, PersonalShow.ANYA);

        // when a producer links Nia's line to a Discord account
        discordLinks.link(PersonalShow.ID, person(PersonalShow.NIA), 1190000000000000399L, PersonalShow.PRODUCER);

        // then her old link stops, her next one is new, and Anya's still works
        URI niaNow = links.linkFor(PersonalShow.ID, PersonalShow.NIA);
        assertThat(links.granted(token(nia))).isEmpty();
        assertThat(niaNow).isNotEqualTo(nia);
        assertThat(links.granted(token(niaNow))).isPresent();
        assertThat(links.granted(token(anya))).isPresent();
    }

    @Test
    @DisplayName("unlinking the person stops their link too, and a link given again after it is new again")
    void unlinked() {
        // given Anya linked, and the link she was given since
        discordLinks.link(PersonalShow.ID, person(PersonalShow.ANYA), PersonalShow.ANYA_ON_DISCORD, PersonalShow.PRODUCER);
        URI linkedLink = links.linkFor(PersonalShow.ID, PersonalShow.ANYA);

        // when a producer unlinks her
        discordLinks.unlink(PersonalShow.ID, person(PersonalShow.ANYA), PersonalShow.PRODUCER);

        // then that link stops and the next is another
        URI now = links.linkFor(PersonalShow.ID, PersonalShow.ANYA);
        assertThat(links.granted(token(linkedLink))).isEmpty();
        assertThat(now).isNotEqualTo(linkedLink);
        assertThat(links.granted(token(now))).isPresent();
    }

    @Test
    @DisplayName("no link is given for a show that is not running or a call that is not on its sheet")
    void refused() {
        assertThatThrownBy(() -> links.linkFor("no-such-show", PersonalShow.NIA))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> links.linkFor(PersonalShow.ID, "model:Nobody"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
