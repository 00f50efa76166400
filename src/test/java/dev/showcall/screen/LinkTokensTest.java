package dev.showcall.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The tokens of the web links")
class LinkTokensTest {

    private static final String SHOW = "maison-verre-aw27";
    private final LinkTokens tokens = new LinkTokens("bot-token-of-this-install");

    @Test
    @DisplayName("carry 256 bits, URL-safe, and have a token's shape")
    void strength() {
        String token = tokens.token(Grant.screen(SHOW, 0));

        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(LinkTokens.wellFormed(token)).isTrue();
    }

    @Test
    @DisplayName("are the same for the same grant, so a TV set up once keeps its link")
    void stable() {
        assertThat(tokens.token(Grant.door(SHOW, 2, 111L))).isEqualTo(new LinkTokens("bot-token-of-this-install")
                .token(Grant.door(SHOW, 2, 111L)));
    }

    @Test
    @DisplayName("differ by show, page, epoch and door holder, and under another secret")
    void distinct() {
        List<String> all = List.of(tokens.token(Grant.screen(SHOW, 0)), tokens.token(Grant.lineup(SHOW, 0)),
                tokens.token(Grant.screen(SHOW, 1)), tokens.token(Grant.screen("other-show", 0)),
                tokens.token(Grant.door(SHOW, 0, 111L)), tokens.token(Grant.door(SHOW, 0, 112L)),
                new LinkTokens("another-secret").token(Grant.screen(SHOW, 0)));

        Set<String> unique = new HashSet<>(all);

        assertThat(unique).hasSameSizeAs(all);
    }

    @Test
    @DisplayName("are kept as their SHA-256 only, which is not the token")
    void hashed() {
        String token = tokens.token(Grant.screen(SHOW, 0));

        String hash = LinkTokens.hash(token);

        assertThat(hash).hasSize(64).matches("[0-9a-f]{64}").doesNotContain(token);
        assertThat(LinkTokens.hash(token)).isEqualTo(hash);
        assertThat(LinkTokens.hash(tokens.token(Grant.lineup(SHOW, 0)))).isNotEqualTo(hash);
    }

    @Test
    @DisplayName("refuse anything without a token's shape before the database is asked")
    void shape() {
        assertThat(LinkTokens.wellFormed(null)).isFalse();
        assertThat(LinkTokens.wellFormed("")).isFalse();
        assertThat(LinkTokens.wellFormed("A".repeat(42))).isFalse();
        assertThat(LinkTokens.wellFormed("A".repeat(44))).isFalse();
        assertThat(LinkTokens.wellFormed("A".repeat(42) + "/")).isFalse();
        assertThat(LinkTokens.wellFormed("A".repeat(42) + "=")).isFalse();
    }

    @Test
    @DisplayName("need a secret")
    void secret() {
        assertThatThrownBy(() -> new LinkTokens("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a door link acts in someone's name, and no other link does")
    void doorsOnly() {
        assertThatThrownBy(() -> new Grant(SHOW, LinkKind.SCREEN, 0, java.util.OptionalLong.of(1L)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Grant(SHOW, LinkKind.DOOR, 0, java.util.OptionalLong.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
