package dev.showcall.show;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Names as the people typing them see them")
class NamesTest {

    @ParameterizedTest(name = "''{0}'' is ''{1}''")
    @CsvSource({
            "Ayo Bankole, AYO BANKOLE",
            "Zoë Hart, Zoe Hart",
            "Zoe\u0308 Hart, Zoë Hart",
            "Zoë  Hart, zoehart",
            "Ａｎｙａ, anya",
            "Chloé\u200b Marchand, chloe marchand"})
    @DisplayName("are the same whatever their case, accents, spaces and invisible characters")
    void same(String a, String b) {
        assertThat(Names.same(a, b)).isTrue();
    }

    @ParameterizedTest(name = "''{0}'' is not ''{1}''")
    @CsvSource({"Anya Petrova, Anja Petrova", "Anne-Marie, Anne Marie", "Lee, Leé Soo"})
    @DisplayName("differ by anything else")
    void different(String a, String b) {
        assertThat(Names.same(a, b)).isFalse();
    }
}
