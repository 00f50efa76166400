package dev.showcall.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Text people wrote, made safe to show")
class UserTextTest {

    @Nested
    @DisplayName("escapes so that Discord shows it as written")
    class Escape {

        @ParameterizedTest(name = "{0} as {1}")
        @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
                "**bold** => \\*\\*bold\\*\\*",
                "__under__ _it_ => \\_\\_under\\_\\_ \\_it\\_",
                "~~gone~~ => \\~\\~gone\\~\\~",
                "||secret|| => \\|\\|secret\\|\\|",
                "`code` => \\`code\\`",
                "[site](https://example.com) => \\[site\\](https://example.com)",
                "back\\slash => back\\\\slash",
                "<@&1190000000000000005> => \\<@&1190000000000000005>",
                "<@1190000000000000111> and <#1190000000000000002> => \\<@1190000000000000111> and \\<#1190000000000000002>",
                "<t:1800000000:R> => \\<t:1800000000:R>",
                "@everyone Party => \\@everyone Party",
                "hello @here => hello \\@here",
                "# Big => \\# Big",
                "> quoted => \\> quoted",
                "- item => \\- item",
                "-# small => \\-# small",
                "1. first => 1\\. first",
                "Anne-Marie #1 > all => Anne-Marie #1 > all",
                "Zoë Hart => Zoë Hart",
                "a@b.com => a@b.com"})
        void markdownAndMentions(String written, String shown) {
            assertThat(UserText.inline(written)).isEqualTo(shown);
        }

        @Test
        @DisplayName("on one line, line breaks and control characters become spaces")
        void inlineIsOneLine() {
            assertThat(UserText.inline("two\nlines\tand\u0007bell")).isEqualTo("two lines and bell");
        }

        @Test
        @DisplayName("over several lines, the start of every line is escaped")
        void everyLineStart() {
            assertThat(UserText.escape("Bring kit\n# No perfume\r\n> ever")).isEqualTo("Bring kit\n\\# No perfume\n\\> ever");
        }
    }

    @Nested
    @DisplayName("cuts to a length on whole characters")
    class Cut {

        @Test
        @DisplayName("leaves text that fits as it is")
        void fits() {
            assertThat(UserText.cut("Anya Petrova", 12)).isEqualTo("Anya Petrova");
        }

        @Test
        @DisplayName("ends a cut text with an ellipsis, within the length")
        void ellipsis() {
            assertThat(UserText.cut("Anya Petrova", 8)).isEqualTo("Anya Pe…").hasSize(8);
        }

        @Test
        @DisplayName("never keeps half of an emoji")
        void surrogatePairs() {
            for (int max = 1; max <= 12; max++) {
                String cut = UserText.cut("a💄💄💄💄💄💄", max);

                assertThat(UserText.hasBrokenCharacter(cut)).as("cut to %d: %s", max, cut).isFalse();
                assertThat(cut.length()).isLessThanOrEqualTo(max);
            }
        }

        @Test
        @DisplayName("never parts a letter from its accent")
        void combiningMarks() {
            String decomposed = "Zoe\u0308 Hart";

            assertThat(UserText.cut(decomposed, 4)).isEqualTo("Zo…");
        }

        @Test
        @DisplayName("never splits an escape, and counts the escapes in the length")
        void escapedCut() {
            String cut = UserText.inline("**" + "x".repeat(30), 10);

            assertThat(cut).isEqualTo("\\*\\*xxxxx…").hasSize(10);
        }

        @Test
        @DisplayName("cuts escaped emoji on whole characters too")
        void escapedEmoji() {
            for (int max = 1; max <= 20; max++) {
                String cut = UserText.inline("*💄*💄*💄*💄*💄", max);

                assertThat(UserText.hasBrokenCharacter(cut)).as("cut to %d: %s", max, cut).isFalse();
                assertThat(cut.length()).isLessThanOrEqualTo(max);
            }
        }

        @Test
        @DisplayName("plain text for labels is cut but not escaped")
        void plain() {
            assertThat(UserText.plain("**7** · 💄\nnew line", 100)).isEqualTo("**7** · 💄 new line");
        }
    }
}
