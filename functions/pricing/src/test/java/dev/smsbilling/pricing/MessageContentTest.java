package dev.smsbilling.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageContentTest {

    @Test
    void lengthIsCountedInCodePoints() {
        assertThat(MessageContent.validate("a".repeat(1600))).isEqualTo(1600);
        assertThat(MessageContent.validate("😀".repeat(1600))).isEqualTo(1600); // 3200 UTF-16 units
        assertThat(MessageContent.validate(" x ")).isEqualTo(3);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\n\t\r ", "\u00A0\u2003", "\uD800", "ok\uDC00", "\uD83D", "a\uD83Dz"})
    void emptyBlankAndBrokenTextIsRefused(String content) {
        assertThatThrownBy(() -> MessageContent.validate(content))
                .isInstanceOf(PricingException.class)
                .extracting(e -> ((PricingException) e).field()).isEqualTo("content");
    }

    @Test
    void the1601stCodePointIsRefused() {
        assertThatThrownBy(() -> MessageContent.validate("a".repeat(1601))).hasMessageContaining("at most 1600");
        assertThatThrownBy(() -> MessageContent.validate("😀".repeat(1601))).hasMessageContaining("at most 1600");
    }
}
