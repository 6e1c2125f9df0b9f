package dev.baton.choreography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventTest {

  @Test
  void shouldDeriveTheIdFromOrderAndTypeSoARepeatedReactionRepeatsTheId() {
    // given
    Event placed = Event.placed("o-1", Map.of("amount", 100));

    // when
    Event first = placed.next(Topics.INVENTORY_RESERVED, Map.of("reservationId", "res-1"));
    Event again = placed.next(Topics.INVENTORY_RESERVED, Map.of("reservationId", "res-1"));

    // then
    assertThat(placed.id()).isEqualTo("o-1:order.placed");
    assertThat(first.id()).isEqualTo("o-1:inventory.reserved").isEqualTo(again.id());
    assertThat(first.data()).containsEntry("amount", 100).containsEntry("reservationId", "res-1");
  }

  @Test
  void shouldSurviveJsonRoundTrip() {
    // given
    Event event =
        Event.placed("o-2", Map.of("items", List.of(Map.of("sku", "SKU-1")), "country", "DE"));

    // when
    Event read = Event.fromJson(event.toJson());

    // then
    assertThat(read).isEqualTo(event);
    assertThat(read.text("country")).isEqualTo("DE");
  }

  @Test
  void shouldRefuseAMessageThatIsNotAnEvent() {
    assertThatThrownBy(() -> Event.fromJson("not json".getBytes()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Not an event");
  }
}
