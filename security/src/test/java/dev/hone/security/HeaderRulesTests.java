package dev.hone.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The loops that replace regular expressions on every request agree with the expressions they
 * replace: the firewall's default header rules and Spring's bearer-token resolver.
 */
class HeaderRulesTests {

    // StrictHttpFirewall's defaults (spring-security-web 6.5)
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    private final Random random = new Random(20261129);

    @Test
    void headerRulesAgreeWithTheFirewallsExpressionsOnEveryCharacterAlone() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String text = new String(Character.toChars(cp));
            assertThat(HeaderText.isAllowedName(text)).as("name U+%04X", cp).isEqualTo(NAME.matcher(text).matches());
            assertThat(HeaderText.isAllowedValue(text)).as("value U+%04X", cp).isEqualTo(VALUE.matcher(text).matches());
        }
    }

    @Test
    void headerRulesAgreeWithTheFirewallsExpressionsOnMixedText() {
        for (int i = 0; i < 50_000; i++) {
            String text = randomText();
            assertThat(HeaderText.isAllowedName(text)).as("name %s", text.codePoints().boxed().toList()).isEqualTo(NAME.matcher(text).matches());
            assertThat(HeaderText.isAllowedValue(text)).as("value %s", text.codePoints().boxed().toList()).isEqualTo(VALUE.matcher(text).matches());
        }
    }

    @Test
    void bearerHeaderReadsWhatSpringsResolverReadsAndRefusesWhatItRefuses() {
        var spring = new DefaultBearerTokenResolver();
        var ours = new BearerHeader();
        List<String> headers = new ArrayList<>(List.of("Bearer abc", "bearer abc", "BEARER abc.def-ghi_jkl~+/==", "Bearer ", "Bearer",
                "Bearer  abc", "Bearer abc ", "Bearer a=b", "Bearer ===", "Bearer abc=", "Basic YWxhZGRpbjpvcGVu", "Bearerabc",
                "Bearer ab\tc", "Bearer ab\u00e9c", "Token abc", "", "Bearer a\u0000"));
        for (int i = 0; i < 20_000; i++) {
            headers.add((random.nextBoolean() ? "Bearer " : random.nextBoolean() ? "bEaReR " : "Bearer") + randomTokenish());
        }
        headers.add(null);
        for (String header : headers) {
            var request = new MockHttpServletRequest();
            if (header != null) {
                request.addHeader("Authorization", header);
            }
            String expected = null;
            Throwable springRefused = catchThrowable(() -> spring.resolve(request));
            if (springRefused == null) {
                expected = spring.resolve(request);
            }
            Throwable oursRefused = catchThrowable(() -> ours.resolve(request));
            if (springRefused != null) {
                assertThat(oursRefused).as(header).isNotNull().hasSameClassAs(springRefused).hasMessage(springRefused.getMessage());
            } else {
                assertThat(oursRefused).as(header).isNull();
                assertThat(ours.resolve(request)).as(header).isEqualTo(expected);
            }
        }
    }

    private String randomText() {
        var text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(6);
            int cp = switch (pick) {
                case 0 -> 0x20 + random.nextInt(0x5f);          // printable ASCII
                case 1 -> random.nextInt(0x20);                 // C0 controls, tab among them
                case 2 -> 0x7f + random.nextInt(0x81);          // DEL, C1 controls, Latin-1
                case 3 -> random.nextInt(0x10000);              // anything in the BMP, lone surrogates too
                case 4 -> 0x10000 + random.nextInt(0x100000);   // supplementary, assigned or not
                default -> random.nextBoolean() ? 0xD800 + random.nextInt(0x400) : 0xDC00 + random.nextInt(0x400); // half a pair
            };
            text.appendCodePoint(cp);
        }
        return text.toString();
    }

    private String randomTokenish() {
        String alphabet = "abcXYZ019-._~+/= \t,;\u00e9";
        var token = new StringBuilder();
        int length = random.nextInt(8);
        for (int i = 0; i < length; i++) {
            token.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return token.toString();
    }
}
