package dev.baton.engine.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LikePatternsTest {

  @Test
  void shouldEscapeWildcardsAndTheEscapeCharacterInAContainsPattern() {
    // when
    String pattern = LikePatterns.contains("50%_off\\");

    // then
    assertThat(pattern).isEqualTo("%50\\%\\_off\\\\%");
  }

  @Test
  void shouldEscapeWildcardsInAPrefixPattern() {
    // when
    String pattern = LikePatterns.startsWith("a_b%");

    // then
    assertThat(pattern).isEqualTo("a\\_b\\%%");
  }
}
