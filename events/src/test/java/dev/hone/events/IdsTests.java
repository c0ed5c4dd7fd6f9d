package dev.hone.events;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTests {

    @Test
    void anIdIsValidExactlyWhenThePatternMatchesIt() {
        var random = new SplittableRandom(3);
        String alphabet = "aZ09._:@-/ \\\"'<>%\u00e9\u0130\u212a\u0000\n\t\u4e2d\ud83d\ude00";
        for (int i = 0; i < 100_000; i++) {
            var id = new StringBuilder();
            int length = random.nextInt(10) == 0 ? random.nextInt(120, 140) : random.nextInt(0, 12);
            for (int k = 0; k < length; k++) {
                id.append(random.nextInt(4) == 0 ? alphabet.charAt(random.nextInt(alphabet.length())) : (char) random.nextInt(33, 127));
            }
            String text = id.toString();
            assertThat(Ids.isValid(text)).as("[%s]", text).isEqualTo(Ids.PATTERN.matcher(text).matches());
        }
        assertThat(Ids.isValid(null)).isFalse();
        assertThat(Ids.isValid("a".repeat(128))).isTrue();
        assertThat(Ids.isValid("a".repeat(129))).isFalse();
    }
}
